import { describe, it, expect } from 'vitest';
import { count } from '../../common/format.js';

const SCHOOLS = ['школа', 'школы', 'школ'] as const;

describe('count: the figure as Russian writes it, without a formatter per call', () => {
  it('reads as toLocaleString(ru-RU) did, small and grouped, whole and not', () => {
    for (const n of [0, 1, 2, 5, 11, 21, 999, -7, 1000, 1001, 12345, 1_234_567, -4321, 2.5, 1234.5]) {
      expect(count(n, SCHOOLS), String(n)).toBe(`${n.toLocaleString('ru-RU')} ${count(n, SCHOOLS).split(' ').pop()}`);
    }
    expect(count(25, SCHOOLS)).toBe('25 школ');
    expect(count(1000, SCHOOLS)).toBe('1\u00a0000 школ');
    expect(count(22, SCHOOLS)).toBe('22 школы');
  });
});
