/** Closed vocabularies of the municipality's own work (db/registry/meetings.ts) with their Russian labels, for the registry and the screens alike. */
/** Who organises on the municipality's side: the department itself or its subordinate body (methodical centre). */
export const ORGANISER_BODIES = { department: 'Управление образования', centre: 'Методический центр' } as const;
export const PARTICIPATION = { invited: 'Приглашена', present: 'Участвовала', absent: 'Не участвовала' } as const;
export const PROPOSAL_ADDRESSEES = {
  all_schools: 'Всем школам', some_schools: 'Отдельным школам', centre: 'Методическому центру', group: 'Рабочей группе', person: 'Лично', other: 'Другим', none: 'Без адресата (отдельным пунктом)',
} as const;
export const ASSIGNMENT_MARK = { in_progress: 'Выполняется', done: 'Выполнено', not_done: 'Не выполнено' } as const;
export const GROUP_KINDS = {
  working: 'Рабочая группа', coordination: 'Координационная группа', rmo: 'Районное методическое объединение (РМО)', creative: 'Творческая группа', other: 'Другая группа',
} as const;
export const DOCUMENT_KINDS = { spravka: 'Справка', order: 'Приказ', letter: 'Письмо', protocol: 'Протокол' } as const;
/** Sections of a meeting справка the user may leave out before printing. */
export const MEETING_SECTIONS = {
  participants: 'Участники', agenda: 'Повестка', conclusions: 'Выводы', proposals: 'Предложения', groups: 'Рабочие группы', assignments: 'Поручения',
} as const;

