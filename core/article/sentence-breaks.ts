/**
 * Sentence boundaries by the rules of Unicode's UAX #29 (the rules ICU, and so Intl.Segmenter,
 * applies for English), written as a scan for sentence terminals: V8's Intl.Segmenter costs
 * about 0.1 ms per KB, most of a 1 MB parse. Tested against Intl.Segmenter on the fixture and
 * corpus articles and on random text (tests/unit/article/sentence-breaks.test.ts).
 *
 * A break can only follow a terminal (. ! ? and the like) or a paragraph separator, so only
 * those places are looked at; the rule numbers are UAX #29's.
 */

const ATERM = /[.\u2024\uFE52\uFF0E]/u;
const STERM = /\p{Sentence_Terminal}/u;
/** Where a break may follow: any terminal, or a paragraph separator (SB4). */
const CANDIDATE = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/gu;
const PARA_SEP = /[\n\r\u0085\u2028\u2029]/u;
const SP = /[\t\v\f \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Quotation_Mark}]/u;
const SCONTINUE = /[,\-:;\u037E\u055D\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF64]/u;
const LOWER = /\p{Lowercase}/u;
const UPPER = /[\p{Uppercase}\p{Lt}]/u;
const LETTER = /\p{Alphabetic}/u;
const NUMERIC = /\p{Nd}/u;
/** Extend and Format characters belong to the character before them (SB5). */
const IGNORED = /[\p{Grapheme_Extend}\p{Mc}\p{Cf}\u200D]/u;

const enum K { ATerm, STerm, Close, Sp, Sep, Lower, Upper, OLetter, Numeric, SContinue, Other, Ignored }

function classify(c: string): K {
  if (IGNORED.test(c)) return K.Ignored;
  if (ATERM.test(c)) return K.ATerm;
  if (STERM.test(c)) return K.STerm;
  if (PARA_SEP.test(c)) return K.Sep;
  if (SP.test(c)) return K.Sp;
  if (LOWER.test(c)) return K.Lower;
  if (UPPER.test(c)) return K.Upper;
  if (LETTER.test(c)) return K.OLetter;
  if (NUMERIC.test(c)) return K.Numeric;
  if (SCONTINUE.test(c)) return K.SContinue;
  if (CLOSE.test(c)) return K.Close;
  return K.Other;
}

/** Classes of ASCII characters, looked up; other code points classified once and remembered. */
const ASCII: K[] = Array.from({ length: 128 }, (_, i) => classify(String.fromCharCode(i)));
const seen = new Map<number, K>();
function kindOfCode(cp: number): K {
  if (cp < 128) return ASCII[cp]!;
  let k = seen.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    if (seen.size < 10_000) seen.set(cp, k);
  }
  return k;
}

/** Index after the character at i and any Extend/Format characters after it (SB5). */
function after(text: string, i: number): number {
  let next = i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
  while (next < text.length) {
    const cp = text.codePointAt(next)!;
    if (cp < 128 || kindOfCode(cp) !== K.Ignored) break;
    next += cp > 0xffff ? 2 : 1;
  }
  return next;
}
const kindAt = (text: string, i: number): K => kindOfCode(text.codePointAt(i)!);

/** The class of the character before index i, skipping Extend/Format characters (SB5). */
function kindBefore(text: string, i: number): K | null {
  let j = i;
  while (j > 0) {
    const low = text.charCodeAt(j - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && j >= 2 ? j - 2 : j - 1;
    const k = kindAt(text, start);
    if (k !== K.Ignored) return k;
    j = start;
  }
  return null;
}

/** Ends of the sentences of `text` (UTF-16 offsets, the last one text.length), as Intl.Segmenter('en', {granularity: 'sentence'}) finds them. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = m.index;
    const kind = kindAt(text, at);
    if (kind === K.Sep) {
      // SB3: CR × LF; SB4: break after any other paragraph separator.
      // (Extend and Format characters after it start the next sentence: SB5 leaves separators alone.)
      const end = text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
      if (end < text.length) ends.push(end);
      CANDIDATE.lastIndex = end;
      continue;
    }
    let i = after(text, at);
    if (kind === K.ATerm && i < text.length) {
      const next = kindAt(text, i);
      // SB6: "3.5"; SB7: "U.S" (a letter, the dot, a capital).
      if (next === K.Numeric) continue;
      if (next === K.Upper) {
        const before = kindBefore(text, at);
        if (before === K.Upper || before === K.Lower) continue;
      }
    }
    // SB9, SB10: closing marks, then spaces, stay with the sentence.
    while (i < text.length && kindAt(text, i) === K.Close) i = after(text, i);
    while (i < text.length && kindAt(text, i) === K.Sp) i = after(text, i);
    CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, i);
    if (i >= text.length) break;
    const nextKind = kindAt(text, i);
    // SB8: after a full stop, no break if a lower-case letter comes before any other letter or terminal ("p.m. on", "etc. (and").
    if (kind === K.ATerm) {
      let j = i;
      let k = nextKind;
      while (k !== K.OLetter && k !== K.Upper && k !== K.Lower && k !== K.Sep && k !== K.ATerm && k !== K.STerm) {
        j = after(text, j);
        if (j >= text.length) break;
        k = kindAt(text, j);
      }
      if (k === K.Lower && j < text.length) continue;
    }
    // SB8a: a comma, colon or another terminal goes on with the sentence.
    if (nextKind === K.SContinue || nextKind === K.ATerm || nextKind === K.STerm) {
      CANDIDATE.lastIndex = i;
      continue;
    }
    // SB11: break after the terminal, its closing marks and spaces, and one paragraph separator.
    let end = i;
    if (nextKind === K.Sep) end = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
    if (end < text.length) ends.push(end);
    CANDIDATE.lastIndex = end;
  }
  ends.push(text.length);
  return ends;
}
