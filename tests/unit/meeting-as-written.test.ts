/**
 * Issue 20, items 4–8: a справка about a video-conference with school heads, entered through the services as a
 * methodologist enters it (ten schools, one absent; eight agenda items; six conclusions with risk factors and
 * deficits; proposals to all schools, to the centre and to no one in particular; a working group of eleven; five
 * assignments to the group with one deadline), printed as .docx and read back: each part in order and worded as
 * entered, no «Другим:», one deadline line over the group's block of dash items, the letterhead's contact block
 * under the names, the signature kept with the paragraph before it. The group's assignments reach the schools
 * whose staff sit in it, and the department marks it for a member who is no school. People are fictional.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { testClock } from './exchange-fixtures.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool } from '../../main/services/exchange/index.js';
import { saveEvent } from '../../main/services/municipality/events.js';
import { saveAssignment, listAssignments, markMember } from '../../main/services/municipality/assignments.js';
import { saveGroup } from '../../main/services/municipality/groups.js';
import { draftFromEvent, saveDocument } from '../../main/services/municipality/documents.js';
import { printDocument } from '../../main/services/reports/documents/print.js';
import { saveReportSettings, getReportSettings } from '../../main/services/municipality/report-settings.js';
import { eventSaveInput, assignmentSaveInput, groupSaveInput, documentSaveInput, memberMarkInput } from '../../preload/contract/meetings.js';
import { readDocx, paragraphText } from './report-reader.js';

const dir = tempDir('opora-meeting-written-');
const clock = testClock('2021-03-12T10:00:00Z');
const open: OpenWorkspace[] = [];
afterAll(() => open.forEach((w) => w.ctx.raw.open && w.close()));

function inOrder(paragraphs: string[], patterns: (string | RegExp)[]) {
  let at = -1;
  for (const p of patterns) {
    const i = paragraphs.findIndex((x, k) => k > at && (typeof p === 'string' ? x.includes(p) : p.test(x)));
    expect(i, `«${String(p)}» after paragraph ${at}: ${paragraphs[at]}`).toBeGreaterThan(at);
    at = i;
  }
}

const SCHOOLS = ['МБОУ «СОШ № 3»', 'МБОУ «СОШ № 7»', 'МБОУ «СОШ № 12»', 'МБОУ «СОШ № 19»', 'МБОУ «СОШ № 26»', 'МБОУ «СОШ № 37»', 'МБОУ «СОШ № 44»', 'МБОУ «СОШ № 51»', 'МБОУ «СОШ № 63»', 'МБОУ «СОШ № 89»'];
const AGENDA = [
  'Доля обучающихся, не достигших базового уровня по ВПР',
  'Доля обучающихся с отметкой «2» по итогам четверти',
  'Доля выпускников 9 классов, не получивших аттестат',
  'Доля педагогов, прошедших диагностику профессиональных дефицитов',
  'Доля молодых педагогов с наставником',
  'Доля обучающихся группы риска с индивидуальным планом',
  'Участие школ в сетевом взаимодействии',
  'Выполнение школьных «дорожных карт»',
];
const CONCLUSIONS = [
  { text: 'В МБОУ «СОШ № 7» и МБОУ «СОШ № 19» доля не достигших базового уровня выше городской', factors: 'низкая учебная мотивация обучающихся', deficits: 'отсутствие анализа результатов ВПР на уровне ШМО' },
  { text: 'Отметки «2» по итогам четверти не согласуются с результатами ВПР', factors: 'необъективность текущего оценивания', deficits: 'дефицит умений формирующего оценивания у педагогов' },
  { text: 'Диагностика профессиональных дефицитов проведена не во всех школах', factors: '', deficits: 'управленческий дефицит планирования методической работы' },
  { text: 'Молодые педагоги закреплены за наставниками частично', factors: 'высокая доля молодых педагогов', deficits: '' },
  { text: 'Индивидуальные планы для обучающихся группы риска составлены формально', factors: 'высокая доля детей из семей в трудной жизненной ситуации', deficits: 'дефицит компетенций в индивидуализации обучения' },
  { text: 'Сетевое взаимодействие между школами не организовано', factors: 'территориальная удалённость', deficits: 'отсутствие механизмов взаимодействия' },
];
const TASKS = [
  'провести анализ результатов ВПР по каждому классу',
  'подготовить перечень заданий с низким процентом решаемости',
  'разработать рекомендации по объективности оценивания',
  'составить план методических семинаров на апрель – май',
  'представить проект сетевого взаимодействия школ',
];
const MEMBERS = [
  ['Абрамова', 'Ирина', 'Сергеевна', 0], ['Белов', 'Андрей', 'Викторович', 1], ['Власова', 'Елена', 'Петровна', 2], ['Григорьева', 'Ольга', 'Ивановна', 3],
  ['Дмитриев', 'Павел', 'Олегович', 4], ['Егорова', 'Наталья', 'Юрьевна', 5], ['Жукова', 'Анна', 'Михайловна', 6], ['Зайцев', 'Роман', 'Андреевич', 7],
  ['Исаева', 'Марина', 'Львовна', 9], ['Климова', 'Татьяна', 'Николаевна', -1], ['Лебедева', 'Светлана', 'Игоревна', -1],
] as const;

describe('a meeting справка comes out as a methodologist writes it', () => {
  const w = openWorkspaceFile(join(dir, 'muni.sqlite'), clock.now);
  open.push(w);
  initMunicipality(w.ctx, 'Управление образования Энского района (вымышленное)');
  saveReportSettings(w.ctx, {
    ...getReportSettings(w.ctx), parent: 'Администрация города Энска', organisation: 'Управление образования Администрации города Энска',
    centre: 'МБУ ДПО «Методический центр «Альтернатива»»', place: 'г. Энск', headPosition: 'Начальник Управления образования', headName: 'Зорина Наталья Геннадьевна',
    address: 'ул. Школьная, д. 1, г. Энск, 426000', phone: '(3412) 00-00-01', fax: '(3412) 00-00-02', email: 'uo@example.ru', site: 'uo.example.ru',
    ogrn: '1021800000000', okpo: '02100000', innKpp: '1831000000/183101001',
  });
  const ids = SCHOOLS.map((n) => enrollSchool(w.ctx, n).schoolId);
  const card = saveEvent(w.ctx, eventSaveInput.parse({
    event: { kind: 'video_conference', format: 'online', date_from: '2021-03-12', topic: 'Об итогах мониторинга показателей школ с низкими образовательными результатами' },
    schools: ids.map((school_id, i) => ({ school_id, status: i === 9 ? 'absent' : 'present', note: i === 9 ? 'нет связи' : '' })),
    agenda: AGENDA.map((title) => ({ title })),
    conclusions: CONCLUSIONS.map((c, i) => ({ item: { ...c, all_participants: i === 0 ? 0 : 1 }, school_ids: i === 0 ? [ids[1]!, ids[3]!] : [] })),
    proposals: [
      { item: { addressee: 'all_schools', addressee_text: 'Руководителям МБОУ с низкими образовательными результатами', text: 'обсудить результаты мониторинга на педагогических советах\nскорректировать школьные «дорожные карты»' } },
      { item: { addressee: 'centre', addressee_text: 'МБУ ДПО «Методический центр «Альтернатива»»', text: 'организовать курсы по формирующему оцениванию' } },
      { item: { addressee: 'none', text: 'Рассмотреть итоги мониторинга на совещании руководителей в мае 2021 года' } },
    ],
  }));
  const group = saveGroup(w.ctx, groupSaveInput.parse({
    group: { kind: 'working', title: 'Рабочая группа', event_id: card.event.id },
    members: MEMBERS.map(([surname, first_name, patronymic, s], i) => ({
      surname, first_name, patronymic, position: s >= 0 ? 'заместитель директора' : 'методист', leader: i === 10 ? 1 : 0,
      ...(s >= 0 ? { school_id: ids[s]! } : { organisation: 'МБУ ДПО «Методический центр «Альтернатива»»' }),
    })),
  }));
  for (const text of TASKS) saveAssignment(w.ctx, assignmentSaveInput.parse({ assignment: { event_id: card.event.id, group_id: group.id, text, due_on: '2021-03-19' } }));

  it('an assignment to the group reaches every school whose staff sit in the group', () => {
    const list = listAssignments(w.ctx, { eventId: card.event.id });
    expect(list).toHaveLength(5);
    const memberSchools = new Set(MEMBERS.filter((m) => m[3] >= 0).map((m) => ids[m[3]]!));
    for (const a of list) expect(new Set(a.marks.map((m) => m.school_id))).toEqual(memberSchools);
    // The two methodologists of the centre are no school: the department marks the assignment for each of them.
    expect(list[0]!.memberMarks.map((m) => [m.name, m.status])).toEqual([['Климова Татьяна Николаевна', null], ['Лебедева Светлана Игоревна', null]]);
    const marked = markMember(w.ctx, memberMarkInput.parse({ assignmentId: list[0]!.id, memberId: list[0]!.memberMarks[1]!.member_id, status: 'done', done_on: '2021-03-18' }));
    expect(marked.memberMarks.map((m) => [m.name, m.status, m.done_on])).toEqual([['Климова Татьяна Николаевна', null, null], ['Лебедева Светлана Игоревна', 'done', '2021-03-18']]);
    expect(() => markMember(w.ctx, memberMarkInput.parse({ assignmentId: list[0]!.id, memberId: list[0]!.memberMarks[0]!.member_id, status: 'done' }))).toThrow(/дату выполнения/);
  });

  it('prints each part in order and worded as entered', async () => {
    const draft = draftFromEvent(w.ctx, card.event.id);
    const doc = pickDoc(draft.document);
    const saved = saveDocument(w.ctx, documentSaveInput.parse({
      document: { ...doc, number: '01-12/77', doc_date: '2021-03-15', attachments: '', agenda_lead: 'Руководители отчитались по показателям', agenda_numbered: 0, full_names: 1 },
      sections: null,
    }));
    const printed = await printDocument(w.ctx, saved.document.id);
    // To look at the pages (LibreOffice → PDF → PNG) when SHOTS_DIR is set.
    if (process.env.SHOTS_DIR) writeFileSync(join(process.env.SHOTS_DIR, 'meeting-as-written.docx'), printed.bytes);
    const d = await readDocx(printed.bytes);
    const p = d.paragraphs;
    inOrder(p, [
      'Администрация города Энска', 'Управление образования Администрации города Энска',
      'Ул. Школьная, д. 1, г. Энск, 426000', 'Тел.: (3412) 00-00-01, факс: (3412) 00-00-02', 'E-mail: uo@example.ru, сайт: uo.example.ru',
      'ОГРН 1021800000000, ОКПО 02100000, ИНН/КПП 1831000000/183101001',
      /^Справка$/, '15.03.2021\t№ 01-12/77',
      /^12\u00a0марта 2021\u00a0г\. состоялась видеоконференция по теме «Об итогах мониторинга/,
      'Приняли участие представители 9 общеобразовательных организаций:',
      'Не приняли участие (1 школа):', '– МБОУ «СОШ № 89» — нет связи.',
      'Руководители отчитались по показателям:',
      ...AGENDA.map((a, i) => `– ${a}${i === AGENDA.length - 1 ? '.' : ';'}`),
      'Выводы:',
      ...CONCLUSIONS.map((c, i) => `${i + 1}. ${c.text}.`),
      'Предложения:',
      '1. Руководителям МБОУ с низкими образовательными результатами:',
      '1.1. обсудить результаты мониторинга на педагогических советах;', '1.2. скорректировать школьные «дорожные карты».',
      '2. МБУ ДПО «Методический центр «Альтернатива»»: организовать курсы по формирующему оцениванию.',
      '3. Рассмотреть итоги мониторинга на совещании руководителей в мае 2021 года.',
      'Рабочая группа',
      'Поручения:',
      'Рабочей группе в срок до 19.03.2021:',
      ...TASKS.map((t, i) => `– ${t}${i === TASKS.length - 1 ? '.' : ';'}`),
      /^Начальник Управления образования\tН\.Г\.\u00a0Зорина$/,
    ]);
    const text = p.join('\n');
    expect(text).not.toContain('Другим');
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    // The deadline is said once, over the block.
    expect(text.match(/в срок до/g)).toHaveLength(1);
    // Risk factors and deficits, each under its own words; a school the text names is not listed again.
    const first = p.find((x) => x.startsWith('1. В МБОУ «СОШ № 7»'))!;
    expect(first).toBe('1. В МБОУ «СОШ № 7» и МБОУ «СОШ № 19» доля не достигших базового уровня выше городской. Факторы риска: низкая учебная мотивация обучающихся. Управленческие и профессиональные дефициты: отсутствие анализа результатов ВПР на уровне ШМО.');
    expect(p.find((x) => x.startsWith('3. Диагностика'))).toBe('3. Диагностика профессиональных дефицитов проведена не во всех школах. Управленческие и профессиональные дефициты: управленческий дефицит планирования методической работы.');
    // Members with full names, the leader first.
    expect(d.tables[0]!.rows.map((r) => r.cells[1])).toContain('Лебедева Светлана Игоревна');
    expect(d.tables[0]!.rows).toHaveLength(12);
    // The signature is never alone on a page: the paragraph before it keeps with it.
    const body = d.xml.slice(d.xml.indexOf('<w:body>'));
    const paras = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const sig = paras.findIndex((x) => paragraphText(x).startsWith('Начальник Управления образования\t'));
    expect(paragraphText(paras[sig - 1]!)).toBe(`– ${TASKS[4]}.`);
    expect(paras[sig - 1]).toContain('<w:keepNext/>');
  });

  it('the opening sentence is optional and never repeats what the user wrote', async () => {
    saveEvent(w.ctx, eventSaveInput.parse({
      event: { ...pickEvent(card.event), summary: '12 марта 2021 г. состоялась видеоконференция с руководителями школ по итогам мониторинга.' },
      schools: ids.map((school_id, i) => ({ school_id, status: i === 9 ? 'absent' : 'present' })),
    }));
    const draft = draftFromEvent(w.ctx, card.event.id);
    const t1 = (await readDocx((await printDocument(w.ctx, draft.document.id)).bytes)).paragraphs;
    expect(t1.filter((x) => x.includes('состоялась видеоконференция'))).toEqual(['12 марта 2021 г. состоялась видеоконференция с руководителями школ по итогам мониторинга.']);
    const doc = pickDoc(draft.document);
    const off = saveDocument(w.ctx, documentSaveInput.parse({ document: { ...doc, intro_auto: 0 }, sections: null }));
    saveEvent(w.ctx, eventSaveInput.parse({ event: { ...pickEvent(card.event), summary: 'Руководители доложили о показателях.' }, schools: ids.map((school_id) => ({ school_id, status: 'present' })) }));
    const t2 = (await readDocx((await printDocument(w.ctx, off.document.id)).bytes)).paragraphs.join('\n');
    expect(t2).not.toContain('состоялась');
    expect(t2).toContain('Руководители доложили о показателях.');
  });
});

function pickEvent(e: Record<string, unknown>) {
  const { kind, level, format, organiser_body, date_from, date_to, organiser, topic, place, summary, id } = e;
  return { id, kind, level, format, organiser_body, date_from, date_to, organiser, topic, place, summary } as Record<string, unknown>;
}

function pickDoc(d: Record<string, unknown>) {
  const { owner: _o, origin: _g, hlc: _h, created_at: _c, updated_at: _u, deleted_at: _d, sections: _s, snapshot: _n, printed_at: _p, ...rest } = d;
  return rest as Record<string, unknown>;
}
