import type { FieldValue, SyncedTableName, TableByName } from './registry/index.js';

/**
 * The Kysely view of the database. Synced tables take their column types from the registry; the local
 * tables are typed here, mirroring the SQL in migrations/. Dates are ISO strings (YYYY-MM-DD for calendar
 * dates, full ISO for timestamps); booleans are 0/1 integers as SQLite keeps them.
 */

export interface SyncColumns {
  id: string;
  owner: string;
  origin: string;
  hlc: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MetaTable { key: string; value: string }

/** What a column of a synced table holds in storage: JSON columns are text, flags 0/1. */
type Stored<F> = F extends { kind: 'codes' } ? string : F extends { kind: 'flag' } ? number : FieldValue<F>;
/** A synced table's row type, derived from its registry entry. */
export type SyncedRow<N extends SyncedTableName> = SyncColumns & { [K in keyof TableByName[N]['fields']]: Stored<TableByName[N]['fields'][K]> };
type SyncedTables = { [N in SyncedTableName]: SyncedRow<N> };

// ───────────────────────── exchange (migration 0020) ─────────────────────────
// Bundles between schools and the municipality: version vectors, conflicts, sequence numbers, history,
// quarantine and the municipality's roster.

export interface SyncVersionTable { tbl: string; id: string; vv: string }
export interface SyncConflictTable { tbl: string; id: string; hlc: string; origin: string; vv: string; data: string; detected_at: string; dismissed: number }
export interface ExchangeOriginSeqTable { issuer_id: string; origin: string; last_seq: number; last_sha256: string; last_at: string }
export interface ExchangeImportTable {
  id: number; at: string; file_name: string; sha256: string; size: number; kind: string; issuer_id: string; issuer_name: string;
  origin: string; seq: number | null; status: string; reason_code: string; reason: string; counts: string;
}
export interface ExchangeQuarantineTable {
  id: string; received_at: string; file_name: string; stored_path: string; sha256: string; issuer_id: string; issuer_name: string;
  issuer_role: string; fingerprint: string; sign_public: string; encrypt_public: string; reason_code: string; status: string; decided_at: string | null;
  /** What the file holds (0078): its record count, when and by which version it was written. */
  records: number | null; written_at: string | null; app_version: string;
}
export interface ExchangeExportTable {
  id: number; at: string; path: string; sha256: string; size: number; recipient_id: string; origin: string; seq: number; counts: string;
}
/** The municipality's roster: keys (0020) and classification (0030). Local: it holds keys and is the municipality's alone. */
export interface MunicipalitySchoolTable {
  id: string; name: string; status: string; sign_public: string | null; encrypt_public: string | null; fingerprint: string | null;
  secret_hash: string | null; created_at: string; enrolled_at: string | null;
  short_name: string; cluster: number | null; quality_group: number | null; quality_level: string; social_group: number | null; social_level: string;
  is_nor: number; is_nsu: number; is_pilot: number; base_site: string; partner_group_id: string | null; is_resource_centre: number;
  curator_id: string | null; roster_note: string; roster_updated_at: string | null;
  /** Rows of all its tables the department holds (migration 0078; exchange/limits.ts). */
  rows_held: number;
}

/** Tables that never travel: bookkeeping of the exchange and the municipality's roster. */
export interface LocalTables {
  sync_version: SyncVersionTable;
  sync_conflict: SyncConflictTable;
  exchange_origin_seq: ExchangeOriginSeqTable;
  exchange_import: ExchangeImportTable;
  exchange_quarantine: ExchangeQuarantineTable;
  exchange_export: ExchangeExportTable;
  municipality_school: MunicipalitySchoolTable;
}

/** The Kysely view of the whole file: the synced tables from the registry, and the local ones. */
export type Database = SyncedTables & LocalTables & { meta: MetaTable };
