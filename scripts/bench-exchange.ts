/**
 * Benchmark sections for the bundle exchange:
 *  - export of a large demo school (time and size of the bundle);
 *  - import and merge of N large-school bundles into one municipality database, through the real path
 *    (files on disk, signature, enrollment proof, decryption, validation, merge, history), with peak memory;
 *  - the ceiling: the raw SQLite insert rate of the same rows, same schema, same pragmas, same machine, into a file
 *    opened the way the municipality's is (encrypted, same cipher, key and page cache), and into a plain one for
 *    the plain merge: each merge is compared with the ceiling of its own kind of file, measured in turn with it.
 * The N bundles are made from the large demo school's rows under N different school ids, keys and origins
 * (making them is not timed).
 */
import { performance } from 'node:perf_hooks';
import { localColumns, fieldOf } from '../db/registry/index.js';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openWorkspaceFile, type OpenWorkspace } from '../main/cli/workspace-file.js';
import { initMunicipality } from '../main/services/core/municipality-profile.js';
import { generateDemo } from '../main/services/school/demo.js';
import { enrollSchool, openEnrollment, readEnrollment, exportToFolder, importFile, importPaths, importBuffers, ensureIdentity, type ImportOutcome } from '../main/services/exchange/index.js';
import { IMPORT_BATCH_FILES } from '../preload/contract/index.js';
import { openSealed } from '../main/services/exchange/enrollment-code.js';
import { buildContainer, type EntryInput } from '../main/services/exchange/container.js';
import { newKeyPairs, fingerprint } from '../main/services/core/crypto.js';
import { tableEntry, APP_VERSION } from '../main/services/exchange/export.js';
import { upTables } from '../main/services/exchange/tables.js';
const UP_TABLES = upTables();
import { LATEST_VERSION } from '../db/migrations/index.js';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

type Figures = Record<string, number>;

interface Table {
  table: string;
  columns: string[];
  rows: unknown[][];
}

export interface ExchangeBenchState {
  dir: string;
  base: { schoolId: string; origin: string; tables: Table[]; rows: number };
}

const rss = () => process.memoryUsage().rss / (1024 * 1024);
/** This process's CPU time, ms: on a machine other work shares, what the merge itself costs. */
const cpuMs = (since?: NodeJS.CpuUsage) => { const c = process.cpuUsage(since); return (c.user + c.system) / 1000; };
/**
 * The main thread's own CPU time, ms (Linux: /proc/self/task/<pid>/stat, in clock ticks): process.cpuUsage adds the
 * worker that reads files ahead. On two free cores the merge's wall time is about the main thread's share.
 */
const mainThreadCpuMs = (): number => {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
};

/** Section 1: a large demo school, enrolled, exports its bundle. */
export function benchExport(dir: string): { figures: Figures; state: ExchangeBenchState } {
  const m = openWorkspaceFile(join(dir, 'export-muni.sqlite'));
  const s = openWorkspaceFile(join(dir, 'export-school.sqlite'));
  try {
    initMunicipality(m.ctx, 'Управление образования (вымышленное, замер)');
    const enr = enrollSchool(m.ctx, 'Крупная демо-школа (вымышленная)');
    openEnrollment(s.ctx, enr.bytes, enr.code);
    generateDemo(s.ctx, { size: 'large', seed: 7 });
    exportToFolder(s.ctx, join(dir, 'warm')); // first run warms caches and makes the keys
    const t = performance.now();
    const w = exportToFolder(s.ctx, join(dir, 'export'))[0]!;
    const exportMs = performance.now() - t;
    const id = ensureIdentity(s.ctx);
    const tables = UP_TABLES.map((t) => JSON.parse(tableEntry(s.ctx.raw, t, 't.owner = ?', [id.ownerId]).entry.data.toString('utf8')) as Table);
    const rows = tables.reduce((a, t) => a + t.rows.length, 0);
    console.log(`Выгрузка крупной демо-школы: ${rows} записей, файл ${(w.size / 1024 / 1024).toFixed(2)} МБ (зашифрован), ${exportMs.toFixed(0)} мс (запись, сброс на диск, чтение и проверка; цель < 300 мс).`);
    return {
      figures: { export_ms: Math.round(exportMs), bundle_bytes: w.size, bundle_records: rows },
      state: { dir, base: { schoolId: id.ownerId, origin: id.origin, tables, rows } },
    };
  } finally {
    m.close();
    s.close();
  }
}

/** The base school's rows under another school's id and origin: every id gets a per-school prefix. */
function remapped(base: ExchangeBenchState['base'], i: number, schoolId: string, origin: string): Table[] {
  const prefix = (0x10000000 + i).toString(16).slice(-8);
  const rid = (v: unknown) => (typeof v !== 'string' ? v : v === base.schoolId ? schoolId : prefix + v.slice(8));
  return base.tables.map((t) => {
    const idCols = t.columns.map((c, k) => (/(^id|_id)$/.test(c) ? k : -1)).filter((k) => k >= 0);
    const iOwner = t.columns.indexOf('owner');
    const iOrigin = t.columns.indexOf('origin');
    const iHlc = t.columns.indexOf('hlc');
    const rows = t.rows.map((r) => {
      const x = r.slice();
      for (const k of idCols) x[k] = rid(x[k]);
      x[iOwner] = schoolId;
      x[iOrigin] = origin;
      x[iHlc] = (x[iHlc] as string).slice(0, 23) + origin;
      return x;
    });
    return { table: t.table, columns: t.columns, rows };
  });
}

/** Section 2 (setup, not timed): N enrolled schools in a fresh municipality and their first bundles on disk. */
/** A workspace file opened as the app opens it: encrypted, or (plain) a plaintext file that stays plain (keepPlain). */
function openBenchFile(path: string, plain: boolean): OpenWorkspace {
  if (plain) {
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE bench_plain (x); DROP TABLE bench_plain');
    raw.close();
  }
  return openWorkspaceFile(path, undefined, { keepPlain: plain });
}

function makeBundles(state: ExchangeBenchState, n: number, plain = false): { muni: OpenWorkspace; files: string[]; schoolIds: string[] } {
  const path = join(state.dir, plain ? 'municipality-plain.sqlite' : 'municipality.sqlite');
  // Plain: the same merge without whole-file encryption, for its cost.
  const muni = openBenchFile(path, plain);
  initMunicipality(muni.ctx, 'Управление образования (вымышленное, замер слияния)');
  const muniId = ensureIdentity(muni.ctx);
  const out = join(state.dir, plain ? 'bundles-plain' : 'bundles');
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const schoolIds: string[] = [];
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const file = enrollSchool(muni.ctx, `Школа № ${i + 1} (вымышленная)`);
    const enr = readEnrollment(file.bytes);
    const secret = openSealed(enr.sealed, file.code)!;
    const keys = newKeyPairs();
    const origin = `${(0x20000000 + i).toString(16).slice(-8)}-0000-4000-8000-${enr.schoolId.slice(-12)}`;
    const tables = remapped(state.base, i, enr.schoolId, origin);
    const entries: EntryInput[] = tables.map((tb) => ({ name: `data/${tb.table}.json`, data: Buffer.from(JSON.stringify(tb), 'utf8') }));
    entries.push({ name: 'enrollment.json', data: Buffer.from(JSON.stringify({ schoolId: enr.schoolId, secret })) });
    const bytes = buildContainer({
      kind: 'school-data',
      issuer: { id: enr.schoolId, name: enr.schoolName, role: 'school', origin, signKey: keys.signPublic, encryptKey: keys.encryptPublic, fingerprint: fingerprint(keys.signPublic) },
      recipient: { id: muniId.ownerId, name: 'Управление' },
      sequence: 1,
      createdAt: new Date().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: LATEST_VERSION,
      counts: Object.fromEntries(tables.map((tb) => [tb.table, tb.rows.length])),
      enrollmentProof: true,
      acks: [],
    }, entries, keys.signPrivate, muniId.keys.encryptPublic);
    const f = join(out, `school-${String(i + 1).padStart(4, '0')}.opora`);
    writeFileSync(f, bytes);
    files.push(f);
    schoolIds.push(enr.schoolId);
    if ((i + 1) % 100 === 0) console.log(`  подготовлено файлов: ${i + 1} из ${n} (${((performance.now() - t) / 1000).toFixed(0)} с)`);
  }
  return { muni, files, schoolIds };
}

const median = (xs: number[]) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2; };

/** Files merged, then the same files' rows inserted raw, in turn: a machine whose load changes by the minute slows both alike. */
const BLOCK = 48;

/**
 * Section 2: import and merge every bundle, one transaction each (time, rate and memory), and the ceiling of the
 * same files in turn with it, block by block (ceilingOf).
 */
export function benchMerge(state: ExchangeBenchState, n: number, plain = false): Figures {
  const { muni, files } = makeBundles(state, n, plain);
  const ceiling = ceilingOf(state, plain);
  try {
    console.log(`Слияние ${n} файлов крупных школ (по ${state.base.rows} записей) в одну ${plain ? 'НЕзашифрованную' : 'зашифрованную'} базу муниципалитета, ` +
      `попеременно с прямой вставкой тех же строк (по ${BLOCK} файлов)…`);
    global.gc?.();
    const rssStart = rss();
    let peak = rssStart;
    let rssAtTenth = rssStart;
    let records = 0;
    let mergeMs = 0;
    let cpuSpent = 0;
    let mainSpent = 0;
    /** Each block's ceiling time over its merge time: a block the machine slowed shows as one outlier, not in the median. */
    const blockRatios: number[] = [];
    const one = (f: string, i: number, r: ImportOutcome) => {
      if (r.status !== 'accepted') throw new Error(`${f}: ${r.reason}`);
      records += r.counts!.new + r.counts!.updated + r.counts!.unchanged + r.counts!.deleted;
      const now = rss();
      if (now > peak) peak = now;
      if (i + 1 === Math.max(1, Math.round(n / 10))) rssAtTenth = peak;
      if ((i + 1) % 100 === 0) console.log(`  слито ${i + 1} из ${n}: ${(mergeMs / 1000).toFixed(1)} с до этого блока, память ${now.toFixed(0)} МБ`);
    };
    // The department's way: the import screen's groups (IMPORT_BATCH_FILES files' bytes per call, as the window sends
    // them), each file its own transaction, the next one read ahead on the second core. BENCH_MERGE=folder: a folder
    // in one call (importPaths, as `opora import <папка>`); BENCH_MERGE=single: one importFile call per file.
    const way = process.env.BENCH_MERGE ?? 'window';
    for (let b = 0; b < n; b += BLOCK) {
      const block = files.slice(b, b + BLOCK);
      const t = performance.now();
      const cpu0 = process.cpuUsage();
      const main0 = mainThreadCpuMs();
      if (way === 'single') block.forEach((f, k) => one(f, b + k, importFile(muni.ctx, f)));
      else if (way === 'folder') importPaths(muni.ctx, block, { onProgress: (done, _total, r) => one(block[done - 1]!, b + done - 1, r) });
      else {
        for (let g = 0; g < block.length; g += IMPORT_BATCH_FILES) {
          const group = block.slice(g, g + IMPORT_BATCH_FILES);
          importBuffers(muni.ctx, group.map((f) => ({ fileName: basename(f), bytes: readFileSync(f) }))).forEach((r, k) => one(group[k]!, b + g + k, r));
        }
      }
      mergeMs += performance.now() - t;
      cpuSpent += cpuMs(cpu0);
      mainSpent += mainThreadCpuMs() - main0;
      const blockMergeMs = performance.now() - t;
      const c0 = performance.now();
      for (let i = b; i < b + block.length; i++) ceiling.insert(i);
      const blockCeilingMs = performance.now() - c0;
      blockRatios.push(blockCeilingMs / blockMergeMs);
      if (process.env.BENCH_BLOCKS) console.log(`  блок ${b / BLOCK + 1}: слияние ${(blockMergeMs / 1000).toFixed(1)} с, потолок ${(blockCeilingMs / 1000).toFixed(1)} с`);
    }
    const seconds = mergeMs / 1000;
    const cpuS = cpuSpent / 1000;
    const mainS = mainSpent / 1000;
    console.log(`  время процессора: всего ${cpuS.toFixed(1)} с, из них основной поток ${mainS.toFixed(1)} с.`);
    const size = statSync(join(state.dir, plain ? 'municipality-plain.sqlite' : 'municipality.sqlite')).size;
    const ceil = ceiling.figures(n);
    const med = Math.round(median(blockRatios) * 100) / 100;
    console.log(`  по блокам: слияние идёт на ${Math.round(med * 100)}% потолка (медиана ${blockRatios.length} блоков по ${BLOCK} файлов; от ${Math.round(Math.min(...blockRatios) * 100)}% до ${Math.round(Math.max(...blockRatios) * 100)}%).`);
    if (plain) {
      console.log(`Слияние без шифрования файла: ${seconds.toFixed(1)} с, ${Math.round(records / seconds)} записей/с, пиковая память ${peak.toFixed(0)} МБ.`);
      return { ...ceil, merge_plain_block_median_to_ceiling: med, merge_plain_bundles: n, merge_plain_s: Math.round(seconds * 100) / 100, merge_plain_records_per_s: Math.round(records / seconds),
        merge_plain_cpu_records_per_s: Math.round(records / cpuS), merge_plain_main_cpu_records_per_s: Math.round(records / mainS), merge_plain_peak_rss_mb: Math.round(peak) };
    }
    console.log(`Слияние: ${seconds.toFixed(1)} с, ${Math.round(records / seconds)} записей/с, пиковая память ${peak.toFixed(0)} МБ ` +
      `(после первых 10% файлов — ${rssAtTenth.toFixed(0)} МБ), база ${(size / 1024 / 1024).toFixed(0)} МБ.`);
    return { ...ceil, merge_block_median_to_ceiling: med, bundles: n, merge_s: Math.round(seconds * 100) / 100, merged_records: records, merge_records_per_s: Math.round(records / seconds), peak_rss_mb: Math.round(peak), rss_after_10pct_mb: Math.round(rssAtTenth),
      merge_cpu_records_per_s: Math.round(records / cpuS), merge_main_cpu_records_per_s: Math.round(records / mainS) };
  } finally {
    muni.close();
    ceiling.close();
  }
}

/**
 * The ceiling: the same rows inserted raw (prepared INSERTs, one transaction per school). The file is opened exactly
 * as the merge's (openWorkspaceFile: same cipher, key, page cache and pragmas), encrypted unless `plain`, so each
 * merge is compared with inserts into its own kind of file.
 */
function ceilingOf(state: ExchangeBenchState, plain: boolean) {
  const o = openBenchFile(join(state.dir, plain ? 'ceiling-plain.sqlite' : 'ceiling.sqlite'), plain).ctx;
  let insertMs = 0;
  let insertCpuMs = 0;
  let records = 0;
  return {
    insert(i: number) {
      const schoolId = `${(0x30000000 + i).toString(16).slice(-8)}-0000-4000-8000-000000000000`;
      const origin = `${(0x40000000 + i).toString(16).slice(-8)}-0000-4000-8000-000000000000`;
      const tables = remapped(state.base, i, schoolId, origin);
      const t = performance.now();
      const cpu0 = process.cpuUsage();
      o.raw.transaction(() => {
        for (const tb of tables) {
          const cols = tb.columns.filter((c) => c !== '_vv');
          // Columns that never travel (personal and local ones) are stored empty, as the merge stores them.
          const fill = localColumns(tb.table).filter((c) => !cols.includes(c));
          const empty = fill.map((c) => (fieldOf(tb.table, c)!.kind === 'text' ? '' : null));
          const stmt = o.raw.prepare(`INSERT INTO ${tb.table} (${[...cols, ...fill].join(', ')}) VALUES (${[...cols, ...fill].map(() => '?').join(', ')})`);
          for (const r of tb.rows) stmt.run(...r.slice(0, cols.length), ...empty);
          records += tb.rows.length;
        }
      })();
      insertMs += performance.now() - t;
      insertCpuMs += cpuMs(cpu0);
    },
    figures(n: number): Figures {
      const perS = Math.round(records / (insertMs / 1000));
      const cpuPerS = Math.round(records / (insertCpuMs / 1000));
      console.log(`Потолок${plain ? ' для незашифрованной базы' : ' (зашифрованная база, открыта как база муниципалитета)'}: прямая вставка тех же ${records} строк — ${(insertMs / 1000).toFixed(1)} с, ${perS} строк/с.`);
      if (plain) return { ceiling_plain_bundles: n, ceiling_plain_records_per_s: perS, ceiling_plain_s: Math.round(insertMs / 10) / 100, ceiling_plain_cpu_records_per_s: cpuPerS };
      return { ceiling_records_per_s: perS, ceiling_s: Math.round(insertMs / 10) / 100, ceiling_cpu_records_per_s: cpuPerS };
    },
    close: () => o.raw.close(),
  };
}

export function exchangeSections(n: number) {
  let state: ExchangeBenchState | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-exchange-'));
  return [
    { name: 'exchange: export', run: (): Figures => { const r = benchExport(dir); state = r.state; return r.figures; } },
    { name: 'exchange: merge', run: (): Figures => benchMerge(state!, n) },
    // The same merge on a plain file (up to 200 bundles): what whole-file encryption costs the municipality.
    { name: 'exchange: merge, plain', run: (): Figures => benchMerge(state!, Math.min(n, 200), true) },
    { name: 'exchange: cleanup', run: (): Figures => { rmSync(dir, { recursive: true, force: true }); return {}; } },
  ];
}

