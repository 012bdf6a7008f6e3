/**
 * The municipality's vocabularies (seed 004): levels by quality group (ГК) and by the social well-being
 * index (ГИСБШ), as printed in the roster — «н», «н/с», «с», «в/с», «в», «нет информации».
 */
export const LEVELS = {
  low: { short: 'н', label: 'низкий' },
  below: { short: 'н/с', label: 'ниже среднего' },
  mid: { short: 'с', label: 'средний' },
  above: { short: 'в/с', label: 'выше среднего' },
  high: { short: 'в', label: 'высокий' },
  no_info: { short: 'нет информации', label: 'нет информации' },
  no_graduates: { short: 'нет выпускников', label: 'нет выпускников' },
} as const;
export type LevelCode = keyof typeof LEVELS;
export const LEVEL_CODES = Object.keys(LEVELS) as [LevelCode, ...LevelCode[]];
export const levelOptions = LEVEL_CODES.map((value) => ({ value, label: `${LEVELS[value].short}${LEVELS[value].short !== LEVELS[value].label ? ` — ${LEVELS[value].label}` : ''}` }));

/** What a cell of the roster sheet may say → a level code; null if it is not a level. */
export function parseLevel(text: string): LevelCode | null {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/');
  if (t === '' || /^нет\s*(информации|данных|инф)/.test(t) || t === '-' || t === '—') return 'no_info';
  if (/^нет\s*вып/.test(t)) return 'no_graduates';
  const map: Record<string, LevelCode> = {
    'н': 'low', 'низкий': 'low', 'н/с': 'below', 'нс': 'below', 'ниже среднего': 'below', 'с': 'mid', 'средний': 'mid',
    'в/с': 'above', 'вс': 'above', 'выше среднего': 'above', 'в': 'high', 'высокий': 'high',
  };
  return map[t] ?? null;
}

/** A group number, or «нет информации» / «нет выпускников» from its level when there is none. */
export function groupText(group: number | null | undefined, level: string | null | undefined): string {
  if (group !== null && group !== undefined) return String(group);
  return level === 'no_graduates' ? 'нет выпускников' : 'нет информации';
}

export const levelShort = (code: string | null | undefined) => (code && code in LEVELS ? LEVELS[code as LevelCode].short : 'нет информации');

export const coordinationRole = {
  labels: { head: 'Руководитель', deputy: 'Заместитель руководителя', secretary: 'Секретарь', member: 'Член группы' } as Record<string, string>,
  codes: ['head', 'deputy', 'secretary', 'member'] as const,
};

/** What the dashboard flags, in the order the legend shows them. */
export const ATTENTION = {
  bundleOld: 'Данные не поступали больше 45 дней',
  noBundle: 'Данные ещё не поступали',
  overdue: 'Есть просроченные мероприятия',
  decisions: 'Есть поручения с истёкшим сроком',
  municipal: 'Не выполнены в срок поручения управления образования или мероприятия дорожной карты',
  mentors: 'Не у всех молодых и вновь прибывших педагогов есть наставник',
  badData: 'Часть записей группы риска повреждена (категории не читаются): численность показана, по категориям эти записи не учтены; попросите школу прислать новый файл обмена',
} as const;
