import type { TextRange } from '../contract';
import { isAsciiDigit, isAsciiLetter, isAsciiLower, isAsciiUpper } from './ascii';
import { objectList } from './object-list';
import { trimmedRange } from './spaces';

/**
 * Abbreviations after which Intl.Segmenter wrongly ends a sentence ("Mr." "Prof." "Sen.").
 * ICU already keeps "U.S." and "p.m." inside a sentence; single initials ("J.") are handled below.
 */
const TITLES = new Set('mr mrs ms messrs dr prof rev fr st mt ft gen col lt capt cmdr sgt cpl maj adm gov sen rep supt insp det pres hon jr sr'.split(' '));
/** "Dr." "Sen." "Jr.": an abbreviated title (or name suffix) whose dot ends no sentence; the one list for the parser. */
export const isAbbreviatedTitle = (word: string) => /^[A-Za-z]{1,5}\.$/.test(word) && TITLES.has(word.slice(0, -1).toLowerCase());
/** Matches an abbreviated title with its dot, or a single capital initial ("J."), anywhere in a text. */
export const ABBREVIATION_DOT = new RegExp(`\\b(?:${[...TITLES].map((t) => t.charAt(0).toUpperCase() + t.slice(1)).join('|')}|[A-Z])\\.`, 'g');
/** `text` with the dot of every abbreviated title or initial ("Dr.", "J.") made "_", so it ends no sentence; offsets are kept. */
export const maskAbbreviationDots = (text: string): string => text.replace(ABBREVIATION_DOT, (m) => `${m.slice(0, -1)}_`);
/** These also end sentences ("... Apple Inc. The company ..."): join only when a lower-case word or a number follows. */
const OTHER_ABBREVIATIONS = new Set(
  ('sr jr no nos vol vs etc inc co corp ltd bros dept est approx fig al ave blvd rd ' +
    'jan feb mar apr aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun').split(' '),
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Whether the segment `start`..`end` of `text` ends on an abbreviation whose dot ends no sentence there ("Dr." then a
 * name), so the segment goes on into the next one.
 */
function continuesAfterAbbreviation(text: string, start: number, end: number): boolean {
  // Only a segment whose last non-space character is a dot can end in an abbreviation.
  let last = end - 1;
  while (last >= start && SPACE.test(text[last]!)) last--;
  if (text[last] !== '.') return false;
  const abbreviation = abbreviationBefore(text, last, start);
  if (abbreviation === null) return false;
  const next = text.slice(end, end + 3);
  if (/^\s*$/.test(next)) return false;
  if (isTitleOrInitial(abbreviation)) return true;
  return OTHER_ABBREVIATIONS.has(abbreviation.toLowerCase()) && /^\s*[a-z0-9]/.test(next);
}

/** Characters that may stand before an abbreviation ("(Dr.", "“J."). */
const BEFORE_ABBREVIATION = /[\s("“‘']/;
/**
 * The letters of an abbreviation right before the full stop at `dot` ("Dr", "J", "Inc"): one to five ASCII
 * letters after a space, an opening mark or `floor` (the start of the text or of the segment read); else null.
 */
function abbreviationBefore(text: string, dot: number, floor = 0): string | null {
  let from = dot;
  while (from > floor && isAsciiLetter(text.charCodeAt(from - 1))) from--;
  if (from === dot || dot - from > 5 || (from > floor && !BEFORE_ABBREVIATION.test(text[from - 1]!))) return null;
  return text.slice(from, dot);
}
/** A title ("Dr", "Sen"; not the name suffixes Jr and Sr) or a capital initial ("J"), whose dot ends no sentence. */
function isTitleOrInitial(abbreviation: string): boolean {
  if (abbreviation.length === 1) return isAsciiUpper(abbreviation.charCodeAt(0));
  const word = abbreviation.toLowerCase();
  return TITLES.has(word) && word !== 'jr' && word !== 'sr';
}

/**
 * Longest text given to Intl.Segmenter at once. Each block (paragraph) is segmented once, in one call;
 * V8's segmenter is superlinear on long strings (1 MB in one string: 80 s; per paragraph: ~0.1 ms per KB),
 * so only a giant paragraph is cut, into consecutive chunks that never overlap.
 */
export const SEGMENT_CHUNK = 4000;
/**
 * A plain sentence end: a lower-case word (not "p.m." or "Dr."), the mark, closing quotes, spaces, then a capital (or an
 * opening mark and a capital). UAX #29 always breaks right after those spaces. (Spaces as it reads them: no line break,
 * which it breaks after at once, and no U+FEFF, which it reads as a format character, not a space.)
 */
const PLAIN_END = /\p{Ll}{2}[.!?]["”’')\]]*[^\S\n\r\u2028\u2029\uFEFF]+(?=["“‘(]?\p{Lu})/gu;

/**
 * Where to end the chunk of `text` that starts at `from`: after its last line break or plain sentence end
 * (both are sentence boundaries whatever follows), else after its last run of spaces (a sentence of
 * more than SEGMENT_CHUNK characters), else at the limit.
 */
export function chunkEnd(text: string, from: number): number {
  const to = from + SEGMENT_CHUNK;
  if (to >= text.length) return text.length;
  const window = text.slice(from, to);
  let cut = window.lastIndexOf('\n') + 1;
  PLAIN_END.lastIndex = Math.max(0, cut - 2);
  for (let m = PLAIN_END.exec(window); m; m = PLAIN_END.exec(window)) cut = m.index + m[0].length;
  if (cut <= 0) {
    cut = window.length;
    while (cut > 0 && !/\s/.test(window[cut - 1]!)) cut--;
  }
  return cut <= 0 ? to : from + cut;
}

/**
 * Where Unicode sentence breaking (UAX #29) may end a sentence: after a sentence terminator (STerm, or
 * ATerm: the full stop and its look-alikes) or a paragraph separator. Text with none of these before its
 * last character is one sentence whatever else it holds, so it needs no segmenting.
 */
export const MAY_END_SENTENCE = /[\p{Sentence_Terminal}.\u2024\uFE52\uFF0E\n\r\u0085\u2028\u2029](?!$)/u;
const SPACE = /\s/;
/**
 * Where MAY_END_SENTENCE may match: "!", ".", "?", a line break, U+0085, or a code unit from U+0589 on but CJK
 * ideographs, Hangul and the low half of a surrogate pair (every other terminator and separator is there; accented
 * Latin letters and the combining marks are not). A plain scan for these is several times faster than the Unicode
 * one, which then tests only the places found.
 */
export const MAY_BE_TERMINATOR = /[!.?\n\r\u0085\u0589-\u33FF\uA000-\uABFF\uD800-\uDBFF\uE000-\uFFFF]/g;
const MAY_END_SENTENCE_AT = new RegExp(MAY_END_SENTENCE.source, 'uy');
/** MAY_END_SENTENCE.test(text), faster. */
export function mayEndSentence(text: string): boolean {
  for (MAY_BE_TERMINATOR.lastIndex = 0; MAY_BE_TERMINATOR.test(text); ) {
    MAY_END_SENTENCE_AT.lastIndex = MAY_BE_TERMINATOR.lastIndex - 1;
    if (MAY_END_SENTENCE_AT.test(text)) return true;
  }
  return false;
}

// Full stops that provably end no sentence here. A paragraph whose every terminator is one of these is one
// sentence, and is not given to Intl.Segmenter (on real news nearly a third of the paragraphs it was given held
// only such stops: "U.S. officials", "3.5 percent", "Dr. Bell", 'he said."'). Each rule names the part of
// Unicode sentence breaking (UAX #29) that keeps the text together; tests/unit/article/sentence-skip.test.ts
// checks every rule against the segmenter itself.
/** "3.5", "e.g", "example.com": a full stop right before a lower-case letter or a digit (SB6, SB8). */
const stopBeforeLowerOrDigit = (text: string, i: number) => isAsciiLower(text.charCodeAt(i + 1)) || isAsciiDigit(text.charCodeAt(i + 1));
/** "U.S", "p.M": a full stop between two letters, the second a capital (SB7). */
const stopBetweenLetters = (text: string, i: number) => isAsciiUpper(text.charCodeAt(i + 1)) && isAsciiLetter(text.charCodeAt(i - 1));
/** Where the spaces after offset `i` end (U+0020 only). */
function afterSpaces(text: string, i: number): number {
  let j = i + 1;
  while (text.charCodeAt(j) === 0x20) j++;
  return j;
}
/** "U.S. officials", "7 p.m. on": a full stop, spaces, then a lower-case letter (SB8). */
const stopBeforeLowerWord = (text: string, i: number) => text.charCodeAt(i + 1) === 0x20 && isAsciiLower(text.charCodeAt(afterSpaces(text, i)));
/**
 * "Dr. Bell", "J. Smith": a title's or an initial's dot, spaces, then a word. The segmenter may end a sentence
 * there, but splitSentences joins it to the next (continuesAfterAbbreviation: the segment ends in the title
 * and a word follows).
 */
function titleStopBeforeWord(text: string, i: number): boolean {
  if (text.charCodeAt(i + 1) !== 0x20) return false;
  const next = text[afterSpaces(text, i)];
  // (A mark or format character there, "Gov. \u200eBell", joins the space before it, so the segment ends in no space and
  // is not joined again: the segmenter must see it.)
  if (next === undefined || SPACE.test(next) || CLINGS_TO_SPACE.test(next)) return false;
  const abbreviation = abbreviationBefore(text, i);
  return abbreviation !== null && isTitleOrInitial(abbreviation);
}
/** What UAX #29 reads as part of the character before it (Extend and Format, SB5), whatever that character is. */
const CLINGS_TO_SPACE = /^[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\p{Cf}]/u;
/** 'he said."', "(as planned.)": the last terminator, with only closing marks after it (the sentence ends with the text). */
const LAST_TERMINATOR = /[.!?]["”’')\]]*$/y;
const endsText = (text: string, i: number) => {
  LAST_TERMINATOR.lastIndex = i;
  return LAST_TERMINATOR.test(text);
};
/** Whether the terminator at `i` provably ends no sentence before the end of `text` (see the rules above). */
function endsNoSentence(text: string, i: number): boolean {
  if (text.charCodeAt(i) === 0x2e && (stopBeforeLowerOrDigit(text, i) || stopBetweenLetters(text, i) || stopBeforeLowerWord(text, i) || titleStopBeforeWord(text, i))) return true;
  return endsText(text, i);
}

/**
 * Whether splitting `text` gives one sentence because every place Unicode could end one before its end is a
 * full stop of the rules above. (Only for text of one segmenter chunk: a longer one is cut into chunks.)
 */
export function holdsOneSentence(text: string): boolean {
  if (text.length > SEGMENT_CHUNK) return false;
  for (MAY_BE_TERMINATOR.lastIndex = 0; MAY_BE_TERMINATOR.test(text); ) {
    const at = MAY_BE_TERMINATOR.lastIndex - 1;
    MAY_END_SENTENCE_AT.lastIndex = at;
    if (MAY_END_SENTENCE_AT.test(text) && !endsNoSentence(text, at)) return false;
  }
  return true;
}

/**
 * One text's sentences as Intl.Segmenter's segments arrive (in order, offsets in the text): a segment that ends on an
 * abbreviation goes on into the next; each sentence is trimmed of surrounding space as it is taken.
 */
class SentenceRanges {
  private readonly ranges = objectList<TextRange>();
  /** Where the sentence being read starts, or -1 when the last segment ended one. */
  private pendingStart = -1;
  private pendingEnd = 0;
  constructor(private readonly text: string) {}

  segment(start: number, end: number): void {
    if (this.pendingStart < 0) this.pendingStart = start;
    this.pendingEnd = end;
    if (continuesAfterAbbreviation(this.text, start, end)) return;
    this.take();
  }

  finish(): TextRange[] {
    if (this.pendingStart >= 0) this.take();
    return this.ranges;
  }

  private take(): void {
    const r = trimmedRange(this.text, this.pendingStart, this.pendingEnd);
    if (r.end > r.start) this.ranges.push(r);
    this.pendingStart = -1;
  }
}

/**
 * Each Intl.Segmenter segment of `chunk`, as offsets in it. Stepped with `containing()` rather than the iterator: the
 * same segments, and several times faster until V8 has optimised the iteration (the first parses in a process are the
 * ones a user waits for).
 */
function forEachSegment(chunk: string, each: (start: number, end: number) => void): void {
  const segments = segmenter.segment(chunk);
  for (let at = 0; at < chunk.length; ) {
    const { segment, index } = segments.containing(at)!;
    at = index + segment.length;
    each(index, at);
  }
}

/**
 * splitSentences of a short text by Intl.Segmenter alone, every segment of it, with none of the shortcuts above: what
 * they must give (the tests' reference).
 */
export function segmentSentences(text: string): TextRange[] {
  const collector = new SentenceRanges(text);
  forEachSegment(text, (start, end) => collector.segment(start, end));
  return collector.finish();
}

/** Sentence ranges within `text` (offsets relative to it), trimmed of surrounding space. */
export function splitSentences(text: string): TextRange[] {
  return splitSentencesOfEach([text])[0]!;
}

/**
 * Line feed: Unicode sentence breaking always ends a sentence after it (SB4), and looks past none (SB8 stops at it),
 * so paragraphs joined by it segment as each alone (the line feed itself aside: segmentBatch leaves it out).
 */
const PARAGRAPH_JOIN = '\n';

/** PLAIN_END for splitSentencesOfEach (its own lastIndex: chunkEnd reads PLAIN_END). */
const PLAIN_END_AT = new RegExp(PLAIN_END.source, 'gu');

/**
 * splitSentences of each text. A short text is first cut at its plain sentence ends (PLAIN_END: Unicode sentence
 * breaking ends a sentence there whatever comes before or after, and looks past none); each piece that holds one
 * sentence (holdsOneSentence) needs no segmenting. The other pieces are given to Intl.Segmenter together, joined by
 * line feeds into chunks of up to SEGMENT_CHUNK characters: one segmenter per paragraph cost a native break iterator
 * each (copied, and freed by the garbage collector), and segmenting was most of the time splitting took.
 */
export function splitSentencesOfEach(texts: readonly string[]): TextRange[][] {
  // Where each text's segments end, in any order: the pieces are segmented in batches, later than the rest.
  const ends: number[][] = texts.map(() => []);
  let batch: Piece[] = [];
  let batchLength = 0;
  const segmentBatch = () => {
    const chunk = batch.map((p) => texts[p.text]!.slice(p.start, p.end)).join(PARAGRAPH_JOIN);
    // Each piece's place in the chunk (`base`): segments never cross the line feed after it.
    let k = 0;
    let base = 0;
    forEachSegment(chunk, (start, end) => {
      while (start >= base + pieceLength(batch[k]!) + PARAGRAPH_JOIN.length) base += pieceLength(batch[k++]!) + PARAGRAPH_JOIN.length;
      const piece = batch[k]!;
      // (The joining line feed alone, after a piece that ends in a line break of its own, is no segment of that piece.)
      if (start - base >= pieceLength(piece)) return;
      ends[piece.text]!.push(piece.start + Math.min(end - base, pieceLength(piece)));
    });
    batch = [];
    batchLength = 0;
  };
  const segmentLater = (piece: Piece) => {
    if (batchLength + pieceLength(piece) > SEGMENT_CHUNK) segmentBatch();
    batch.push(piece);
    batchLength += pieceLength(piece) + PARAGRAPH_JOIN.length;
  };
  texts.forEach((text, i) => {
    if (text.length <= SEGMENT_CHUNK ? holdsOneSentence(text) : !mayEndSentence(text)) ends[i]!.push(text.length);
    else if (text.length <= SEGMENT_CHUNK) {
      let start = 0;
      const piece = (end: number, core: number) => {
        if (holdsOneSentence(text.slice(start, core))) ends[i]!.push(end);
        else segmentLater({ text: i, start, end });
        start = end;
      };
      PLAIN_END_AT.lastIndex = 0;
      for (let m = PLAIN_END_AT.exec(text); m; m = PLAIN_END_AT.exec(text)) {
        // (The piece's own sentence end is the last terminator of the piece without the spaces after it.)
        piece(m.index + m[0].length, m.index + m[0].trimEnd().length);
      }
      piece(text.length, text.length);
    } else {
      for (let from = 0; from < text.length; ) {
        const to = chunkEnd(text, from);
        forEachSegment(text.slice(from, to), (_, end) => ends[i]!.push(from + end));
        from = to;
      }
    }
  });
  if (batch.length) segmentBatch();
  // (A function of its own, not a closure made at each call: see "JIT warm-up" in docs/ARCHITECTURE.md.)
  const out = objectList<TextRange[]>();
  for (let i = 0; i < texts.length; i++) out.push(sentencesEndingAt(texts[i]!, ends[i]!));
  return out;
}

/** The sentences of `text` whose segments end at `ends`. */
function sentencesEndingAt(text: string, ends: number[]): TextRange[] {
  const collector = new SentenceRanges(text);
  let start = 0;
  for (const end of inOrder(ends)) {
    collector.segment(start, end);
    start = end;
  }
  return collector.finish();
}

/** `numbers` sorted in place, when they are not already (they nearly always are: a sort copies the array). */
function inOrder(numbers: number[]): number[] {
  for (let i = 1; i < numbers.length; i++) if (numbers[i]! < numbers[i - 1]!) return numbers.sort((a, b) => a - b);
  return numbers;
}

/** Part of a text that is given to Intl.Segmenter: `texts[text]` from `start` to `end`. */
interface Piece {
  text: number;
  start: number;
  end: number;
}
const pieceLength = (p: Piece) => p.end - p.start;
