/** Section 4 of the school справка: the risk group in aggregate, by category — never a pupil's name, birth date or class. */
import { formatDate } from '../../../../common/format.js';
import { riskCategory } from '../../../../common/labels.js';
import { addDays } from '../../../../common/periods.js';
import { categoriesOf, riskGroupOn } from '../../school/figures.js';
import { rule } from '../../../../db/rules.js';
import type { Block, Cell } from '../model.js';
import { n } from '../text.js';
import { OWNED, type Section } from './common.js';

export function riskSection({ src, q, period, day, facts }: Section): Block[] {
  const startDay = addDays(period.from, -1);
  const start = riskGroupOn(src, src.owner ?? null, startDay);
  const end = facts.risk;
  const changes = q(`SELECT t.categories, ${rule.riskChangesInPeriod('t', 'included')} AS included, ${rule.riskChangesInPeriod('t', 'removed')} AS removed
    FROM risk_entry t WHERE t.deleted_at IS NULL AND ${OWNED}`).map((e) => ({ cats: categoriesOf(e.categories), included: Number(e.included), removed: Number(e.removed) }));
  const changed = (code: string | null, k: 'included' | 'removed') => changes.filter((e) => !code || e.cats.includes(code)).reduce((a, e) => a + e[k], 0);
  const rows: Cell[][] = riskCategory.codes
    .map((code) => [riskCategory.labels[code], start.byCategory[code] ?? 0, changed(code, 'included'), changed(code, 'removed'), end.byCategory[code] ?? 0] as Cell[])
    .filter((r) => r.slice(1).some((v) => Number(v) > 0));
  const totals = [start.total, changed(null, 'included'), changed(null, 'removed'), end.total];
  const measures = q(`SELECT COUNT(*) AS total, SUM(t.done) AS done FROM support_measure t WHERE t.deleted_at IS NULL AND ${OWNED} AND t.target_kind = 'risk'
    AND COALESCE(t.date_to, t.date_from) >= @from AND COALESCE(t.date_from, t.date_to) <= @to`)[0] ?? { total: 0, done: 0 };
  const gifted = q(`SELECT COUNT(*) AS n FROM gifted_pupil t WHERE t.deleted_at IS NULL AND ${OWNED} AND t.included_on <= @to`)[0]?.n ?? 0;
  return [
    { kind: 'heading', text: '4. Работа с обучающимися группы риска' },
    {
      kind: 'paragraph',
      text: `На ${formatDate(day)} в группе риска состоит ${n(end.total, 'pupil')}; за период включено ${totals[1]}, снято с учёта ${totals[2]}. ` +
        `Проведено мер индивидуальной поддержки: ${Number(measures.done ?? 0)} из ${Number(measures.total ?? 0)} запланированных. В перечне одарённых детей — ${n(Number(gifted), 'pupil')}. ` +
        'Сведения приводятся в обезличенном виде, по категориям; обучающийся может относиться к нескольким категориям.',
    },
    {
      kind: 'table',
      table: {
        sheet: 'Группа риска',
        caption: 'Численность группы риска по категориям, чел.',
        columns: [
          { key: 'category', header: 'Категория', width: 36 },
          { key: 'start', header: `На ${formatDate(startDay)}`, width: 16, align: 'center' },
          { key: 'in', header: 'Включено за период', width: 16, align: 'center' },
          { key: 'out', header: 'Снято с учёта за период', width: 16, align: 'center' },
          { key: 'end', header: `На ${formatDate(day)}`, width: 16, align: 'center' },
        ],
        rows: rows.length ? [...rows, [{ text: 'Всего обучающихся', bold: true }, ...totals]] : [],
        empty: 'Обучающихся в группе риска в период не было.',
      },
    },
  ];
}
