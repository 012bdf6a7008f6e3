/**
 * Benchmark section for the municipality: a demo municipality of N schools (300 by default) whose data
 * arrives through the real export → import path, then the dashboard and every municipality report over all
 * of them, as .docx and .xlsx, each timed. Run alone: `npx tsx scripts/bench-reports.ts [N]`.
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspaceFile } from '../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../main/services/municipality/demo.js';
import { municipalityDashboard } from '../main/services/municipality/overview.js';
import { buildReport } from '../main/services/reports/index.js';
import { listRoster } from '../main/services/municipality/roster.js';

export async function benchMunicipalityReports(schools = 300): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-mun-'));
  const w = openWorkspaceFile(join(dir, 'municipality.sqlite'));
  const figures: Record<string, number> = {};
  try {
    let t = performance.now();
    const demo = await generateMunicipalityDemo(w.ctx, {
      schools,
      seed: 11,
      onProgress: (d, n) => {
        if (d % 50 === 0) console.log(`  демо: ${d} из ${n} школ`);
      },
    });
    figures.municipality_demo_ms = Math.round(performance.now() - t);
    console.log(`Демо-муниципалитет: ${demo.schools} школ, данные прислали ${demo.imported}, через выгрузку и загрузку — ${(figures.municipality_demo_ms / 1000).toFixed(1)} с.`);
    t = performance.now();
    const d = municipalityDashboard(w.ctx);
    figures.municipality_dashboard_ms = Math.round(performance.now() - t);
    console.log(`Панель муниципалитета (${d.rows.length} строк): ${figures.municipality_dashboard_ms} мс`);
    const schoolId = listRoster(w.ctx).find((r) => r.status === 'enrolled')!.id;
    for (const kind of ['monitoring', 'roadmap', 'schools', 'school'] as const) {
      for (const format of ['docx', 'xlsx'] as const) {
        t = performance.now();
        const f = await buildReport(w.ctx, { kind, format, schoolId: kind === 'school' ? schoolId : undefined });
        const ms = Math.round(performance.now() - t);
        figures[`report_${kind}_${format}_ms`] = ms;
        console.log(`Отчёт ${kind}.${format} по ${kind === 'school' ? 'одной школе' : `${schools} школам`}: ${ms} мс, ${Math.round(f.data.length / 1024)} КБ`);
      }
    }
  } finally {
    w.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) void benchMunicipalityReports(Number(process.argv[2] ?? 300));
