/**
 * The order files start in. Vitest starts the largest files first when it has no timings (a clean clone, CI), but
 * the longest files here are small: a browser walk is a short list of steps over shared helpers. Started last, two
 * of them ran alone for the last minute of the run. So the files known to take long start first — the browser
 * walks and the slow unit files (SLOW, the list `npm run test:unit` leaves out) — and the many short ones fill in.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { SLOW } from './slow-files.mjs';

const slowUnit = new Set(SLOW.map((f) => `tests/unit/${f}.test.ts`));
const rank = (f: TestSpecification) => {
  const path = f.moduleId.replace(/\\/g, '/');
  if ([...slowUnit].some((s) => path.endsWith(s))) return 0;
  return path.includes('/tests/e2e/') ? 1 : 2;
};

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    return base.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}
