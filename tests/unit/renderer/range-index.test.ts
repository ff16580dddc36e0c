// The lookups that let a huge paragraph render a piece at a time (renderer/view/range-index.ts)
// must answer exactly what the plain scans they replace answered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLongParagraph } from '../../../bench/gen';
import { parseArticle } from '../../../core/article/parse';
import type { TextRange } from '../../../core/contract';
import { overlapping, rangeCursor, sentenceChunks, sentencesOf } from '../../../renderer/view/range-index';

const ranges = fc.array(
  fc.tuple(fc.nat(200), fc.nat(40)).map(([start, length]): TextRange => ({ start, end: start + length })),
  { maxLength: 60 },
);

describe('range index', () => {
  it('overlapping finds the ranges a plain filter finds, in list order (nested, touching and empty ranges included)', () => {
    fc.assert(
      fc.property(ranges, fc.nat(240), fc.nat(60), (list, start, length) => {
        const end = start + length;
        const expected = list.filter((r) => r.start < end && r.end > start);
        expect(overlapping(list, start, end)).toEqual(expected);
      }),
    );
  });

  it('rangeCursor answers as list.find does, for rising positions and after a restart', () => {
    fc.assert(
      fc.property(ranges, fc.array(fc.nat(240), { maxLength: 40 }), (list, raw) => {
        const positions = [...raw].sort((a, b) => a - b);
        const at = rangeCursor(list);
        for (const pos of [...positions, ...positions]) {
          expect(at(pos)).toBe(list.find((r) => r.start <= pos && pos < r.end));
        }
      }),
    );
  });

  it('a long paragraph is cut into chunks at sentence starts that cover it exactly', () => {
    const model = parseArticle(generateLongParagraph(120_000, 3));
    const block = model.blocks.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const sentences = sentencesOf(model, block);
    expect(sentences.length).toBeGreaterThan(400);
    const chunks = sentenceChunks(model, block, block.start, block.end);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]![0]).toBe(block.start);
    expect(chunks.at(-1)![1]).toBe(block.end);
    const starts = new Set(sentences.map((s) => s.start));
    for (const [k, [a, b]] of chunks.entries()) {
      expect(a).toBeLessThan(b);
      if (k > 0) {
        expect(a).toBe(chunks[k - 1]![1]);
        expect(starts.has(a)).toBe(true);
      }
    }
  });
});
