import type { TextRange } from '../contract';

/**
 * Abbreviations after which Intl.Segmenter wrongly ends a sentence ("Mr." "Prof." "Sen.").
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

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function continuesAfterAbbreviation(segment: string, next: string): boolean {
  const m = /(?:^|[\s("“‘'])([A-Za-z]{1,5})\.\s*$/.exec(segment);
  if (!m?.[1] || /^\s*$/.test(next)) return false;
  const word = m[1].toLowerCase();
  if ((TITLES.has(word) && word !== 'jr' && word !== 'sr') || (m[1].length === 1 && /[A-Z]/.test(m[1]))) return true;
  return OTHER_ABBREVIATIONS.has(word) && /^\s*[a-z0-9]/.test(next);
}

/** Window for Intl.Segmenter: V8's segmenter slows down superlinearly on long strings (200 KB: 10 s; in windows: 40 ms). */
const WINDOW = 4000;

/** Segments of `text` from windows cut after sentence-ending punctuation, so no window splits a sentence in practice. */
function* segments(text: string): Generator<{ segment: string; index: number }> {
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
    for (const { segment, index } of segmenter.segment(text.slice(from, to))) yield { segment, index: from + index };
    from = to;
  }
}

/** Sentence ranges within `text` (offsets relative to it), trimmed of surrounding space. */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let pending: TextRange | null = null;
  for (const { segment, index } of segments(text)) {
    const start = index;
    const end = index + segment.length;
    if (pending) pending.end = end;
    else pending = { start, end };
    if (continuesAfterAbbreviation(segment, text.slice(end, end + 3))) continue;
    ranges.push(pending);
    pending = null;
  }
  if (pending) ranges.push(pending);
  const out: TextRange[] = [];
  for (const r of ranges) {
    let { start, end } = r;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
