// Word timings. espeak-ng's command line does not report word events, so times are estimated:
// words are weighted by length, pauses found in the audio are matched to punctuation, and
// each phrase's words share the speech between two pauses. Good enough to move a word
// highlight in step; marked `wordsEstimated` so nobody mistakes it for engine data.

import type { TextRange, Utterance, WordTiming } from '../../core/contract';
import type { Pcm } from './wav';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.,\-][\p{L}\p{N}\p{M}]+)*/gu;

export function wordRanges(text: string): (TextRange & { text: string })[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** Roughly how long a word takes to say, in letter units (numbers are read out long). */
function weight(word: string): number {
  let w = 1.5;
  for (const ch of word) w += /\p{N}/u.test(ch) ? 3.5 : 1;
  return w;
}

interface Span { start: number; end: number }

/** Where sound is: the first and last loud sample, and the silent gaps in between. */
function findSpeech(pcm: Pcm, minGapMs = 90): { speech: Span; gaps: Span[] } | null {
  const s = pcm.samples;
  const win = Math.max(1, Math.round(pcm.sampleRate * 0.01));
  const threshold = 400;
  const loud: boolean[] = [];
  for (let at = 0; at < s.length; at += win) {
    let peak = 0;
    for (let i = at; i < Math.min(s.length, at + win); i++) peak = Math.max(peak, Math.abs(s[i]!));
    loud.push(peak > threshold);
  }
  const first = loud.indexOf(true);
  if (first < 0) return null;
  const last = loud.lastIndexOf(true);
  const gaps: Span[] = [];
  const minWins = Math.round(minGapMs / 10);
  let run = -1;
  for (let i = first; i <= last; i++) {
    if (!loud[i] && run < 0) run = i;
    if (loud[i] && run >= 0) {
      if (i - run >= minWins) gaps.push({ start: run * 0.01, end: i * 0.01 });
      run = -1;
    }
  }
  return { speech: { start: first * 0.01, end: (last + 1) * 0.01 }, gaps };
}

/** Word timings for `text` as spoken in `pcm`; ranges index `text`. */
export function estimateWordTimings(text: string, pcm: Pcm): WordTiming[] {
  const words = wordRanges(text);
  if (!words.length) return [];
  const found = findSpeech(pcm);
  const total = pcm.samples.length / pcm.sampleRate;
  const speech = found?.speech ?? { start: 0, end: total };

  // Phrases end where the text has punctuation that engines pause on.
  const phrases: number[][] = [[]];
  words.forEach((w, i) => {
    phrases[phrases.length - 1]!.push(i);
    const next = words[i + 1];
    if (next && /[,.;:!?—–()"“”]/.test(text.slice(w.end, next.start))) phrases.push([]);
  });

  // Use the longest pauses in the audio as phrase boundaries when there are enough of them.
  let spans: Span[] = [speech];
  const gaps = found?.gaps ?? [];
  if (phrases.length > 1 && gaps.length >= phrases.length - 1) {
    const chosen = [...gaps].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, phrases.length - 1).sort((a, b) => a.start - b.start);
    spans = [];
    let from = speech.start;
    for (const g of chosen) { spans.push({ start: from, end: g.start }); from = g.end; }
    spans.push({ start: from, end: speech.end });
  } else {
    phrases.splice(0, phrases.length, words.map((_, i) => i));
  }

  const out: WordTiming[] = [];
  phrases.forEach((phrase, p) => {
    const span = spans[p]!;
    const weights = phrase.map((i) => weight(words[i]!.text));
    const sum = weights.reduce((a, b) => a + b, 0);
    let t = span.start;
    phrase.forEach((i, k) => {
      const w = words[i]!;
      out.push({ start: w.start, end: w.end, time: Math.round(t * 1000) / 1000 });
      t += ((span.end - span.start) * weights[k]!) / sum;
    });
  });
  return out;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/’/g, "'");

/**
 * Word timings relative to the utterance text -> ranges into the article text. Labels get
 * none: their range is the quote they introduce, not their own words. When the utterance
 * text is not a verbatim slice of the article (quote parts joined across paragraphs), words
 * are matched in order, and words with no counterpart get no highlight.
 */
export function toSourceTimings(
  words: readonly WordTiming[],
  utterance: Pick<Utterance, 'kind' | 'text' | 'start' | 'end'>,
  articleText: string,
): WordTiming[] {
  if (utterance.kind === 'label' || !words.length) return [];
  const source = articleText.slice(utterance.start, utterance.end);
  if (source === utterance.text) return words.map((w) => ({ start: w.start + utterance.start, end: w.end + utterance.start, time: w.time }));

  const targets = wordRanges(source);
  const out: WordTiming[] = [];
  let cursor = 0;
  for (const w of words) {
    const want = fold(utterance.text.slice(w.start, w.end));
    for (let j = cursor; j < Math.min(targets.length, cursor + 12); j++) {
      if (fold(targets[j]!.text) === want) {
        out.push({ start: targets[j]!.start + utterance.start, end: targets[j]!.end + utterance.start, time: w.time });
        cursor = j + 1;
        break;
      }
    }
  }
  return out;
}
