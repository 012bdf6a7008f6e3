/**
 * Record ids that are derived, not random, so the same fact has the same id on every machine — and so the
 * import can check that a sender did not claim an id that belongs to someone else.
 */
import { createHash } from 'node:crypto';
import type { DerivedId } from '../../../db/registry/index.js';

/** A school's completion mark on one municipal activity. */
export function markId(schoolId: string, activityId: string): string {
  return derivedUuid('opora-mark', [schoolId, activityId]);
}

/** A version-5-shaped UUID hashed from a prefix and parts: the same on every machine. */
export function derivedUuid(prefix: string, parts: string[]): string {
  const h = createHash('sha256').update([prefix, ...parts].join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The id a row of a table with a derived id must have (see DerivedId in the registry), or null if it is free. */
export function expectedId(derived: DerivedId | undefined, owner: string, value: (column: string) => unknown): string | null {
  if (!derived) return null;
  if (derived === 'owner') return owner;
  return derivedUuid(derived.prefix, [owner, ...derived.columns.map((c) => String(value(c)))]);
}
