/**
 * What leaves the school is decided field by field in the table registry (issue 17): a pupil's records go up
 * with categories, dates, statuses and codes, never with free text. Proved on the registry itself, on a real
 * bundle's bytes, and on a department that still gets the text from a school on an earlier version.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { allTables, isPupilLinked, travels, exportedColumns, columnsOf, personalColumns, type Field } from '../../db/registry/index.js';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { openContainer, unpackEntries } from '../../main/services/exchange/container.js';
import { ensureIdentity, importBundle } from '../../main/services/exchange/index.js';
import { saveRecord } from '../../main/services/records/records.js';
import { migrate } from '../../db/open.js';
import { migrations } from '../../db/migrations/index.js';
import { municipalityDashboard } from '../../main/services/municipality/overview.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

const PUPIL_TABLES = ['pupil', 'risk_entry', 'risk_status_change', 'consent', 'gifted_pupil', 'support_measure'];

describe('the registry decides what travels', () => {
  it('knows every table about a pupil, and none other', () => {
    const linked = allTables().map((t) => t.name).filter((t) => isPupilLinked(t));
    expect(linked.sort()).toEqual([...PUPIL_TABLES].sort());
  });

  it('no free-text field of a pupil-linked table travels, and each such field says so itself', () => {
    for (const t of allTables()) {
      if (!isPupilLinked(t.name)) continue;
      for (const [col, field] of Object.entries(t.fields as Record<string, Field>)) {
        if (field.kind !== 'text') continue;
        expect(travels(t.name, col), `${t.name}.${col}`).toBe(false);
        expect(field.local || field.personal, `${t.name}.${col} says local or personal`).toBeTruthy();
        expect(exportedColumns(t.name)).not.toContain(col);
      }
    }
  });

  it('what the department counts still travels: categories, dates, statuses, codes', () => {
    expect(exportedColumns('risk_entry')).toEqual(expect.arrayContaining(['pupil_id', 'categories', 'included_on', 'status', 'removed_on']));
    expect(exportedColumns('support_measure')).toEqual(expect.arrayContaining(['target_kind', 'target_id', 'date_from', 'date_to', 'done']));
    expect(exportedColumns('gifted_pupil')).toEqual(expect.arrayContaining(['pupil_id', 'included_on']));
    // Texts of other tables (the programme, the journal) are the school's work and do travel.
    expect(travels('activity', 'completion_mark')).toBe(true);
    expect(travels('event', 'outcomes')).toBe(true);
  });

  it('no cross-field rule of a pupil-linked table reads a field that does not travel', () => {
    for (const t of allTables()) {
      if (!isPupilLinked(t.name) || !t.checks) continue;
      for (const check of t.checks) expect(travels(t.name, check.path), `${t.name}: ${check.message}`).toBe(true);
    }
  });
});

const REASON = 'Пропуски уроков без уважительной причины (вымышленное основание)';

async function riskEntry(p: Pair): Promise<string> {
  const pupil = await saveRecord(p.school.ctx, 'pupil', { full_name: 'Сорокина Вера Павловна', birth_date: '2014-04-05', class_name: '5Б' });
  const entry = await saveRecord(p.school.ctx, 'risk_entry', {
    pupil_id: pupil.id as string, categories: ['absenteeism'], included_on: '2026-09-15', reason: REASON, responsible: 'Кузнецова О. В.',
  });
  await saveRecord(p.school.ctx, 'support_measure', { target_kind: 'risk', target_id: entry.id as string, title: 'Беседа с семьёй (вымышленная мера)', date_from: '2026-09-20', done: 1 });
  return entry.id as string;
}

function decrypted(p: Pair, path: string): string {
  const c = openContainer(readFileSync(path));
  const entries = unpackEntries(c, ensureIdentity(p.muni.ctx).keys.encryptPrivate);
  return [...entries.values()].map((b) => b.toString('utf8')).join('\n');
}

describe('a pupil’s free text stays at the school', () => {
  it('is not in the bundle’s bytes, and the department still counts the entry and the measure', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const id = await riskEntry(p);
    const path = p.exportSchool();
    const text = decrypted(p, path);
    expect(text).not.toContain('вымышленное основание');
    expect(text).not.toContain('вымышленная мера');
    expect(text).not.toContain('5Б');
    expect(text).toContain(id);
    expect(p.importToMuni(path).status).toBe('accepted');
    const row = p.muni.ctx.raw.prepare('SELECT reason, responsible, categories, status FROM risk_entry WHERE id = ?').get(id) as Record<string, string>;
    expect(row).toEqual({ reason: '', responsible: '', categories: '["absenteeism"]', status: 'included' });
    const school = municipalityDashboard(p.muni.ctx).rows.find((r) => r.schoolId === p.schoolId)!;
    expect(school.riskTotal).toBe(1);
    // At the school nothing is lost.
    expect(p.school.ctx.raw.prepare('SELECT reason FROM risk_entry WHERE id = ?').pluck().get(id)).toBe(REASON);
  });

  it('a school on an earlier version that still sends the text is merged, and the text is not kept', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const id = await riskEntry(p);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    // The earlier version's table: every column but the personal ones.
    const entries = ['pupil', 'risk_entry', 'support_measure'].map((table) => {
      const cols = columnsOf(table).filter((c) => !personalColumns(table).includes(c));
      const rows = p.school.ctx.raw.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE owner = ?`).raw().all(p.schoolId);
      return { name: `data/${table}.json`, data: Buffer.from(JSON.stringify({ table, columns: cols, rows }), 'utf8') };
    });
    expect(entries[1]!.data.toString('utf8')).toContain('вымышленное основание');
    const r = importBundle(p.muni.ctx, { fileName: 'old.opora', bytes: schoolSigned(p, entries, 40) });
    expect(r.status, r.reason).toBe('accepted');
    expect(p.muni.ctx.raw.prepare('SELECT reason FROM risk_entry WHERE id = ?').pluck().get(id)).toBe('');
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(*) FROM support_measure WHERE title <> ''").pluck().get()).toBe(0);
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(*) FROM pupil WHERE class_name <> ''").pluck().get()).toBe(0);
  });

  it('a department’s file from before this version loses the texts it holds; a school’s file keeps its own', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const id = await riskEntry(p);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    // As an earlier version left it: the text stored at the department, the file one step back.
    p.muni.ctx.raw.prepare('UPDATE risk_entry SET reason = ? WHERE id = ?').run(REASON, id);
    for (const raw of [p.muni.ctx.raw, p.school.ctx.raw]) {
      raw.exec('DROP TABLE sent_text');
      raw.pragma('user_version = 72');
      migrate(raw, migrations.filter((m) => m.version <= 76));
    }
    expect(p.muni.ctx.raw.prepare('SELECT reason FROM risk_entry WHERE id = ?').pluck().get(id)).toBe('');
    expect(p.school.ctx.raw.prepare('SELECT reason FROM risk_entry WHERE id = ?').pluck().get(id)).toBe(REASON);
  });
});
