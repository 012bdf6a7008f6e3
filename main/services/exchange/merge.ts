/**
 * Merging records by id with version vectors.
 *
 * Every version of a record carries a version vector {origin: hlc of that origin's latest change}. A version
 * whose vector covers another's was made after seeing it and replaces it, whatever the wall clocks said —
 * so a PC set to 2031 does not win forever and one set to 2009 does not lose forever. Two versions neither
 * of which covers the other are concurrent: both are kept (the one with the later stamp in the row, the
 * other in sync_conflict) until a person chooses. The stored state of a record is the set of maximal
 * versions among all it has seen, which does not depend on the order in which they arrived.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { BundleError } from './reasons.js';
import { expectedId } from './ids.js';
import { cachedStatement } from './statements.js';
import { tableSpec, type DerivedId } from '../../../db/registry/index.js';
import type { IncomingTable, VersionVector } from './tables.js';
import type { ExchangeCounts } from '../../../preload/contract/exchange.js';

/** What merging did to the rows (the contract's counts, shown per file on the import screen). */
export type MergeCounts = ExchangeCounts;

export const emptyCounts = (): MergeCounts => ({ new: 0, updated: 0, unchanged: 0, deleted: 0, conflicts: 0 });

export function dominates(a: VersionVector, b: VersionVector): boolean {
  for (const k in b) {
    const x = a[k];
    if (x === undefined || x < b[k]!) return false;
  }
  return true;
}

function sameVv(a: VersionVector, b: VersionVector) {
  return dominates(a, b) && dominates(b, a);
}

export function joinVv(...vs: VersionVector[]): VersionVector {
  const out: VersionVector = {};
  for (const v of vs) for (const [k, h] of Object.entries(v)) if (!out[k] || out[k]! < h) out[k] = h;
  return out;
}

interface Version {
  hlc: string;
  origin: string;
  vv: VersionVector;
  /** Column → value; for the stored row it is loaded lazily. */
  data: Record<string, unknown> | null;
  source: 'row' | 'conflict' | 'incoming';
}

const vvOf = (origin: string, hlc: string, stored: string | null | undefined): VersionVector =>
  stored ? (JSON.parse(stored) as VersionVector) : { [origin]: hlc };

/** Prepared statements for one table, made once per merge. */
export class TableMerger {
  private readonly selLocal: BetterSqlite3.Statement;
  private readonly selFull: BetterSqlite3.Statement;
  private readonly selVv: BetterSqlite3.Statement;
  private readonly setVv: BetterSqlite3.Statement;
  private readonly delVv: BetterSqlite3.Statement;
  private readonly selConflicts: BetterSqlite3.Statement;
  private readonly selDismissed: BetterSqlite3.Statement;
  private readonly delConflicts: BetterSqlite3.Statement;
  private readonly insConflict: BetterSqlite3.Statement;
  private insert: BetterSqlite3.Statement | null = null;
  /** Insert unless the id exists: one B-tree descent for the common case of a record never seen. */
  private tryInsert: BetterSqlite3.Statement | null = null;
  private update: BetterSqlite3.Statement | null = null;
  private cols: string[] = [];
  /** Ids written (new or replaced) in this merge: attachments need their files. */
  readonly written = new Set<string>();
  /** Ids inserted straight from the incoming row (never seen before): the stored row is that row. */
  readonly fresh = new Set<string>();
  /** Rows this merge added (ids the file had not held before): what the sender's row count grows by. */
  inserted = 0;
  private readonly derivedId: DerivedId | undefined;

  constructor(
    private readonly raw: BetterSqlite3.Database,
    readonly table: string,
    /** Values for required local-only columns the bundle does not carry (pupil names: ''). */
    private readonly fill: Record<string, unknown>,
    /** Every incoming row must be owned by this id. */
    private readonly owner: string,
    private readonly now: string,
  ) {
    this.derivedId = tableSpec(table).derivedId;
    const st = (sql: string, pluck = false) => cachedStatement(raw, sql, pluck);
    this.selLocal = st(`SELECT owner, origin, hlc, deleted_at FROM ${table} WHERE id = ?`);
    this.selFull = st(`SELECT * FROM ${table} WHERE id = ?`);
    this.selVv = st('SELECT vv FROM sync_version WHERE tbl = ? AND id = ?', true);
    this.setVv = st('INSERT INTO sync_version (tbl, id, vv) VALUES (?, ?, ?) ON CONFLICT (tbl, id) DO UPDATE SET vv = excluded.vv');
    this.delVv = st('DELETE FROM sync_version WHERE tbl = ? AND id = ?');
    this.selConflicts = st('SELECT hlc, origin, vv, data FROM sync_conflict WHERE tbl = ? AND id = ? AND dismissed = 0');
    this.selDismissed = st('SELECT 1 FROM sync_conflict WHERE tbl = ? AND id = ? AND hlc = ? AND dismissed = 1');
    this.delConflicts = st('DELETE FROM sync_conflict WHERE tbl = ? AND id = ? AND dismissed = 0');
    this.insConflict = st('INSERT OR REPLACE INTO sync_conflict (tbl, id, hlc, origin, vv, data, detected_at, dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, 0)');
  }

  private prepareWrites(columns: string[]) {
    const cols = [...columns.filter((c) => c !== '_vv'), ...Object.keys(this.fill).filter((c) => !columns.includes(c))];
    if (cols.join(',') === this.cols.join(',') && this.insert) return;
    this.cols = cols;
    const list = cols.join(', '), marks = cols.map(() => '?').join(', ');
    this.insert = cachedStatement(this.raw, `INSERT INTO ${this.table} (${list}) VALUES (${marks})`);
    this.tryInsert = cachedStatement(this.raw, `INSERT INTO ${this.table} (${list}) VALUES (${marks}) ON CONFLICT (id) DO NOTHING`);
    this.update = cachedStatement(this.raw, `UPDATE ${this.table} SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  }

  private values(data: Record<string, unknown>): unknown[] {
    return this.cols.map((c) => (c in data ? data[c] : this.fill[c]));
  }

  private writeRow(id: string, data: Record<string, unknown>, vv: VersionVector, exists: boolean) {
    if (exists) {
      const vals = this.values(data);
      const idPos = this.cols.indexOf('id');
      vals.splice(idPos, 1);
      this.update!.run(...vals, id);
    } else this.insert!.run(...this.values(data));
    if (Object.keys(vv).length > 1) this.setVv.run(this.table, id, JSON.stringify(vv));
    else if (exists) this.delVv.run(this.table, id);
    this.written.add(id);
  }

  merge(t: IncomingTable, counts: MergeCounts) {
    this.prepareWrites(t.columns);
    const iId = t.columns.indexOf('id');
    const iOwner = t.columns.indexOf('owner');
    const iOrigin = t.columns.indexOf('origin');
    const iHlc = t.columns.indexOf('hlc');
    const iDel = t.columns.indexOf('deleted_at');
    const colIdx = this.cols.map((c) => t.columns.indexOf(c));
    // One array of values bound for every row (better-sqlite3 binds an array as the positional values).
    const vals: unknown[] = this.cols.map((c) => this.fill[c]);
    const derivedCols = this.derivedId && this.derivedId !== 'owner' ? new Map(this.derivedId.columns.map((c) => [c, t.columns.indexOf(c)])) : null;
    let row: unknown[] = [];
    const valueOf = (c: string) => row[derivedCols?.get(c) ?? t.columns.indexOf(c)];
    for (row of t.rows) {
      if (row[iOwner] !== this.owner) throw new BundleError('wrong_owner', `${this.table}`);
      const id = row[iId] as string;
      // Ids that are derived from the owner cannot be claimed by another sender (squatting a school's id).
      const expected = expectedId(this.derivedId, this.owner, valueOf);
      if (expected !== null && id !== expected) throw new BundleError('wrong_owner', this.table);
      const origin = row[iOrigin] as string;
      const hlc = row[iHlc] as string;
      const hasVv = t.vvIndex >= 0 && !!row[t.vvIndex];
      const tomb = row[iDel] !== null;
      for (let k = 0; k < colIdx.length; k++) if (colIdx[k]! >= 0) vals[k] = row[colIdx[k]!];
      // Fast path: a record never seen is inserted straight from the row, in write order.
      if (this.tryInsert!.run(vals).changes === 1) {
        this.inserted++;
        if (hasVv) this.setVv.run(this.table, id, JSON.stringify(row[t.vvIndex]));
        this.written.add(id);
        this.fresh.add(id);
        if (tomb) counts.deleted++;
        else counts.new++;
        continue;
      }
      const vvIn = hasVv ? (row[t.vvIndex] as VersionVector) : { [origin]: hlc };
      const local = this.selLocal.get(id) as { owner: string; origin: string; hlc: string; deleted_at: string | null };
      if (local.owner !== this.owner) throw new BundleError('wrong_owner', `${this.table}`);
      if (local.hlc === hlc && local.origin === origin) {
        counts.unchanged++;
        continue;
      }
      const r = row;
      const rowData = () => {
        const o: Record<string, unknown> = {};
        t.columns.forEach((c, i) => { if (c !== '_vv') o[c] = r[i]; });
        return o;
      };
      this.mergeVersion(id, local, { hlc, origin, vv: vvIn, data: null, source: 'incoming' }, rowData, tomb, counts);
    }
  }

  private mergeVersion(
    id: string,
    local: { origin: string; hlc: string; deleted_at: string | null },
    incoming: Version,
    incomingData: () => Record<string, unknown>,
    tomb: boolean,
    counts: MergeCounts,
  ) {
    if (this.selDismissed.get(this.table, id, incoming.hlc)) {
      counts.unchanged++;
      return;
    }
    const current: Version = { hlc: local.hlc, origin: local.origin, vv: vvOf(local.origin, local.hlc, this.selVv.get(this.table, id) as string | undefined), data: null, source: 'row' };
    const stored = (this.selConflicts.all(this.table, id) as { hlc: string; origin: string; vv: string; data: string }[])
      .map((c): Version => ({ hlc: c.hlc, origin: c.origin, vv: JSON.parse(c.vv) as VersionVector, data: JSON.parse(c.data) as Record<string, unknown>, source: 'conflict' }));

    // Common case: no open conflicts and one version covers the other.
    if (stored.length === 0) {
      if (dominates(current.vv, incoming.vv)) {
        counts.unchanged++;
        return;
      }
      if (dominates(incoming.vv, current.vv)) {
        this.writeRow(id, incomingData(), incoming.vv, true);
        if (tomb && local.deleted_at === null) counts.deleted++;
        else counts.updated++;
        return;
      }
    }
    // General case: keep the maximal versions of everything seen.
    const all = [current, ...stored, incoming];
    const maximal: Version[] = [];
    for (const v of all) {
      if (all.some((w) => w !== v && dominates(w.vv, v.vv) && !sameVv(w.vv, v.vv))) continue;
      if (maximal.some((w) => sameVv(w.vv, v.vv))) continue;
      maximal.push(v);
    }
    if (!maximal.includes(incoming) && maximal.length === 1 + stored.length && maximal.includes(current)) {
      counts.unchanged++;
      return;
    }
    const loadCurrent = () => {
      if (!current.data) current.data = this.selFull.get(id) as Record<string, unknown>;
      return current.data;
    };
    for (const v of maximal) if (v.source === 'incoming') v.data = incomingData();
    // The same content from two origins (a snapshot re-sent from a restored copy, a second computer) is one
    // version, whatever its stamps: only versions that differ in what they say are a conflict for a person.
    const distinct = this.collapseIdentical(maximal, loadCurrent);
    if (distinct.length === 1) {
      const only = distinct[0]!;
      if (only.source === 'row') {
        if (!sameVv(only.vv, current.vv)) this.setVv.run(this.table, id, JSON.stringify(only.vv));
        counts.unchanged++;
      } else {
        const same = this.contentKey(only.data!) === this.contentKey(loadCurrent());
        this.writeRow(id, only.data!, only.vv, true);
        if (same) counts.unchanged++;
        else if (only.data!.deleted_at !== null && local.deleted_at === null) counts.deleted++;
        else counts.updated++;
      }
      this.delConflicts.run(this.table, id);
      return;
    }
    maximal.splice(0, maximal.length, ...distinct);
    maximal.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
    const winner = maximal[0]!;
    if (winner.source === 'row' && !sameVv(winner.vv, current.vv)) this.setVv.run(this.table, id, JSON.stringify(winner.vv));
    // Losers first (the current row may be one of them; read it before it is overwritten).
    const losers = maximal.slice(1).map((v) => ({ v, data: v.source === 'row' ? loadCurrent() : v.data! }));
    if (winner.source !== 'row') {
      const data = winner.data!;
      this.writeRow(id, data, winner.vv, true);
      if (data.deleted_at !== null && local.deleted_at === null) counts.deleted++;
      else counts.updated++;
    } else counts.unchanged++;
    this.delConflicts.run(this.table, id);
    for (const { v, data } of losers) {
      const clean = { ...data };
      delete clean._vv;
      this.insConflict.run(this.table, id, v.hlc, v.origin, JSON.stringify(v.vv), JSON.stringify(clean), this.now);
    }
    if (maximal.length > 1 && maximal.some((v) => v.source === 'incoming')) counts.conflicts++;
  }

  /** What a version says, without who said it and when: its columns but the bookkeeping, and whether it is deleted. */
  private contentKey(data: Record<string, unknown>): string {
    return JSON.stringify([data.deleted_at !== null, ...this.cols.filter((c) => !STAMPS.has(c)).map((c) => (c in data ? data[c] : this.fill[c]) ?? null)]);
  }

  /**
   * Versions with the same content as one: the latest stamp (then the greater origin) speaks for them, with a
   * vector that has seen them all, so a later version from any of their origins covers it. Which one speaks
   * does not depend on the order the files came in.
   */
  private collapseIdentical(versions: Version[], loadCurrent: () => Record<string, unknown>): Version[] {
    const groups = new Map<string, Version[]>();
    for (const v of versions) {
      const key = this.contentKey(v.source === 'row' ? loadCurrent() : v.data!);
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    return [...groups.values()].map((g) => {
      if (g.length === 1) return g[0]!;
      const latest = g.reduce((a, b) => (b.hlc > a.hlc || (b.hlc === a.hlc && b.origin > a.origin) ? b : a));
      return { ...latest, vv: joinVv(...g.map((v) => v.vv)), data: latest.source === 'row' ? loadCurrent() : latest.data };
    });
  }
}

/** Columns that say who wrote a version and when, not what it says. */
const STAMPS = new Set(['id', 'owner', 'origin', 'hlc', 'created_at', 'updated_at', 'deleted_at']);
