// Two Unicode scans run over every paragraph are made fast by a plain pre-scan that stops only where the Unicode
// pattern may match: the narration scan's capitalised words (MAY_START_CAPITAL) and the sentence splitter's test for
// a possible sentence end (MAY_BE_TERMINATOR). These check the premise (every character the Unicode class holds
// starts at a code unit the pre-scan stops at) and that the two-step scans find exactly what the Unicode pattern
// alone finds. The plain character tests that stand in for /\s/ (word counts) and /[\p{L}\p{N}]/u (around quote marks)
// are checked against the patterns for every code unit.
import { describe, expect, it } from 'vitest';
import { CAPITALISED, MAY_START_CAPITAL, nextCapitalised } from '../../../core/article/parse';
import { MAY_BE_TERMINATOR, MAY_END_SENTENCE, mayEndSentence } from '../../../core/article/sentences';
import { wordCount } from '../../../core/article/spaces';
import { isWordChar } from '../../../core/article/quote-spans';

/** Seeded, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const single = new RegExp(MAY_START_CAPITAL.source);
const matches = (text: string, scan: (from: number) => RegExpExecArray | null) => {
  const out: [number, string][] = [];
  for (let m = scan(0); m; m = scan(m.index + m[0].length)) out.push([m.index, m[0]]);
  return out;
};
const unicodeScan = (text: string) => matches(text, (from) => {
  CAPITALISED.lastIndex = from;
  return CAPITALISED.exec(text);
});
const twoStepScan = (text: string) => matches(text, (from) => nextCapitalised(text, from));

describe('capitalised words in narration', () => {
  it('pre-scans every code unit a capital letter can start at', () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (/^\p{Lu}$/u.test(ch) && !single.test(ch[0]!)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('finds the same words as the Unicode pattern alone', () => {
    const examples = [
      'Mr. Ada Marsh met McDonald and O’Brien in Zürich; “Hello,” said Élodie.',
      'The U.S. Sen. Jo-Ann Pike’s aide, ÇAĞLA, and 𝐁old 𝐂apitals — ＦＵＬＬ width — Ωmega.',
      "l'Hôpital, d’Artagnan, x-Ray, 'Quoted' and ‘Curly’ … ends with A",
    ];
    for (const text of examples) expect(twoStepScan(text), text).toEqual(unicodeScan(text));
  });

  it('finds the same words in random text of letters, marks, quotes, surrogates and punctuation', () => {
    const pieces = [...'aZ éÉ ñÑ ßẞ ΩωЖж .-\'’‘“”—–…\u0301\u00a0\t\n', '𝐁', '𝐛', '\ud835', '\udc01', 'Mc', 'Dr.', ' '];
    const next = random(11);
    for (let n = 0; n < 500; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(twoStepScan(text), JSON.stringify(text)).toEqual(unicodeScan(text));
    }
  });
});

describe('possible sentence ends in a paragraph', () => {
  const single = new RegExp(MAY_BE_TERMINATOR.source);
  const ending = new RegExp(MAY_END_SENTENCE.source.replace('(?!$)', ''), 'u');
  it('pre-scans every code unit a terminator or separator can start at', () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (ending.test(ch) && !single.test(ch[0]!)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('answers as the Unicode pattern alone on random text of letters, terminators, quotes and surrogates', () => {
    const pieces = [...'aZ é . ! ? … 。 ؟ । ’“” \n\r\u0085\u2028\u2029\u00a0\t', '𑁇', '𝐛', '\ud805', '\udc47', ' '];
    const next = random(13);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(mayEndSentence(text), JSON.stringify(text)).toBe(MAY_END_SENTENCE.test(text));
    }
  });
});

// wordCount counts runs of non-space characters without splitting the text into them: it must read every code unit as
// /\s/ does.
describe('word counts', () => {
  const bySplitting = (s: string) => s.split(/\s+/).filter(Boolean).length;
  it('reads every code unit as /\\s/ does, alone, inside a word and in runs', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}${ch}a`, ` a ${ch} b `]) if (wordCount(s) !== bySplitting(s)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
  it('counts words of real text', () => {
    expect(wordCount('  "We lost,"\tsaid\u00a0Ann  Bell.\n')).toBe(5);
    expect(wordCount('')).toBe(0);
    expect(wordCount(' \u3000 ')).toBe(0);
  });
});

// The quote finder asks of the characters around each mark whether they are letters or digits, answering ASCII without
// the Unicode pattern: the answer must be the pattern's for every code unit.
describe('letters and digits around quote marks', () => {
  it('answers as /[\\p{L}\\p{N}]/u for every code unit', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isWordChar(ch) !== /[\p{L}\p{N}]/u.test(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isWordChar(undefined)).toBe(false);
  });
});
