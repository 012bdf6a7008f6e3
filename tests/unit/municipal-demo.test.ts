/**
 * The demo municipality's own work: meetings with agendas, conclusions and proposals, a working group made by
 * one of them, assignments some past due, marks the schools made after the plan reached them in a real bundle
 * and sent back in another, the municipal overdue in the summary, and the registered справка and приказ print.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../../main/services/municipality/demo.js';
import { listEvents, getEvent } from '../../main/services/municipality/events.js';
import { listGroups } from '../../main/services/municipality/groups.js';
import { listAssignments } from '../../main/services/municipality/assignments.js';
import { listDocuments } from '../../main/services/municipality/documents.js';
import { municipalityDashboard } from '../../main/services/municipality/overview.js';
import { printDocument } from '../../main/services/reports/documents/print.js';
import { eventListInput } from '../../preload/contract/meetings.js';
import { readDocx } from './report-reader.js';

const NOW = () => new Date('2026-11-25T10:00:00Z');
const TODAY = '2026-11-25';
let w: OpenWorkspace;
let ms = 0;

beforeAll(async () => {
  w = openWorkspaceFile(join(tempDir('opora-mdemo-'), 'municipality.sqlite'), NOW);
  const res = await generateMunicipalityDemo(w.ctx, { schools: 12, seed: 3 });
  ms = res.ms;
  expect(res).toMatchObject({ schools: 12, imported: 11 });
}, 120_000);
afterAll(() => w?.close());

describe('the demo municipality’s meetings, group and assignments', () => {
  it('has a видеоконференция, a методический день and a семинар with agendas, numbered conclusions and proposals', () => {
    const events = listEvents(w.ctx, eventListInput.parse({}));
    expect(events.map((e) => e.kind).sort()).toEqual(['methodical_day', 'seminar', 'video_conference']);
    const vc = getEvent(w.ctx, events.find((e) => e.kind === 'video_conference')!.id);
    expect(vc.agenda.length).toBeGreaterThanOrEqual(3);
    expect(vc.conclusions.map((c) => c.item.position_no)).toEqual([1, 2, 3, 4]);
    // Some conclusions concern every participant, some name schools.
    expect(vc.conclusions.filter((c) => c.item.all_participants === 1).length).toBe(2);
    expect(vc.conclusions.filter((c) => c.school_ids.length > 0).length).toBe(2);
    expect(new Set(vc.proposals.map((p) => p.item.addressee)).size).toBeGreaterThanOrEqual(3);
    expect(vc.schools.filter((s) => s.status === 'absent')).toHaveLength(2);
    for (const e of events) expect(e.date_from < TODAY, e.topic).toBe(true);
  });

  it('has a working group of seven fictional members with one leader, created by the методический день', () => {
    const [g, ...rest] = listGroups(w.ctx);
    expect(rest).toEqual([]);
    expect(g!.members).toHaveLength(7);
    expect(g!.members.filter((m) => m.leader === 1).map((m) => m.surname)).toEqual(['Сорокина']);
    expect(getEvent(w.ctx, g!.event_id!).event.kind).toBe('methodical_day');
  });

  it('has assignments with past and future deadlines, to some schools and to all', () => {
    const list = listAssignments(w.ctx, { day: TODAY });
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect(list.some((a) => a.due_on! < TODAY)).toBe(true);
    expect(list.some((a) => a.due_on! > TODAY)).toBe(true);
    expect(list.some((a) => a.all_schools === 1)).toBe(true);
    expect(list.some((a) => a.all_schools === 0 && a.school_ids.length > 0)).toBe(true);
  });

  it('the schools’ marks came up through their bundles, done, in progress and not done, owned by each school', () => {
    const raw = w.ctx.raw;
    const marks = raw.prepare('SELECT owner, status FROM mun_assignment_mark WHERE deleted_at IS NULL').all() as { owner: string; status: string }[];
    expect(new Set(marks.map((m) => m.status))).toEqual(new Set(['done', 'in_progress', 'not_done']));
    const schools = new Set(raw.prepare('SELECT id FROM municipality_school').pluck().all() as string[]);
    for (const m of marks) expect(schools.has(m.owner)).toBe(true);
    expect(new Set(marks.map((m) => m.owner)).size).toBeGreaterThanOrEqual(5);
    // Each mark arrived in an accepted bundle of its school: the row's origin is that school's import.
    const viaImport = raw.prepare(`SELECT COUNT(*) FROM mun_assignment_mark m WHERE EXISTS (
      SELECT 1 FROM exchange_import i WHERE i.status = 'accepted' AND i.issuer_id = m.owner)`).pluck().get() as number;
    expect(viaImport).toBe(marks.length);
    const done = listAssignments(w.ctx, { day: TODAY }).flatMap((a) => a.marks).filter((m) => m.status === 'done');
    expect(done.length).toBeGreaterThan(0);
  });

  it('the summary shows municipal overdue for some schools and not for others', () => {
    const rows = municipalityDashboard(w.ctx, TODAY).rows;
    const overdue = rows.filter((r) => r.municipalOverdue > 0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(rows.length + 1);
    expect(overdue[0]!.attention).toContain('municipal');
  });

  it('the registered справка about the video conference prints with its number and date; the приказ approves it', async () => {
    const docs = listDocuments(w.ctx);
    const spravka = docs.find((d) => d.kind === 'spravka' && d.event_id)!;
    expect([spravka.number, spravka.doc_date]).toEqual(['01-12/418', '2026-10-19']);
    const f = await printDocument(w.ctx, spravka.id);
    expect(f.fileName).toBe('Справка № 01-12-418 от 19.10.2026.docx');
    const text = (await readDocx(f.bytes)).allText;
    for (const part of ['01-12/418', '19.10.2026', 'Выводы', 'Доля обучающихся, не справившихся с ВПР', 'Предложения', 'Разработать и утвердить планы ликвидации пробелов']) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const order = docs.find((d) => d.kind === 'order')!;
    expect(order.approves_id).toBe(spravka.id);
    const o = (await readDocx((await printDocument(w.ctx, order.id)).bytes)).allText;
    for (const part of ['П Р И К А З', '214-од', 'Об утверждении справки об итогах видеоконференции', 'Приложение 1', 'Выводы']) expect(o, part).toContain(part);
    expect(o).not.toMatch(/докладчик — [^\n]*О\.О\./);
  });

  it('stays fast', () => {
    console.log(`demo municipality of 12 schools: ${ms} ms`);
    expect(ms).toBeLessThan(90_000);
  });
});
