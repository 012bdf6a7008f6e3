/**
 * Bench section: a hostile but validly signed bundle from an enrolled school (a trusted key), refused by
 * the content checks. Two files of ≈40 MB on disk: one holds a 240 MB table compressed (as in the issue), one
 * a 40 MB table stored as is, with more rows than a school ever has; both end with one invalid row, which
 * the old code found only after materialising everything. Each import runs in a fresh child process so that its RSS high-water mark
 * (process.resourceUsage().maxRSS) is that import's alone, not the bench's.
 *
 *   tsx scripts/bench-hostile.ts build DIR   — workspaces and the two files (not timed)
 *   tsx scripts/bench-hostile.ts import DIR FILE — one import; prints one JSON line
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openWorkspaceFile } from '../main/cli/workspace-file.js';
import { initMunicipality } from '../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile, ensureIdentity } from '../main/services/exchange/index.js';
import { buildContainer } from '../main/services/exchange/container.js';
import { tableEntry, APP_VERSION } from '../main/services/exchange/export.js';
import { LATEST_VERSION } from '../db/migrations/index.js';

type Figures = Record<string, number>;

/** `bytes` of valid risk_factor rows (the school's own row under fresh ids), the last one invalid. */
function rowsOf(template: unknown[], columns: string[], bytes: number): unknown[][] {
  const iId = columns.indexOf('id');
  const iTitle = columns.indexOf('title');
  const per = JSON.stringify(template).length + 1 - String(template[iTitle]).length + 24;
  const rows: unknown[][] = [];
  for (let i = 0; i < Math.ceil(bytes / per); i++) {
    const r = template.slice();
    r[iId] = randomUUID();
    // A random title keeps the file from compressing to nothing: ≈40 MB on disk, as in the issue.
    r[iTitle] = randomBytes(12).toString('hex');
    rows.push(r);
  }
  rows[rows.length - 1]![iTitle] = 12345; // the current code found this only after parsing everything
  return rows;
}

function build(dir: string) {
  const muni = openWorkspaceFile(join(dir, 'muni.sqlite'));
  const school = openWorkspaceFile(join(dir, 'school.sqlite'));
  initMunicipality(muni.ctx, 'Управление образования (вымышленное, замер)');
  const enr = enrollSchool(muni.ctx, 'Школа (вымышленная, замер)');
  openEnrollment(school.ctx, enr.bytes, enr.code);
  // The school's first honest bundle pins its key: what follows comes from a trusted sender.
  const first = importFile(muni.ctx, exportToFolder(school.ctx, join(dir, 'first'))[0]!.path);
  if (first.status !== 'accepted') throw new Error(first.reason);
  const id = ensureIdentity(school.ctx);
  const { entry } = tableEntry(school.ctx.raw, 'risk_factor', 't.owner = ?', [id.ownerId]);
  const t = JSON.parse(entry.data.toString('utf8')) as { columns: string[]; rows: unknown[][] };
  const muniKey = ensureIdentity(muni.ctx).keys.encryptPublic;
  const make = (name: string, tableBytes: number, seq: number, compress: boolean, claimed?: number) => {
    const rows = rowsOf(t.rows[0]!, t.columns, tableBytes);
    const data = Buffer.from(JSON.stringify({ table: 'risk_factor', columns: t.columns, rows }), 'utf8');
    const bytes = buildContainer({
      kind: 'school-data',
      issuer: { id: id.ownerId, name: 'Школа (вымышленная, замер)', role: 'school', origin: id.origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
      recipient: { id: ensureIdentity(muni.ctx).ownerId, name: 'Управление' },
      sequence: seq, createdAt: new Date().toISOString(), appVersion: APP_VERSION, schemaVersion: LATEST_VERSION,
      counts: { risk_factor: claimed ?? rows.length }, enrollmentProof: false, acks: [],
    }, [{ ...entry, data, compress }], id.keys.signPrivate, muniKey);
    writeFileSync(join(dir, name), bytes);
  };
  make('big-table.opora', 240 * 1024 * 1024, 1000, true);
  // Stored as is: 40 MB on disk, under every size limit, but far more rows than a school ever has.
  // It claims one row in the signed manifest, so only counting the rows themselves finds it out.
  make('many-rows.opora', 40 * 1024 * 1024, 1001, false, 1);
  // Under every limit (90 000 rows, 27 MB), its one bad row the last: the worst case that must still be refused fast.
  make('bad-last-row.opora', 90_000 * 310, 1002, false);
  muni.close();
  school.close();
}

function importOne(dir: string, file: string) {
  const muni = openWorkspaceFile(join(dir, 'muni.sqlite'));
  const t = performance.now();
  const r = importFile(muni.ctx, join(dir, file));
  const ms = performance.now() - t;
  muni.close();
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ status: r.status, reasonCode: r.reasonCode, reason: r.reason, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function child(args: string[]): string {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench-hostile ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

/** The section: build in one child, refuse each file in another; time and peak memory of each refusal. */
export function benchHostile(): Figures {
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-hostile-'));
  try {
    child(['build', dir]);
    const out: Figures = {};
    for (const [file, key] of [['big-table.opora', 'hostile_big_table'], ['many-rows.opora', 'hostile_many_rows'], ['bad-last-row.opora', 'hostile_bad_last_row']] as const) {
      const mb = statSync(join(dir, file)).size / 1024 / 1024;
      const r = JSON.parse(child(['import', dir, file]).trim().split('\n').pop()!) as { status: string; reasonCode: string; reason: string; ms: number; maxRssMb: number };
      console.log(`Враждебный файл ${file} (${mb.toFixed(1)} МБ, подписан доверенным ключом): ${r.status === 'rejected' ? 'отклонён' : r.status} ` +
        `за ${(r.ms / 1000).toFixed(2)} с, пиковая память процесса ${r.maxRssMb} МБ (цель — меньше 10 с и 400 МБ). Причина: ${r.reason}`);
      out[`${key}_file_mb`] = Math.round(mb * 10) / 10;
      out[`${key}_refuse_ms`] = r.ms;
      out[`${key}_max_rss_mb`] = r.maxRssMb;
      out[`${key}_refused`] = r.status === 'rejected' ? 1 : 0;
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, dir, file] = process.argv.slice(2);
  if (mode === 'build') build(dir!);
  else if (mode === 'import') importOne(dir!, file!);
  else benchHostile();
}
