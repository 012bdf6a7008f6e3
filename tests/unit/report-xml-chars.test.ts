/**
 * Issue 18, item 1: a character XML 1.0 forbids (U+FFFE, U+FFFF, a C0 control) in any text of one school's data
 * made the department's documents unopenable. Here every text column of every synced table holds such
 * characters (written straight into the files, as an earlier version or an old row could have left them); every
 * report and document kind is built, every XML part of it is checked, and LibreOffice opens each one.
 * And the doors: a form and an incoming row with such a character are refused in words.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { tempDir, testWorkspace } from '../helpers.js';
import { runCli } from '../../main/cli/index.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { allTables, type Field } from '../../db/registry/index.js';
import { consentFormDoc } from '../../main/services/reports/consent-form.js';
import { pupilReportDoc } from '../../main/services/reports/pupil-report.js';
import { renderDocx } from '../../main/services/reports/docx.js';
import { writeFileSync } from 'node:fs';
import { validateTable } from '../../main/services/exchange/tables.js';

const BAD = '\uFFFE\uFFFF\u0001\u0008\u001F';
const dir = tempDir('opora-xmlchars-');
const made: string[] = [];

async function opora(...argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (l) => err.push(l), now: () => new Date('2026-11-25T10:00:00Z') });
  if (code !== 0) throw new Error(`opora ${argv.join(' ')}: ${err.join('\n')}`);
}

/** Every non-personal text column of every synced table gets the characters, in the middle of what it held (a column holding JSON — a document's saved parts — is left whole). */
function poison(path: string): void {
  const w = openWorkspaceFile(path, () => new Date('2026-11-25T10:00:00Z'));
  try {
    const exists = w.ctx.raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    for (const t of allTables()) {
      if (!exists.get(t.name)) continue;
      const cols = Object.entries(t.fields as Record<string, Field>).filter(([, f]) => f.kind === 'text' && !f.personal).map(([c]) => c);
      if (!cols.length) continue;
      w.ctx.raw.prepare(`UPDATE ${t.name} SET ${cols.map((c) => `${c} = CASE WHEN json_valid(${c}) AND substr(${c}, 1, 1) IN ('[', '{') THEN ${c} ELSE substr(${c}, 1, 3) || ? || substr(${c}, 4) END`).join(', ')}`).run(...cols.map(() => BAD));
    }
  } finally {
    w.close();
  }
}

function badXmlParts(file: string): string[] {
  const parts = unzipSync(readFileSync(file));
  return Object.entries(parts).filter(([name, data]) => {
    if (!/\.(xml|rels)$/.test(name)) return false;
    const xml = strFromU8(data);
    return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml) || /&#x0*(fffe|ffff|[0-8b-c]|1[0-9a-f]);|&#0*([0-8]|1[12]|1[4-9]|2[0-9]|3[01]|65534|65535);/i.test(xml);
  }).map(([name]) => name);
}

beforeAll(async () => {
  const muni = join(dir, 'muni.sqlite');
  await opora('demo', '--db', muni, '--schools', '2', '--seed', '5');
  const school = join(dir, 'school.sqlite');
  await opora('demo', '--db', school, '--size', 'small', '--seed', '6');
  poison(muni);
  poison(school);
  for (const [db, kind, ext] of [
    [school, 'school', 'docx'], [school, 'school', 'xlsx'], [muni, 'school', 'docx'], [muni, 'roadmap', 'docx'], [muni, 'roadmap', 'xlsx'],
    [muni, 'schools', 'docx'], [muni, 'schools', 'xlsx'], [muni, 'monitoring', 'docx'], [muni, 'monitoring', 'xlsx'], [muni, 'meeting', 'docx'], [muni, 'order', 'docx'],
  ] as const) {
    const out = join(dir, `${db === muni ? 'muni' : 'school'}-${kind}.${ext}`);
    const w = db === muni && kind === 'school' ? openWorkspaceFile(muni, () => new Date()) : null;
    const schoolId = w ? (w.ctx.raw.prepare("SELECT id FROM municipality_school ORDER BY name LIMIT 1").pluck().get() as string) : undefined;
    w?.close();
    await opora('report', '--db', db, '--kind', kind, '--out', out, ...(schoolId ? ['--school', schoolId] : []));
    made.push(out);
  }
  // The school's two documents about a pupil: the consent form and «Что хранится о ребёнке».
  const w = openWorkspaceFile(school, () => new Date('2026-11-25T10:00:00Z'));
  const entry = w.ctx.raw.prepare('SELECT id, pupil_id FROM risk_entry LIMIT 1').get() as { id: string; pupil_id: string };
  for (const [name, doc] of [['consent.docx', consentFormDoc(w.ctx, entry.id).doc], ['pupil.docx', pupilReportDoc(w.ctx, entry.pupil_id)]] as const) {
    writeFileSync(join(dir, name), await renderDocx(doc));
    made.push(join(dir, name));
  }
  w.close();
}, 240_000);

describe('no document breaks on a character XML cannot hold', () => {
  it('every XML part of every report and document kind is free of them', () => {
    expect(made.length).toBe(13);
    for (const f of made) expect(badXmlParts(f), f).toEqual([]);
  });

  it('LibreOffice opens every one of them (converted to PDF)', () => {
    const out = join(dir, 'pdf');
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, ...made], { stdio: 'pipe', timeout: 200_000 });
    const pdfs = readdirSync(out);
    for (const f of made) {
      const pdf = f.replace(/^.*\//, '').replace(/\.(docx|xlsx)$/, '.pdf');
      expect(pdfs, f).toContain(pdf);
      expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 240_000);
});

describe('the doors refuse them in words', () => {
  it('a form: the field and what to do', async () => {
    const { call, ok } = testWorkspace();
    await ok('workspace.createSchool', { name: 'МКОУ «Энская ООШ» (вымышленная)' });
    const r = await call('records.save', { entity: 'event', value: { title: 'Семинар\uFFFE', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' } });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/В поле «Название» есть служебный символ/);
  });

  it('a form: a line break copied from Word (vertical tab) is kept as a line break, not refused', async () => {
    const { text } = await import('../../preload/contract/fields.js');
    expect(text('Итоги').parse('строка\u000Bвторая')).toBe('строка\nвторая');
  });

  it('an incoming row: refused with the table, the row and the field', () => {
    const cols = ['id', 'owner', 'origin', 'hlc', 'created_at', 'updated_at', 'deleted_at', 'title', 'kind', 'builtin'];
    const o = '11111111-1111-4111-8111-111111111111';
    const row = [o, o, o, `000001764064800:000000:${o}`, '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z', null, 'Фактор\uFFFF', 'internal', 0];
    expect(() => validateTable('risk_factor', { table: 'risk_factor', columns: cols, rows: [row] })).toThrow(/Фактор риска.*строка 1, поле «Фактор риска»: недопустимый служебный символ/);
  });
});
