/**
 * Finds quoted spans in blocks of text. Works per block so an unbalanced mark can never
 * swallow the rest of the article; a quote carries into the next block only when that block
 * opens with a quote mark (the news convention for quotes that run over several paragraphs).
 */

import { isAsciiDigit, isAsciiLetter } from './ascii';
import { isSpaceCode, trimmedRange } from './spaces';
import { objectList } from './object-list';

export interface Span {
  block: number;
  /** Offsets within the block's text: the marks themselves (close is null when the quote runs to the block's end). */
  open: number;
  close: number | null;
  /** The quoted words, trimmed, without marks. */
  start: number;
  end: number;
  single: boolean;
}

/** One quotation: one span, or several chained over consecutive blocks. */
export type Chain = Span[];

const OPEN_CONTEXT = /[\s([{\-–—/:;]/u;

type Role = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  role: Role;
}

const isSpace = (c: string | undefined) => c === undefined || isSpaceCode(c.charCodeAt(0));
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A letter or a digit (ASCII answered without the Unicode pattern: nearly every character asked about is ASCII). */
export const isWordChar = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return isAsciiDigit(code) || isAsciiLetter(code);
  return WORD_CHAR.test(c);
};

/** The marks of each quote style: a straight one whose role comes from context, and curly ones with a shape. */
const MARKS = {
  double: { straight: '"', open: new Set(['“', '„', '«', '‟']), close: new Set(['”', '»']), apostrophes: false, opensAfter: OPEN_CONTEXT },
  // Single marks double as apostrophes (don't, O'Brien, '90s), and open after a double mark in nested speech.
  single: { straight: "'", open: new Set(['‘']), close: new Set(['’']), apostrophes: true, opensAfter: /[\s([{\-–—/:;"“]/u },
} as const;

/** Every mark of a style, found by one scan rather than a look at each character. */
const MARK_FINDER: Record<QuoteStyle, RegExp> = {
  double: new RegExp(`[${[MARKS.double.straight, ...MARKS.double.open, ...MARKS.double.close].join('')}]`, 'g'),
  single: new RegExp(`[${[MARKS.single.straight, ...MARKS.single.open, ...MARKS.single.close].join('')}]`, 'g'),
};

/**
 * The quote marks of one style in a block, each with its role. Straight marks get their role
 * from what surrounds them; curly marks from their shape, unless the context plainly contradicts it.
 */
function marksOf(text: string, style: QuoteStyle): Mark[] {
  const kind = MARKS[style];
  const marks: Mark[] = [];
  const find = MARK_FINDER[style];
  find.lastIndex = 0;
  for (let m = find.exec(text); m; m = find.exec(text)) {
    const i = m.index;
    const c = m[0];
    const before = text[i - 1];
    const after = text[i + 1];
    if (kind.apostrophes && ((isWordChar(before) && isWordChar(after)) || (ELISIONS.test(text.slice(i, i + 7)) && !isWordChar(before)))) continue;
    const opensByContext = (before === undefined || kind.opensAfter.test(before)) && !isSpace(after);
    const closesByContext = !isSpace(before) && (after === undefined || !isWordChar(after));
    let role: Role;
    if (c === kind.straight) role = opensByContext && !closesByContext ? 'open' : closesByContext && !opensByContext ? 'close' : 'either';
    else if (kind.open.has(c)) role = closesByContext && !opensByContext ? 'close' : 'open';
    else role = opensByContext && !closesByContext ? 'open' : 'close';
    marks.push({ at: i, role });
  }
  return marks;
}

const ELISIONS = /^['‘](?:\d0s|tis|twas|em|n|cause|til|bout|round)\b/i;

/** Whether offset `i` lies within one of `spans` (from its opening mark to its closing one, or the block's end). */
const insideAny = (spans: readonly Span[], i: number, textLength: number) => spans.some((s) => i >= s.open && i <= (s.close ?? textLength));

/** Single-quoted spans outside double quotes: speech only when they read like speech; the caller decides. */
function singleSpans(text: string, block: number, taken: Span[]): Span[] {
  const out: Span[] = [];
  // Only a single opening mark can start a span: jump from one to the next rather than look at every character.
  SINGLE_OPENING.lastIndex = 0;
  for (let m = SINGLE_OPENING.exec(text); m; m = SINGLE_OPENING.exec(text)) {
    const i = m.index;
    if ((i === 0 || OPEN_CONTEXT.test(text[i - 1]!) || /["“]/.test(text[i - 1]!)) && isWordChar(text[i + 1]) && !ELISIONS.test(text.slice(i, i + 7)) && !insideAny(taken, i, text.length)) {
      let j = i + 1;
      let found = -1;
      const limit = Math.min(text.length, i + 1500);
      for (; j < limit; j++) {
        const d = text[j]!;
        if ((d === "'" || d === '’') && !isSpace(text[j - 1]) && !isWordChar(text[j + 1])) {
          found = j;
          break;
        }
        if (d === '"' || d === '“' || d === '”') break;
      }
      if (found > 0) {
        const r = trimmedRange(text, i + 1, found);
        if (r.end > r.start) out.push({ block, open: i, close: found, start: r.start, end: r.end, single: true });
        SINGLE_OPENING.lastIndex = found + 1;
      }
    }
  }
  return out;
}
const SINGLE_OPENING = /['‘]/g;

export interface BlockText {
  text: string;
  /** Blocks whose quotes are not speech (title, byline, captions) are passed with quotable=false. */
  quotable: boolean;
}

export type QuoteStyle = 'double' | 'single';

/**
 * Which marks this article uses for speech: most use double quotes, UK tabloids single ones
 * ("'It was terrifying,' she said."). Counted from where speech starts and ends; single marks must
 * outnumber double ones twice over, as reported speech inside a double-quoting article uses them too.
 */
export function quoteStyle(blocks: readonly BlockText[]): QuoteStyle {
  let double = 0;
  let single = 0;
  for (const b of blocks) {
    if (!b.quotable) continue;
    // (Each pattern needs one of its marks: a paragraph without any is not searched.)
    if (/["“”]/.test(b.text)) double += b.text.match(/(?:^|[:,]\s)["“]\p{Lu}|[,.?!]["”](?=\s+\p{L}|\s*$)/gu)?.length ?? 0;
    if (/['‘’]/.test(b.text)) single += b.text.match(/(?:^|[:,]\s)['‘]\p{Lu}|[,.?!]['’](?=\s+\p{L}|\s*$)/gu)?.length ?? 0;
  }
  return single > 2 * double && single >= 2 ? 'single' : 'double';
}

/**
 * An opening mark inside an open quote (after some of its words), then a closing mark, then another
 * closing mark before any opening one: a quote nested in the quote (a tweet quoting a slogan), not a
 * quote left unclosed. (Two opening marks in a row are one doubled mark.)
 */
function nestedPair(marks: readonly Mark[], at: number): boolean {
  return marks[at + 1]?.role === 'close' && marks[at + 2] !== undefined && marks[at + 2]!.role !== 'open';
}

/**
 * Double-quoted spans outside the single-quoted ones of a single-style article: wire copy and
 * other writers' paragraphs (`Cllr Dave Hughes said: "…"`) keep their own marks. A double mark
 * is never an apostrophe, so a closed pair is a quotation; one left open is not followed.
 */
function doubleSpansOutside(text: string, block: number, taken: readonly Span[]): Span[] {
  const out: Span[] = [];
  let openAt: number | null = null;
  for (const mark of marksOf(text, 'double')) {
    if (insideAny(taken, mark.at, text.length)) continue;
    if (openAt !== null && mark.role !== 'open') {
      const r = trimmedRange(text, openAt + 1, mark.at);
      if (r.end > r.start) out.push({ block, open: openAt, close: mark.at, start: r.start, end: r.end, single: false });
      openAt = null;
    } else if (mark.role !== 'close') openAt = mark.at;
  }
  return out;
}

/**
 * All quotations in the article, in order, as chains of per-block spans; `singles`: single-quoted
 * spans of a double-style article (speech or scare quotes: the caller decides); `doubles`: double-quoted
 * spans of a single-style article.
 */
export function findQuoteChains(blocks: readonly BlockText[], style: QuoteStyle = 'double'): { chains: Chain[]; singles: Span[]; doubles: Span[] } {
  const chains = objectList<Chain>();
  const singles = objectList<Span>();
  const doubles = objectList<Span>();
  let carry: Chain | null = null;

  blocks.forEach((block, b) => {
    if (!block.quotable) {
      carry = null;
      return;
    }
    const text = block.text;
    const marks = marksOf(text, style);
    const spans: Span[] = [];
    let openAt: number | null = null;
    let chain: Chain | null = null;

    const firstMark = marks[0];
    const opensBlock = firstMark !== undefined && firstMark.role !== 'close' && text.slice(0, firstMark.at).trim() === '';
    if (carry && opensBlock) {
      chain = carry;
      openAt = firstMark.at;
      marks.shift();
    } else if (carry && firstMark?.role === 'close') {
      // A paragraph break inside the quote (a copied page split the sentence): the quote goes on to its closing mark.
      chain = carry;
      openAt = -1;
    }
    carry = null;

    const finish = (close: number | null, closeAt: number) => {
      const r = trimmedRange(text, openAt! + 1, closeAt);
      // (Every field written out: a spread with fields after it is a slow path of V8's.)
      const span: Span = { block: b, open: Math.max(0, openAt!), close, start: r.start, end: r.end, single: false };
      if (r.end > r.start) {
        spans.push(span);
        if (chain) chain.push(span);
        else chains.push((chain = [span]));
      }
      const done = chain;
      chain = null;
      openAt = null;
      return done;
    };

    for (let m = 0; m < marks.length; m++) {
      const mark = marks[m]!;
      if (openAt === null) {
        if (mark.role !== 'close') openAt = mark.at;
      } else if (mark.role !== 'open') {
        finish(mark.at, mark.at);
      } else if (text.slice(openAt + 1, mark.at).trim() !== '' && nestedPair(marks, m)) {
        // `"… isn't about "Equal Justice" any more."`: a quote inside the quote, in the same marks.
        m++;
      } else {
        // An opening mark inside an open quote: the earlier one was never closed. End it here.
        finish(null, mark.at);
        openAt = mark.at;
      }
    }
    if (openAt !== null) {
      const unclosed = finish(null, text.length);
      // Runs to the end of the paragraph: it may continue in the next one.
      if (unclosed) carry = unclosed;
    }
    if (style === 'double') singles.push(...singleSpans(text, b, spans));
    else doubles.push(...doubleSpansOutside(text, b, spans));
  });
  return { chains, singles, doubles };
}
