/** How the import screen groups the chosen files into calls (renderer/src/features/exchange/files.ts). */
import { describe, it, expect } from 'vitest';
import { importGroups } from '../../renderer/src/features/exchange/files';

const MB = 1024 * 1024;
const f = (name: string, mb: number) => ({ name, size: mb * MB });
const names = (gs: { name: string }[][]) => gs.map((g) => g.map((x) => x.name));

describe('import screen groups', () => {
  it('keeps the order, at most the given number of files per call', () => {
    const files = Array.from({ length: 19 }, (_, i) => f(`${i + 1}`, 1));
    const gs = importGroups(files, 8, 160 * MB);
    expect(gs.map((g) => g.length)).toEqual([8, 8, 3]);
    expect(gs.flat().map((x) => x.name)).toEqual(files.map((x) => x.name));
  });

  it('no group is larger than one largest file together; a file over it goes alone, so only it is refused', () => {
    const gs = importGroups([f('a', 100), f('b', 50), f('c', 20), f('огромный', 300), f('d', 1)], 8, 160 * MB);
    expect(names(gs)).toEqual([['a', 'b'], ['c'], ['огромный'], ['d']]);
    expect(importGroups([], 8, 160 * MB)).toEqual([]);
  });
});
