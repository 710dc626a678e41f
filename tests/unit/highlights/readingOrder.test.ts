import { describe, expect, it } from 'vitest';
import { byReadingOrder } from '../../../utils/highlights/readingOrder';

const h = (id: string, start: number, end: number, createdAt: number) => ({ id, position: { start, end }, createdAt });

describe('byReadingOrder', () => {
  it('orders by start, then end, then creation time, then id', () => {
    const rows = [h('e', 9, 12, 1), h('d', 5, 8, 2), h('c', 5, 8, 1), h('b', 5, 7, 3), h('a2', 0, 4, 1), h('a1', 0, 4, 1)];
    expect([...rows].sort(byReadingOrder).map((r) => r.id)).toEqual(['a1', 'a2', 'b', 'c', 'd', 'e']);
  });

  it('gives the same order whatever order the rows come in', () => {
    const rows = [h('x', 3, 6, 5), h('y', 3, 6, 5), h('z', 1, 2, 9)];
    expect([...rows].reverse().sort(byReadingOrder)).toEqual([...rows].sort(byReadingOrder));
  });
});
