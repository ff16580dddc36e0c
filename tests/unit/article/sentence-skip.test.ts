// splitSentences hands a paragraph to Intl.Segmenter only when it can hold a sentence end before its
// last character. These check that premise against the segmenter itself: text without a terminator or
// a separator inside is one segment, and splitting gives what segmenting would.
import { describe, expect, it } from 'vitest';
import { SEGMENT_CHUNK, holdsOneSentence, segmentSentences, splitSentences, splitSentencesOfEach } from '../../../core/article/sentences';

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

// A paragraph whose only terminators are full stops that end no sentence there is one sentence without
// segmenting (holdsOneSentence). Each rule, then random text made of what the rules accept and what they
// must refuse: whenever holdsOneSentence says one sentence, the segmenter either agrees or ends its segments
// only after a title or an initial, which splitSentences joins to the next.
describe('paragraphs whose full stops end no sentence', () => {
  const joinedAfterTitle = (segment: string) => /(?:^|[\s("“‘'])(?:[A-Z]|Mr|Mrs|Ms|Messrs|Dr|Prof|Rev|Fr|St|Mt|Ft|Gen|Col|Lt|Capt|Cmdr|Sgt|Cpl|Maj|Adm|Gov|Sen|Rep|Supt|Insp|Det|Pres|Hon)\. +$/i.test(segment);
  const provedOne = (text: string) => {
    const segments = [...segmenter.segment(text)].map((s) => s.segment);
    return segments.slice(0, -1).every(joinedAfterTitle);
  };

  // Each rule with its own sentences: one sentence, and the segmenter's own segments say so (joined after a title).
  const rules: [string, string[]][] = [
    ['a full stop before a lower-case letter or a digit (SB6, SB8)', ['It rose 3.5 percent.', 'See example.com for more.', 'Use e.g this one.']],
    ['a full stop between letters before a capital (SB7)', ['The U.S.A team won.', 'At 7 p.M it ended.']],
    ['a full stop, spaces, then a lower-case word (SB8)', ['U.S. officials said so.', 'It ended at 7 p.m. on Friday.', 'Wait.  then go']],
    ["a title's or an initial's dot before a word: joined again after the segmenter", ['Dr. Bell said so.', 'Sen. Ada Marsh and J. R. Smith met (Gov. Hale).', 'He met “Capt. Ortiz” there.']],
    ['the last terminator, with only closing marks after it', ['He said: “It is over.”', 'It was planned (as ever.)', "'Go!'"]],
  ];
  for (const [rule, texts] of rules) {
    it(rule, () => {
      for (const text of texts) {
        expect(holdsOneSentence(text), text).toBe(true);
        expect(provedOne(text), text).toBe(true);
        expect(split(text)).toEqual([text]);
      }
    });
  }
  it('refuses every other stop, which may end a sentence', () => {
    for (const text of ['It rained. Then it stopped.', 'Jr. Smith came.', 'Inc. Bell came.', 'He won 3.Next came', 'Really?! Yes',
      'Stop.) Then', 'Stop. ”Then', 'One\nTwo', 'Mr.\tBell', 'xDr. Bell', 'Mr. ', 'It ended. 5 more came.', 'Go! now']) {
      expect(holdsOneSentence(text), JSON.stringify(text)).toBe(false);
    }
  });
  it('is never wrong on random text of stops, titles, initials, quotes and spaces', () => {
    const pieces = ['a', 'b', 'Z', 'U', 'é', '3', ' ', ' ', '  ', '.', '.', '!', '?', '"', '”', '’', "'", ')', '(', '\n', '\t', '\u00a0', 'Dr', 'Jr', 'Inc', 'p.m.', 'J', 'dr', '…', '。'];
    const next = random(23);
    let one = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      if (!holdsOneSentence(text)) continue;
      one++;
      expect(provedOne(text), JSON.stringify(text)).toBe(true);
      expect(split(text), JSON.stringify(text)).toEqual(text.trim() ? [text.trim()] : []);
    }
    // The random texts do reach the rules (not only text with no stop at all).
    expect(one).toBeGreaterThan(100);
  });
  it('leaves a text longer than one segmenter chunk to the chunked path', () => {
    expect(holdsOneSentence(`${'word '.repeat(900)}U.S. officials said so.`)).toBe(false);
  });
});

// splitSentencesOfEach cuts paragraphs at their plain sentence ends ("rained. Then") without the segmenter, and gives
// it the rest of many paragraphs at once, joined by line feeds. Neither may change a sentence: each paragraph is split
// as the segmenter splits it alone (segmentSentences: every segment, no shortcut).
describe('paragraphs cut at plain sentence ends and segmented together', () => {
  const pieces = ['a', 'b', 'Z', 'U', 'é', '3', ' ', ' ', '  ', '.', '.', '!', '?', '"', '”', '’', "'", ')', '(', '“', '‘', '\n', '\r', '\u2029', '\u0085', '\t', '\u00a0',
    'Dr', 'Mr', 'Mrs', 'Jr', 'Inc', 'p.m.', 'J', '…', '。', 'It rained', 'Then', ' said', 'U.S.', 'ا中', 'ran. The', 'won." Then', 'end.) (Next', 'no. he', 'Ω', 'ǅ',
    // Characters UAX #29 reads as part of the one before (format, combining marks), U+FEFF, and runs of line breaks.
    '\u200e', '\u00ad', '\u0301', '\u200b', '\u200d', '\ufeff', 'Gov. ', 'Sen.\n', '\n\n', '\r\n\r\n', ' \n  ', 'ran.\n\n'];
  it('splits each paragraph as the segmenter does alone, in chunks of many paragraphs', () => {
    const next = random(41);
    let cutPlain = 0;
    for (let round = 0; round < 20; round++) {
      const texts: string[] = [];
      for (let n = 0; n < 200; n++) {
        // Mostly short paragraphs, some of hundreds of characters (so chunks fill up), a few empty.
        const length = next() < 0.1 ? 100 + Math.floor(next() * 400) : Math.floor(next() * 25);
        let text = '';
        for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
        if (/\p{Ll}{2}[.!?]["”’')\]]*\s+["“‘(]?\p{Lu}/u.test(text)) cutPlain++;
        texts.push(text);
      }
      // ...and one longer than a chunk, which is cut on its own.
      texts.splice(100, 0, 'One more. '.repeat(SEGMENT_CHUNK / 8));
      const together = splitSentencesOfEach(texts);
      texts.forEach((text, i) => {
        if (text.length <= SEGMENT_CHUNK) expect(together[i], JSON.stringify(text)).toEqual(segmentSentences(text));
      });
    }
    // The random paragraphs do reach the plain cut.
    expect(cutPlain).toBeGreaterThan(200);
  });
  it('gives what the segmenter gives where a plain end meets line breaks, U+FEFF or a character that clings to a space', () => {
    // (Each of these once came out otherwise: a title's space before a format character taken as one sentence, a run of
    // line breaks or U+FEFF taken as the spaces of a plain end, the joining line feed taken as a segment of its own.)
    const texts = ['It rained. Gov. \u200eBell came.', 'Gov. \u0301Bell came.', 'Sen.\n\nA', 'I saw Mrs. \n   Smith.', 'Sen.\r\n\r\nSmith.', 'ab.\ufeffA', 'ab.\ufeff"A', '!Sen.\nA\n '];
    for (const text of texts) expect(splitSentences(text), JSON.stringify(text)).toEqual(segmentSentences(text));
    const pair = ['Hi! Sen.\nBell came.', 'Hi! Yo.'];
    expect(splitSentencesOfEach(pair)[0]).toEqual(segmentSentences(pair[0]!));
  });
  it('keeps a paragraph that ends on a title or a carriage return apart from the next', () => {
    const texts = ['He met Dr.', 'Bell later.', 'Line one.\r', '\nStarts on a line feed. Then more.', 'Sen.', 'Ada Marsh said so. Then left.', 'Mrs. Bell came. She sat.'];
    expect(splitSentencesOfEach(texts).map((ranges, i) => ranges.map((r) => texts[i]!.slice(r.start, r.end)))).toEqual([
      ['He met Dr.'], ['Bell later.'], ['Line one.'], ['Starts on a line feed.', 'Then more.'], ['Sen.'], ['Ada Marsh said so.', 'Then left.'], ['Mrs. Bell came.', 'She sat.'],
    ]);
  });
});
