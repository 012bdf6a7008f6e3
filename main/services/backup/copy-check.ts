/**
 * What a copy may bring in besides data. A copy is a whole SQLite file, and SQLite runs what the file holds:
 * a trigger in it would run on the next write (e.g. re-encrypt the next export for someone else's key), and
 * its `meta` pins whose keys the workspace trusts. So before a copy replaces anything:
 *  - its schema objects are exactly the app's own for its version (rebuilt from the migrations in memory and
 *    compared text for text): no trigger, view, table or index the app did not create;
 *  - the keys it pins (the department's at a school, the schools' at the department) are the ones the live
 *    workspace pins: a different key comes in only through enrollment or a signed key change, with both
 *    fingerprints shown;
 *  - an older version's password wraps (table privacy_key) hold key-derivation settings within the app's bounds,
 *    so an unlock after the restore cannot be made to take gigabytes or minutes.
 */
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../../db/migrations/index.js';
import { checkKdf, type KdfParams } from '../../../db/keyring.js';
import { displayFingerprint, fingerprint } from '../core/crypto.js';
import { AppError } from '../core/errors.js';

type Db = BetterSqlite3.Database;

const KIND_WORD: Record<string, string> = { trigger: 'триггер', view: 'представление', table: 'таблица', index: 'индекс' };

function schemaOf(raw: Db): Map<string, string> {
  const rows = raw.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'").all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((r) => [`${r.type}\u0000${r.name}`, (r.sql ?? '').replace(/\s+/g, ' ').trim()]));
}

const referenceCache = new Map<number, Map<string, string>>();

/** The schema the app itself makes at `version`: the migrations up to it, run on an empty in-memory file. */
function referenceSchema(version: number): Map<string, string> | null {
  const cached = referenceCache.get(version);
  if (cached) return cached;
  if (version !== 0 && !migrations.some((m) => m.version === version)) return null;
  const mem = new BetterSqlite3(':memory:');
  try {
    for (const m of migrations) if (m.version <= version) mem.exec(m.sql);
    const s = schemaOf(mem);
    referenceCache.set(version, s);
    return s;
  } finally {
    mem.close();
  }
}

const REFUSED = 'Копия не восстановлена, текущие данные не изменены.';

/** Refuses a file whose schema objects are not exactly those the app makes for its version. */
export function checkSchemaObjects(raw: Db): void {
  const version = Number(raw.pragma('user_version', { simple: true }));
  const expected = referenceSchema(version);
  if (!expected) throw new AppError('backup_foreign_schema', `Этот файл записан не «Опорой»: номер версии его структуры (${version}) не встречается ни в одной версии программы. ${REFUSED}`);
  const found = schemaOf(raw);
  const extra: string[] = [];
  const changed: string[] = [];
  for (const [k, sql] of found) {
    const [type, name] = k.split('\u0000') as [string, string];
    const word = `${KIND_WORD[type] ?? type} «${name}»`;
    if (!expected.has(k)) extra.push(word);
    else if (expected.get(k) !== sql) changed.push(word);
  }
  const missing = [...expected.keys()].filter((k) => !found.has(k)).map((k) => { const [type, name] = k.split('\u0000') as [string, string]; return `${KIND_WORD[type] ?? type} «${name}»`; });
  if (!extra.length && !changed.length && !missing.length) return;
  const list = (xs: string[]) => xs.slice(0, 3).join(', ') + (xs.length > 3 ? ` и ещё ${xs.length - 3}` : '');
  const parts = [
    extra.length ? `в нём есть то, чего программа не создаёт (${list(extra)})` : '',
    changed.length ? `изменено устройство (${list(changed)})` : '',
    missing.length ? `нет нужного (${list(missing)})` : '',
  ].filter(Boolean);
  throw new AppError('backup_foreign_schema', `Файл изменён вне «Опоры»: ${parts.join('; ')}. Такой файл мог бы выполнять чужие команды при работе программы. ${REFUSED} Восстановите копию из списка копий этого компьютера.`);
}

function meta(raw: Db, key: string): string | null {
  const hasMeta = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return null;
  const v = raw.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  return v == null || v === '' ? null : String(v);
}

function fp(pub: string | null): string {
  if (!pub) return 'нет ключа';
  try {
    return displayFingerprint(fingerprint(pub));
  } catch {
    return 'ключ повреждён';
  }
}

function hasTable(raw: Db, name: string): boolean {
  return !!raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/**
 * The keys the copy pins against the live workspace's. `live` null: the live file is too damaged to read, or
 * this is a fresh computer — then there is nothing pinned to compare with, and the copy's pins stand.
 */
export function checkPinnedKeys(copy: Db, live: Db | null): void {
  if (!live) return;
  const role = meta(copy, 'role');
  if (role === 'school') {
    const was = meta(live, 'municipality_sign_public');
    const now = meta(copy, 'municipality_sign_public');
    const sameMunicipality = (meta(live, 'municipality_id') ?? null) === (meta(copy, 'municipality_id') ?? null);
    if (was && (now !== was || !sameMunicipality || meta(copy, 'municipality_encrypt_public') !== meta(live, 'municipality_encrypt_public'))) {
      throw new AppError('backup_other_keys', `В копии закреплён другой ключ управления образования (отпечаток ${fp(now)}), а рабочее место сейчас доверяет ключу ${fp(was)}. Ключ управления меняется только новым файлом подключения или подписанным файлом смены ключа — не копией. Если управление меняло ключ после того, как сделана копия, восстановите более новую копию. ${REFUSED}`);
    }
    if (!was && now) {
      throw new AppError('backup_other_keys', `В копии закреплён ключ управления образования (отпечаток ${fp(now)}), а это рабочее место ещё не подключено ни к одному управлению. Подключите школу файлом подключения, затем восстанавливайте копию. ${REFUSED}`);
    }
  }
  if (role === 'municipality' && hasTable(copy, 'municipality_school') && hasTable(live, 'municipality_school')) {
    const pinned = new Map((live.prepare('SELECT id, sign_public FROM municipality_school').all() as { id: string; sign_public: string | null }[]).map((r) => [r.id, r.sign_public]));
    const differ: string[] = [];
    for (const r of copy.prepare('SELECT id, name, sign_public FROM municipality_school WHERE sign_public IS NOT NULL').all() as { id: string; name: string; sign_public: string }[]) {
      const was = pinned.get(r.id);
      if (was === undefined) differ.push(`«${r.name}»: в копии ${fp(r.sign_public)}, в рабочем месте такой школы нет`);
      else if (was !== r.sign_public) differ.push(`«${r.name}»: в копии ${fp(r.sign_public)}, сейчас ${fp(was)}`);
    }
    if (differ.length) {
      throw new AppError('backup_other_keys', `В копии закреплены другие ключи школ, чем в рабочем месте (${differ.slice(0, 3).join('; ')}${differ.length > 3 ? `; и ещё ${differ.length - 3}` : ''}). Ключ школы меняется только подключением или принятием нового ключа в разделе «Карантин» — не копией. Если ключ менялся после того, как сделана копия, восстановите более новую копию. ${REFUSED}`);
    }
  }
}

/** An older version's password wraps in the copy: key-derivation settings within the app's bounds. */
export function checkLegacyKdf(copy: Db): void {
  if (!hasTable(copy, 'privacy_key')) return;
  for (const r of copy.prepare('SELECT kdf FROM privacy_key').all() as { kdf: string }[]) {
    let kdf: KdfParams;
    try {
      kdf = JSON.parse(r.kdf) as KdfParams;
      checkKdf(kdf, 'копии');
    } catch {
      throw new AppError('backup_bad_kdf', `В копии параметры защиты пароля вне допустимых границ (их подбор занял бы гигабайты памяти или минуты при каждом вводе пароля). Такой файл сделан не «Опорой» или изменён. ${REFUSED}`);
    }
  }
}
