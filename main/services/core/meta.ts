/**
 * The workspace's own settings (table meta): every key is named here, so a misspelt key does not compile
 * and a reader sees in one place what a workspace file remembers about itself.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export type MetaKey =
  /** 'school' | 'municipality'; absent before the first run is finished. */
  | 'role'
  /** The id every record of this workspace is owned by (the school's or the municipality's id). */
  | 'owner_id'
  /** This copy of the database; a restored copy takes a new one (see clock.ts). */
  | 'origin_id'
  /** The last hybrid-logical-clock stamp handed out. */
  | 'hlc_last'
  /** School side: the municipality it is enrolled with, its pinned keys, and the one-time enrollment secret. */
  | 'municipality_id' | 'municipality_name' | 'municipality_sign_public' | 'municipality_encrypt_public' | 'enrollment_secret'
  /** This workspace's public signing key, to notice a key file that does not belong to this database. */
  | 'exchange_sign_public'
  /** School side: which check passed the texts the last file carried (exchange/sent-texts.ts). */
  | 'sent_text_checked_with'
  /** School side: wrong enrollment codes typed for one enrollment file (by the file's SHA-256). */
  | `enrollment_attempts.${string}`
  /** The last bundle sequence number used from one origin. */
  | `exchange_seq.${string}`
  /** The last conflict decision on a record (exchange/conflicts.ts), so it can be undone. */
  | `conflict_decision.${string}`
  /** Which column of a staff or pupil list is which field, by header words (onboarding/mapping.ts). */
  | `import_mapping.${'staff' | 'pupils'}`
  /** Requisites printed on the municipality's documents. */
  | `report.${'organisation' | 'parent' | 'centre' | 'place' | 'head_position' | 'head_name' | 'executor'
    | 'address' | 'phone' | 'fax' | 'email' | 'site' | 'ogrn' | 'okpo' | 'inn_kpp'}`;

/** The three statements per connection: every synced write reads the owner, origin and clock from here. */
const statements = new WeakMap<BetterSqlite3.Database, { get: BetterSqlite3.Statement; set: BetterSqlite3.Statement; del: BetterSqlite3.Statement }>();
function st(raw: BetterSqlite3.Database) {
  let s = statements.get(raw);
  if (!s) {
    s = {
      get: raw.prepare('SELECT value FROM meta WHERE key = ?'),
      set: raw.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      del: raw.prepare('DELETE FROM meta WHERE key = ?'),
    };
    statements.set(raw, s);
  }
  return s;
}

export function getMeta(raw: BetterSqlite3.Database, key: MetaKey): string | undefined {
  const row = st(raw).get.get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(raw: BetterSqlite3.Database, key: MetaKey, value: string): void {
  st(raw).set.run(key, value);
}

export function deleteMeta(raw: BetterSqlite3.Database, key: MetaKey): void {
  st(raw).del.run(key);
}
