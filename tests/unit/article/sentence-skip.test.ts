// splitSentences hands a paragraph to Intl.Segmenter only when it can hold a sentence end before its
// last character. These check that premise against the segmenter itself: text without a terminator or
// a separator inside is one segment, and splitting gives what segmenting would.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../core/article/sentences';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** What the segmenter alone makes of a text: its segments, trimmed, empty ones dropped. */
const segmented = (text: string) => [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
const split = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end));

/** Seeded, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('paragraphs that need no segmenting', () => {
  // Everything news text holds between sentence ends: letters (also accented and non-Latin), digits, marks,
  // quotes, brackets, dashes and odd spaces.
  const inner = [...'abcXYZ é ñ 19 ,;:\'"“”‘’()[]-–—/&%$#@*+=_\t\u00a0\u3000ا中ß…'];
  const ends = ['', '.', '!', '?', '."', '?”', '…', '。', '!)'];
  it('is one segment, and one sentence, when no terminator or separator comes before the end', () => {
    const next = random(7);
    for (let n = 0; n < 400; n++) {
      const length = 1 + Math.floor(next() * 120);
      let text = '';
      for (let i = 0; i < length; i++) text += inner[Math.floor(next() * inner.length)];
      text += ends[Math.floor(next() * ends.length)];
      expect(split(text), JSON.stringify(text)).toEqual(segmented(text));
    }
  });

  it('still segments a paragraph with a sentence end inside, whatever the terminator', () => {
    for (const text of ['One. Two', 'One! Two', 'One? Two', 'One。Two', 'One‼ Two', 'One\nTwo', 'One\u2029Two', 'Wait… Then']) {
      expect(split(text), JSON.stringify(text)).toEqual(segmented(text));
    }
    expect(split('It rained. Then it stopped.')).toEqual(['It rained.', 'Then it stopped.']);
    expect(split('Dr. Bell said so.')).toEqual(['Dr. Bell said so.']);
  });
});
