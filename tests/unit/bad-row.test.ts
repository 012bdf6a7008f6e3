/**
 * One bad row already in the municipality's database (written by an older version, or by hand) must not
 * bring down the summary, every school card and the monitoring report: that school is marked as needing
 * attention with a Russian note, the other schools show as usual. Real files: a demo municipality whose
 * schools' data came through the real export → import path, then one value changed straight in SQLite.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../../main/services/municipality/demo.js';
import { municipalityDashboard, schoolDrillDown, municipalityCharts } from '../../main/services/municipality/overview.js';
import { buildReportDoc } from '../../main/services/reports/index.js';
import { tablesOf, cellText } from '../../main/services/reports/model.js';
import { ATTENTION } from '../../common/roster-labels.js';
import { listRecords } from '../../main/services/records/records.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const TODAY = '2026-11-25';
let w: OpenWorkspace;
let bad: string;
let good: string;

beforeAll(async () => {
  w = openWorkspaceFile(join(tempDir('opora-badrow-'), 'municipality.sqlite'), NOW);
  await generateMunicipalityDemo(w.ctx, { schools: 4, seed: 5 });
  const owners = w.ctx.raw.prepare(`SELECT owner FROM risk_entry WHERE deleted_at IS NULL AND status = 'included' GROUP BY owner ORDER BY owner`).pluck().all() as string[];
  expect(owners.length).toBeGreaterThan(1);
  [bad, good] = owners as [string, string];
  // Not JSON at all in one row, a JSON object in another: neither is a list of codes.
  // Entries in the group today: ids are random, and a removed entry's categories are not counted today.
  const ids = w.ctx.raw.prepare(`SELECT id FROM risk_entry WHERE owner = ? AND deleted_at IS NULL AND status = 'included' ORDER BY id LIMIT 2`).pluck().all(bad) as string[];
  expect(ids).toHaveLength(2);
  w.ctx.raw.prepare('UPDATE risk_entry SET categories = ? WHERE id = ?').run('{не json', ids[0]);
  w.ctx.raw.prepare('UPDATE risk_entry SET categories = ? WHERE id = ?').run('{"a":1}', ids[1]);
}, 60_000);
afterAll(() => w?.close());

describe('one bad row in the municipality database', () => {
  it('the summary shows every school; the bad one needs attention with a note', () => {
    const d = municipalityDashboard(w.ctx, TODAY);
    const b = d.rows.find((r) => r.schoolId === bad)!;
    const g = d.rows.find((r) => r.schoolId === good)!;
    expect(b.attention).toContain('badData');
    expect(ATTENTION.badData).toMatch(/группы риска повреждена/);
    expect(b.riskTotal).toBeGreaterThan(0);
    expect(g.attention).not.toContain('badData');
    expect(g.riskTotal).toBeGreaterThan(0);
    expect(Object.values(g.riskByCategory).reduce((a, n) => a + n, 0)).toBeGreaterThan(0);
  });

  it('the cards open, the charts draw, the monitoring report is built and names the school', async () => {
    expect(schoolDrillDown(w.ctx, bad, TODAY).row.attention).toContain('badData');
    expect(schoolDrillDown(w.ctx, good, TODAY).row.attention).not.toContain('badData');
    expect(municipalityCharts(w.ctx, { today: TODAY })).toBeTruthy();
    const { doc } = await buildReportDoc(w.ctx, { kind: 'monitoring', format: 'docx', from: '2026-09-01', to: '2026-11-30', today: TODAY });
    const text = tablesOf(doc).flatMap((t) => t.rows.flatMap((r) => r.map(cellText))).join(' | ');
    expect(text).toMatch(/данные группы риска повреждены/i);
  });


  it('the risk group list filtered by category still works (json_each never sees the bad JSON)', () => {
    const r = listRecords(w.ctx, { entity: 'risk_entry', search: '', filters: { category: 'absenteeism' }, offset: 0, limit: 500, includeDeleted: false });
    expect(r.rows.length).toBeGreaterThan(0);
  });
});
