/**
 * Record ids that are derived, not random, so the same fact has the same id on every machine — and so the
 * import can check that a sender did not claim an id that belongs to someone else.
 */
import { createHash } from 'node:crypto';

/** A school's completion mark on one municipal activity. */
export function markId(schoolId: string, activityId: string): string {
  const h = createHash('sha256').update(`opora-mark|${schoolId}|${activityId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
