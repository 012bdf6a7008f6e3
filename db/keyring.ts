/**
 * The keyring of one workspace file: `<database>.keyring` beside it (JSON, 0600, written through a temporary
 * file and a rename). It lives OUTSIDE the database, so restoring a copy never replaces the keys that open it.
 *
 *   ways in ──► master key (random 256 bit, never stored in plain)
 *                  │   wrapped by each way in: the password (scrypt), the recovery code (scrypt), and —
 *                  │   only while no password is set — the device's KeyStore (Electron safeStorage / plain file)
 *                  ▼
 *   data keys (random 256 bit, with ids, none ever dropped): 'file' keys encrypt the whole database file, its
 *   WAL, its backups and the attached files; 'personal' keys seal the personal columns one value at a time.
 *   Every data key is wrapped by the master key. While no password is set, file keys are also wrapped by the
 *   device KeyStore; setting a password removes those wraps, so with a password nothing of the file opens without
 *   it (the programme opens to its lock screen before it opens the file) — see README «Персональные данные».
 *
 * Keys of an older version (table privacy_key inside the database, `<database>.datakey`) come in as `legacy`
 * wraps of a personal key until the password is next entered (main/services/privacy/vault.ts).
 *
 * Guessing is slow: each password or code costs a full scrypt (the wrong path too), and after FREE_TRIES
 * failures the next try must wait 1 s, 2 s, 4 s … up to MAX_WAIT_S; the count and the time of the last failure
 * are kept here, so a restart does not reset them. scrypt settings read from the file must lie within
 * KDF_BOUNDS: a file with N = 2 (no cost) or N = 2^30 (a hang) is refused.
 *
 * Kept in one file (a little over 400 lines): the format, its checks and every operation that rewrites it must
 * change together, and nothing else may write the keyring.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';

/** Wraps a key at rest without a password (structurally the exchange's SecretBox, so the shell's safeStorage box fits). */
export interface KeyStore {
  readonly kind: string;
  protect(plain: Buffer): Buffer;
  unprotect(wrapped: Buffer): Buffer;
}

/**
 * Plain Node, the browser mode, the CLI and tests: the keyring file itself (0600) is the protection. It keeps the
 * key out of the database file and its copies; it does not protect against someone who copies the whole folder.
 */
export const fileKeyStore: KeyStore = { kind: 'plain', protect: (b) => Buffer.from(b), unprotect: (b) => Buffer.from(b) };

export interface KdfParams { N: number; r: number; p: number; salt: string }

/** What this app accepts from a keyring file: enough cost to matter, little enough to finish (memory 128·N·r). */
export const KDF_BOUNDS = { minLogN: 14, maxLogN: 20, maxR: 16, maxP: 4, minSalt: 16 } as const;
export const FREE_TRIES = 5;
export const MAX_WAIT_S = 300;

/** A refusal of the keyring with a Russian message (turned into an AppError by main/services/core/db-errors.ts). */
export class KeyringError extends Error {
  constructor(readonly code: string, message: string, readonly fieldErrors?: Record<string, string>) {
    super(message);
  }
}

export type Purpose = 'file' | 'personal';
export type Way = 'password' | 'recovery';

interface Wrap { kdf: KdfParams; wrapped: string }
interface DeviceWrap { store: string; wrapped: string }
interface KeyEntry { id: string; purpose: Purpose; created: string; wrapped: string; device?: DeviceWrap }
interface LegacyWrap { way: Way; kdf: KdfParams; wrapped: string }

interface KeyringFile {
  v: 1;
  ways: { password?: Wrap; recovery?: Wrap; device?: DeviceWrap; legacy?: string };
  keys: KeyEntry[];
  current: { file: string; personal: string };
  legacy?: LegacyWrap[];
  attempts: { failures: number; last: string | null };
}

export interface DataKey { id: string; key: Buffer }

const AAD = Buffer.from('opora keyring v1');
/** The older version's wraps (main/services/privacy/envelope.ts) were made with this one. */
const LEGACY_AAD = Buffer.from('opora personal data v1');

function seal(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(AAD);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, wrapped: string, aad = AAD): Buffer | null {
  try {
    const b = Buffer.from(wrapped, 'base64');
    if (b.length < 28) return null;
    const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
    d.setAAD(aad);
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]);
  } catch {
    return null;
  }
}

export function newKdf(): KdfParams {
  return { N: 2 ** 15, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

/** Refuses scrypt settings outside the app's own bounds (a tampered or damaged keyring). */
export function checkKdf(kdf: KdfParams, file: string): void {
  const ok = kdf && Number.isInteger(kdf.N) && Number.isInteger(kdf.r) && Number.isInteger(kdf.p) && typeof kdf.salt === 'string'
    && kdf.N >= 2 ** KDF_BOUNDS.minLogN && kdf.N <= 2 ** KDF_BOUNDS.maxLogN && (kdf.N & (kdf.N - 1)) === 0
    && kdf.r >= 1 && kdf.r <= KDF_BOUNDS.maxR && kdf.p >= 1 && kdf.p <= KDF_BOUNDS.maxP
    && Buffer.from(kdf.salt, 'base64').length >= KDF_BOUNDS.minSalt;
  if (!ok) {
    throw new KeyringError('keyring_bad', `Файл ключей «${file}» изменён или повреждён: параметры защиты пароля в нём вне допустимых границ, и программа его не принимает. Верните этот файл из копии, сделанной вместе с папкой данных, или обратитесь к ответственному за компьютеры.`);
  }
}

export function deriveKey(secret: string, kdf: KdfParams): Buffer {
  return scryptSync(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * 2 });
}

function wrapWith(secret: string, key: Buffer): Wrap {
  const kdf = newKdf();
  return { kdf, wrapped: seal(deriveKey(secret, kdf), key) };
}

/** «5 секунд», «2 минуты»: how long to wait, in words. */
export function waitWords(seconds: number): string {
  const plural = (n: number, one: string, few: string, many: string) => {
    const m10 = n % 10, m100 = n % 100;
    return m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  };
  if (seconds < 60) return `${seconds} ${plural(seconds, 'секунду', 'секунды', 'секунд')}`;
  const m = Math.ceil(seconds / 60);
  return `${m} ${plural(m, 'минуту', 'минуты', 'минут')}`;
}

/** The wait after `failures` failed tries, in seconds (0 for the first FREE_TRIES). */
export function waitAfter(failures: number): number {
  return failures < FREE_TRIES ? 0 : Math.min(MAX_WAIT_S, 2 ** (failures - FREE_TRIES));
}

export function keyringPathFor(dbPath: string): string {
  return dbPath + '.keyring';
}

export interface KeyringOptions { store?: KeyStore; now?: () => Date }

export class Keyring {
  private master: Buffer | null = null;
  /** Data keys opened this session (file keys through the device wrap even while the master is unknown). */
  private known = new Map<string, Buffer>();
  readonly store: KeyStore;
  readonly now: () => Date;

  private constructor(readonly path: string, private data: KeyringFile, opts: KeyringOptions) {
    this.store = opts.store ?? fileKeyStore;
    this.now = opts.now ?? (() => new Date());
  }

  /** Reads the keyring of `dbPath`, or makes a new one (new master and data keys, the master wrapped by the device). */
  static open(dbPath: string, opts: KeyringOptions = {}): Keyring {
    const path = keyringPathFor(dbPath);
    if (existsSync(path)) {
      const k = new Keyring(path, Keyring.parse(path), opts);
      k.openByDevice();
      return k;
    }
    const k = new Keyring(path, { v: 1, ways: {}, keys: [], current: { file: '', personal: '' }, attempts: { failures: 0, last: null } }, opts);
    k.master = randomBytes(32);
    k.data.ways.device = { store: k.store.kind, wrapped: k.store.protect(k.master).toString('base64') };
    k.data.current.file = k.addKey('file').id;
    k.data.current.personal = k.addKey('personal').id;
    k.save();
    return k;
  }

  /** Reads an existing keyring only (null when there is none): for looking at another file or a copy. */
  static existing(dbPath: string, opts: KeyringOptions = {}): Keyring | null {
    return existsSync(keyringPathFor(dbPath)) ? Keyring.open(dbPath, opts) : null;
  }

  private static parse(path: string): KeyringFile {
    let d: KeyringFile;
    try {
      d = JSON.parse(readFileSync(path, 'utf8')) as KeyringFile;
    } catch {
      throw new KeyringError('keyring_bad', `Файл ключей «${path}» не читается: он повреждён. Верните его из копии, сделанной вместе с папкой данных; без него зашифрованный файл данных не открыть.`);
    }
    if (d?.v !== 1 || !Array.isArray(d.keys) || !d.ways || !d.current) {
      throw new KeyringError('keyring_bad', `Файл ключей «${path}» не похож на файл ключей «Опоры» или записан более новой версией. Обновите программу или верните файл из копии.`);
    }
    for (const w of [d.ways.password, d.ways.recovery, ...(d.legacy ?? [])]) if (w) checkKdf(w.kdf, path);
    d.attempts ??= { failures: 0, last: null };
    return d;
  }

  private save(): void {
    const tmp = this.path + '.tmp';
    writeFileSync(tmp, JSON.stringify(this.data, null, 1), { mode: 0o600 });
    const fd = openSync(tmp, 'r+');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    renameSync(tmp, this.path);
  }

  /**
   * The store that unwraps a device wrap of `kind`: this one, or the plain file store for a wrap it wrote (a
   * workspace first opened in the browser mode, then in the desktop app: re-wrapped by the OS store below).
   */
  private storeFor(kind: string): KeyStore | null {
    return kind === this.store.kind ? this.store : kind === fileKeyStore.kind ? fileKeyStore : null;
  }

  private openByDevice(): void {
    const dev = this.data.ways.device;
    const store = dev ? this.storeFor(dev.store) : null;
    if (dev && store) {
      try {
        const m = store.unprotect(Buffer.from(dev.wrapped, 'base64'));
        if (m.length === 32) this.master = m;
      } catch { /* another computer's or user's store: the password is the way in */ }
    }
    this.openAll();
    // A plain wrap where the OS store is at hand now: wrapped by the OS store from here on.
    if (this.master && dev && dev.store !== this.store.kind) {
      this.data.ways.device = { store: this.store.kind, wrapped: this.store.protect(this.master).toString('base64') };
      for (const e of this.data.keys) {
        const k = this.known.get(e.id);
        if (e.device && k) e.device = { store: this.store.kind, wrapped: this.store.protect(k).toString('base64') };
      }
      this.save();
    }
  }


  /** Opens every data key it can: all through the master, file keys also through their device wraps. */
  private openAll(): void {
    for (const e of this.data.keys) {
      if (this.known.has(e.id)) continue;
      let k = this.master ? open(this.master, e.wrapped) : null;
      const store = e.device ? this.storeFor(e.device.store) : null;
      if (!k && e.device && store) {
        try { k = store.unprotect(Buffer.from(e.device.wrapped, 'base64')); } catch { k = null; }
      }
      if (k && k.length === 32) this.known.set(e.id, k);
    }
  }

  /** A new data key, wrapped by the master (which must be known) and, for a file key, by the device. */
  addKey(purpose: Purpose, key: Buffer = randomBytes(32), id = `${purpose}-${randomUUID()}`): DataKey {
    if (!this.master) throw new KeyringError('locked', 'Рабочее место заблокировано. Введите пароль, чтобы продолжить.');
    const existing = this.data.keys.find((e) => e.purpose === purpose && this.known.get(e.id)?.equals(key));
    if (existing) return { id: existing.id, key };
    const e: KeyEntry = { id, purpose, created: this.now().toISOString(), wrapped: seal(this.master, key) };
    if (purpose === 'file' && !this.hasPassword()) e.device = { store: this.store.kind, wrapped: this.store.protect(key).toString('base64') };
    this.data.keys.push(e);
    this.known.set(id, key);
    this.save();
    return { id, key };
  }

  /** Data keys of a purpose that are open now, the current one first, then the newest. */
  keys(purpose: Purpose): DataKey[] {
    const cur = this.data.current[purpose];
    return this.data.keys.filter((e) => e.purpose === purpose && this.known.has(e.id))
      .sort((a, b) => (a.id === cur ? -1 : b.id === cur ? 1 : b.created.localeCompare(a.created)))
      .map((e) => ({ id: e.id, key: this.known.get(e.id)! }));
  }

  key(id: string): Buffer | null {
    return this.known.get(id) ?? null;
  }

  currentFileKey(): DataKey | null {
    const id = this.data.current.file;
    const k = this.known.get(id);
    return k ? { id, key: k } : null;
  }

  setCurrent(purpose: Purpose, id: string): void {
    if (this.data.current[purpose] === id) return;
    this.data.current[purpose] = id;
    this.save();
  }

  /** Whether the file key of the current file is within reach (false: the password must come first). */
  hasFileKey(): boolean {
    return this.keys('file').length > 0;
  }

  hasPassword(): boolean {
    return !!this.data.ways.password || !!this.data.legacy?.some((l) => l.way === 'password');
  }

  /** True when the master key is in memory: without a password always; with one, after it was entered. */
  isOpen(): boolean {
    return !!this.master;
  }

  /** Forgets the master and the personal keys (the file keys stay: the database is open with them). */
  lock(): void {
    if (!this.hasPassword()) return;
    this.master = null;
    for (const e of this.data.keys) if (e.purpose !== 'file') this.known.delete(e.id);
  }

  /** The file is closed: with a password every key is forgotten (only the password opens them again). */
  forget(): void {
    if (!this.hasPassword()) return;
    this.master = null;
    this.known.clear();
    this.openByDevice();
  }

  /** The refusal while the wait after failed tries is not over. */
  private checkWait(): void {
    const { failures, last } = this.data.attempts;
    const wait = waitAfter(failures);
    if (!wait || !last) return;
    const left = Math.ceil((new Date(last).getTime() + wait * 1000 - this.now().getTime()) / 1000);
    if (left > 0) throw new KeyringError('wait', `Слишком много неверных попыток подряд (${failures}). Следующую можно сделать через ${waitWords(left)}.`);
  }

  private failed(): void {
    this.data.attempts = { failures: this.data.attempts.failures + 1, last: this.now().toISOString() };
    this.save();
  }

  private succeeded(): void {
    if (this.data.attempts.failures) {
      this.data.attempts = { failures: 0, last: null };
      this.save();
    }
  }

  /** How many tries failed in a row, and how many seconds the next one must wait (for the lock screen). */
  attempts(): { failures: number; waitSeconds: number } {
    const { failures, last } = this.data.attempts;
    const left = last ? Math.ceil((new Date(last).getTime() + waitAfter(failures) * 1000 - this.now().getTime()) / 1000) : 0;
    return { failures, waitSeconds: Math.max(0, left) };
  }

  /**
   * Opens the master with the password or the recovery code. Returns the personal key a legacy wrap gave (an
   * older version's), if that is how it opened. Throws 'wrong_secret' (after a full scrypt) or 'wait'.
   */
  openWith(way: Way, secret: string): void {
    this.checkWait();
    const w = this.data.ways[way];
    let master: Buffer | null = w ? open(deriveKey(secret, w.kdf), w.wrapped) : null;
    if (!master) master = this.openLegacy(way, secret, !w);
    if (!master) {
      this.failed();
      throw new KeyringError('wrong_secret', way === 'password' ? 'Неверный пароль.' : 'Неверный код восстановления.');
    }
    this.master = master;
    this.succeeded();
    this.openAll();
  }

  /** An older version's wrap of the personal key: it gives the personal key, and through it the master. */
  private openLegacy(way: Way, secret: string, hashedYet: boolean): Buffer | null {
    const list = (this.data.legacy ?? []).filter((l) => l.way === way);
    // The wrong-password path costs one full scrypt, as the right one does.
    if (!list.length) { if (hashedYet) deriveKey(secret, newKdf()); return null; }
    for (const l of list) {
      const personal = open(deriveKey(secret, l.kdf), l.wrapped, LEGACY_AAD);
      if (!personal) continue;
      let master = this.data.ways.legacy ? open(personal, this.data.ways.legacy) : null;
      if (!master) {
        // First time in since the upgrade: a new master over every key within reach, wrapped by this secret.
        master = randomBytes(32);
        this.rewrap(master);
        this.data.ways = { legacy: seal(personal, master) };
        if (way === 'password') this.data.ways.password = wrapWith(secret, master);
        this.dropDeviceWraps();
      }
      this.master = master;
      const id = this.addKey('personal', personal).id;
      this.data.current.personal = id;
      this.save();
      return master;
    }
    return null;
  }

  /** With a password, no data key is left wrapped by the device: the password (or the code) is the only way in. */
  private dropDeviceWraps(): void {
    for (const e of this.data.keys) delete e.device;
  }

  private rewrap(master: Buffer): void {
    this.data.keys = this.data.keys.filter((e) => this.known.has(e.id)).map((e) => ({ ...e, wrapped: seal(master, this.known.get(e.id)!) }));
  }

  /** Sets or changes the password (the master must be open): the master is re-wrapped; a new recovery code is returned. */
  setPassword(password: string, recoveryCode: string): void {
    if (!this.master) throw new KeyringError('locked', 'Рабочее место заблокировано. Введите пароль, чтобы продолжить.');
    this.data.ways = { password: wrapWith(password, this.master), recovery: wrapWith(recoveryCode, this.master) };
    delete this.data.legacy;
    this.dropDeviceWraps();
    this.data.attempts = { failures: 0, last: null };
    this.save();
  }

  /** An older version's wraps of the personal key (table privacy_key): kept until the password is next entered. */
  importLegacy(slots: LegacyWrap[]): void {
    for (const s of slots) checkKdf(s.kdf, this.path);
    const have = new Set((this.data.legacy ?? []).map((l) => l.wrapped));
    const add = slots.filter((s) => !have.has(s.wrapped));
    if (!add.length) return;
    this.data.legacy = [...(this.data.legacy ?? []), ...add];
    // A password was set in the older version: the device may no longer open the master.
    if (add.some((s) => s.way === 'password') && this.data.ways.device) {
      delete this.data.ways.device;
      this.master = null;
      for (const e of this.data.keys) if (e.purpose !== 'file') this.known.delete(e.id);
    }
    this.save();
  }

  /** Removes the keyring (a fresh demo file). */
  static remove(dbPath: string): void {
    rmSync(keyringPathFor(dbPath), { force: true });
  }
}
