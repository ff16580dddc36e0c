import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import type { ArticleModel } from '../../../core/contract';

/** Text that looks like news: words, names, quote marks of every kind, punctuation, blank lines. */
const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom('said', 'told', 'He', 'She', 'Dr', 'Mr.', 'Smith', 'Jane', 'the', 'a', 'U.S.', 'Credit:', '•', 'By', '#', '>', '-', '**', '_'),
      fc.constantFrom('"', '“', '”', "'", '‘', '’', ',', '.', ':', '?', '!', '(', ')', '\n', '\n\n', ' ', '\r\n', '\t', '\u0000', '\\', '$(', '<script>'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(' '));

function checkRanges(m: ArticleModel): void {
  for (const b of m.blocks) expect(m.text.slice(b.start, b.end)).toBe(b.text);
  for (const s of m.sentences) {
    expect(m.text.slice(s.start, s.end)).toBe(s.text);
    const block = m.blocks[s.block]!;
    expect(s.start >= block.start && s.end <= block.end).toBe(true);
  }
  for (const q of m.quotes) {
    for (const p of q.parts) expect(p.start >= 0 && p.end <= m.text.length && p.end > p.start).toBe(true);
    if (q.speakerId !== null) expect(m.speakers.some((s) => s.id === q.speakerId)).toBe(true);
  }
}

describe('parser properties', () => {
  it('never throws on any string, and every range maps back to its text (plain text)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), newsish), (s) => checkRanges(parseArticle(s))), { numRuns: 400 });
  });

  it('never throws on any string, and every range maps back to its text (Markdown)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), newsish), (s) => checkRanges(parseArticle(s, { format: 'markdown' }))), { numRuns: 300 });
  });

  it('10,000 unbalanced quote marks do not swallow the article or blow up', () => {
    const text = 'Title\n\n' + '"'.repeat(10_000) + '\n\nShe said: "Hello there."';
    const m = parseArticle(text);
    checkRanges(m);
    expect(m.quotes.some((q) => q.text === 'Hello there.')).toBe(true);
  });

  it('deeply nested Markdown block quotes parse to a model', () => {
    const m = parseArticle('> '.repeat(2000) + 'deep "words" here', { format: 'markdown' });
    checkRanges(m);
  });
});

describe('sentences in long paragraphs', () => {
  it('segments a paragraph of any length exactly as it segments its sentences one by one', async () => {
    const { splitSentences } = await import('../../../core/article/sentences');
    const one = 'Dr. Smith said: "We are ready." The U.S. team left at 5 p.m. on Jan. 5. Was it worth it? Yes! ';
    const long = one.repeat(400); // 38 KB: many segmentation windows
    const ranges = splitSentences(long);
    expect(ranges.map((r) => long.slice(r.start, r.end))).toEqual(Array.from({ length: 400 }, () => splitSentences(one).map((r) => one.slice(r.start, r.end))).flat());
  });
});

describe('a giant paragraph is segmented in chunks cut at safe boundaries', () => {
  it('cuts after the last line break or plain sentence end, else after the last space, else at the limit', async () => {
    const { SEGMENT_CHUNK, chunkEnd } = await import('../../../core/article/sentences');
    const filler = (n: number) => 'x'.repeat(n);
    // A plain sentence end near the limit: the chunk ends after its spaces, at the next sentence.
    const ends = `${'The ferry was late again today. '.repeat(200)}`;
    const cut = chunkEnd(ends, 0);
    expect(cut).toBeLessThanOrEqual(SEGMENT_CHUNK);
    expect(ends.slice(cut - 7, cut + 4)).toBe('today. The ');
    // "Dr. Bell" and "5 p.m. Monday" are no plain sentence ends: the cut is before them, at "now. Then".
    const abbreviations = `${filler(3000)} now. Then ${'Dr. Bell met Mr. Pike at 5 p.m. Monday '.repeat(30)}`;
    expect(abbreviations.slice(chunkEnd(abbreviations, 0), chunkEnd(abbreviations, 0) + 4)).toBe('Then');
    // A line break wins over an earlier sentence end.
    const lines = `${filler(100)} end. Next ${filler(3500)}\nlast line ${filler(1000)}`;
    expect(lines.slice(chunkEnd(lines, 0), chunkEnd(lines, 0) + 9)).toBe('last line');
    // One long sentence: after the last space; no space at all: at the limit; the last chunk: the end.
    const words = 'word '.repeat(2000);
    expect(words[chunkEnd(words, 0) - 1]).toBe(' ');
    expect(chunkEnd(filler(9000), 0)).toBe(SEGMENT_CHUNK);
    expect(chunkEnd(filler(9000), 8000)).toBe(9000);
  });

  it('a paragraph of line-separated sentences longer than a chunk gives the same sentences as one line each', async () => {
    const { splitSentences } = await import('../../../core/article/sentences');
    const line = 'Sen. Ada Marsh said the U.S. plan "will fail." Was it worth it?';
    const text = Array.from({ length: 300 }, () => line).join('\n');
    expect(splitSentences(text).map((r) => text.slice(r.start, r.end))).toEqual(Array.from({ length: 300 }, () => splitSentences(line).map((r) => line.slice(r.start, r.end))).flat());
  });
});
