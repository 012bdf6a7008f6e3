/**
 * The data key of one open database file, and the one place where personal values are sealed and opened.
 * The writer seals on write (sealPersonal); every list, card, report and scan that shows names opens them
 * through revealRow / revealRows. Without the key (locked, or the key lost) both refuse with a Russian message.
 *
 * Ways to the data key (table privacy_key, migration 0050):
 * - 'password' and 'recovery': the key wrapped by scrypt of the workspace password and, separately, of the
 *   recovery code shown once. With a password the file opens locked.
 * - 'device' (no password): the key wrapped by the device's KeyStore — Electron's safeStorage where the OS
 *   has one, otherwise the file store — in `<database>.datakey` next to the file, not inside it, so a copy of
 *   the .sqlite alone (a backup, a flash drive) carries no key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors.js';
import { allTables, personalColumns } from '../../../db/registry/index.js';
import { isSealed, sealText, openText, wrapKey, unwrapKey, newKdf, deriveKey, type KdfParams } from './envelope.js';

/** Wraps the data key at rest without a password (structurally the exchange's SecretBox, so the shell's safeStorage box fits). */
export interface KeyStore {
  readonly kind: string;
  protect(plain: Buffer): Buffer;
  unprotect(wrapped: Buffer): Buffer;
}

/**
 * Plain Node, the browser mode and tests: the key file itself (0600) is the protection. It keeps the key out
 * of the database file and its copies; it does not protect against someone who copies the whole folder.
 */
export const fileKeyStore: KeyStore = { kind: 'plain', protect: (b) => Buffer.from(b), unprotect: (b) => Buffer.from(b) };

export const LOCKED_MESSAGE = 'Рабочее место заблокировано: сведения об обучающихся закрыты. Введите пароль, чтобы продолжить.';
const LOST_MESSAGE = 'Ключ шифрования персональных данных этого файла не найден на этом компьютере: ФИО и даты рождения обучающихся прочитать нельзя. Верните файл «.datakey» в папку данных или восстановите доступ кодом восстановления.';

interface Vault {
  /** null: locked (or lost); 'none': a file without migration 0050 (an old schema under test), stored as is. */
  key: Buffer | null | 'none';
  dbPath: string;
  store: KeyStore;
  now: () => Date;
  lastActivity: number;
  lost: boolean;
  /** Cached from the file (every sealed value asks): whether a password is set, and the idle time in ms (0 — never). */
  password: boolean;
  idleMs: number;
}

const vaults = new WeakMap<BetterSqlite3.Database, Vault>();

export interface VaultOptions { dbPath?: string; store?: KeyStore; now?: () => Date }

function hasTable(raw: BetterSqlite3.Database): boolean {
  return !!raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'privacy_key'").get();
}

type Slot = 'password' | 'recovery' | 'device';
function slot(raw: BetterSqlite3.Database, name: Slot): { kdf: string; wrapped: string } | undefined {
  return raw.prepare('SELECT kdf, wrapped FROM privacy_key WHERE slot = ?').get(name) as { kdf: string; wrapped: string } | undefined;
}

function keyFile(v: Vault): string | null {
  return v.dbPath && v.dbPath !== ':memory:' ? v.dbPath + '.datakey' : null;
}

function writeDeviceKey(v: Vault, key: Buffer): void {
  const file = keyFile(v);
  if (!file) return;
  const tmp = file + '.tmp';
  writeFileSync(tmp, JSON.stringify({ v: 1, kind: v.store.kind, wrapped: v.store.protect(key).toString('base64') }), { mode: 0o600 });
  renameSync(tmp, file);
}

function readDeviceKey(v: Vault): Buffer | null {
  const file = keyFile(v);
  if (!file || !existsSync(file)) return null;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { kind?: string; wrapped?: string };
    if (j.kind !== v.store.kind || typeof j.wrapped !== 'string') return null;
    const key = v.store.unprotect(Buffer.from(j.wrapped, 'base64'));
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** In-memory databases keep their key in the process only. */
const memoryKeys = new WeakMap<BetterSqlite3.Database, Buffer>();

/**
 * Attaches the vault when a file is opened (the workspace does it with the shell's key store; anything else
 * that opens a file gets the file store on first use). A new file gets a fresh data key; a file with a
 * password opens locked; plaintext left by an older version is sealed as soon as the key is at hand.
 */
export function attachVault(raw: BetterSqlite3.Database, opts: VaultOptions = {}): void {
  const v: Vault = { key: null, dbPath: opts.dbPath ?? raw.name, store: opts.store ?? fileKeyStore, now: opts.now ?? (() => new Date()), lastActivity: 0, lost: false, password: false, idleMs: 0 };
  v.lastActivity = v.now().getTime();
  vaults.set(raw, v);
  if (!hasTable(raw)) { v.key = 'none'; return; }
  v.password = !!slot(raw, 'password');
  v.idleMs = idleMinutes(raw) * 60_000;
  if (slot(raw, 'password')) return;
  if (slot(raw, 'device')) {
    const key = keyFile(v) ? readDeviceKey(v) : memoryKeys.get(raw) ?? null;
    if (!key) { v.lost = true; return; }
    v.key = key;
  } else {
    const key = randomBytes(32);
    raw.prepare("INSERT INTO privacy_key (slot, kdf, wrapped, created_at) VALUES ('device', ?, '', ?)").run(JSON.stringify({ store: v.store.kind }), v.now().toISOString());
    if (keyFile(v)) writeDeviceKey(v, key); else memoryKeys.set(raw, key);
    v.key = key;
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
    if (v.idleMs > 0 && now - v.lastActivity > v.idleMs) v.key = null;
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
  return hasTable(raw) && !!slot(raw, 'password');
}

export interface VaultStatus { locked: boolean; lost: boolean; hasPassword: boolean; keyStore: string; idleMinutes: number }

export function vaultStatus(raw: BetterSqlite3.Database): VaultStatus {
  const v = vaultOf(raw);
  // Asking for the status counts as no activity, but an overdue idle lock shows here at once.
  if (v.key && v.key !== 'none' && v.password && v.idleMs > 0 && v.now().getTime() - v.lastActivity > v.idleMs) v.key = null;
  return { locked: v.key === null, lost: v.lost, hasPassword: hasPassword(raw), keyStore: v.store.kind, idleMinutes: idleMinutes(raw) };
}

/** Counts as activity for the idle lock (the window reports keys and clicks, at most once a minute). */
export function touch(raw: BetterSqlite3.Database): void {
  const v = vaultOf(raw);
  if (v.key) keyOf(raw);
}

export function lockNow(raw: BetterSqlite3.Database): void {
  if (!hasPassword(raw)) throw new AppError('no_password', 'Заблокировать можно, только когда задан пароль рабочего места.');
  vaultOf(raw).key = null;
}

function tryUnwrap(raw: BetterSqlite3.Database, name: Slot, secret: string): Buffer | null {
  const s = slot(raw, name);
  if (!s) return null;
  return unwrapKey(deriveKey(secret, JSON.parse(s.kdf) as KdfParams), s.wrapped);
}

function opened(raw: BetterSqlite3.Database, key: Buffer): void {
  const v = vaultOf(raw);
  v.key = key;
  v.lost = false;
  v.lastActivity = v.now().getTime();
  sealPlaintext(raw);
}

export function unlock(raw: BetterSqlite3.Database, password: string): void {
  if (!hasPassword(raw)) return;
  const key = tryUnwrap(raw, 'password', password);
  if (!key) throw new AppError('wrong_password', 'Неверный пароль.', { password: 'Неверный пароль' });
  opened(raw, key);
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

function putSlot(raw: BetterSqlite3.Database, name: Slot, secret: string, key: Buffer, at: string): void {
  const kdf = newKdf();
  raw.prepare('INSERT OR REPLACE INTO privacy_key (slot, kdf, wrapped, created_at) VALUES (?, ?, ?, ?)')
    .run(name, JSON.stringify(kdf), wrapKey(deriveKey(secret, kdf), key), at);
}

/**
 * Sets (or changes) the workspace password; the file must be open (unlocked). Issues a new recovery code,
 * shown once; the device's key file is removed, so from now on the password or the code is the only way in.
 */
export function setPassword(raw: BetterSqlite3.Database, password: string): { recoveryCode: string } {
  const key = keyOf(raw);
  if (key === 'none') throw new AppError('old_schema', 'Файл не обновлён: задать пароль нельзя.');
  const v = vaultOf(raw);
  const code = newRecoveryCode();
  const at = v.now().toISOString();
  raw.transaction(() => {
    putSlot(raw, 'password', password, key, at);
    putSlot(raw, 'recovery', code, key, at);
    raw.prepare("DELETE FROM privacy_key WHERE slot = 'device'").run();
  })();
  const file = keyFile(v);
  if (file) rmSync(file, { force: true });
  memoryKeys.delete(raw);
  v.password = true;
  v.lastActivity = v.now().getTime();
  return { recoveryCode: code };
}

/** Changes an existing password: the present one must be given even while the file is open. */
export function changePassword(raw: BetterSqlite3.Database, current: string, password: string): { recoveryCode: string } {
  if (!tryUnwrap(raw, 'password', current)) throw new AppError('wrong_password', 'Неверный текущий пароль.', { current: 'Неверный пароль' });
  return setPassword(raw, password);
}

export function setIdleMinutes(raw: BetterSqlite3.Database, minutes: number): void {
  requireUnlocked(raw);
  raw.prepare("INSERT OR REPLACE INTO privacy_setting (key, value) VALUES ('idle_minutes', ?)").run(String(minutes));
  vaultOf(raw).idleMs = minutes * 60_000;
  touch(raw);
}

/** A forgotten password: the recovery code opens the key, a new password is set and a new code issued. */
export function recover(raw: BetterSqlite3.Database, code: string, password: string): { recoveryCode: string } {
  const key = tryUnwrap(raw, 'recovery', normaliseCode(code));
  if (!key) throw new AppError('wrong_code', 'Неверный код восстановления.', { code: 'Неверный код восстановления' });
  opened(raw, key);
  return setPassword(raw, password);
}
