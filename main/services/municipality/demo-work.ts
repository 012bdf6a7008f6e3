/**
 * The demo municipality's own work (issue 10): three meetings of the education department and its methodical
 * centre with agendas, numbered conclusions and proposals, a working group created by one of them, assignments
 * with deadlines some past and some future, and the register's справка about the first meeting with the приказ
 * approving it. Everything goes through the services, as a methodologist's screens save it; the schools mark
 * the assignments after the plan reaches them in their bundle (markDemoAssignments). People are fictional.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { saveEvent } from './events.js';
import { addAttachment } from '../school/attachments.js';
import { saveGroup } from './groups.js';
import { saveAssignment } from './assignments.js';
import { draftFromEvent, draftFromRoadmap, draftOrder, saveDocument } from './documents.js';
import { municipalWork, markAssignment } from '../school/from-municipality-work.js';
import { tableSpec } from '../../../db/registry/index.js';
import { assignmentMarkInput, assignmentSaveInput, documentSaveInput, eventSaveInput, groupSaveInput } from '../../../preload/contract/meetings.js';
import type { Row } from '../core/writer.js';

const addDays = (iso: string, days: number) => {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The working group of the методический день: 7 fictional people, the leader first. Speakers are given as
 * «И.О. Фамилия, должность»: the справка reads a speaker as a name, and «учителя школ-лидеров» would print as one.
 */
const GROUP: [string, string, string, string, string][] = [
  ['Сорокина', 'Вера', 'Андреевна', 'методист МКУ «Центр развития образования»', 'координация работы группы'],
  ['Белов', 'Игорь', 'Семёнович', 'учитель математики', 'анализ результатов ВПР'],
  ['Ежова', 'Алла', 'Петровна', 'заместитель директора по УВР', 'планы ликвидации пробелов'],
  ['Зуева', 'Нина', 'Олеговна', 'учитель русского языка', 'функциональная грамотность'],
  ['Каримов', 'Ринат', 'Ильдарович', 'педагог-психолог', 'учебная мотивация'],
  ['Лаптева', 'Оксана', 'Викторовна', 'учитель начальных классов', 'формирующее оценивание'],
  ['Носков', 'Павел', 'Геннадьевич', 'директор школы', 'сетевое взаимодействие'],
];

export interface DemoWork { eventIds: string[]; assignmentIds: string[]; spravkaId: string; orderId: string; roadmapSpravkaId: string | null; roadmapOrderId: string | null }

/**
 * Meetings, the working group, assignments and two registered documents. @schools are the roster's ids in the
 * demo's order, @low those with low results (the meetings are about them).
 */
export function demoMunicipalWork(mun: ServiceContext, schools: string[], low: string[], today: string): DemoWork {
  const heads = schools.slice(0, Math.min(8, schools.length));
  const absent = new Set(heads.length > 4 ? [heads[3]!, heads[6 % heads.length]!] : []);
  const lowHeads = heads.filter((s) => low.includes(s) && !absent.has(s));
  const named = lowHeads.length ? lowHeads.slice(0, 2) : heads.slice(0, 1);
  const vc = saveEvent(mun, eventSaveInput.parse({
    event: {
      kind: 'video_conference', level: 'municipal', format: 'online', date_from: addDays(today, -40), organiser_body: 'department',
      topic: 'О результатах мониторинга качества подготовки обучающихся и мерах по повышению объективности оценивания',
      summary: 'Руководители общеобразовательных организаций доложили о результатах ВПР и о работе с обучающимися группы риска.',
    },
    schools: heads.map((school_id) => absent.has(school_id)
      ? { school_id, status: 'absent' as const, note: 'не подключились: нет связи' } : { school_id, status: 'present' as const }),
    persons: [{ surname: 'Сорокина', first_name: 'Вера', patronymic: 'Андреевна', position: 'методист', organisation: 'МКУ «Центр развития образования»' }],
    agenda: [
      { title: 'Итоги ВПР по математике и русскому языку в 5–8 классах', speaker: 'руководители ОО' },
      { title: 'Доля обучающихся с рисками учебной неуспешности и меры их поддержки', speaker: 'руководители ОО' },
      { title: 'Объективность проведения оценочных процедур', speaker: 'В.А. Сорокина, методист' },
    ],
    conclusions: [
      { item: { text: 'Доля обучающихся, не справившихся с ВПР по математике, в школах с низкими результатами выше муниципальной.', factors: 'низкая учебная мотивация', all_participants: 1 } },
      { item: { text: 'Индивидуальные образовательные маршруты для обучающихся группы риска составлены не во всех школах.', all_participants: 1 } },
      { item: { text: 'В отдельных школах не ведётся учёт обучающихся с рисками учебной неуспешности.', factors: 'дефицит управленческих компетенций', all_participants: 0 }, school_ids: named },
      { item: { text: 'Результаты ВПР по русскому языку расходятся с текущей успеваемостью более чем на 20 %.', factors: 'необъективность оценивания', all_participants: 0 }, school_ids: named.slice(0, 1) },
    ],
    proposals: [
      { item: { text: 'Разработать и утвердить планы ликвидации пробелов по математике.', addressee: 'all_schools' } },
      { item: { text: 'Организовать учёт обучающихся с рисками учебной неуспешности.', addressee: 'some_schools' }, school_ids: named },
      { item: { text: 'Провести методический день по формирующему оцениванию.', addressee: 'centre' } },
      { item: { text: 'Проконтролировать объективность проведения ВПР в школах с низкими результатами.', addressee: 'person', addressee_text: 'Заместителю начальника Управления образования' } },
    ],
  }));
  // The conference's protocol, as a methodologist keeps it next to the record (fictional text).
  addAttachment(mun, {
    eventId: vc.event.id, fileName: 'Протокол видеоконференции.txt', mime: 'text/plain',
    bytes: Buffer.from(`ПРОТОКОЛ видеоконференции с руководителями общеобразовательных организаций\n\nТема: ${String(vc.event.topic)}\n\n`
      + 'Повестка:\n1. Итоги ВПР по математике и русскому языку в 5–8 классах.\n2. Доля обучающихся с рисками учебной неуспешности и меры их поддержки.\n'
      + '3. Объективность проведения оценочных процедур.\n\nРешили: см. справку об итогах.\n'),
  });
  const day = saveEvent(mun, eventSaveInput.parse({
    event: {
      kind: 'methodical_day', level: 'municipal', format: 'in_person', date_from: addDays(today, -21), organiser_body: 'centre',
      topic: 'Формирующее оценивание как ресурс повышения качества образования', place: 'МКУ «Центр развития образования»',
    },
    schools: schools.slice(0, Math.min(10, schools.length)).map((school_id, i) => ({ school_id, status: i % 5 === 4 ? ('absent' as const) : ('present' as const), note: i % 5 === 4 ? 'педагоги на курсах повышения квалификации' : '' })),
    agenda: [
      { title: 'Приёмы формирующего оценивания на уроке', speaker: 'И.С. Белов, руководитель РМО учителей математики' },
      { title: 'Открытые уроки и их анализ', speaker: 'А.П. Ежова, заместитель директора по УВР' },
    ],
    conclusions: [{ item: { text: 'Педагоги школ с низкими результатами испытывают затруднения в применении критериального оценивания.', factors: 'профессиональные дефициты педагогов', all_participants: 1 } }],
    proposals: [
      { item: { text: 'Создать рабочую группу по сопровождению школ с низкими результатами.', addressee: 'centre' } },
      { item: { text: 'Включить педагогов в программы повышения квалификации по формирующему оцениванию.', addressee: 'all_schools' } },
    ],
  }));
  const group = saveGroup(mun, groupSaveInput.parse({
    group: { kind: 'working', title: 'Сопровождение школ с низкими образовательными результатами', event_id: day.event.id, date_from: addDays(today, -21), date_to: addDays(today, 200) },
    members: GROUP.map(([surname, first_name, patronymic, position, role_note], i) => ({
      surname, first_name, patronymic, position, role_note, leader: i === 0 ? 1 : 0,
      organisation: i === 0 ? 'МКУ «Центр развития образования»' : '', school_id: i === 0 ? null : schools[(i - 1) % schools.length]!,
    })),
  }));
  const seminar = saveEvent(mun, eventSaveInput.parse({
    event: {
      kind: 'seminar', level: 'municipal', format: 'mixed', date_from: addDays(today, -7), organiser_body: 'centre',
      topic: 'Работа со школьной неуспешностью и детьми, испытывающими трудности в обучении',
    },
    schools: low.slice(0, 6).map((school_id) => ({ school_id, status: 'present' as const })),
    agenda: [{ title: 'Причины школьной неуспешности: результаты анкетирования', speaker: 'Р.И. Каримов, педагог-психолог' }],
    conclusions: [{ item: { text: 'Программы поддержки обучающихся с трудностями в обучении требуют доработки.', all_participants: 1 } }],
    proposals: [{ item: { text: 'Подготовить методические рекомендации по работе со школьной неуспешностью.', addressee: 'group', addressee_text: 'Рабочей группе', group_id: group.id } }],
  }));

  const assign = (assignment: Record<string, unknown>, school_ids: string[] = []) => saveAssignment(mun, assignmentSaveInput.parse({ assignment, school_ids })).id;
  const assignmentIds = [
    assign({ event_id: vc.event.id, position_no: 1, text: 'Разработать и утвердить планы ликвидации пробелов по математике', responsible: 'Руководители ОО', due_on: addDays(today, -10) }, lowHeads.length ? lowHeads : heads),
    assign({ event_id: vc.event.id, position_no: 2, text: 'Представить сведения об обучающихся с рисками учебной неуспешности и индивидуальных маршрутах', responsible: 'Руководители ОО', due_on: addDays(today, 20), all_schools: 1 }),
    assign({ event_id: day.event.id, position_no: 1, text: 'Направить на курсы по формирующему оцениванию не менее двух педагогов', responsible: 'Руководители ОО', due_on: addDays(today, -3), all_schools: 1 }),
    assign({ event_id: seminar.event.id, position_no: 1, text: 'Доработать программы поддержки обучающихся с трудностями в обучении', responsible: 'Руководители ОО', due_on: addDays(today, 14) }, low.slice(0, 6)),
    assign({ event_id: seminar.event.id, group_id: group.id, position_no: 2, text: 'Подготовить методические рекомендации по работе со школьной неуспешностью', responsible: 'Рабочая группа', due_on: addDays(today, 45) }),
  ];

  // The справка about the video conference, registered with its number and date, and the приказ approving it.
  const draft = draftFromEvent(mun, vc.event.id).document;
  const spravka = saveDocument(mun, documentSaveInput.parse({
    document: {
      ...editable(draft), number: '01-12/418',
      title: 'Об итогах видеоконференции с руководителями общеобразовательных организаций «О результатах мониторинга качества подготовки обучающихся»',
      doc_date: addDays(today, -37),
      closing: 'Информацию принять к сведению. Руководителям общеобразовательных организаций обеспечить исполнение поручений в установленные сроки.',
    },
    sections: null,
  })).document;
  const orderDraft = draftOrder(mun, spravka.id as string).document;
  const order = saveDocument(mun, documentSaveInput.parse({
    document: { ...editable(orderDraft), number: '214-од', doc_date: addDays(today, -35), agreed: 'Заместитель начальника Управления образования — Д.А. Самарин' },
    sections: null,
  })).document;
  const roadmap = demoRoadmapDocuments(mun, today);
  return { eventIds: [vc.event.id, day.event.id, seminar.event.id], assignmentIds, spravkaId: spravka.id as string, orderId: order.id as string, roadmapSpravkaId: roadmap?.spravka ?? null, roadmapOrderId: roadmap?.order ?? null };
}

/**
 * Seed 002: the справка about last school year's roadmap, registered in June with its period in words and the
 * methodologist's closing, and the приказ approving it with the table in «Приложение 1».
 */
function demoRoadmapDocuments(mun: ServiceContext, today: string): { spravka: string; order: string } | null {
  if (!mun.raw.prepare('SELECT 1 FROM roadmap WHERE deleted_at IS NULL').get()) return null;
  const y0 = Number(today.slice(5, 7)) >= 9 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const draft = draftFromRoadmap(mun).document;
  const spravka = saveDocument(mun, documentSaveInput.parse({
    document: {
      ...editable(draft), number: '01-12/236', doc_date: `${y0}-06-15`, addressees: '',
      title: `Об итогах реализации муниципальной дорожной карты по организации методической поддержки школ с низкими образовательными результатами в ${y0 - 1}-${y0} учебном году`,
      period_from: `${y0 - 1}-09-01`, period_to: `${y0}-05-31`, period_text: 'прошедший учебный год (сентябрь – май)',
      closing: `В ходе реализации плана работы на ${y0 - 1}-${y0} учебный год выявились недочёты в работе с управленческими командами и педагогами школ с НОР: не все направления работы со школами с НОР были охвачены в полном объёме. Работа будет продолжена в ${y0}-${y0 + 1} учебном году.`,
    },
    sections: null,
  })).document;
  const orderDraft = draftOrder(mun, spravka.id as string).document;
  const order = saveDocument(mun, documentSaveInput.parse({
    document: { ...editable(orderDraft), number: '412', doc_date: `${y0}-06-18`, agreed: 'Заместитель начальника Управления образования — Д.А. Самарин' },
    sections: null,
  })).document;
  return { spravka: spravka.id as string, order: order.id as string };
}

/** The columns a document's form sends back: the registry's, without those the service manages. */
function editable(d: Row): Record<string, unknown> {
  const fields = tableSpec('mun_document').fields as Record<string, { managed?: boolean }>;
  return Object.fromEntries(['id', ...Object.keys(fields).filter((k) => !fields[k]!.managed)].map((k) => [k, d[k]]));
}

/**
 * The school marks what came down to it, each school differently by its place in the list (@k): done, in
 * progress, not done, or nothing yet — so some schools show municipal overdue in the summary.
 */
export function markDemoAssignments(school: ServiceContext, k: number, today: string): number {
  let n = 0;
  for (const [j, a] of municipalWork(school).assignments.entries()) {
    const choice = (k + j) % 4;
    if (choice === 3) continue;
    const status = choice === 0 ? 'done' : choice === 1 ? 'in_progress' : 'not_done';
    markAssignment(school, assignmentMarkInput.parse({
      assignmentId: a.id, status,
      done_on: status === 'done' ? (a.due_on && a.due_on < today ? a.due_on : today) : null,
      note: status === 'done' ? 'Исполнено, информация направлена в Управление образования.' : status === 'not_done' ? 'Не исполнено: ответственный педагог на больничном.' : '',
    }) as z.output<typeof assignmentMarkInput>);
    n++;
  }
  return n;
}
