import { describe, expect, it } from 'vitest';
import type { Utterance } from '../../../core/contract';
import { estimateWordTimings, toSourceTimings, wordRanges } from '../../../electron/speech/timings';
import { concatPcm, silence, tone } from '../../../electron/speech/wav';

const utt = (over: Partial<Utterance>): Utterance => ({
  index: 0, kind: 'narration', text: '', speakerId: null, voice: 'en-gb', block: 0, sentence: 0, quote: null, start: 0, end: 0, ...over,
});

describe('word timings', () => {
  it('finds words, keeping contractions, decimals and hyphenated words whole', () => {
    expect(wordRanges('“Don’t go,” she said: 3.5 km, X-ray. 😀').map((w) => w.text)).toEqual(['Don’t', 'go', 'she', 'said', '3.5', 'km', 'X-ray']);
  });

  it('matches phrases to the pauses in the audio', () => {
    // Two phrases of sound with a 300 ms pause between: "one two three, four five".
    const pcm = concatPcm([silence(100), tone(200, 200, 900), silence(300), tone(200, 200, 600), silence(100)]);
    const t = estimateWordTimings('one two three, four five', pcm);
    expect(t.map((w) => w.start)).toEqual([0, 4, 8, 15, 20]);
    expect(t[0]!.time).toBeCloseTo(0.1, 1);
    expect(t[3]!.time).toBeCloseTo(1.3, 1); // "four" starts after the pause
    for (let i = 1; i < t.length; i++) expect(t[i]!.time).toBeGreaterThan(t[i - 1]!.time);
  });

  it('moves ranges into the article; labels get none', () => {
    const article = 'Intro.\n\nShe said: “We are exhausted.”';
    const start = article.indexOf('We');
    const quote = utt({ kind: 'quote', text: 'We are exhausted.', start, end: start + 17 });
    const words = [{ start: 0, end: 2, time: 0 }, { start: 3, end: 6, time: 0.3 }, { start: 7, end: 16, time: 0.6 }];
    const mapped = toSourceTimings(words, quote, article);
    expect(mapped.map((w) => article.slice(w.start, w.end))).toEqual(['We', 'are', 'exhausted']);
    expect(mapped.map((w) => w.time)).toEqual([0, 0.3, 0.6]);
    expect(toSourceTimings(words, utt({ kind: 'label', text: 'Dr Tarakji:', start, end: start + 17 }), article)).toEqual([]);
  });

  it('aligns text that is not a verbatim slice (a quote joined across paragraphs)', () => {
    const article = '“We have no power.\n\n“And no water,” he said.';
    const text = 'We have no power. And no water,';
    const words = wordRanges(text).map((w, i) => ({ start: w.start, end: w.end, time: i / 2 }));
    const mapped = toSourceTimings(words, utt({ kind: 'quote', text, start: 1, end: article.indexOf('”') }), article);
    expect(mapped.map((w) => article.slice(w.start, w.end))).toEqual(['We', 'have', 'no', 'power', 'And', 'no', 'water']);
    expect(mapped.map((w) => w.time)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
  });
});
