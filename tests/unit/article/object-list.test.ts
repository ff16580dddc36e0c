import { describe, expect, it } from 'vitest';
import { mapped, objectList } from '../../../core/article/object-list';

describe('objectList', () => {
  it('is a new empty array each time, that holds what is pushed', () => {
    const a = objectList<{ n: number }>();
    const b = objectList<{ n: number }>();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    a.push({ n: 1 });
    expect(a).toEqual([{ n: 1 }]);
    expect(b).toEqual([]);
  });
});

describe('mapped', () => {
  it('is what Array.prototype.map returns, in order, each item once', () => {
    const items = ['Ann', '', 'Bell', 'Ann'];
    const seen: string[] = [];
    const out = mapped(items, (w) => { seen.push(w); return w.length; });
    expect(out).toEqual(items.map((w) => w.length));
    expect(seen).toEqual(items);
    expect(mapped([], (w: string) => w)).toEqual([]);
  });
});
