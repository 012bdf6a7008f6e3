/**
 * Closed vocabularies of the domain with their Russian labels. Codes are stored; labels are shown.
 * Open catalogues that users extend (risk factors, deficits) are tables, not these lists.
 */
function vocab<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { labels, codes, options: codes.map((value) => ({ value, label: labels[value]! })) };
}

/** A stored code read back as its vocabulary's type; a code this version does not know reads as `fallback`. */
export function codeOf<T extends string>(v: { codes: readonly T[] }, value: unknown, fallback: T): T {
  return v.codes.find((c) => c === value) ?? fallback;
}

export const activityStatus = vocab({
  planned: 'Запланировано',
  in_progress: 'Выполняется',
  done: 'Выполнено',
  not_done: 'Не выполнено',
  cancelled: 'Отменено',
});
export const OPEN_ACTIVITY_STATUSES = ['planned', 'in_progress'] as const;
/** A roadmap activity's own status: a municipal plan also records what was done only in part (seed 002, item 8). */
export const roadmapActivityStatus = vocab({
  planned: 'Запланировано',
  in_progress: 'Выполняется',
  done: 'Выполнено',
  partly: 'Выполнено частично',
  not_done: 'Не выполнено',
  cancelled: 'Отменено',
});

export const timingKind = vocab({
  date: 'Дата',
  deadline: 'Срок «до»',
  month: 'Месяц',
  period: 'Период',
  recurrence: 'Периодически',
  permanent: 'Постоянно',
  none: 'Без срока',
});

export const problemKind = vocab({ internal: 'Внутренняя причина', external: 'Внешняя причина' });

export const indicatorKind = vocab({
  vpr: 'ВПР',
  oge: 'ОГЭ',
  ege: 'ЕГЭ',
  kdr: 'КДР',
  staff: 'Кадры',
  other: 'Другое',
});

export const staffCategory = vocab({
  none: 'Без категории',
  soot: 'Соответствие занимаемой должности',
  first: 'Первая',
  highest: 'Высшая',
});

export const mentoringReason = vocab({
  young: 'Молодой специалист',
  newly_arrived: 'Вновь прибывший педагог',
  low_results: 'Низкие результаты ВПР/ГИА в классах',
  other: 'Другое',
});

export const planStatus = vocab({ active: 'Выполняется', done: 'Выполнен', cancelled: 'Прекращён' });

export const riskCategory = vocab({
  absenteeism: 'Пропуски занятий',
  low_achievement: 'Слабая успеваемость',
  disability: 'ОВЗ / инвалидность',
  migrant: 'Инофоны, языковой барьер',
  difficult_situation: 'Трудная жизненная ситуация',
  deviant: 'Девиантное поведение',
  other: 'Другое',
});

/** How a consent was given: 152-ФЗ art. 10 asks for a written one for health data. */
export const consentForm = vocab({ written: 'Письменное' });

export const riskStatus = vocab({ included: 'В группе риска', removed: 'Снят с учёта' });

export const eventKind = vocab({
  methodical_day: 'Методический день',
  seminar: 'Семинар',
  webinar: 'Вебинар',
  course: 'Курсы',
  meeting: 'Совещание',
  video_conference: 'Видеоконференция',
  round_table: 'Круглый стол',
  master_class: 'Мастер-класс',
  methodical_landing: 'Методический десант',
  open_day: 'День открытых дверей',
  parent_meeting: 'Родительское собрание',
  subject_week: 'Предметная неделя',
  teachers_council: 'Педагогический совет',
  other: 'Другое',
});

/** «Об итогах совещания»: the kind in the genitive, for document headings. */
export const eventKindGenitive: Record<keyof typeof eventKind.labels, string> = {
  methodical_day: 'методического дня', seminar: 'семинара', webinar: 'вебинара', course: 'курсов', meeting: 'совещания',
  video_conference: 'видеоконференции', round_table: 'круглого стола', master_class: 'мастер-класса', methodical_landing: 'методического десанта',
  open_day: 'дня открытых дверей', parent_meeting: 'родительского собрания', subject_week: 'предметной недели', teachers_council: 'педагогического совета',
  other: 'мероприятия',
};

export const eventLevel = vocab({
  school: 'Школьный',
  municipal: 'Муниципальный',
  regional: 'Региональный',
  federal: 'Федеральный',
});

export const eventFormat = vocab({ in_person: 'Очно', online: 'Дистанционно', mixed: 'Смешанный' });

export const supportTarget = vocab({ risk: 'Группа риска', gifted: 'Одарённые' });
