/**
 * Issue 20, items 1–3: the way down to a new school is one trip, and what the school sees keeps its structure.
 * Two schools whose full names share sixty letters get files a person tells apart («СШ № 13», «СШ № 14»); right
 * after enrollment, before either has sent anything, the department's «all schools» export writes a file for
 * each, and the school that loads its file sees its assignments in the department's №-order, the conclusions
 * that concern it with their causes, the proposals addressed to it (to all schools or to it by name — not those
 * to the methodological centre), and the working group it has members in, with its own members only.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join, basename } from 'node:path';
import { readdirSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { testClock } from './exchange-fixtures.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { saveEvent } from '../../main/services/municipality/events.js';
import { saveAssignment } from '../../main/services/municipality/assignments.js';
import { saveGroup } from '../../main/services/municipality/groups.js';
import { municipalWork } from '../../main/services/school/from-municipality-work.js';
import { schoolShortName, schoolFileLabel } from '../../common/school-name.js';
import { eventSaveInput, assignmentSaveInput, groupSaveInput } from '../../preload/contract/meetings.js';

const FULL = (n: number) => `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${n}» (вымышленное)`;

describe('a school’s name as a person tells schools apart', () => {
  it('is the short name when there is one, otherwise the distinctive part of the full one', () => {
    expect(schoolShortName('Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 13»')).toBe('СШ № 13');
    expect(schoolShortName('Муниципальное автономное общеобразовательное учреждение "Средняя общеобразовательная школа №5"')).toBe('СОШ № 5');
    expect(schoolShortName('МКОУ «Гимназия «Лидер»»')).toBe('Гимназия «Лидер»');
    expect(schoolShortName('МКОУ «Энская ООШ» (вымышленная)')).toBe('Энская ООШ (вымышленная)');
    expect(schoolShortName(FULL(13), 'МБОУ СШ № 13')).toBe('МБОУ СШ № 13');
  });

  it('never cuts the number off a file name, however long the name', () => {
    const long = `Муниципальное бюджетное общеобразовательное учреждение «${'Очень длинное название '.repeat(5)}школы № 114»`;
    expect(schoolFileLabel(long)).toMatch(/№ 114$/);
    expect(schoolFileLabel(long).length).toBeLessThanOrEqual(62);
    expect(schoolFileLabel(FULL(13))).not.toBe(schoolFileLabel(FULL(14)));
  });
});

describe('the way down to two new schools', () => {
  const dir = tempDir('opora-way-down-');
  const clock = testClock('2026-11-25T10:00:00Z');
  const muni = openWorkspaceFile(join(dir, 'muni.sqlite'), clock.now);
  initMunicipality(muni.ctx, 'Управление образования (вымышленное)');
  const e13 = enrollSchool(muni.ctx, FULL(13));
  const e14 = enrollSchool(muni.ctx, FULL(14));
  const s13 = openWorkspaceFile(join(dir, 'school-13.sqlite'), clock.now);
  const s14 = openWorkspaceFile(join(dir, 'school-14.sqlite'), clock.now);
  openEnrollment(s13.ctx, e13.bytes, e13.code);
  openEnrollment(s14.ctx, e14.bytes, e14.code);
  afterAll(() => [muni, s13, s14].forEach((w) => w.close()));

  const card = saveEvent(muni.ctx, eventSaveInput.parse({
    event: { kind: 'meeting', date_from: '2026-11-20', topic: 'О результатах ВПР (вымышленное совещание)' },
    schools: [{ school_id: e13.schoolId, status: 'present' }, { school_id: e14.schoolId, status: 'present' }],
    conclusions: [
      { item: { text: 'Результаты ВПР по математике ниже муниципальных.', factors: 'Высокая доля обучающихся с рисками учебной неуспешности', all_participants: 1 } },
      { item: { text: 'В СШ № 14 не ведётся учёт группы риска.', factors: 'Низкий уровень вовлечённости родителей', all_participants: 0 }, school_ids: [e14.schoolId] },
    ],
    proposals: [
      { item: { text: 'Всем школам: провести педсоветы по итогам ВПР.', addressee: 'all_schools' } },
      { item: { text: 'СШ № 13: поделиться опытом наставничества.', addressee: 'some_schools' }, school_ids: [e13.schoolId] },
      { item: { text: 'Методическому центру: организовать стажировку.', addressee: 'centre' } },
    ],
  }));
  const event_id = card.event.id;
  // Saved out of order: the school must see them by their №, not by date or by when they were typed.
  saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id, position_no: 3, text: 'Третье: представить протокол педсовета', due_on: '2026-12-01' }, school_ids: [e13.schoolId, e14.schoolId] }));
  saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id, position_no: 1, text: 'Первое: разработать план ликвидации пробелов', due_on: '2026-12-20' }, school_ids: [e13.schoolId, e14.schoolId] }));
  saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id, position_no: 2, text: 'Второе: обновить сведения о наставниках', all_schools: 1 } }));
  saveGroup(muni.ctx, groupSaveInput.parse({
    group: { kind: 'working', title: 'Рабочая группа по повышению качества (вымышленная)', date_from: '2026-11-20' },
    members: [
      { surname: 'Иванова', first_name: 'Анна', patronymic: 'Петровна', position: 'заместитель директора', school_id: e13.schoolId, leader: 1 },
      { surname: 'Петров', first_name: 'Олег', patronymic: 'Ильич', position: 'учитель математики', school_id: e14.schoolId },
      { surname: 'Сидорова', first_name: 'Вера', position: 'методист ИМЦ' },
    ],
  }));

  it('enrollment files of the two schools have different names, with the number', () => {
    expect(e13.fileName).toBe('Подключение СШ № 13 (вымышленное).opora-enroll');
    expect(e14.fileName).toBe('Подключение СШ № 14 (вымышленное).opora-enroll');
  });

  it('right after enrollment the «all schools» export writes one file per school, named apart', () => {
    clock.tick();
    const out = join(dir, 'down');
    const written = exportToFolder(muni.ctx, out);
    expect(written.map((w) => w.recipientId).sort()).toEqual([e13.schoolId, e14.schoolId].sort());
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(2);
    expect(names.map((n) => /СШ № 1[34]/.exec(n)?.[0])).toEqual(['СШ № 13', 'СШ № 14']);
    for (const w of written) expect(basename(w.path)).toBe(w.fileName);
    for (const [w, s] of [[written.find((x) => x.recipientId === e13.schoolId)!, s13], [written.find((x) => x.recipientId === e14.schoolId)!, s14]] as const) {
      const r = importFile(s.ctx, w.path);
      expect(r.status, r.reason).toBe('accepted');
    }
  });

  it('the school sees its assignments in the department’s order (№)', () => {
    expect(municipalWork(s13.ctx).assignments.map((a) => [a.position_no, a.text])).toEqual([
      [1, 'Первое: разработать план ликвидации пробелов'], [2, 'Второе: обновить сведения о наставниках'], [3, 'Третье: представить протокол педсовета'],
    ]);
  });

  it('the conclusions that concern it come with their causes', () => {
    const [e] = municipalWork(s13.ctx).events;
    expect(e!.conclusions).toEqual([{ position_no: 1, text: 'Результаты ВПР по математике ниже муниципальных.', factors: 'Высокая доля обучающихся с рисками учебной неуспешности' }]);
    expect(municipalWork(s14.ctx).events[0]!.conclusions.map((c) => c.factors)).toEqual(['Высокая доля обучающихся с рисками учебной неуспешности', 'Низкий уровень вовлечённости родителей']);
  });

  it('proposals addressed to it reach it; those to the centre or to another school do not reach its file at all', () => {
    expect(municipalWork(s13.ctx).events[0]!.proposals.map((p) => p.text)).toEqual(['Всем школам: провести педсоветы по итогам ВПР.', 'СШ № 13: поделиться опытом наставничества.']);
    expect(municipalWork(s14.ctx).events[0]!.proposals.map((p) => p.text)).toEqual(['Всем школам: провести педсоветы по итогам ВПР.']);
    expect(s14.ctx.raw.prepare('SELECT text FROM mun_proposal').pluck().all()).toEqual(['Всем школам: провести педсоветы по итогам ВПР.']);
    expect(s13.ctx.raw.prepare("SELECT COUNT(*) FROM mun_proposal WHERE addressee = 'centre'").pluck().get()).toBe(0);
  });

  it('the working group it sits in comes down with its own members only', () => {
    const g13 = municipalWork(s13.ctx).groups;
    expect(g13.map((g) => g.title)).toEqual(['Рабочая группа по повышению качества (вымышленная)']);
    expect(g13[0]!.members).toEqual([{ name: 'Иванова Анна Петровна', position: 'заместитель директора', role_note: '', leader: 1 }]);
    expect(municipalWork(s14.ctx).groups[0]!.members.map((m) => m.name)).toEqual(['Петров Олег Ильич']);
    expect(s14.ctx.raw.prepare('SELECT surname FROM mun_group_member').pluck().all()).toEqual(['Петров']);
  });
});
