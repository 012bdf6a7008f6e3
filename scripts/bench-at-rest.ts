/**
 * Benchmark section: what whole-file encryption costs. The large demo school's lists (first screen of the risk
 * group, staff, activities) on the same data encrypted and in plain, each on a fresh connection (cold page cache:
 * every page read is decrypted) and again warm; the 1,000-bundle merge at the municipality is in the exchange
 * section, which runs on encrypted files — its figure is compared with the one before encryption in README.
 */
import { performance } from 'node:perf_hooks';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Workspace } from '../main/workspace.js';
import { generateDemo } from '../main/services/school/demo.js';
import { openDatabase } from '../db/open.js';
import { Keyring } from '../db/keyring.js';
import { applyKey } from '../db/cipher.js';
import { attachVault } from '../main/services/privacy/vault.js';
import { listRecords } from '../main/services/records/records.js';
import { listInput } from '../preload/contract/index.js';

const LISTS = ['risk_entry', 'staff', 'activity'] as const;
const ROUNDS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** First screen (50 rows) of a list on a freshly opened file, then warm; median of ROUNDS. */
function timeLists(path: string): Record<string, { cold: number; warm: number }> {
  const out: Record<string, { cold: number; warm: number }> = {};
  for (const entity of LISTS) {
    const cold: number[] = [], warm: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const o = openDatabase(path, undefined, { keepPlain: true });
      attachVault(o.raw, { dbPath: path });
      const ctx = { db: o.db, raw: o.raw, filesDir: join(path, '..', 'files'), now: () => new Date() };
      let t = performance.now();
      listRecords(ctx, listInput.parse({ entity, limit: 50 }));
      cold.push(performance.now() - t);
      t = performance.now();
      listRecords(ctx, listInput.parse({ entity, limit: 50 }));
      warm.push(performance.now() - t);
      o.raw.close();
    }
    out[entity] = { cold: median(cold), warm: median(warm) };
  }
  return out;
}

export async function benchAtRest(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'opora-bench-atrest-'));
  try {
    const ws = new Workspace(dir);
    const ctx = await ws.switchTo('main');
    generateDemo(ctx, { size: 'large', seed: 7 });
    await ws.close();
    const enc = join(dir, 'opora.sqlite');
    // The same file in plain: decrypted copy, with the same keyring (for the personal columns' key).
    const plainDir = mkdtempSync(join(tmpdir(), 'opora-bench-plain-'));
    const plain = join(plainDir, 'opora.sqlite');
    copyFileSync(enc, plain);
    copyFileSync(enc + '.keyring', plain + '.keyring');
    const raw = new BetterSqlite3(plain);
    applyKey(raw, Keyring.open(enc).currentFileKey()!.key);
    raw.pragma('journal_mode = DELETE');
    raw.pragma("rekey = ''");
    raw.close();
    const e = timeLists(enc);
    const p = timeLists(plain);
    rmSync(plainDir, { recursive: true, force: true });
    console.log(`Шифрование файла (ChaCha20-Poly1305), крупная демо-школа, база ${(statSync(enc).size / 2 ** 20).toFixed(1)} МБ.`);
    console.log('Первый экран списка (50 строк), мс, медиана из 7:  зашифрован / открытый — на свежем соединении | повторно');
    const figures: Record<string, number> = {};
    for (const l of LISTS) {
      console.log(`  ${l.padEnd(12)} ${e[l]!.cold.toFixed(1).padStart(7)} / ${p[l]!.cold.toFixed(1).padEnd(7)} | ${e[l]!.warm.toFixed(1).padStart(6)} / ${p[l]!.warm.toFixed(1)}`);
      figures[`atrest_${l}_cold_enc_ms`] = Math.round(e[l]!.cold * 10) / 10;
      figures[`atrest_${l}_cold_plain_ms`] = Math.round(p[l]!.cold * 10) / 10;
    }
    const worst = Math.max(...LISTS.map((l) => e[l]!.cold - p[l]!.cold));
    console.log(`Цена шифрования на первом экране: не больше ${worst.toFixed(1)} мс (цель — меньше 50 мс, незаметно глазу).`);
    figures.atrest_list_cost_ms = Math.round(worst * 10) / 10;
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
