/**
 * Benchmark section for the school workspace: generate the large demo school and time the first screen of
 * every list the UI shows (through dispatch, as the UI calls it), plus a search and a filter on each.
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../main/workspace.js';
import { dispatch } from '../main/handlers.js';
import { generateDemo } from '../main/services/school/demo.js';

const LISTS: { entity: string; search: string; filters?: Record<string, string | number> }[] = [
  { entity: 'activity', search: 'впр', filters: { overdue: 1 } },
  { entity: 'staff', search: 'иван', filters: { young_specialist: 1 } },
  { entity: 'mentoring_pair', search: 'мат' },
  { entity: 'staff_deficit', search: 'икт' },
  { entity: 'course', search: 'иро' },
  { entity: 'risk_entry', search: '7', filters: { category: 'absenteeism' } },
  { entity: 'gifted_pupil', search: 'мат' },
  { entity: 'event', search: 'семинар', filters: { kind: 'seminar' } },
  { entity: 'decision', search: 'анализ', filters: { overdue: 1 } },
];

export async function benchSchoolLists(): Promise<Record<string, number>> {
  const ws = new Workspace(mkdtempSync(join(tmpdir(), 'opora-bench-school-')));
  const t0 = performance.now();
  const ctx = await ws.switchTo('main');
  const { counts } = generateDemo(ctx, { size: 'large', seed: 7 });
  const generateMs = performance.now() - t0;
  console.log(`Крупная демо-школа: сгенерирована за ${generateMs.toFixed(0)} мс — ` +
    `${counts.staff} сотрудников, ${counts.risk_entry} записей группы риска, ${counts.activity} мероприятий программы, ${counts.event} событий журнала.`);
  const figures: Record<string, number> = { school_generate_ms: Math.round(generateMs) };
  console.log('Первый экран списка (50 строк), мс:   без условий | поиск | фильтр');
  for (const l of LISTS) {
    const time = async (input: Record<string, unknown>) => {
      const s = performance.now();
      const r = await dispatch(ws, 'records.list', { entity: l.entity, limit: 50, ...input });
      if (!r.ok) throw new Error(r.message);
      return performance.now() - s;
    };
    await time({}); // warm the statement cache like a second visit would
    const plain = await time({});
    const search = await time({ search: l.search });
    const filter = l.filters ? await time({ filters: l.filters }) : NaN;
    figures[`list_${l.entity}_ms`] = Math.round(plain * 10) / 10;
    console.log(`  ${l.entity.padEnd(16)} ${plain.toFixed(1).padStart(8)} | ${search.toFixed(1).padStart(6)} | ${Number.isNaN(filter) ? '—' : filter.toFixed(1)}`);
  }
  const s = performance.now();
  await dispatch(ws, 'dashboard.school', {});
  figures.dashboard_ms = Math.round(performance.now() - s);
  console.log(`Главная (панель школы): ${figures.dashboard_ms} мс`);
  await ws.close();
  return figures;
}

