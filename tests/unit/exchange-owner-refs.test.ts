/**
 * Issue 18, item 2: one school cannot change another's figures. A bundle signed with school A's real key whose
 * row points at school B's row (a mentoring pair naming B's teachers, a course of B's teacher…) is refused
 * whole, for every reference field of every table a school sends; and the department's rules count only rows of
 * the same owner, so even a row that got in before this check cannot raise B's «с наставником».
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { enrollSchool, openEnrollment, exportToFolder, importBundle } from '../../main/services/exchange/index.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { tableEntry } from '../../main/services/exchange/export.js';
import { allTables, type Field } from '../../db/registry/index.js';
import { addAttachment } from '../../main/services/school/attachments.js';
import { municipalityDashboard } from '../../main/services/municipality/overview.js';

let p: Pair;
let b: OpenWorkspace;
let bId: string;

function bumpHlc(hlc: string): string {
  return `${hlc.slice(0, 16)}${String(Number(hlc.slice(16, 22)) + 1).padStart(6, '0')}${hlc.slice(22)}`;
}

/** Every reference a school's row can make: [table, column, target table, the kind column's value for a uuid]. */
type Ref = readonly [table: string, column: string, target: string, kind: string | null];
const REFS: Ref[] = allTables().filter((t) => t.travel === 'up').flatMap((t) => Object.entries(t.fields as Record<string, Field>).flatMap(([c, f]): Ref[] =>
  f.kind === 'ref' ? [[t.name, c, f.table, null]]
    : f.kind === 'uuid' && f.refBy ? Object.entries(f.refBy.tables).map(([kind, target]): Ref => [t.name, c, target, kind]) : []));

beforeAll(() => {
  p = makePair({ demo: 'small', seed: 3 });
  const event = p.school.ctx.raw.prepare('SELECT id FROM event WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string;
  addAttachment(p.school.ctx, { eventId: event, fileName: 'протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол (вымышленный)') });
  expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
  // School B: enrolled to the same department, its own demo data merged there.
  const enr = enrollSchool(p.muni.ctx, 'МКОУ «Вторая ООШ» (вымышленная)');
  bId = enr.schoolId;
  b = openWorkspaceFile(join(p.dir, 'school-b.sqlite'), p.clock.now);
  openEnrollment(b.ctx, enr.bytes, enr.code);
  generateDemo(b.ctx, { size: 'small', seed: 4 });
  p.clock.tick();
  expect(importBundle(p.muni.ctx, { fileName: 'b.opora', bytes: exportToFolderBytes(b) }).status).toBe('accepted');
}, 60_000);

afterAll(() => {
  b?.close();
  p?.close();
});

function exportToFolderBytes(w: OpenWorkspace): Buffer {
  const [written] = exportToFolder(w.ctx, join(p.dir, `b-${Date.now()}`));
  return readFileSync(written!.path);
}

describe('a school’s references point at its own rows', () => {
  it('covers every reference field of every table a school sends', () => {
    expect(REFS.length).toBeGreaterThanOrEqual(20);
    expect(REFS.map(([t, c]) => `${t}.${c}`)).toEqual(expect.arrayContaining(['mentoring_pair.mentee_id', 'course.staff_id', 'support_measure.target_id', 'risk_entry.pupil_id']));
  });

  it.each(REFS.map((r) => [`${r[0]}.${r[1]} → ${r[2]}${r[3] ? ` (${r[3]})` : ''}`, r] as const))('%s: pointing at the other school’s row is refused, nothing changes', (_, [table, column, target, kind]) => {
    const foreign = p.muni.ctx.raw.prepare(`SELECT id FROM ${target} WHERE owner = ? AND deleted_at IS NULL LIMIT 1`).pluck().get(bId) as string | undefined;
    expect(foreign, `school B has a ${target} row`).toBeTruthy();
    const { entry } = tableEntry(p.school.ctx.raw, table, 't.owner = ?', [p.schoolId]);
    const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
    const iKind = kind ? d.columns.indexOf('target_kind') : -1;
    const row = d.rows.find((r) => iKind < 0 || r[iKind] === kind);
    expect(row, `school A has a ${table} row`).toBeTruthy();
    row![d.columns.indexOf(column)] = foreign;
    const iHlc = d.columns.indexOf('hlc');
    row![iHlc] = bumpHlc(row![iHlc] as string);
    const before = p.muni.ctx.raw.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(row![d.columns.indexOf('id')]);
    const r = importBundle(p.muni.ctx, { fileName: 'crafted.opora', bytes: schoolSigned(p, [{ name: entry.name, data: Buffer.from(JSON.stringify(d), 'utf8') }], 90) });
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('foreign_reference');
    expect(r.reason).toMatch(/ссылается на запись другой школы/);
    expect(p.muni.ctx.raw.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(row![d.columns.indexOf('id')])).toBe(before);
  });

  it('the department counts a mentoring pair only for the school that owns both the pair and the teacher', () => {
    const share = () => municipalityDashboard(p.muni.ctx).rows.find((r) => r.schoolId === bId)!;
    const before = JSON.stringify(share());
    // As if a pair of school A naming B's newcomer had got in (written straight into the department's file).
    const mentee = p.muni.ctx.raw.prepare(`SELECT id FROM staff WHERE owner = ? AND (young_specialist = 1 OR newly_arrived = 1) AND deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM mentoring_pair m WHERE m.mentee_id = staff.id AND m.deleted_at IS NULL) LIMIT 1`).pluck().get(bId) as string | undefined;
    expect(mentee, 'school B has a newcomer without a mentor').toBeTruthy();
    const pair = p.muni.ctx.raw.prepare('SELECT * FROM mentoring_pair WHERE owner = ? LIMIT 1').get(p.schoolId) as Record<string, unknown>;
    p.muni.ctx.raw.prepare('UPDATE mentoring_pair SET mentee_id = ?, started_on = ?, ended_on = NULL WHERE id = ?').run(mentee, '2020-01-01', pair.id);
    expect(JSON.stringify(share())).toBe(before);
  });
});
