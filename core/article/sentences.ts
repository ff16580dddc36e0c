import type { TextRange } from '../contract';
import { sentenceEnds } from './sentence-breaks';

/**
 * Abbreviations after which Unicode's sentence rules wrongly end a sentence ("Mr." "Prof." "Sen.").
 * ICU already keeps "U.S." and "p.m." inside a sentence; single initials ("J.") are handled below.
 */
const TITLES = new Set('mr mrs ms messrs dr prof rev fr st mt ft gen col lt capt cmdr sgt cpl maj adm gov sen rep supt insp det pres hon jr sr'.split(' '));
/** "Dr." "Sen." "Jr.": an abbreviated title (or name suffix) whose dot ends no sentence; the one list for the parser. */
export const isAbbreviatedTitle = (word: string) => /^[A-Za-z]{1,5}\.$/.test(word) && TITLES.has(word.slice(0, -1).toLowerCase());
/** Matches an abbreviated title with its dot, or a single capital initial ("J."), anywhere in a text. */
export const ABBREVIATION_DOT = new RegExp(`\\b(?:${[...TITLES].map((t) => t.charAt(0).toUpperCase() + t.slice(1)).join('|')}|[A-Z])\\.`, 'g');
/** These also end sentences ("... Apple Inc. The company ..."): join only when a lower-case word or a number follows. */
const OTHER_ABBREVIATIONS = new Set(
  ('sr jr no nos vol vs etc inc co corp ltd bros dept est approx fig al ave blvd rd ' +
    'jan feb mar apr aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun').split(' '),
);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Characters that may stand before an abbreviation: space, an opening bracket or quote. */
const BEFORE_ABBREVIATION = /[\s("“‘']/;

/** Whether the sentence [start, end) of `text` ends in an abbreviation ("Dr.", "J.", "Inc.") that the next words continue. */
function continuesAfterAbbreviation(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  if (e === start || text.charCodeAt(e - 1) !== 46) return false;
  let w = e - 1;
  while (w > start && e - 1 - w < 6 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  const length = e - 1 - w;
  if (length < 1 || length > 5 || (w > start && !BEFORE_ABBREVIATION.test(text[w - 1]!))) return false;
  const next = text.slice(end, end + 3);
  if (/^\s*$/.test(next)) return false;
  const word = text.slice(w, e - 1);
  const lower = word.toLowerCase();
  if ((TITLES.has(lower) && lower !== 'jr' && lower !== 'sr') || (length === 1 && /[A-Z]/.test(word))) return true;
  return OTHER_ABBREVIATIONS.has(lower) && /^\s*[a-z0-9]/.test(next);
}

/** Window for the sentence rules: a run of text with no sentence end is cut at a space after 4 KB (Intl.Segmenter, used before, slowed down superlinearly on long strings). */
const WINDOW = 4000;

/** Ends of the sentences of `text`, from windows cut after sentence-ending punctuation, so no window splits a sentence in practice. */
function segmentEnds(text: string): number[] {
  if (text.length <= WINDOW) return sentenceEnds(text);
  const out: number[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + WINDOW);
    if (to < text.length) {
      const window = text.slice(from, to);
      let cut = -1;
      // A plain sentence end: a lower-case word (not "p.m." or "Dr."), the mark, space, a capital.
      for (const m of window.matchAll(/\p{Ll}{2}[.!?]["”’')\]]*\s+(?=["“‘(]?\p{Lu})/gu)) cut = m.index + m[0].length;
      if (cut <= 0) cut = window.lastIndexOf(' ') + 1;
      if (cut > 0) to = from + cut;
    }
    for (const end of sentenceEnds(text.slice(from, to))) out.push(from + end);
    from = to;
  }
  return out;
}

/** Sentence ranges within `text` (offsets relative to it), trimmed of surrounding space. */
export function splitSentences(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start = 0;
  let from = 0;
  for (const end of segmentEnds(text)) {
    if (end <= from) continue;
    const segmentStart = from;
    from = end;
    if (continuesAfterAbbreviation(text, segmentStart, end)) continue;
    push(text, start, end, out);
    start = end;
  }
  if (start < text.length) push(text, start, text.length, out);
  return out;
}

function push(text: string, start: number, end: number, out: TextRange[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}
