/** A forward-only schema step. `version` is written to PRAGMA user_version once it has run. */
export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run inside the same transaction as the user_version bump. */
  sql: string;
}
