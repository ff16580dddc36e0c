// The sentence rules of core/article/sentence-breaks.ts against the ICU implementation they replace.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceEnds } from '../../../core/article/sentence-breaks';
import { splitSentences } from '../../../core/article/sentences';

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuEnds = (text: string) => {
  const ends = [...icu.segment(text)].map((s) => s.index + s.segment.length);
  return ends.length ? ends : [0];
};

/** One character of each class the rules tell apart, and the ones news text is made of. */
const CLASSES = [
  'a', 'b', 'z', 'A', 'B', 'é', 'É', 'ʰ', 'א', '1', '9', '.', '!', '?', '…', '‼', '。', '․', ' ', '\u00a0', '\t', '\n', '\r', '\u0085', '\u2029',
  '"', "'", '“', '”', '‘', '’', '«', '»', '(', ')', '[', ',', ';', ':', '-', '–', '—', '‐', '/', '&', '¿',
  '\u00ad', '\u0301', '\u0903', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '😀', '\u037e',
];

describe('sentence boundaries are those of Unicode UAX #29, as Intl.Segmenter finds them', () => {
  it.each([
    ['Mr. Smith arrived. He sat down.', [4, 19, 31]],
    ['It rose 3.5 per cent in the U.S. economy.', [41]],
    ['At 5 p.m. on Friday it ended.', [29]],
    ['"Go," she said. "Now!" And he went.', [16, 23, 35]],
    ['Why? Because. (See below.) Then', [5, 14, 27, 31]],
    ['Line one\nLine two', [9, 17]],
    ['He said: “Yes.” Then left.', [16, 26]],
    ['Wait... what?! Fine.', [15, 20]],
  ])('%s', (text, ends) => {
    expect(sentenceEnds(text)).toEqual(ends);
    expect(icuEnds(text)).toEqual(ends);
  });

  it('agree with Intl.Segmenter on random text over every character class', () => {
    const text = fc.array(fc.constantFrom(...CLASSES), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(sentenceEnds(t)).toEqual(icuEnds(t));
    }), { numRuns: 20_000 });
  });

  it('agree with Intl.Segmenter on every paragraph of the fixture articles', () => {
    const dirs = ['../../fixtures/articles/', '../../fixtures/articles-2/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
    let paragraphs = 0;
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f))) {
        for (const p of readFileSync(join(dir, file), 'utf8').split(/\n\s*\n/)) {
          expect(sentenceEnds(p), `${file}: ${p.slice(0, 60)}`).toEqual(icuEnds(p));
          paragraphs++;
        }
      }
    }
    expect(paragraphs).toBeGreaterThan(300);
  });

  it('abbreviated titles and initials end no sentence; a run of 4 KB with no end is cut at a space', () => {
    const text = 'Sen. J. Smith met Dr. Ahmad Tarakji. They spoke.';
    expect(splitSentences(text).map((r) => text.slice(r.start, r.end))).toEqual(['Sen. J. Smith met Dr. Ahmad Tarakji.', 'They spoke.']);
    const long = 'word '.repeat(2000).trim();
    const parts = splitSentences(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((r) => r.end - r.start <= 4000 && long[r.start] === 'w')).toBe(true);
  });
});
