/** Sections 6 and 7 of the school справка: the programme's indicators with their dynamics, and the local acts. */
import { formatDate } from '../../../../common/format.js';
import type { Block, Cell, ReportTable } from '../model.js';
import { num } from '../text.js';
import { OWNED, s, type Query, type R, type Section } from './common.js';

export function indicatorsSection({ q, programme }: Section): Block[] {
  const table = programme ? indicatorsTable(q, s(programme.id)) : null;
  return [
    { kind: 'heading', text: '6. Показатели и их динамика' },
    table ? { kind: 'table', table } : { kind: 'paragraph', text: 'Показатели программы не внесены.', italic: true },
  ];
}

export function localActsSection({ q }: Section): Block[] {
  const acts = q(`SELECT t.* FROM local_act t WHERE t.deleted_at IS NULL AND ${OWNED} AND (t.adopted_on IS NULL OR t.adopted_on <= @to) ORDER BY t.adopted_on, t.title`);
  if (!acts.length) return [];
  return [
    { kind: 'heading', text: '7. Локальные акты' },
    {
      kind: 'table',
      table: {
        sheet: 'Локальные акты',
        caption: 'Принятые локальные акты',
        columns: [
          { key: 'title', header: 'Локальный акт', width: 56 },
          { key: 'date', header: 'Дата принятия', width: 18, align: 'center' },
          { key: 'order', header: 'Приказ', width: 16, align: 'center' },
        ],
        rows: acts.map((a) => [s(a.title), formatDate(s(a.adopted_on)), a.order_number ? `№ ${s(a.order_number)}` : '']),
      },
    },
  ];
}

/** Indicators with baseline, the last periods' actual (target) values and the change from the baseline. */
function indicatorsTable(q: Query, programmeId: string): ReportTable | null {
  const inds = q(`SELECT t.* FROM indicator t WHERE t.deleted_at IS NULL AND ${OWNED} AND t.programme_id = @programme ORDER BY t.kind, t.title`, { programme: programmeId });
  if (!inds.length) return null;
  const values = q(`SELECT t.* FROM indicator_value t JOIN indicator i ON i.id = t.indicator_id
    WHERE t.deleted_at IS NULL AND ${OWNED} AND i.programme_id = @programme ORDER BY t.period`, { programme: programmeId });
  const periods = [...new Set(values.map((v) => s(v.period)))].sort().slice(-4);
  return {
    sheet: 'Показатели',
    caption: 'Показатели программы: факт (цель) по годам',
    fontSize: 11,
    columns: [
      { key: 'title', header: 'Показатель', width: 32 },
      { key: 'unit', header: 'Ед. изм.', width: 8, align: 'center' },
      { key: 'base', header: 'Базовое значение', width: 13, align: 'center' },
      ...periods.map((per) => ({ key: 'p' + per, header: per, width: 9, align: 'center' as const })),
      { key: 'dyn', header: 'Динамика к базовому', width: 16 },
    ],
    rows: inds.map((ind) => indicatorRow(ind, values.filter((v) => v.indicator_id === ind.id), periods)),
  };
}

function indicatorRow(ind: R, vs: R[], periods: string[]): Cell[] {
  const base = vs.find((v) => v.baseline !== null)?.baseline ?? null;
  const actuals = vs.filter((v) => v.actual !== null);
  const last = actuals[actuals.length - 1];
  const higher = ind.higher_is_better === 1;
  const unit = s(ind.unit);
  let dyn: Cell = '—';
  if (last && base !== null) {
    const d = Number(last.actual) - Number(base);
    const unitD = unit === '%' ? ' п. п.' : unit ? ` ${unit}` : '';
    if (Math.abs(d) < 1e-9) dyn = 'без изменений';
    else dyn = { text: `${d > 0 ? '+' : '−'}${num(Math.abs(d))}${unitD} (${(d > 0) === higher ? 'улучшение' : 'ухудшение'})`, italic: (d > 0) !== higher };
  }
  return [
    s(ind.title),
    unit,
    num(base as number | null),
    ...periods.map((per) => {
      const v = vs.find((x) => x.period === per);
      if (!v) return '';
      const target = v.target !== null ? `цель ${num(Number(v.target))}` : '';
      return v.actual !== null ? `${num(Number(v.actual))}${target ? `\n(${target})` : ''}` : target;
    }),
    dyn,
  ];
}
