/**
 * The personal-data key of one open database file, and the one place where personal values are sealed and
 * opened. The writer seals on write (sealPersonal); every list, card, report and scan that shows names opens them
 * through revealRow / revealRows. Without the key (locked, or the key lost) both refuse with a Russian message.
 *
 * This is the second layer: the whole file is encrypted too (db/cipher.ts), with a file key the programme holds
 * while the file is open. The personal columns keep their own key so that a locked workspace shows no child's
 * name even though the programme keeps working with the rest of the file.
 *
 * Keys live in the keyring beside the file (db/keyring.ts), never inside it, so a restored copy finds its key:
 * the personal key of a file is whichever key of the keyring opens its sealed values. An older version kept them
 * in table privacy_key ('password', 'recovery' slots) and in `<database>.datakey` ('device'): they are taken into
 * the keyring on open and removed from the file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/errors.js';
import { allTables, personalColumns } from '../../../db/registry/index.js';
import { keyringOf } from '../../../db/open.js';
import { KeyringError, fileKeyStore, type Keyring, type KeyStore, type KdfParams } from '../../../db/keyring.js';
import { isSealed, sealText, openText } from './envelope.js';

export { fileKeyStore, type KeyStore };

export const LOCKED_MESSAGE = 'Рабочее место заблокировано: сведения об обучающихся закрыты. Введите пароль, чтобы продолжить.';
const LOST_MESSAGE = 'Ключ шифрования персональных данных этого файла не найден в файле ключей рабочего места: ФИО и даты рождения обучающихся прочитать нельзя. Верните файл «.keyring» (или «.datakey» прежней версии) в папку данных из копии, сделанной вместе с папкой.';

interface Vault {
  /** null: locked (or lost); 'none': a file without migration 0050 (an old schema under test), stored as is. */
  key: Buffer | null | 'none';
  /** null: an in-memory database (its key lives in the process only; no password). */
  keyring: Keyring | null;
  dbPath: string;
  store: KeyStore;
  now: () => Date;
  lastActivity: number;
  lost: boolean;
  /** Cached (every sealed value asks): whether a password is set, and the idle time in ms (0 — never). */
  password: boolean;
  idleMs: number;
}

const vaults = new WeakMap<BetterSqlite3.Database, Vault>();

export interface VaultOptions { dbPath?: string; store?: KeyStore; now?: () => Date }

function hasTable(raw: BetterSqlite3.Database): boolean {
  return !!raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'privacy_key'").get();
}

type Slot = 'password' | 'recovery' | 'device';

/** The first sealed personal value of the file: the sample a key must open to be this file's key. */
function sealedSample(raw: BetterSqlite3.Database): string | null {
  for (const t of allTables()) {
    for (const c of personalColumns(t.name)) {
      const v = raw.prepare(`SELECT ${c} FROM ${t.name} WHERE substr(${c}, 1, 5) = 'enc1:' LIMIT 1`).pluck().get() as string | undefined;
      if (v) return v;
    }
  }
  return null;
}

/** The personal key of this file: the one that opens its sealed values (the current one for a file with none). */
function choosePersonal(raw: BetterSqlite3.Database, v: Vault): void {
  const keys = v.keyring!.keys('personal');
  const sample = sealedSample(raw);
  const fit = sample ? keys.find((k) => { try { openText(k.key, sample); return true; } catch { return false; } }) : keys[0];
  if (!fit) { v.key = null; v.lost = keys.length > 0 || !v.keyring!.hasPassword(); return; }
  v.key = fit.key;
  v.lost = false;
  v.keyring!.setCurrent('personal', fit.id);
}

/**
 * An older version's keys, taken into the keyring: the device key file's key as a personal key, the password
 * and recovery slots as legacy wraps (opened by the next unlock). The rows and the key file go afterwards.
 */
function importLegacy(raw: BetterSqlite3.Database, v: Vault): void {
  const rows = raw.prepare('SELECT slot, kdf, wrapped FROM privacy_key').all() as { slot: Slot; kdf: string; wrapped: string }[];
  if (!rows.length) return;
  const k = v.keyring!;
  const file = v.dbPath + '.datakey';
  if (rows.some((r) => r.slot === 'device') && existsSync(file)) {
    if (!k.isOpen()) return; // keep the key file until the master is open
    try {
      const j = JSON.parse(readFileSync(file, 'utf8')) as { kind?: string; wrapped?: string };
      const key = j.kind === v.store.kind && typeof j.wrapped === 'string' ? v.store.unprotect(Buffer.from(j.wrapped, 'base64')) : null;
      if (!key || key.length !== 32) return;
      k.setCurrent('personal', k.addKey('personal', key).id);
    } catch {
      return;
    }
  }
  // A keyring that already has a password of its own takes no older one (from a restored old copy).
  const slots = rows.filter((r) => r.slot !== 'device').map((r) => ({ way: r.slot as 'password' | 'recovery', kdf: JSON.parse(r.kdf) as KdfParams, wrapped: r.wrapped }));
  if (slots.length && !k.hasPassword()) k.importLegacy(slots);
  raw.prepare('DELETE FROM privacy_key').run();
  rmSync(file, { force: true });
}

/** In-memory databases keep their key in the process only. */
const memoryKeys = new WeakMap<BetterSqlite3.Database, Buffer>();

/**
 * Attaches the vault when a file is opened (by openDatabase, with its keyring). A file whose workspace has a
 * password opens locked; plaintext left by an older version is sealed as soon as the key is at hand.
 */
export function attachVault(raw: BetterSqlite3.Database, opts: VaultOptions = {}): void {
  const keys = keyringOf(raw);
  const v: Vault = { key: null, keyring: keys?.keyring ?? null, dbPath: opts.dbPath ?? raw.name, store: keys?.keyring.store ?? opts.store ?? fileKeyStore, now: opts.now ?? (() => new Date()), lastActivity: 0, lost: false, password: false, idleMs: 0 };
  v.lastActivity = v.now().getTime();
  vaults.set(raw, v);
  if (!hasTable(raw)) { v.key = 'none'; return; }
  v.idleMs = idleMinutes(raw) * 60_000;
  if (!v.keyring) {
    let key = memoryKeys.get(raw);
    if (!key) { key = randomBytes(32); memoryKeys.set(raw, key); }
    v.key = key;
  } else {
    importLegacy(raw, v);
    v.password = v.keyring.hasPassword();
    if (v.password && !v.keyring.isOpen()) return;
    choosePersonal(raw, v);
    if (!v.key) return;
  }
  sealPlaintext(raw);
}

function vaultOf(raw: BetterSqlite3.Database): Vault {
  let v = vaults.get(raw);
  if (!v) { attachVault(raw); v = vaults.get(raw)!; }
  return v;
}

export function idleMinutes(raw: BetterSqlite3.Database): number {
  if (!hasTable(raw)) return 0;
  const s = raw.prepare("SELECT value FROM privacy_setting WHERE key = 'idle_minutes'").pluck().get() as string | undefined;
  return s === undefined ? 15 : Number(s);
}

/** The key, or a refusal; locks first when the idle time has passed since the last activity. */
function keyOf(raw: BetterSqlite3.Database): Buffer | 'none' {
  const v = vaultOf(raw);
  if (v.key && v.key !== 'none' && v.password) {
    const now = v.now().getTime();
    if (v.idleMs > 0 && now - v.lastActivity > v.idleMs) lockVault(v);
    else v.lastActivity = now;
  }
  if (v.key === null) throw new AppError(v.lost ? 'key_lost' : 'locked', v.lost ? LOST_MESSAGE : LOCKED_MESSAGE);
  return v.key;
}

/** Refuses while locked: for calls that show pupils even when the page in hand holds no sealed value. */
export function requireUnlocked(raw: BetterSqlite3.Database): void {
  keyOf(raw);
}

/** The stored form of a personal value: '' and NULL stay as they are (they say nothing about a child). */
export function sealPersonal(raw: BetterSqlite3.Database, v: unknown): unknown {
  if (typeof v !== 'string' || v === '' || isSealed(v)) return v;
  const key = keyOf(raw);
  return key === 'none' ? v : sealText(key, v);
}

export function revealValue(raw: BetterSqlite3.Database, v: unknown): unknown {
  if (!isSealed(v)) return v;
  const key = keyOf(raw);
  if (key === 'none') return v;
  try {
    return openText(key, v);
  } catch {
    throw new AppError('db_corrupt', 'Сведения об обучающемся в файле повреждены и не читаются. Замените файл резервной копией.');
  }
}

/** Every sealed value of a row opened (joined columns such as pupil_name too). */
export function revealRow<R extends Record<string, unknown>>(raw: BetterSqlite3.Database, row: R): R {
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(row)) {
    if (!isSealed(v)) continue;
    out ??= { ...row };
    out[k] = revealValue(raw, v);
  }
  return (out ?? row) as R;
}

export function revealRows<R extends Record<string, unknown>>(raw: BetterSqlite3.Database, rows: R[]): R[] {
  return rows.map((r) => revealRow(raw, r));
}

/** Seals every personal value still stored in plaintext (a file from before 0050). Returns how many. */
export function sealPlaintext(raw: BetterSqlite3.Database): number {
  let n = 0;
  raw.transaction(() => {
    for (const t of allTables()) {
      for (const c of personalColumns(t.name)) {
        const rows = raw.prepare(`SELECT id, ${c} AS v FROM ${t.name} WHERE ${c} IS NOT NULL AND ${c} <> '' AND substr(${c}, 1, 5) <> 'enc1:'`).all() as { id: string; v: string }[];
        const upd = raw.prepare(`UPDATE ${t.name} SET ${c} = ? WHERE id = ?`);
        for (const r of rows) { upd.run(sealPersonal(raw, r.v), r.id); n++; }
      }
    }
  })();
  // The old pages are zeroed by secure_delete; the WAL still holds them until it is checkpointed away.
  if (n) raw.pragma('wal_checkpoint(TRUNCATE)');
  return n;
}

export function hasPassword(raw: BetterSqlite3.Database): boolean {
  const v = vaultOf(raw);
  return !!v.keyring && v.keyring.hasPassword();
}

export interface VaultStatus { locked: boolean; lost: boolean; hasPassword: boolean; keyStore: string; idleMinutes: number }

function lockVault(v: Vault): void {
  v.key = null;
  v.keyring?.lock();
}

export function vaultStatus(raw: BetterSqlite3.Database): VaultStatus {
  const v = vaultOf(raw);
  // Asking for the status counts as no activity, but an overdue idle lock shows here at once.
  if (v.key && v.key !== 'none' && v.password && v.idleMs > 0 && v.now().getTime() - v.lastActivity > v.idleMs) lockVault(v);
  return { locked: v.key === null, lost: v.lost, hasPassword: hasPassword(raw), keyStore: v.store.kind, idleMinutes: idleMinutes(raw) };
}

/** Counts as activity for the idle lock (the window reports keys and clicks, at most once a minute). */
export function touch(raw: BetterSqlite3.Database): void {
  const v = vaultOf(raw);
  if (v.key) keyOf(raw);
}

export function lockNow(raw: BetterSqlite3.Database): void {
  if (!hasPassword(raw)) throw new AppError('no_password', 'Заблокировать можно, только когда задан пароль рабочего места.');
  lockVault(vaultOf(raw));
}

/** The keyring's refusal as the form shows it: a wrong secret on its field, a wait on the same field. */
function refusal(e: unknown, field: 'password' | 'current' | 'code', wrong: string): never {
  if (e instanceof KeyringError && e.code === 'wrong_secret') {
    throw new AppError(field === 'code' ? 'wrong_code' : 'wrong_password', wrong, { [field]: field === 'code' ? 'Неверный код восстановления' : 'Неверный пароль' });
  }
  if (e instanceof KeyringError && e.code === 'wait') throw new AppError('wait', e.message, { [field]: e.message });
  throw e;
}

function keyringFor(raw: BetterSqlite3.Database): Keyring {
  const k = vaultOf(raw).keyring;
  if (!k) throw new AppError('no_password', 'Пароль задаётся только рабочему месту в файле.');
  return k;
}

/** After the master opened: the file's personal key chosen, older keys taken in, plaintext sealed. */
function opened(raw: BetterSqlite3.Database): void {
  const v = vaultOf(raw);
  importLegacy(raw, v);
  choosePersonal(raw, v);
  v.password = v.keyring!.hasPassword();
  v.lastActivity = v.now().getTime();
  if (v.key === null) throw new AppError(v.lost ? 'key_lost' : 'locked', v.lost ? LOST_MESSAGE : LOCKED_MESSAGE);
  sealPlaintext(raw);
}

/**
 * Opens the keyring of a file still closed behind its password (its file key opens only with it): the password
 * or the recovery code, with the same refusals and waits as unlock / recover. The file is opened after it.
 */
export function openClosedKeyring(keyring: Keyring, way: 'password' | 'recovery', secret: string): void {
  try {
    keyring.openWith(way, way === 'recovery' ? normaliseCode(secret) : secret);
  } catch (e) {
    if (way === 'recovery') refusal(e, 'code', 'Неверный код восстановления.');
    refusal(e, 'password', 'Неверный пароль.');
  }
}

/** Whether an error is the refusal to open a file whose key only the password opens. */
export function isClosedByPassword(e: unknown): boolean {
  return e instanceof KeyringError && e.code === 'locked';
}

export function unlock(raw: BetterSqlite3.Database, password: string): void {
  if (!hasPassword(raw)) return;
  try {
    keyringFor(raw).openWith('password', password);
  } catch (e) {
    refusal(e, 'password', 'Неверный пароль.');
  }
  opened(raw);
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 24 characters of 31 (≈119 bits) in groups of four: printed or written down, typed back in rarely. */
function newRecoveryCode(): string {
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export function normaliseCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * Sets (or changes) the workspace password; the file must be open (unlocked). Only the master key is re-wrapped
 * (by the password and by a new recovery code, shown once); the device no longer opens it.
 */
export function setPassword(raw: BetterSqlite3.Database, password: string): { recoveryCode: string } {
  const key = keyOf(raw);
  if (key === 'none') throw new AppError('old_schema', 'Файл не обновлён: задать пароль нельзя.');
  const v = vaultOf(raw);
  const code = newRecoveryCode();
  keyringFor(raw).setPassword(password, code);
  v.password = true;
  v.lastActivity = v.now().getTime();
  return { recoveryCode: code };
}

/** Changes an existing password: the present one must be given even while the file is open. */
export function changePassword(raw: BetterSqlite3.Database, current: string, password: string): { recoveryCode: string } {
  try {
    keyringFor(raw).openWith('password', current);
  } catch (e) {
    refusal(e, 'current', 'Неверный текущий пароль.');
  }
  return setPassword(raw, password);
}

export function setIdleMinutes(raw: BetterSqlite3.Database, minutes: number): void {
  requireUnlocked(raw);
  raw.prepare("INSERT OR REPLACE INTO privacy_setting (key, value) VALUES ('idle_minutes', ?)").run(String(minutes));
  vaultOf(raw).idleMs = minutes * 60_000;
  touch(raw);
}

/** A forgotten password: the recovery code opens the master key, a new password is set and a new code issued. */
export function recover(raw: BetterSqlite3.Database, code: string, password: string): { recoveryCode: string } {
  try {
    keyringFor(raw).openWith('recovery', normaliseCode(code));
  } catch (e) {
    refusal(e, 'code', 'Неверный код восстановления.');
  }
  opened(raw);
  return setPassword(raw, password);
}
