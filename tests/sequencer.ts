/**
 * The order files start in. Vitest starts the largest files first when it has no timings (a clean clone, CI), but
 * the longest files here are small: a browser walk is a short list of steps over shared helpers. Started last, the
 * two form walks ran alone for the last minute of CI's run. So the order does not depend on an earlier run: the
 * longest browser walks first, longest first (LONG_WALKS), then the slow unit files (SLOW, the list
 * `npm run test:unit` leaves out), then the other browser walks, and the many short files fill in.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { LONG_WALKS, SLOW } from './slow-files.mjs';

const walks = LONG_WALKS.map((f) => `tests/e2e/${f}.test.ts`);
const slowUnit = SLOW.map((f) => `tests/unit/${f}.test.ts`);
const rank = (f: TestSpecification) => {
  const path = f.moduleId.replace(/\\/g, '/');
  const walk = walks.findIndex((w) => path.endsWith(w));
  if (walk >= 0) return walk;
  if (slowUnit.some((s) => path.endsWith(s))) return walks.length;
  return path.includes('/tests/e2e/') ? walks.length + 1 : walks.length + 2;
};

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    return base.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}
