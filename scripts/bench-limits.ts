/**
 * Bench section: files at the limits one school can reach (exchange/reasons.ts LIMITS), signed with a real
 * school key, and the same school's snapshot re-sent from 15 fresh origins. For each: accepted or refused, time,
 * the import process's peak memory, and how much the department's database (and its files folder) grew. Each
 * import runs in a fresh child process so its RSS high-water mark is its own.
 *
 *   tsx scripts/bench-limits.ts build DIR        — workspaces and the files (not timed)
 *   tsx scripts/bench-limits.ts import DIR FILE… — the files in turn, in one process; prints one JSON line
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openWorkspaceFile, type OpenWorkspace } from '../main/cli/workspace-file.js';
import { initMunicipality } from '../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile, ensureIdentity } from '../main/services/exchange/index.js';
import type { EntryInput } from '../main/services/exchange/container.js';
import { tableEntry } from '../main/services/exchange/export.js';
import { LIMITS } from '../main/services/exchange/reasons.js';
import { generateDemo } from '../main/services/school/demo.js';
import { addAttachment, shareAttachment } from '../main/services/school/attachments.js';
import { formatHlc } from '../main/services/core/clock.js';
import { upTables } from '../db/registry/index.js';
import { signedBySchool } from '../tests/unit/exchange-fixtures.js';

type Figures = Record<string, number>;
const MB = 1024 * 1024;

const signed = signedBySchool;

/** `n` valid risk-factor rows of the school (its own row under fresh ids and titles). */
function factorRows(school: OpenWorkspace, owner: string, n: number): EntryInput {
  const { entry } = tableEntry(school.ctx.raw, 'risk_factor', 't.owner = ?', [owner]);
  const t = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
  const [iId, iTitle] = [t.columns.indexOf('id'), t.columns.indexOf('title')];
  const rows = Array.from({ length: n }, () => {
    const r = t.rows[0]!.slice();
    r[iId] = randomUUID();
    r[iTitle] = `Фактор ${randomBytes(6).toString('hex')}`;
    return r;
  });
  return { name: entry.name, data: Buffer.from(JSON.stringify({ ...t, rows }), 'utf8') };
}

/** The school's snapshot with every row re-stamped by a fresh origin, unchanged otherwise. */
function resent(school: OpenWorkspace, owner: string, wall: number): EntryInput[] {
  const origin = randomUUID();
  return upTables().map((table) => {
    const { entry } = tableEntry(school.ctx.raw, table, 't.owner = ?', [owner]);
    const d = JSON.parse(entry.data.toString('utf8')) as { columns: string[]; rows: unknown[][] };
    const [iOrigin, iHlc, iVv] = ['origin', 'hlc', '_vv'].map((c) => d.columns.indexOf(c)) as [number, number, number];
    d.rows.forEach((r, k) => { r[iOrigin] = origin; r[iHlc] = formatHlc(wall, k, origin); r[iVv] = null; });
    return { name: entry.name, data: Buffer.from(JSON.stringify(d), 'utf8') };
  });
}

function build(dir: string) {
  const muni = openWorkspaceFile(join(dir, 'muni.sqlite'));
  const school = openWorkspaceFile(join(dir, 'school.sqlite'));
  initMunicipality(muni.ctx, 'Управление образования (вымышленное, замер)');
  const enr = enrollSchool(muni.ctx, 'Школа (вымышленная, замер)');
  openEnrollment(school.ctx, enr.bytes, enr.code);
  generateDemo(school.ctx, { size: 'large', seed: 7 });
  const owner = ensureIdentity(school.ctx).ownerId;
  const first = importFile(muni.ctx, exportToFolder(school.ctx, join(dir, 'first'))[0]!.path);
  if (first.status !== 'accepted') throw new Error(first.reason);
  writeFileSync(join(dir, 'rows-at-limit.opora'), signed(school, muni, [factorRows(school, owner, LIMITS.rowsPerTable)], 100));
  writeFileSync(join(dir, 'rows-over-limit.opora'), signed(school, muni, [factorRows(school, owner, LIMITS.rowsPerTable + 1)], 101));
  for (let k = 0; k < 15; k++) writeFileSync(join(dir, `resend-${String(k).padStart(2, '0')}.opora`), signed(school, muni, resent(school, owner, Date.parse('2026-12-01T10:00:00Z') + k * 1000), 200 + k));
  // Five 22 MB photos passed on by the school (110 MB of files, the honest large file of the issue), exported for real.
  const event = school.ctx.raw.prepare('SELECT id FROM event WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string;
  for (let k = 0; k < 5; k++) {
    const a = addAttachment(school.ctx, { eventId: event, fileName: `Фото ${k + 1}.jpg`, mime: 'image/jpeg', bytes: randomBytes(22 * MB) });
    shareAttachment(school.ctx, a.id, true, true);
  }
  const photos = exportToFolder(school.ctx, join(dir, 'photos'))[0]!.path;
  renameSync(photos, join(dir, 'photos-110mb.opora'));
  muni.close();
  school.close();
}

function diskMb(dir: string): { db: number; files: number } {
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  const db = size(join(dir, 'muni.sqlite')) + size(join(dir, 'muni.sqlite-wal'));
  let files = 0;
  const walk = (d: string) => { if (!existsSync(d)) return; for (const n of readdirSync(d, { withFileTypes: true })) { if (n.isDirectory()) walk(join(d, n.name)); else files += statSync(join(d, n.name)).size; } };
  for (const n of readdirSync(dir)) if (n.startsWith('muni') && n.endsWith('files')) walk(join(dir, n));
  return { db: db / MB, files: files / MB };
}

function importSome(dir: string, files: string[]) {
  const before = diskMb(dir);
  const muni = openWorkspaceFile(join(dir, 'muni.sqlite'));
  const t = performance.now();
  const results = files.map((f) => importFile(muni.ctx, join(dir, f)));
  const ms = performance.now() - t;
  const conflicts = muni.ctx.raw.prepare('SELECT COUNT(*) FROM sync_conflict WHERE dismissed = 0').pluck().get() as number;
  muni.close();
  const after = diskMb(dir);
  const refused = results.filter((r) => r.status !== 'accepted');
  console.log(JSON.stringify({
    accepted: results.length - refused.length, refused: refused.length, reason: refused[0]?.reason ?? '', conflicts, ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), dbGrowthMb: after.db - before.db, filesGrowthMb: after.files - before.files,
  }));
}

function child(args: string[]): string {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench-limits ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

const CASES = [
  // First: it is the school's real export, numbered before the crafted files that follow.
  { key: 'limit_photos', files: ['photos-110mb.opora'], what: 'пять переданных фото по 22 МБ (честный большой файл)', expect: 'принят' },
  { key: 'limit_rows_at', files: ['rows-at-limit.opora'], what: `таблица ровно на пределе (${LIMITS.rowsPerTable.toLocaleString('ru-RU')} записей)`, expect: 'принят' },
  { key: 'limit_rows_over', files: ['rows-over-limit.opora'], what: 'на одну запись больше предела', expect: 'отклонён' },
  { key: 'resend_15_origins', files: Array.from({ length: 15 }, (_, k) => `resend-${String(k).padStart(2, '0')}.opora`), what: 'тот же снимок школы от 15 новых источников', expect: 'принят, 0 конфликтов' },
] as const;

/** The section: build in one child, each case's import(s) in another. */
export function benchLimits(): Figures {
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-limits-'));
  try {
    child(['build', dir]);
    const out: Figures = {};
    for (const c of CASES) {
      const mb = c.files.reduce((s, f) => s + statSync(join(dir, f)).size, 0) / MB;
      const r = JSON.parse(child(['import', dir, ...c.files]).trim().split('\n').pop()!) as { accepted: number; refused: number; reason: string; conflicts: number; ms: number; maxRssMb: number; dbGrowthMb: number; filesGrowthMb: number };
      const verdict = r.refused ? `отклонён (${r.reason})` : `принят${c.files.length > 1 ? ` (${r.accepted} из ${c.files.length}), открытых конфликтов ${r.conflicts}` : ''}`;
      console.log(`Предел школы — ${c.what}, ${mb.toFixed(1).replace('.', ',')} МБ: ${verdict} за ${(r.ms / 1000).toFixed(2).replace('.', ',')} с, пиковая память ${r.maxRssMb} МБ, ` +
        `база управления выросла на ${r.dbGrowthMb.toFixed(1).replace('.', ',')} МБ, папка файлов — на ${r.filesGrowthMb.toFixed(1).replace('.', ',')} МБ (ожидается: ${c.expect}; цель — меньше 30 с и 600 МБ памяти).`);
      out[`${c.key}_ms`] = r.ms;
      out[`${c.key}_max_rss_mb`] = r.maxRssMb;
      out[`${c.key}_db_growth_mb`] = Math.round(r.dbGrowthMb * 10) / 10;
      out[`${c.key}_files_growth_mb`] = Math.round(r.filesGrowthMb * 10) / 10;
      out[`${c.key}_refused`] = r.refused;
      if (c.key === 'resend_15_origins') out.resend_15_origins_conflicts = r.conflicts;
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, dir, ...files] = process.argv.slice(2);
  if (mode === 'build') build(dir!);
  else if (mode === 'import') importSome(dir!, files);
  else console.log(JSON.stringify(benchLimits()));
}
