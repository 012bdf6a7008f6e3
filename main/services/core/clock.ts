/**
 * Identity and ordering of local changes.
 *
 * origin: a random id for this copy of the database, made at creation. The exchange replaces it when a
 * database is restored from a backup, so edits made after the restore are never mistaken for old ones.
 * hlc: a hybrid logical clock stamp "wallMs(15 digits):counter(6 digits):origin". It never goes backwards
 * on this machine even when the wall clock does, and the origin breaks ties between machines.
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

// The settings store lives in meta.ts; re-exported because the clock and most services read it together.
export { getMeta, setMeta } from './meta.js';
import { getMeta, setMeta } from './meta.js';

export function originId(raw: BetterSqlite3.Database): string {
  let origin = getMeta(raw, 'origin_id');
  if (!origin) {
    origin = randomUUID();
    setMeta(raw, 'origin_id', origin);
  }
  return origin;
}

export function parseHlc(stamp: string): { wall: number; counter: number; origin: string } {
  const [wall, counter, ...rest] = stamp.split(':');
  return { wall: Number(wall), counter: Number(counter), origin: rest.join(':') };
}

export function formatHlc(wall: number, counter: number, origin: string): string {
  return `${String(wall).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${origin}`;
}

/** Next stamp for a local change; also used to absorb stamps seen in merged bundles (observe). */
export function nextHlc(raw: BetterSqlite3.Database, now: Date): string {
  const origin = originId(raw);
  const last = getMeta(raw, 'hlc_last');
  const wallNow = now.getTime();
  let wall = wallNow;
  let counter = 0;
  if (last) {
    const p = parseHlc(last);
    if (p.wall >= wallNow) {
      wall = p.wall;
      counter = p.counter + 1;
    }
  }
  const stamp = formatHlc(wall, counter, origin);
  setMeta(raw, 'hlc_last', stamp);
  return stamp;
}

/** A new origin for this database; the clock is moved past everything exported before. */
export function rotateOrigin(raw: BetterSqlite3.Database, atLeastHlc?: string): string {
  const origin = randomUUID();
  setMeta(raw, 'origin_id', origin);
  const last = getMeta(raw, 'hlc_last');
  const floor = [last, atLeastHlc].filter((s): s is string => !!s).map(parseHlc).sort((a, b) => b.wall - a.wall || b.counter - a.counter)[0];
  if (floor) setMeta(raw, 'hlc_last', `${String(floor.wall).padStart(15, '0')}:${String(floor.counter + 1).padStart(6, '0')}:${origin}`);
  return origin;
}
