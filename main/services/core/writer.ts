/**
 * The one writer of synced rows, for the school side, the municipality side and the exchange alike: create,
 * update, revive, tombstone with cascade — with the owner/origin/HLC bookkeeping every synced row needs.
 * Column names come from the table registry, never from input; references must point at live rows;
 * a tombstone erases the row's personal data (and a pupil's name from every text that holds it) and goes
 * down to the children the registry names.
 * Values are expected validated (the contract's schemas); this module guards the database, not the form.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context.js';
import { AppError, notFound } from './errors.js';
import { nextHlc, getMeta } from './clock.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { tableSpec, type Field } from '../../../db/registry/index.js';
import type { Row } from '../../../preload/contract/types.js';
import { sealPersonal, revealRow, vaultStatus } from '../privacy/vault.js';
import { mentionRewrites } from '../privacy/names/erase.js';

export type { Row };

/** Statements by SQL text per database: a demo or a roster import writes thousands of rows through here. */
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
function stmt(raw: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let m = cache.get(raw);
  if (!m) cache.set(raw, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = raw.prepare(sql)));
  return s;
}

export function ownerId(ctx: ServiceContext): string {
  return getMeta(ctx.raw, 'owner_id') ?? getMeta(ctx.raw, 'origin_id') ?? 'local';
}

function origin(ctx: ServiceContext): string {
  return getMeta(ctx.raw, 'origin_id')!;
}

/** Bookkeeping of a new row. */
export function stampNew(ctx: ServiceContext) {
  const now = ctx.now().toISOString();
  return { owner: ownerId(ctx), origin: origin(ctx), hlc: nextHlc(ctx.raw, ctx.now()), created_at: now, updated_at: now, deleted_at: null };
}

/** Bookkeeping of a change to an existing row. */
export function stampChange(ctx: ServiceContext) {
  return { origin: origin(ctx), hlc: nextHlc(ctx.raw, ctx.now()), updated_at: ctx.now().toISOString() };
}

export function liveRow(ctx: ServiceContext, table: string, id: string): Row | undefined {
  tableSpec(table);
  return stmt(ctx.raw, `SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
}

/** Every live row of a table in the given order (a trusted ORDER BY written in code, never input). */
export function liveRows(ctx: ServiceContext, table: string, order: string): Row[] {
  tableSpec(table);
  return ctx.raw.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NULL ORDER BY ${order}`).all() as Row[];
}

/** The stored form of a value: arrays as JSON, booleans as 0/1, undefined as NULL. */
function stored(field: Field, v: unknown): unknown {
  if (v === undefined) return null;
  if (field.kind === 'codes' && Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** The registry's columns present in `value`, in stored form: personal data sealed with the workspace's key. */
function columnsFrom(ctx: ServiceContext, table: string, value: Record<string, unknown>): Record<string, unknown> {
  const fields = tableSpec(table).fields as Record<string, Field>;
  const data: Record<string, unknown> = {};
  for (const [c, field] of Object.entries(fields)) {
    if (c in value) data[c] = field.personal ? sealPersonal(ctx.raw, stored(field, value[c])) : stored(field, value[c]);
  }
  return data;
}

function checkReferences(ctx: ServiceContext, table: string, data: Record<string, unknown>) {
  const fields = tableSpec(table).fields as Record<string, Field>;
  for (const [col, field] of Object.entries(fields)) {
    const v = data[col];
    if (typeof v !== 'string') continue;
    const target = field.kind === 'ref' ? field.table : field.kind === 'uuid' && field.refBy ? field.refBy.tables[String(data[field.refBy.column])] : undefined;
    if (!target) continue;
    if (!liveRow(ctx, target, v)) {
      throw new AppError('bad_reference', `${field.label}: выбранная запись не найдена или удалена. Выберите другую.`, { [col]: `${field.label}: запись не найдена или удалена` });
    }
  }
}

/**
 * Creates a row (no id) or updates a live one (an id). With `upsert`, a given id that no row has is created,
 * and a tombstoned one comes back: derived ids (one row per owner and target) and ids chosen by the caller.
 */
export function writeRow(ctx: ServiceContext, table: string, value: Record<string, unknown>, opts: { id?: string; upsert?: boolean } = {}): Row {
  const data = columnsFrom(ctx, table, value);
  const id = opts.id ?? (typeof value.id === 'string' ? value.id : undefined);
  return ctx.raw.transaction(() => {
    checkReferences(ctx, table, data);
    const exists = id ? (stmt(ctx.raw, `SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as { deleted_at: string | null } | undefined) : undefined;
    if (id && exists && (exists.deleted_at === null || opts.upsert)) {
      const all = { ...data, ...stampChange(ctx), ...(opts.upsert ? { deleted_at: null } : {}) };
      stmt(ctx.raw, `UPDATE ${table} SET ${Object.keys(all).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...all, id });
      return revealRow(ctx.raw, liveRow(ctx, table, id)!);
    }
    if (id && !opts.upsert) throw notFound('Запись');
    const all = { id: id ?? randomUUID(), ...stampNew(ctx), ...data };
    const cols = Object.keys(all);
    stmt(ctx.raw, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(all);
    return revealRow(ctx.raw, liveRow(ctx, table, all.id)!);
  })();
}

/**
 * Rewrites one text column of a row, live or tombstoned, with fresh bookkeeping so the new text wins at the
 * other side (the outgoing check's one-click replacement of pupils' names). The column must be a text field
 * of the registry; a tombstone stays a tombstone.
 */
export function rewriteText(ctx: ServiceContext, table: string, id: string, column: string, value: string): void {
  const field = (tableSpec(table).fields as Record<string, Field>)[column];
  if (!field || field.kind !== 'text') throw new Error(`${table}.${column} is not a text field`);
  const s = stampChange(ctx);
  stmt(ctx.raw, `UPDATE ${table} SET ${column} = @v, origin = @origin, hlc = @hlc, updated_at = @updated_at WHERE id = @id`).run({ v: value, ...s, id });
}

/**
 * Rewrites every text at the school that names the pupil (or gives the birth date) with the pupil's code
 * (privacy/names/erase.ts), with fresh bookkeeping like any rewrite: called wherever a pupil's name is
 * erased, in the erasure's transaction. Needs the key to read the name; locked, it refuses, and so does the
 * erasure with it — a name erased from the record but left in a note would still leave the school.
 */
export function eraseMentions(ctx: ServiceContext, pupilIds: string | readonly string[]): number {
  // With the key lost no one can read the name any more — not this program, not whoever copies the file.
  if (vaultStatus(ctx.raw).lost) return 0;
  const rewrites = mentionRewrites(ctx, typeof pupilIds === 'string' ? [pupilIds] : pupilIds);
  for (const w of rewrites) rewriteText(ctx, w.table, w.id, w.column, w.value);
  return rewrites.length;
}

/**
 * Tombstones a row and, in the same transaction, every live child the registry names (recursively). A
 * tombstone keeps only the id of personal data: names and birth dates are erased, not hidden. Returns how
 * many rows were tombstoned; throws «not found» if the row is not live.
 */
export function tombstoneRow(ctx: ServiceContext, table: string, id: string): number {
  return ctx.raw.transaction(() => {
    if (!liveRow(ctx, table, id)) throw notFound('Запись');
    return tombstoneTree(ctx, table, id);
  })();
}

function tombstoneTree(ctx: ServiceContext, table: string, id: string): number {
  const s = stampChange(ctx);
  let n = 0;
  for (const [t, rid] of cascadeOf(ctx, table, id)) {
    const r = stmt(ctx.raw, `UPDATE ${t} SET deleted_at = @at, updated_at = @at, origin = @origin, hlc = @hlc WHERE id = @id AND deleted_at IS NULL`)
      .run({ at: s.updated_at, origin: s.origin, hlc: s.hlc, id: rid });
    if (!r.changes) continue;
    const personal = Object.entries(tableSpec(t).fields as Record<string, Field>).filter(([, f]) => f.personal);
    // A pupil's name goes from the texts that name the pupil too, before the name itself is erased.
    if (t === 'pupil') eraseMentions(ctx, rid);
    if (personal.length) {
      ctx.raw.prepare(`UPDATE ${t} SET ${personal.map(([c, f]) => `${c} = ${f.kind === 'text' ? "''" : 'NULL'}`).join(', ')} WHERE id = ?`).run(rid);
    }
    n++;
  }
  return n;
}

/**
 * The live row and every live child the registry names, recursively, parents before children: what a
 * tombstone takes with it. The one cascade — the delete, its preview («удалятся ещё 3 записи») and the
 * recycle bin's group all read it.
 */
export function cascadeOf(ctx: ServiceContext, table: string, id: string): [string, string][] {
  if (!liveRow(ctx, table, id)) return [];
  const out: [string, string][] = [[table, id]];
  for (const [child, col] of tableSpec(table).children ?? []) {
    const ids = stmt(ctx.raw, `SELECT id FROM ${child} WHERE ${col} = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
    for (const cid of ids) out.push(...cascadeOf(ctx, child, cid));
  }
  return out;
}

/**
 * Brings a tombstoned row back as an edit: fresh bookkeeping (a new HLC, so the next bundle carries it and
 * it wins over the tombstone at the other side), its references checked to be live. Personal data erased by
 * the tombstone stays erased. Returns false if the row is live already.
 */
export function reviveRow(ctx: ServiceContext, table: string, id: string): boolean {
  const row = stmt(ctx.raw, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('Запись');
  if (row.deleted_at === null) return false;
  checkReferences(ctx, table, row);
  stmt(ctx.raw, `UPDATE ${table} SET deleted_at = NULL, origin = @origin, hlc = @hlc, updated_at = @updated_at WHERE id = @id`).run({ ...stampChange(ctx), id });
  return true;
}
