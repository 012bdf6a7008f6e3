/** A fictional meeting of a fictional municipality and the приказ approving its справка: the documents tests and scripts/documents-sample.ts. */
import type { MeetingDocModel, OrderDocModel, DocumentRequisites } from '../../main/services/reports/documents/model.js';
import { meetingDoc } from '../../main/services/reports/documents/meeting.js';
import { parsePersonName } from '../../common/person-name.js';

const name = (t: string) => parsePersonName(t);

export function requisites(over: Partial<DocumentRequisites> = {}): DocumentRequisites {
  return {
    kind: 'spravka',
    body: ['Администрация Ирбитского муниципального образования', 'Управление образования Ирбитского муниципального образования'],
    subordinate: 'МКУ «Центр развития образования»',
    number: '01-12/345',
    date: '2026-10-20',
    place: 'г. Ирбит',
    title: 'об итогах совещания руководителей общеобразовательных организаций по результатам ВПР',
    addressees: ['Руководителям МОУ', 'Ирбитского МО'],
    replyTo: { number: '02-15/77', date: '2026-10-01' },
    signer: { position: 'Начальник Управления образования', name: name('Морозова Галина Николаевна') },
    executor: { name: name('Чащина Татьяна Викторовна'), phone: '8 (34355) 6-44-21' },
    attachments: ['Список участников совещания на 2 л. в 1 экз.', 'Презентация на 12 л. в 1 экз.'],
    agreed: [],
    ...over,
  };
}

export function meeting(over: Partial<MeetingDocModel> = {}): MeetingDocModel {
  return {
    requisites: requisites(),
    event: {
      kindLabel: 'Совещание', levelLabel: 'Муниципальный', formatLabel: 'Дистанционно',
      dateFrom: '2026-10-15', dateTo: null, organiser: 'МКУ «Центр развития образования»',
      topic: 'Итоги ВПР весны 2026 года и меры по повышению качества образования', place: 'Управление образования, каб. 12',
      summary: 'Руководители школ доложили о результатах ВПР и об объективности их проведения.',
    },
    participants: {
      present: ['МОУ «Пьянковская ООШ»', 'МОУ «Киргинская СОШ»', 'МОУ «Гаевская ООШ»', 'МОУ «Знаменская СОШ»', 'МОУ «Ключевская СОШ»', 'МОУ «Осинцевская ООШ»'],
      absent: [{ school: 'МОУ «Стриганская СОШ»', note: 'болезнь директора' }, { school: 'МОУ «Речкаловская СОШ»', note: '' }],
      invited: [],
      others: [{ name: name('Самарин Д. А.'), text: '', position: 'заместитель начальника', organisation: 'Управление образования' }],
    },
    agenda: [
      { title: 'Результаты ВПР по математике в 5–8 классах', speaker: 'Чащина Т.В.', note: '' },
      { title: 'Объективность оценивания', speaker: '', note: 'Доклады руководителей' },
    ],
    conclusions: [
      { text: 'Доля «2» по математике в 5 классах выше региональной', schools: ['МОУ «Пьянковская ООШ»', 'МОУ «Гаевская ООШ»'], factors: 'низкая учебная мотивация' },
      { text: 'Признаки необъективности результатов выявлены в двух школах', schools: ['МОУ «Знаменская СОШ»'], factors: '' },
      { text: 'Наставничество молодых учителей организовано не во всех школах', schools: [], factors: '' },
      { text: 'Сетевое взаимодействие школ не организовано', schools: [], factors: '' },
    ],
    proposals: [
      { addressee: 'Руководителям общеобразовательных организаций', items: ['проанализировать результаты ВПР на заседаниях ШМО', 'закрепить наставников за молодыми учителями'] },
      { addressee: 'МКУ «Центр развития образования»', items: ['организовать семинар по объективности оценивания'] },
      { addressee: 'Рабочей группе', items: ['подготовить рекомендации для школ'] },
    ],
    groups: [{
      title: 'Объективность оценочных процедур', kindLabel: 'Рабочая группа', period: { from: '2026-10-15', to: '2027-05-31' },
      members: [
        { name: name('Иванова Ольга Петровна'), text: '', position: 'учитель математики', organisation: 'МОУ «Киргинская СОШ»', role: '', leader: false },
        { name: name('Т.В. Чащина'), text: '', position: 'методист', organisation: 'МКУ «ЦРО»', role: 'секретарь', leader: true },
        { name: null, text: 'представитель ИРО', position: '', organisation: 'ГАОУ ДПО СО «ИРО»', role: 'по согласованию', leader: false },
      ],
    }],
    assignments: [
      { text: 'Провести анализ результатов ВПР и представить план мер', responsible: 'руководители ОО', due: '2026-11-15', schools: ['МОУ «Пьянковская ООШ»', 'МОУ «Гаевская ООШ»'] },
      { text: 'Организовать наставничество молодых учителей', responsible: 'руководители ОО', due: '2026-12-01', schools: [] },
    ],
    closing: 'Следующее совещание — в январе 2027 года.',
    sections: { participants: true, agenda: true, conclusions: true, proposals: true, groups: true, assignments: true },
    short: false,
    ...over,
  };
}

export function order(over: Partial<OrderDocModel> = {}): OrderDocModel {
  return {
    requisites: requisites({
      kind: 'order', subordinate: '', addressees: [], replyTo: null, attachments: [], number: '374', date: '2026-10-26',
      title: 'Об утверждении справки об итогах совещания руководителей общеобразовательных организаций',
      agreed: [{ position: 'Заместитель начальника', name: name('Самарин Д. А.') }, { position: 'Начальник сектора делопроизводства', name: null }],
    }),
    preamble: 'В соответствии с планом работы Управления образования на 2026–2027 учебный год',
    points: ['Утвердить справку об итогах совещания руководителей общеобразовательных организаций (Приложение 1)', 'Контроль исполнения приказа оставляю за собой'],
    appendix: { title: 'Справка об итогах совещания руководителей общеобразовательных организаций', doc: meetingDoc(meeting()) },
    ...over,
  };
}

