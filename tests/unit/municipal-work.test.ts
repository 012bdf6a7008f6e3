/**
 * The municipality's own work travels: a meeting with assignments for three schools goes down, each school
 * marks differently, the marks come back, and the assignment and the summary show them per school; a school
 * not addressed sees nothing of it; a school that has not sent its first file still gets its plan; a mark about
 * an assignment a school was never given is refused even under a valid signature.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { testClock } from './exchange-fixtures.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { saveEvent, getEvent, listEvents } from '../../main/services/municipality/events.js';
import { saveAssignment, listAssignments, municipalOverdueBySchool } from '../../main/services/municipality/assignments.js';
import { saveGroup } from '../../main/services/municipality/groups.js';
import { municipalityDashboard } from '../../main/services/municipality/overview.js';
import { municipalWork, markAssignment } from '../../main/services/school/from-municipality-work.js';
import { writeRow } from '../../main/services/core/writer.js';
import { addAttachment } from '../../main/services/school/attachments.js';
import { expectedId } from '../../main/services/exchange/ids.js';
import { tableSpec } from '../../db/registry/index.js';
import { schoolShortName } from '../../common/school-name.js';
import { eventSaveInput, assignmentSaveInput, groupSaveInput, assignmentMarkInput, eventListInput } from '../../preload/contract/meetings.js';

const dir = tempDir('opora-munwork-');
const clock = testClock('2026-11-25T10:00:00Z');
const open: OpenWorkspace[] = [];
const ws = (name: string) => {
  const w = openWorkspaceFile(join(dir, `${name}.sqlite`), clock.now);
  open.push(w);
  return w;
};
afterAll(() => open.forEach((w) => w.ctx.raw.open && w.close()));

let n = 0;
const out = () => join(dir, `out-${++n}`);
function send(from: OpenWorkspace, to: OpenWorkspace, forSchool?: string) {
  clock.tick();
  const files = exportToFolder(from.ctx, out(), { forSchool });
  const results = files.map((f) => importFile(to.ctx, f.path, {}));
  return results;
}

describe('the municipality’s meetings and assignments travel to the schools they concern', () => {
  const muni = ws('muni');
  initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
  const names = ['МКОУ «Альфинская СОШ»', 'МКОУ «Бетинская ООШ»', 'МКОУ «Гаммовская СОШ»', 'МКОУ «Дельтинская НОШ»'];
  const schools = names.map((name, i) => {
    const enr = enrollSchool(muni.ctx, name);
    const w = ws(`school-${i}`);
    openEnrollment(w.ctx, enr.bytes, enr.code);
    return { id: enr.schoolId, w, name };
  });
  // Lists name a school as people tell schools apart: «Альфинская СОШ», not «МКОУ «Альфинская СОШ»».
  const short = (s: { name: string }) => schoolShortName(s.name);
  const [A, B, C, D] = schools as [typeof schools[0], typeof schools[0], typeof schools[0], typeof schools[0]];
  // A, B and D have sent their first file (their keys are pinned); C has not yet.
  for (const s of [A, B, D]) expect(send(s.w, muni)[0]!.status).toBe('accepted');

  const card = saveEvent(muni.ctx, eventSaveInput.parse({
    event: { kind: 'video_conference', format: 'online', date_from: '2026-11-20', topic: 'О результатах мониторинга качества подготовки обучающихся', organiser: 'Управление образования' },
    schools: [{ school_id: A.id, status: 'present' }, { school_id: B.id, status: 'present' }, { school_id: C.id, status: 'absent', note: 'Не подключились: нет связи' }],
    agenda: [{ title: 'Итоги ВПР по математике' }, { title: 'Доля обучающихся с рисками учебной неуспешности', speaker: 'Руководители ОО' }],
    conclusions: [
      { item: { text: 'Доля обучающихся, не справившихся с ВПР, выше муниципальной.', all_participants: 1 } },
      { item: { text: 'В Бетинской ООШ не ведётся учёт обучающихся группы риска.', all_participants: 0 }, school_ids: [B.id] },
    ],
    proposals: [{ item: { text: 'Провести методический день по формирующему оцениванию.', addressee: 'centre' } }],
  }));
  const eventId = card.event.id;
  const X = saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id: eventId, text: 'Разработать планы ликвидации пробелов по математике', due_on: '2026-12-10' }, school_ids: [A.id, B.id, C.id] }));
  const Y = saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id: eventId, text: 'Представить протокол педсовета', due_on: '2026-11-24' }, school_ids: [A.id] }));
  const Z = saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { text: 'Обновить сведения о наставниках', all_schools: 1 } }));

  it('saves the meeting whole and lists it', () => {
    const again = getEvent(muni.ctx, eventId);
    expect(again.schools.map((s) => [s.name, s.status])).toEqual([[A.name, 'present'], [B.name, 'present'], [C.name, 'absent']]);
    expect(again.agenda.map((a) => a.position_no)).toEqual([1, 2]);
    expect(again.conclusions[1]!.school_ids).toEqual([B.id]);
    expect(again.assignments.map((a) => a.id).sort()).toEqual([X.id, Y.id].sort());
    expect(listEvents(muni.ctx, eventListInput.parse({ search: 'бетинской' })).map((e) => e.id)).toEqual([eventId]);
    expect(listEvents(muni.ctx, eventListInput.parse({ kind: 'seminar' }))).toEqual([]);
    // A link to a roadmap activity that does not exist is refused in words, and the meeting is unchanged.
    expect(() => saveEvent(muni.ctx, eventSaveInput.parse({ event: { id: eventId, date_from: '2026-11-20', topic: 'Другая тема', roadmap_activity_id: '00000000-0000-4000-8000-000000000000' } })))
      .toThrow(/Мероприятие дорожной карты/);
    expect(getEvent(muni.ctx, eventId).event.topic).toBe(card.event.topic);
  });

  it('goes down: each school sees only what is addressed to it; the school without a first file gets its plan too', () => {
    for (const s of schools) {
      const r = send(muni, s.w, s.id);
      expect(r[0]!.status, s.name).toBe('accepted');
    }
    const work = (s: typeof A) => municipalWork(s.w.ctx);
    const a = work(A);
    expect(a.events.map((e) => [e.topic, e.status])).toEqual([[card.event.topic, 'present']]);
    expect(a.events[0]!.agenda.map((x) => x.title)).toEqual(['Итоги ВПР по математике', 'Доля обучающихся с рисками учебной неуспешности']);
    expect(a.events[0]!.conclusions.map((c) => c.position_no)).toEqual([1]);
    expect(a.assignments.map((x) => x.id).sort()).toEqual([X.id, Y.id, Z.id].sort());
    expect(a.assignments.find((x) => x.id === X.id)!.event?.topic).toBe(card.event.topic);
    const b = work(B);
    expect(b.events[0]!.conclusions.map((c) => c.text)).toHaveLength(2);
    expect(b.assignments.map((x) => x.id).sort()).toEqual([X.id, Z.id].sort());
    const c = work(C);
    expect(c.events.map((e) => [e.status, e.note])).toEqual([['absent', 'Не подключились: нет связи']]);
    expect(c.assignments.map((x) => x.id).sort()).toEqual([X.id, Z.id].sort());
    const d = work(D);
    expect(d.events).toEqual([]);
    expect(d.assignments.map((x) => x.id)).toEqual([Z.id]);
    // Nothing of the meeting reached D's file at all, not just hidden.
    const raw = D.w.ctx.raw;
    for (const t of ['mun_event', 'mun_agenda_item', 'mun_conclusion', 'mun_event_school', 'mun_conclusion_school']) {
      expect(raw.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
    expect(raw.prepare('SELECT COUNT(*) FROM mun_assignment').pluck().get()).toBe(1);
    // B learns its own participation, not who else was invited.
    expect(B.w.ctx.raw.prepare('SELECT school_id FROM mun_event_school').pluck().all()).toEqual([B.id]);
  });

  it('each school marks differently; the marks come back and show per school, with what is overdue', () => {
    markAssignment(A.w.ctx, assignmentMarkInput.parse({ assignmentId: X.id, status: 'done', done_on: '2026-11-30', note: 'План утверждён приказом № 45' }));
    markAssignment(A.w.ctx, assignmentMarkInput.parse({ assignmentId: Y.id, status: 'not_done', note: 'Педсовет перенесён' }));
    markAssignment(B.w.ctx, assignmentMarkInput.parse({ assignmentId: X.id, status: 'in_progress' }));
    expect(() => markAssignment(D.w.ctx, assignmentMarkInput.parse({ assignmentId: X.id, status: 'done', done_on: '2026-11-30' }))).toThrow(/не найден/);
    for (const s of [A, B, C]) expect(send(s.w, muni)[0]!.status, s.name).toBe('accepted');

    const day = '2026-12-15';
    const x = listAssignments(muni.ctx, { day }).find((a) => a.id === X.id)!;
    expect(x.marks.map((m) => [m.school_name, m.status, m.overdue])).toEqual([[short(A), 'done', 0], [short(B), 'in_progress', 1], [short(C), null, 1]]);
    expect([x.done, x.overdue, x.concerned]).toEqual([1, 2, 3]);
    const y = listAssignments(muni.ctx, { day }).find((a) => a.id === Y.id)!;
    expect(y.marks).toMatchObject([{ school_name: short(A), status: 'not_done', note: 'Педсовет перенесён', overdue: 1 }]);

    const overdue = municipalOverdueBySchool(muni.ctx, day);
    expect([A, B, C, D].map((s) => overdue.get(s.id) ?? 0)).toEqual([1, 1, 1, 0]);
    const rows = municipalityDashboard(muni.ctx, day).rows;
    const row = (s: typeof A) => rows.find((r) => r.schoolId === s.id)!;
    expect([A, B, C, D].map((s) => row(s).municipalOverdue)).toEqual([1, 1, 1, 0]);
    expect(row(B).attention).toContain('municipal');
    expect(row(D).attention).not.toContain('municipal');
    // Before the deadline nothing is overdue.
    expect([...municipalOverdueBySchool(muni.ctx, '2026-11-24').values()].reduce((s, v) => s + v, 0)).toBe(0);
  });

  it('a school taken off an assignment stops seeing it; its earlier mark is still accepted', () => {
    saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { id: X.id, event_id: eventId, text: X.text, due_on: X.due_on }, school_ids: [B.id, C.id] }));
    expect(send(muni, A.w, A.id)[0]!.status).toBe('accepted');
    expect(municipalWork(A.w.ctx).assignments.map((a) => a.id).sort()).toEqual([Y.id, Z.id].sort());
    expect(send(A.w, muni)[0]!.status).toBe('accepted');
  });

  it('a validly signed mark about an assignment the school was never given is refused, and nothing is merged', () => {
    const me = D.id;
    writeRow(D.w.ctx, 'mun_assignment_mark', { assignment_id: Y.id, status: 'done', done_on: '2026-11-30', note: '' },
      { id: expectedId(tableSpec('mun_assignment_mark').derivedId, me, () => Y.id)!, upsert: true });
    const before = muni.ctx.raw.prepare('SELECT COUNT(*) FROM mun_assignment_mark').pluck().get();
    const r = send(D.w, muni)[0]!;
    expect(r.status).not.toBe('accepted');
    expect(r.reason).toMatch(/не адресовано/);
    expect(muni.ctx.raw.prepare('SELECT COUNT(*) FROM mun_assignment_mark').pluck().get()).toBe(before);
  });

  it('a pupil named in a mark’s note does not leave the school: the export is refused with the field to fix', async () => {
    const { includePupil } = await import('../../main/services/school/risk-group.js');
    includePupil(B.w.ctx, { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20', class_name: '5А' },
      { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски уроков', responsible: 'Сидорова А. В.' });
    markAssignment(B.w.ctx, assignmentMarkInput.parse({ assignmentId: Z.id, status: 'in_progress', note: 'Сведения о Лебедеве Дмитрии уточняются' }));
    const err = (() => { try { exportToFolder(B.w.ctx, out()); } catch (e) { return e as Error & { code?: string }; } return null; })();
    expect(err?.code).toBe('pupil_mentions');
    expect(err?.message).toMatch(/Отметка школы о поручении .*«Примечание»/);
    expect(err?.message).not.toMatch(/Лебедев/);
  });

  it('a file attached to the meeting stays at the department: the invited school gets the meeting, not the file', () => {
    const file = addAttachment(muni.ctx, { eventId, fileName: 'Протокол видеоконференции.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 протокол') });
    expect(send(muni, A.w, A.id)[0]!.status).toBe('accepted');
    expect(municipalWork(A.w.ctx).events.map((e) => e.id)).toEqual([eventId]);
    expect(A.w.ctx.raw.prepare('SELECT COUNT(*) FROM mun_event_attachment').pluck().get()).toBe(0);
    expect(existsSync(join(A.w.ctx.filesDir, 'attachments', file.id))).toBe(false);
    expect(existsSync(join(A.w.ctx.filesDir, 'mun_event_attachment', file.id))).toBe(false);
    expect(existsSync(join(muni.ctx.filesDir, 'mun_event_attachment', file.id))).toBe(true);
  });

  it('a working group is saved with its members and one leader', () => {
    const g = saveGroup(muni.ctx, groupSaveInput.parse({
      group: { kind: 'working', title: 'Рабочая группа по математике', event_id: eventId },
      members: [{ surname: 'Иванова', first_name: 'А.', patronymic: 'П.', position: 'учитель математики', school_id: A.id }, { surname: 'Петров', first_name: 'Б.', leader: 1 }],
    }));
    expect(g.members.map((m) => [m.surname, m.leader])).toEqual([['Петров', 1], ['Иванова', 0]]);
    expect(getEvent(muni.ctx, eventId).groups.map((x) => x.title)).toEqual(['Рабочая группа по математике']);
    expect(() => groupSaveInput.parse({ group: { title: 'Г' }, members: [{ surname: 'А', leader: 1 }, { surname: 'Б', leader: 1 }] })).toThrow(/только один/);
  });
});

describe('the document register prints from the data and keeps what it printed', () => {
  it('a справка about the meeting, registered with a number, prints the same again after the data changed; a приказ approves it', async () => {
    const { readDocx } = await import('./report-reader.js');
    const { draftFromEvent, saveDocument, draftOrder, getDocument } = await import('../../main/services/municipality/documents.js');
    const { printDocument } = await import('../../main/services/reports/documents/print.js');
    const { documentSaveInput } = await import('../../preload/contract/meetings.js');
    const { saveReportSettings, getReportSettings } = await import('../../main/services/municipality/report-settings.js');
    const muni = ws('muni-docs');
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    saveReportSettings(muni.ctx, { ...getReportSettings(muni.ctx), headName: 'Н.Г. Гвоздкова', headPosition: 'Начальник Управления образования', centre: 'МБУ «Методический центр»' });
    const s1 = enrollSchool(muni.ctx, 'МКОУ «Альфинская СОШ»');
    const card = saveEvent(muni.ctx, eventSaveInput.parse({
      event: { kind: 'meeting', date_from: '2026-11-20', topic: 'Об итогах ВПР' },
      schools: [{ school_id: s1.schoolId, status: 'present' }],
      agenda: [{ title: 'Результаты ВПР по математике' }],
      conclusions: [{ item: { text: 'Результаты ниже муниципальных.', all_participants: 1 } }],
    }));
    const draft = draftFromEvent(muni.ctx, card.event.id);
    expect(draft.document.doc_date).toBeNull();
    expect(draft.document.signer_surname).toBe('Гвоздкова');
    const unnumbered = await readDocx((await printDocument(muni.ctx, draft.document.id)).bytes);
    const text0 = unnumbered.paragraphs.join('\n');
    expect(text0).toContain('Н.Г.\u00a0Гвоздкова');
    expect(text0).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const { snapshot: _s, ...doc } = draft.document;
    const saved = saveDocument(muni.ctx, documentSaveInput.parse({ document: { ...pick(doc), number: '01-12/345', doc_date: '2026-11-27' }, sections: null }));
    const first = await printDocument(muni.ctx, saved.document.id);
    expect(first.fileName).toBe('Справка № 01-12-345 от 27.11.2026.docx');
    const t1 = (await readDocx(first.bytes)).paragraphs.join('\n');
    expect(t1).toContain('Результаты ниже муниципальных.');
    expect(t1).toContain('01-12/345');
    // The meeting is edited afterwards: the registered справка stays as printed unless refreshed.
    saveEvent(muni.ctx, eventSaveInput.parse({ event: { id: card.event.id, kind: 'meeting', date_from: '2026-11-20', topic: 'Об итогах ВПР' }, schools: [{ school_id: s1.schoolId, status: 'present' }],
      conclusions: [{ item: { id: card.conclusions[0]!.item.id, text: 'Исправленный вывод.', all_participants: 1 } }] }));
    const again = (await readDocx((await printDocument(muni.ctx, saved.document.id)).bytes)).paragraphs.join('\n');
    expect(again).toContain('Результаты ниже муниципальных.');
    expect(again).not.toContain('Исправленный вывод.');
    const fresh = (await readDocx((await printDocument(muni.ctx, saved.document.id, true)).bytes)).paragraphs.join('\n');
    expect(fresh).toContain('Исправленный вывод.');
    // The приказ: П Р И К А З, приказываю, then the справка as Приложение 1.
    const order = draftOrder(muni.ctx, saved.document.id);
    const o = (await readDocx((await printDocument(muni.ctx, order.document.id)).bytes)).paragraphs.join('\n');
    const at = (s: string) => o.indexOf(s);
    for (const part of ['П Р И К А З', 'п р и к а з ы в а ю:', 'Утвердить справку', 'Приложение 1', 'Исправленный вывод.']) expect(at(part), part).toBeGreaterThan(-1);
    expect(at('П Р И К А З')).toBeLessThan(at('п р и к а з ы в а ю:'));
    expect(at('п р и к а з ы в а ю:')).toBeLessThan(at('Приложение 1'));
    expect(getDocument(muni.ctx, order.document.id).document.approves_id).toBe(saved.document.id);
  });
});

/** The editable columns of a document row, as the form sends them back. */
function pick(d: Record<string, unknown>) {
  const { id, kind, issuer, number, doc_date, place, title, addressees, signer_surname, signer_first_name, signer_patronymic, signer_position, event_id, preamble, points, closing, short } = d;
  return { id, kind, issuer, number, doc_date, place, title, addressees, signer_surname, signer_first_name, signer_patronymic, signer_position, event_id, preamble, points, closing, short };
}
