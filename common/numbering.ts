import { compareNatural } from './sort.js';

/** «2.10» after «2.9», an unnumbered activity last: rows compared by «№» naturally (common/sort.ts). */
export function byNumber(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return compareNatural(a.number, b.number);
}
