import { marked, type Token, type Tokens } from 'marked';
import type { BlockKind } from '../contract';
import { captionLine, creditStart, joinCaption, namesOutlet } from './captions';
import { COMMENT_SECTION_RULE, LINK_LIST_RULE, WRITER_BIO_RULE, furnitureRule, type LineRule } from './furniture';
import { isKnownFirstName, isKnownSurname, looksLikeOrganisation, readName } from './people';
import { splitFrontMatter, type FrontMatter } from './front-matter';
import { stripSiteName } from './site-name';
import { decodeEntities, stripHtml } from './html-text';
import { pieceCount, squashSpaces } from './spaces';
import { mapped, objectList } from './object-list';

/** A block before offsets are assigned: its final text, kind, and where a caption's credit starts. */
export interface RawBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  inBlockquote?: boolean;
  /** Caption only: offset within `text` where "Credit: X" starts. */
  creditAt?: number;
}

const BYLINE = /^(?:(?:video |audio |photo |words and pictures |additional )?report(?:ing)? by|(?:written |words |story |posted )?by|video by|photos? by)\s+\p{Lu}/iu;
const LEADING_BULLET = /^[•·▪●◦*\-–—]\s*/;
const LIST_MARKER = /^(?:[•·▪●◦*\-–—]|\d{1,3}[.)])\s+/;
/** An inline opening tag whose content is not prose (closed later in the same run of tokens). */
const INLINE_CODE_ELEMENT = /^<(script|style|template|iframe|svg|object|noscript|textarea|title|math)\b(?![^>]*\/>)[^>]*>/i;

/** Control characters (but tab and newline) would reach the speech engine and the screen: replace them. */
export function normalizeSource(source: string): string {
  return source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g, ' ')
    // A live blog copied from a page runs its time stamps into the entry ("5:52 PMAnn Bell said"): a listener
    // hears "PMAnn" and the speaker is "PMAnn Bell" (or "PM Ann Bell", a prime minister). The page showed the
    // time on a line of its own: so does the text.
    .replace(GLUED_TIME, '$1\n\n');
}
const GLUED_TIME = /\b(\d{1,2}[:.]\d{2}\s?[AaPp]\.?[Mm]\.?)(?=\p{Lu}\p{Ll})/gu;

/**
 * Links that embedded posts carry in their text ("pic.twitter.com/x1Y2z3") and gallery
 * counters before a caption ("1 of 5 | Smoke rises…"): read aloud they are noise.
 */
const dropEmbedLinks = (s: string) => (s.includes('pic.twitter.com/') || s.includes('t.co/') ? s.replace(/\s*\b(?:pic\.twitter\.com|t\.co)\/\w+/g, '') : s).replace(/^\s*(?:item )?\d{1,3} of \d{1,3}\s*[|·•:-]?\s+(?=\S)/i, '');
/** "— Helen Morris, Safer Streets campaign" under a quote: who said it, not a list item. */
const ATTRIBUTION_LINE = /^[—―–]\s*[\p{Lu}@]/u;
const endsQuote = (text: string | undefined) => text !== undefined && /[.!?]["”’]?$|["”’]$/.test(text);

/** Classifies a block of running text the same way for plain text and Markdown. */
function classify(text: string, index: number, hasTitle: boolean, inBlockquote: boolean): RawBlock {
  const unbulleted = text.replace(LEADING_BULLET, '');
  if (index < 5 && unbulleted.length <= 200 && BYLINE.test(unbulleted) && !/["“”]/.test(unbulleted)) {
    return { kind: 'byline', text: unbulleted };
  }
  const credit = creditStart(text);
  if (credit !== null && !inBlockquote) {
    return { kind: 'caption', text, creditAt: credit };
  }
  if (!hasTitle && index === 0 && text.length <= 250 && !inBlockquote) return { kind: 'title', text, level: 1 };
  return inBlockquote ? { kind: 'paragraph', text, inBlockquote } : { kind: 'paragraph', text };
}

/**
 * A short capitalised line with no closing punctuation, between paragraphs, is a subheading,
 * but only when prose follows it: leftover page furniture ("Getty Images", a lone topic
 * name, a headline in a list of links) comes in runs of short lines, never before a paragraph.
 */
function looksLikeHeading(text: string, next: string | undefined): boolean {
  if (text.length > 90) return false;
  const words = text.split(' ').length;
  if (words > 12 || !/^\p{Lu}/u.test(text) || /[.!?,;:"“”’')\]]$/.test(text) || /["“”]/.test(text)) return false;
  if (words < 2 && !/^\p{Lu}[\p{L}-]{3,}$/u.test(text)) return false; // "BBC", "X", "AP": labels, not headings
  return next !== undefined && isProse(next);
}

/** Running text: a sentence of some length that ends like one. */
const isProse = (text: string) => text.length >= 30 && /[.!?:…]["”’')\]]*$/.test(text);

/**
 * "British Broadcasting Corporation", "New York", "e-Edition" above the headline: a site's name or section, not the title.
 * Above the site's menu a slogan may be longer ("Democracy Dies in Darkness"): a headline comes after the menu.
 */
function isMastheadBeforeHeadline(piece: Piece & { kind: 'text' }, following: Piece[]): boolean {
  const text = piece.text;
  if (text.split(' ').length > (piece.aboveMenu ? MASTHEAD_ABOVE_MENU_WORDS : MASTHEAD_WORDS) || /[.!?:]$/.test(text)) return false;
  // (A byline under a short headline is no headline: "Metro cuts service" / "By Daniel Okafor and Priya Raman", or "Tom Whitfield, Crime Correspondent".)
  return following.some((p) => p.kind === 'text' && p.text.split(' ').length >= 4 && p.text.length <= 200 && isLinkTitle(p.text) && !BYLINE.test(p.text) && bylineOnOneLine(p.text) === null);
}

/** An outlet's name in capitals: "USA TODAY", "ASSOCIATED PRESS" (not a dateline: "WASHINGTON"). */
const OUTLET_LINE = /^\p{Lu}[\p{Lu}'’&.-]+(?: (?:\p{Lu}[\p{Lu}'’&.-]+|&)){0,3}$/u;
const MASTHEAD_WORDS = 3;
const MASTHEAD_ABOVE_MENU_WORDS = 5;

/**
 * Name and role on one line ("Jane Doe Health correspondent", as copied from the Guardian): "Jane Doe, Health correspondent".
 * A "By" before them stays, and is no part of the name ("By Hugh Pym Health editor", not "By Hugh, Pym Health editor";
 * "By Jo Writer" is a name alone). The role starts after the name's last word: not at a known surname
 * ("Mary Ann Smith Political editor").
 */
function bylineOnOneLine(line: string): string | null {
  const by = /^by:?\s+/i.exec(line)?.[0] ?? '';
  const rest = line.slice(by.length);
  // "Tom Whitfield, Crime Correspondent": with the comma, as the Times sets it.
  const comma = rest.indexOf(', ');
  if (comma > 0 && NAME_LINE.test(rest.slice(0, comma)) && ROLE_LINE.test(rest.slice(comma + 2))) return line;
  const words = rest.split(' ');
  if (words.length < 3 || words.length > 9) return null;
  for (let k = 2; k <= 4 && k < words.length; k++) {
    const name = words.slice(0, k).join(' ');
    const role = words.slice(k).join(' ');
    // (Nor at "and": "Jo Smith and Ann Lee Staff Writers" is two names, then the role.)
    if (NAME_LINE.test(name) && ROLE_LINE.test(role) && !/^(?:and|&|with)\s/i.test(role) && !(k < words.length - 1 && isKnownSurname(words[k]!))) return `${by}${name}, ${role}`;
  }
  return null;
}

/** "ByLaura Pennington": the byline's "By" glued to the name (case-sensitive: "BYU Cougars" is not). */
const GLUED_BY = /^By(\p{Lu}\p{Ll}.*)$/u;
/** Name and role on separate lines under the title ("Jane Doe" / "Health correspondent"): one byline. */
/** (A name in capitals too, as agencies set it: "By JORDAN ELLISON AP Sports Writer".) */
const NAME_LINE = /^(?:\p{Lu}(?:[\p{Ll}'’-]+|[\p{Lu}'’-]+)\s){1,3}\p{Lu}[\p{L}'’-]+$/u;
const ROLE_LINE = /^(?:(?:[\p{L}-]+\s){0,4}(?:correspondent|editor|reporter|writer|journalist|columnist|producer|analyst|contributor|staff)|(?:[\p{Lu}][\p{L}]*\s){0,2}news,\s*[\p{L}\s]{2,40})$/iu;

/** What the line rules make of one line (computed once per line: they are the costly part of reading copied text). */
interface LineReading {
  furniture: ReturnType<typeof furnitureRule>;
  caption: ReturnType<typeof captionLine>;
}
const NOTHING: LineReading = { furniture: null, caption: null };

type Piece =
  /** Running text, classified later (paragraph, byline, title, heading...). */
  | { kind: 'text'; text: string; inBlockquote?: boolean; aboveMenu?: boolean }
  | { kind: 'caption'; text: string; creditAt?: number }
  /** Structure a web page states itself. */
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'list-item'; text: string };

const READING_TIME = /^\d{1,3} min$/;
const READING_TIME_RULE: LineRule = { name: 'reading-time', test: (line) => READING_TIME.test(line), examples: ['6 min'] };
/** A comment section's heading ends the article only after this many paragraphs of it (such a heading at the top would be a page's odd layout, not its end). */
const ARTICLE_BEFORE_COMMENTS = 3;
const PARAGRAPH_CHARS = 80;

/** "Ruth Alvarez", not "Chelsea Football Club" or "Madison Square Garden": all of the line reads as one person's name. */
function isPersonName(text: string): boolean {
  const words = text.split(' ');
  const name = readName(words);
  return name?.person === true && name.used === words.length && !looksLikeOrganisation(text) && !/\b(?:Club|Garden|Square|Street|Road|Park|Hall|Centre|Center|Stadium|Arena|Hospital|School|College|University|Church|Bridge)$/.test(text);
}

/** Headlines of other stories: short, and never end like a sentence. */
const isLinkTitle = (text: string) => text.length <= 160 && !/[.!?]["”’')\]]*$/.test(text);

/**
 * Collects an article's pieces as they come (lines of copied text, or elements of a web
 * page): furniture lines are dropped, with the headlines listed under "More on this story"
 * and everything after the heading of a comment section under the article;
 * caption and credit lines are joined into captions.
 */
class PieceCollector {
  readonly out = objectList<Piece>();
  /** BBC puts "Image source, X" before its caption. */
  private pendingCredit: string | null = null;
  /** After "More on this story": headlines of other stories. */
  private inLinkList = false;
  /** Lines long enough to be paragraphs, so far: a comment section's heading ends an article only after some of it. */
  private paragraphs = 0;
  /** Past the heading of the comment section under the article: readers' comments and the page's foot. */
  private ended = false;
  /** Furniture came right under the first line kept. */
  private chromeUnderFirst = false;

  /**
   * One line or element of text. `sameBlock`: the line came right under the previous one (no
   * blank line between), so a credit line there is that line's photo credit.
   */
  add(piece: Piece, sameBlock = false, known?: LineReading): void {
    if (this.ended) return;
    if (piece.kind === 'caption') return this.push(piece);
    const text = piece.text;
    const furniture = known ? known.furniture : furnitureRule(text);
    if (furniture) {
      if (this.out.length === 1) this.chromeUnderFirst = true;
      if (furniture.name === LINK_LIST_RULE) this.inLinkList = true;
      if (furniture.name === COMMENT_SECTION_RULE && this.paragraphs >= ARTICLE_BEFORE_COMMENTS) this.ended = true;
      const last = this.out[this.out.length - 1];
      if (furniture.name === WRITER_BIO_RULE && last?.kind === 'text' && text.startsWith(`${last.text} `)) this.out.pop();
      return;
    }
    const caption = piece.kind === 'heading' ? null : known ? known.caption : captionLine(text);
    if (!caption && this.inLinkList && (piece.kind !== 'text' || isLinkTitle(text))) return;
    this.inLinkList = false;
    if (!caption) return this.push(piece);
    // ("Image caption, Commuters at Waterloo. Credit: PA Media": a credit at its end is the caption's own.)
    if (caption.kind === 'caption') this.push({ kind: 'caption', ...joinCaption(caption.text, caption.credit ?? null) });
    else if (caption.attaches === 'next') {
      this.flushCredit();
      this.pendingCredit = caption.credit;
    } else {
      const prev = this.out[this.out.length - 1];
      // A credit line right under a short unquoted line: that line was the photo's caption.
      if (prev && sameBlock && this.out.length > 1 && (prev.kind === 'caption' ? prev.creditAt === undefined : prev.kind === 'text' && prev.text.length <= 300 && !/["“”]/.test(prev.text))) {
        this.out[this.out.length - 1] = { kind: 'caption', ...joinCaption(prev.text, caption.credit) };
      } else this.push({ kind: 'caption', ...joinCaption('', caption.credit) });
    }
  }

  /**
   * A line of a menu was dropped: the one line above it at the top of the page is the site's name or slogan, if a
   * headline follows and the page's chrome ("Sign in", "News") came with the menu (topic links under a headline do not).
   */
  menuLine(): void {
    const only = this.out.length === 1 ? this.out[0] : undefined;
    if (only?.kind === 'text' && this.chromeUnderFirst) this.out[0] = { ...only, aboveMenu: true };
  }

  finish(): Piece[] {
    this.flushCredit();
    return this.out;
  }

  private push(piece: Piece): void {
    if (this.pendingCredit !== null && piece.kind === 'caption' && piece.creditAt === undefined) {
      piece = { kind: 'caption', ...joinCaption(piece.text, this.pendingCredit) };
      this.pendingCredit = null;
    }
    this.flushCredit();
    if (piece.kind === 'text' && piece.text.length >= PARAGRAPH_CHARS) this.paragraphs++;
    this.out.push(piece);
  }

  private flushCredit(): void {
    if (this.pendingCredit !== null) this.out.push({ kind: 'caption', ...joinCaption('', this.pendingCredit) });
    this.pendingCredit = null;
  }
}

/** A menu entry or topic link: a few words, no sentence punctuation. */
const isLabelLine = (line: string) => pieceCount(line, 4) <= 4 && (!/[.!?:;,"“”]$/.test(line) || INITIALS.test(line));
/** "D.C.", "U.S.": a place in initials, which ends with a dot but is a label. */
const INITIALS = /^(?:\p{Lu}\.){2,4}$/u;
/** Lines of a wrapped paragraph fill the width: a short line with no punctuation at its end is a line of its own (a name, a label). */
const WRAPPED_LINE_MIN = 40;
const standsAlone = (line: string) => line.length < WRAPPED_LINE_MIN && !/[.,;:!?"“”’')\]–—-]$/.test(line) && !/^\d{1,3}$/.test(line);

/** Longer than any width text is wrapped at (by hand, an editor or an e-mail client): a paragraph left on one line. */
const UNWRAPPED_LINE = 110;
/** A long line of prose has many words (a long address has none). */
const PROSE_SPACES = 10;

/** How many spaces `text` has between `from` and `to`, counted up to `enough`. */
function spacesIn(text: string, from: number, to: number, enough: number): number {
  let n = 0;
  for (let at = from; at < to && n < enough; at++) if (text.charCodeAt(at) === 32) n++;
  return n;
}

/**
 * Whether single line breaks may be wraps inside a paragraph. Text copied from a web page keeps each
 * paragraph on one line, so several long lines (or a tenth of them) say it was not wrapped; a long
 * address or two in a wrapped text does not.
 */
export function isWrapped(text: string): boolean {
  let lines = 0;
  let long = 0;
  for (let from = 0; from <= text.length; ) {
    const end = text.indexOf('\n', from);
    const to = end < 0 ? text.length : end;
    if (to > from) {
      lines++;
      if (to - from > UNWRAPPED_LINE && spacesIn(text, from, to, PROSE_SPACES) >= PROSE_SPACES) long++;
    }
    from = to + 1;
  }
  return long === 0 || (long < 3 && long / lines < 0.1);
}

/**
 * A line that starts in lower case after one that cannot end a sentence or a heading (a comma, or a
 * word such as "the", "of", "said") goes on with it, however the rest of the text is laid out.
 */
const continuesLine = (previous: string | undefined, line: string) => previous !== undefined && /^\p{Ll}/u.test(line) && OPEN_LINE_END.test(previous);
const OPEN_LINE_END = /(?:[,;]["”’']?|\b(?:the|a|an|of|to|and|or|but|in|on|at|for|with|by|from|that|who|which|said|says|told|is|are|was|were|has|have|had|be|been|as|than|its|their|his|her))$/iu;

/** The widest of `lines` when it is a width text is wrapped at (40 to 100 columns), else null. */
function wrapColumns(lines: readonly string[]): number | null {
  let width = 0;
  for (const l of lines) width = Math.max(width, l.length);
  return width >= 40 && width <= 100 ? width : null;
}

/**
 * A run of lines between blank lines that was wrapped at a width inside a text that mostly was not
 * (one paragraph pasted from an e-mail): three or more lines, each but the last filled to nearly the
 * widest and not ending a sentence, each break where the next word would not have fitted, and the
 * last line ending one (a list of items without full stops is not a paragraph).
 */
function wrappedRun(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  const width = wrapColumns(lines);
  if (width === null || !/[.!?]["”’')]?$/.test(lines[lines.length - 1]!)) return false;
  return lines.slice(0, -1).every((l, i) => l.length >= 0.8 * width && !/[.!?:]["”’')]?$/.test(l) && wrapsAt(width, l, lines[i + 1]!));
}

/**
 * The width a text without blank lines was wrapped at, or null when it was not wrapped: then each
 * line is a block. Wrapped text fills most of its lines to nearly the width (40 to 100 columns), and
 * most of its lines stop mid-sentence.
 */
export function wrapWidth(lines: readonly string[]): number | null {
  if (lines.length < 4) return null;
  const width = wrapColumns(lines);
  if (width === null) return null;
  let full = 0;
  let ended = 0;
  for (const l of lines) {
    if (l.length >= 0.75 * width) full++;
    if (/[.!?:;"”’)]$/.test(l)) ended++;
  }
  // A list of one-line items fills its lines too, but ends nearly every one like a sentence.
  return full >= 0.4 * lines.length && ended < 0.5 * lines.length ? width : null;
}

/** In text wrapped at `width`, a line break is a wrap when the next line's first word would not have fitted on the line before. */
const wrapsAt = (width: number, previous: string | undefined, line: string) => previous !== undefined && previous.length + 1 + (line.split(' ', 1)[0] ?? '').length > width;

/** What the line rules make of a line of copied text (squashed once already: the rules need not squash it again). */
function readLine(line: string): LineReading {
  const furniture = furnitureRule(line, true);
  return furniture ? { furniture, caption: null } : { furniture: null, caption: captionLine(line, true) };
}

/**
 * Lines of copied page text -> pieces, grouped into paragraphs as the blank lines say. Three
 * or more label lines in a row (a menu, a list of topics) are page furniture.
 */
function textPieces(text: string): Piece[] {
  const blankLines = /\n[ \t]*\n/.test(text);
  // Lines of a text that was never wrapped (copied from a browser) are blocks even between blank lines: list items, a standfirst.
  const lineByLine = !blankLines || !isWrapped(text);
  const collector = new PieceCollector();
  for (const chunk of chunksOf(text, blankLines)) {
    const lines = labelsOnTheirLines(mapped(chunk, (l) => squashSpaces(dropEmbedLinks(l))).filter(Boolean));
    if (lines.length === 1) {
      // One line between blank lines (a paragraph, the common case): no run of lines to join, wrap or take for a menu.
      collector.add({ kind: 'text', text: lines[0]! }, false, readLine(lines[0]!));
      continue;
    }
    // Without blank lines the one chunk is the whole text: its width, if it was wrapped at one.
    const width = blankLines ? null : wrapWidth(lines);
    const wrapped = lineByLine && blankLines && wrappedRun(lines);
    const readings = lines.map(readLine);
    // "6 min" between "Share" and "Gift Article" is the page's reading time; a live report's "12 min" on its own is the report's.
    lines.forEach((l, i) => {
      if (READING_TIME.test(l) && (readings[i - 1]?.furniture || readings[i + 1]?.furniture)) readings[i] = { furniture: READING_TIME_RULE, caption: null };
    });
    const special = readings.map((r) => r.furniture !== null || r.caption !== null);
    const menu = labelRuns(lines, readings);
    let para: string[] = [];
    // A paragraph joined from lines that were neither furniture nor captions needs no second look.
    const flush = () => {
      if (para.length) collector.add({ kind: 'text', text: para.join(' ') }, false, NOTHING);
      para = [];
    };
    lines.forEach((line, i) => {
      if (menu.has(i)) {
        flush();
        return collector.menuLine();
      }
      // Furniture and caption lines stand alone even inside a paragraph's run of lines.
      if (special[i]) {
        flush();
        collector.add({ kind: 'text', text: line }, i > 0 && !special[i - 1] && !menu.has(i - 1), readings[i]);
        return;
      }
      const previous = para[para.length - 1];
      const joins = wrapped || continuesLine(previous, line) || (width !== null && wrapsAt(width, previous, line));
      if ((lineByLine && !joins) || (previous !== undefined && standsAlone(previous))) flush();
      para.push(line);
    });
    flush();
  }
  return collector.finish();
}

/**
 * The lines of `text` in chunks between blank lines (lines of only spaces and tabs), or in one chunk when
 * `blankLines` is false: what splitting at /\n[ \t]*\n/ and then at each line break gives, but the text
 * is split once. (Where blank lines follow one another, or open or close the text, this gives chunks with
 * no lines but blank ones, which hold no line once squashed.)
 */
export function chunksOf(text: string, blankLines: boolean): string[][] {
  const lines = text.split('\n');
  if (!blankLines) return [lines];
  const chunks: string[][] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!BLANK_LINE.test(lines[i]!)) continue;
    chunks.push(lines.slice(from, i));
    from = i + 1;
  }
  chunks.push(lines.slice(from));
  return chunks;
}
const BLANK_LINE = /^[ \t]*$/;

/** "Image caption," or "Image source," alone on its line (BBC pages copied): the label of the line after it. */
const LONE_CAPTION_LABEL = /^(?:image|media|video) (?:caption|source)\s*[,:]?$/i;

/** Lines with a lone caption label joined to the line it labels. */
function labelsOnTheirLines(lines: string[]): string[] {
  if (!lines.some((l) => LONE_CAPTION_LABEL.test(l))) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (LONE_CAPTION_LABEL.test(lines[i]!) && next !== undefined) {
      out.push(`${lines[i]!.replace(/\s*[,:]?$/, ',')} ${next}`);
      i++;
    } else out.push(lines[i]!);
  }
  return out;
}

/** Indices of label lines in runs of three or more (furniture lines inside a run neither break nor count). */
function labelRuns(lines: string[], readings: LineReading[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const end = () => {
    if (run.length >= 3) run.forEach((i) => out.add(i));
    run = [];
  };
  lines.forEach((line, i) => {
    if (readings[i]!.furniture) return;
    // (A writer's role, "Local Government Correspondent", is part of the byline, never a menu entry.)
    if (!readings[i]!.caption && isLabelLine(line) && !ROLE_LINE.test(line)) run.push(i);
    else end();
  });
  end();
  return out;
}

/** The text of the first piece after `i` that is not a caption (a subheading may sit above a photo). */
function nextText(pieces: readonly Piece[], i: number): string | undefined {
  for (let j = i + 1; j < pieces.length; j++) if (pieces[j]!.kind !== 'caption') return pieces[j]!.text;
  return undefined;
}

const captionBlock = (p: { text: string; creditAt?: number }): RawBlock => ({ kind: 'caption', text: p.text, ...(p.creditAt !== undefined ? { creditAt: p.creditAt } : {}) });

export function plainTextBlocks(source: string): RawBlock[] {
  const pieces = textPieces(normalizeSource(source));
  const out: RawBlock[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.kind !== 'text') {
      out.push(piece.kind === 'caption' ? captionBlock(piece) : piece);
      continue;
    }
    const text = piece.text;
    const next = pieces[i + 1];
    if (out.length === 0 && isMastheadBeforeHeadline(piece, pieces.slice(i + 1, i + 5))) continue;
    // A byline stands among the first few blocks, once.
    const bylineSlot = out.length > 0 && out.length < 5 && !out.some((b) => b.kind === 'byline');
    // "By" / "Harriet Lowe," / "Local Government Correspondent": a byline whose parts the page set on lines of their own.
    // ...or "ByLaura Pennington" / "Local Democracy Reporter": "By" in an element of its own, copied with no space after it.
    // (The line after is read as a name only after a lone 'By' among the first blocks.)
    const loneBy = bylineSlot && /^by:?$/i.test(text);
    const gluedTo = bylineSlot && !loneBy ? GLUED_BY.exec(text)?.[1] : undefined;
    // (A writer is a person: "ByDesign Studio" is something else's name.)
    const glued = gluedTo && isKnownFirstName(gluedTo.slice(0, gluedTo.indexOf(' '))) ? gluedTo : null;
    const name = glued ? glued.replace(/,$/, '') : loneBy && next?.kind === 'text' ? next.text.replace(/,$/, '') : '';
    if ((glued || loneBy) && NAME_LINE.test(name)) {
      const roleAt = glued ? i + 1 : i + 2;
      const role = pieces[roleAt]?.kind === 'text' && ROLE_LINE.test(pieces[roleAt]!.text) ? pieces[roleAt]!.text : null;
      out.push({ kind: 'byline', text: role ? `By ${name}, ${role}` : `By ${name}` });
      i = roleAt - (role ? 0 : 1);
      continue;
    }
    if (bylineSlot && next?.kind === 'text' && NAME_LINE.test(text) && ROLE_LINE.test(next.text)) {
      out.push({ kind: 'byline', text: `${text}, ${next.text}` });
      i++;
      continue;
    }
    // A person's name alone on the line under the headline (NPR, as copied) is the writer's.
    if (out.length === 1 && out[0]!.kind === 'title' && NAME_LINE.test(text) && isKnownFirstName(text.slice(0, text.indexOf(' '))) && isPersonName(text)) {
      // ...and the outlet in capitals on the line under it ("Marcus Lee" / "USA TODAY").
      const outlet = next?.kind === 'text' && OUTLET_LINE.test(next.text) && namesOutlet(next.text) ? next.text : null;
      out.push({ kind: 'byline', text: outlet ? `${text}, ${outlet}` : text });
      if (outlet) i++;
      continue;
    }
    const nameThenRole = bylineSlot ? bylineOnOneLine(text) : null;
    if (nameThenRole) {
      out.push({ kind: 'byline', text: nameThenRole });
      continue;
    }
    const listed = LIST_MARKER.exec(text);
    const block = classify(text, out.length, false, false);
    const attribution = ATTRIBUTION_LINE.test(text) && text.length <= 160 && !/[–—-]\.?$/.test(text) && endsQuote(out[out.length - 1]?.text);
    if (block.kind === 'paragraph' && listed && !attribution && !BYLINE.test(text.replace(LEADING_BULLET, ''))) {
      out.push({ kind: 'list-item', text: text.slice(listed[0].length) });
    } else if (block.kind === 'paragraph' && out.length > 0 && looksLikeHeading(text, nextText(pieces, i))) {
      out.push({ kind: 'heading', text, level: 2 });
    } else {
      out.push(block);
    }
  }
  return withoutWritersBios(out).filter((b) => b.text.length > 0);
}

/** A note about a writer is a short sentence or two ("Priya Raman is a reporter on the Local desk."): a longer paragraph about them is the story's. */
const BIO_MAX_CHARS = 200;
const BIO_FIRST_SENTENCE_CHARS = 100;
const firstSentenceLength = (text: string) => {
  const end = text.search(/[.!?]\s/);
  return end < 0 ? text.length : end + 1;
};
/** What a writer's bio says of them after their name: "covers transportation", "is a reporter on the Local desk". */
const BIO_AFTER_NAME = /^ (?:covers|reports on|writes about|has covered|is (?:a|an|the) (?:[\p{L}-]+ ){0,4}(?:reporter|correspondent|editor|writer|journalist|columnist|intern|producer|fellow)\b)/u;

/**
 * The paragraphs at the end that begin with a writer the byline names and say what they cover
 * ("Daniel Okafor covers transportation for The Washington Post."): the page's note about its writers.
 */
function withoutWritersBios(blocks: RawBlock[]): RawBlock[] {
  const byline = blocks.find((b) => b.kind === 'byline')?.text;
  if (!byline) return blocks;
  const writers = byline.replace(/^by:?\s+/i, '').split(/,|\s+and\s+|\s*&\s*/).map((w) => w.trim()).filter((w) => NAME_LINE.test(w));
  let end = blocks.length;
  const isBio = (text: string) => text.length <= BIO_MAX_CHARS && firstSentenceLength(text) <= BIO_FIRST_SENTENCE_CHARS && writers.some((w) => text.startsWith(w) && BIO_AFTER_NAME.test(text.slice(w.length)));
  while (end > 0 && blocks[end - 1]!.kind === 'paragraph' && isBio(blocks[end - 1]!.text)) end--;
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

/** One element of a web page's extracted article (electron/articles/html-items.ts makes them). */
export type WebItem =
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'paragraph'; text: string; inBlockquote?: boolean }
  | { kind: 'list-item'; text: string }
  /** A <figure>'s caption and the credit found beside it (either may be empty). */
  | { kind: 'caption'; text: string; credit: string | null };

/** A short line with no sentence end that opens with the byline's words: the byline element, read again. */
const startsWithByline = (text: string, name: string) =>
  text.length <= 150 && !/[.!?]["”’]?$/.test(text) && letters(text).startsWith(letters(name)) && letters(name).length >= 6;
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const sameText = (a: string, b: string) => letters(a) === letters(b);

/** A web page's article (its elements, title and byline) -> blocks, with the same furniture and caption rules as copied text. */
export function webBlocks(items: readonly WebItem[], meta: { title: string | null; byline: string | null }): RawBlock[] {
  const clean = (s: string) => squashSpaces(dropEmbedLinks(normalizeSource(s)));
  const title = meta.title ? clean(meta.title) : '';
  const collector = new PieceCollector();
  for (const item of items) {
    if (item.kind === 'caption') {
      const caption = captionLine(clean(item.text));
      const text = caption?.kind === 'caption' ? squashSpaces(caption.text) : clean(item.text);
      const creditLine = item.credit ? captionLine(clean(item.credit)) : null;
      const credit = creditLine?.kind === 'credit' ? creditLine.credit : item.credit ? clean(item.credit) : caption?.kind === 'caption' ? caption.credit ?? null : null;
      if (text || credit) collector.add({ kind: 'caption', ...joinCaption(text, credit || null) });
      continue;
    }
    const text = clean(item.text);
    if (!text) continue;
    // The page's own headline (an <h1>, or a bold first line) repeats the title we already have.
    if (item.kind !== 'list-item' && title && collector.out.length === 0 && sameText(text, title)) continue;
    collector.add(item.kind === 'paragraph' ? { kind: 'text', text, ...(item.inBlockquote ? { inBlockquote: true } : {}) } : { ...item, text });
  }
  const pieces = collector.finish();
  const out: RawBlock[] = title ? [{ kind: 'title', text: title, level: 1 }] : [];
  // No headline in the page (a pasted selection): a leading heading or headline-like line is the title.
  const first = pieces[0];
  if (!title && first && (first.kind === 'heading' || (first.kind === 'text' && !first.inBlockquote && first.text.length <= 150 && isLinkTitle(first.text)))) {
    out.push({ kind: 'title', text: first.text, level: 1 });
    pieces.shift();
  }
  for (const piece of pieces) {
    if (piece.kind === 'text') out.push(classify(piece.text, out.length, true, piece.inBlockquote === true));
    else if (piece.kind === 'caption') out.push(captionBlock(piece));
    else if (piece.kind === 'heading') out.push({ kind: 'heading', text: piece.text, level: Math.min(6, Math.max(2, piece.level)) });
    else out.push(piece);
  }
  const byline = meta.byline ? clean(meta.byline) : '';
  const shown = out.slice(0, 6).find((b) => b.kind === 'byline');
  // The byline element read as text runs its pieces together where the page's style set them apart ("By Hugh PymHealth
  // editor"); the page's byline has the same words with their separators.
  if (byline && shown && sameText(shown.text, byline)) shown.text = /^by\b/i.test(byline) ? byline : `By ${byline}`;
  if (byline && !shown) {
    // The element the byline was read from, left in a pasted selection, says the same name again.
    const name = byline.replace(/^by\s+/i, '');
    // (Perhaps with its role and date after the name: "Dana Whitfield, Senior Reporter Published November 18, 2026".)
    const again = out.findIndex((b, i) => i < 6 && (b.kind === 'paragraph' || b.kind === 'heading') && (sameText(b.text, name) || startsWithByline(b.text.replace(/^by:?\s*/i, ''), name)));
    if (again >= 0) out.splice(again, 1);
    out.splice(out[0]?.kind === 'title' ? 1 : 0, 0, { kind: 'byline', text: /^by\b/i.test(byline) ? byline : `By ${byline}` });
  }
  return out.filter((b) => b.text.length > 0);
}

/** Words of inline Markdown, emphasis and links stripped for speech; raw HTML dropped. */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return decodeEntities(fallback);
  let out = '';
  // Inline raw HTML: the contents of <script>, <style> etc. are code, not words to read.
  let skipUntil: string | null = null;
  const closes = (tag: string) => new RegExp(`^</${tag}\\s*>`, 'i');
  const lastClose = new Map<string, number>();
  tokens.forEach((t, i) => {
    const tag = t.type === 'html' ? /^<\/([a-z]+)\s*>/i.exec(t.raw)?.[1]?.toLowerCase() : undefined;
    if (tag) lastClose.set(tag, i);
  });
  for (const [i, t] of tokens.entries()) {
    if (t.type === 'html') {
      const raw = (t as Tokens.HTML).raw;
      if (skipUntil === null) {
        const tag = INLINE_CODE_ELEMENT.exec(raw)?.[1]?.toLowerCase();
        // Only when it is closed: a stray "<script>" in prose must not swallow the paragraph.
        if (tag && (lastClose.get(tag) ?? -1) > i) skipUntil = tag;
      } else if (closes(skipUntil).test(raw)) skipUntil = null;
      continue;
    }
    if (skipUntil !== null) continue;
    switch (t.type) {
      case 'image':
        break;
      case 'br':
        out += ' ';
        break;
      case 'codespan':
      case 'escape':
        out += decodeEntities((t as Tokens.Codespan).text);
        break;
      default: {
        const nested = (t as { tokens?: Token[] }).tokens;
        out += nested ? inlineText(nested, '') : decodeEntities((t as { text?: string }).text ?? '');
      }
    }
  }
  return out;
}

/** One element of a Markdown document, as a web page's (a heading also says whether it stood in a block quote). */
type MarkdownItem = WebItem | { kind: 'heading'; text: string; level: number; inBlockquote: boolean };

/**
 * Markdown -> blocks. A page a web clipper saved (its front matter gives the page's address) goes through the web
 * page path: its share buttons and topic links are furniture, the site's name is cut from its title. Markdown a
 * person wrote is read as written: every heading, list item and paragraph, with the front matter's title and author.
 */
export function markdownBlocks(source: string): RawBlock[] {
  const { meta, body } = splitFrontMatter(normalizeSource(source));
  const items = markdownItems(body);
  if (!meta?.clip) return writtenMarkdownBlocks(items, meta);
  const title = meta.title ? stripSiteName(meta.title) : null;
  const clipped = items.filter((item, i) => {
    // MarkDownload puts the page's description under "> ## Excerpt": the label is the clipper's.
    return !(item.kind === 'heading' && 'inBlockquote' in item && item.inBlockquote && item.text === 'Excerpt') || i > 2;
  }).map((item, i) => {
    // The page's title as the first heading carries the site's name, as the front matter's does.
    return i === 0 && item.kind === 'heading' && (title === null || sameText(stripSiteName(item.text), title)) ? { ...item, text: stripSiteName(item.text) } : item;
  });
  return webBlocks(clipped, { title, byline: meta.byline });
}

/** Markdown as a person wrote it: the first heading (or the front matter's title) is the title; nothing is furniture. */
function writtenMarkdownBlocks(items: readonly MarkdownItem[], meta: FrontMatter | null): RawBlock[] {
  const out: RawBlock[] = [];
  const push = (b: RawBlock) => {
    const text = squashSpaces(b.text);
    if (text) out.push({ ...b, text, ...(b.creditAt !== undefined ? { creditAt: b.creditAt - (b.text.length - b.text.trimStart().length) } : {}) });
  };
  let hasTitle = false;
  if (meta?.title) {
    push({ kind: 'title', text: meta.title, level: 1 });
    hasTitle = true;
  }
  if (meta?.byline) push({ kind: 'byline', text: /^by\b/i.test(meta.byline) ? meta.byline : `By ${meta.byline}` });
  items.forEach((item, i) => {
    if (item.kind === 'heading') {
      const quoted = 'inBlockquote' in item && item.inBlockquote;
      // (A first heading that says the front matter's title again is not read twice.)
      if (i === 0 && meta?.title && sameText(item.text, meta.title)) return;
      if (!hasTitle && out.length === 0 && !quoted) {
        hasTitle = true;
        push({ kind: 'title', text: item.text, level: 1 });
      } else push({ kind: 'heading', text: item.text, level: Math.min(6, Math.max(2, item.level)) });
    } else if (item.kind === 'paragraph') push(classify(squashSpaces(item.text), out.length, true, item.inBlockquote === true));
    else if (item.kind === 'list-item') push(item);
  });
  return out;
}

/** A Markdown document's elements in order (marked's lexer; inline Markdown and raw HTML reduced to their words). */
function markdownItems(body: string): MarkdownItem[] {
  const items: MarkdownItem[] = [];
  const paragraph = (text: string, inBlockquote: boolean) => items.push({ kind: 'paragraph', text, ...(inBlockquote ? { inBlockquote } : {}) });
  const walk = (tokens: Token[], inBlockquote: boolean, depth: number): void => {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading': {
          const h = t as Tokens.Heading;
          items.push({ kind: 'heading', text: squashSpaces(inlineText(h.tokens, h.text)), level: h.depth, inBlockquote });
          break;
        }
        case 'paragraph':
        case 'text': {
          const p = t as Tokens.Paragraph;
          paragraph(inlineText(p.tokens, p.text), inBlockquote);
          break;
        }
        case 'blockquote':
          if (depth < 50) walk((t as Tokens.Blockquote).tokens, true, depth + 1);
          break;
        case 'list':
          for (const item of (t as Tokens.List).items) {
            const [first, ...rest] = item.tokens;
            if (first && (first.type === 'text' || first.type === 'paragraph')) {
              const f = first as Tokens.Text;
              items.push({ kind: 'list-item', text: squashSpaces(inlineText(f.tokens, f.text)) });
              if (depth < 50) walk(rest, inBlockquote, depth + 1);
            } else if (depth < 50) walk(item.tokens, inBlockquote, depth + 1);
          }
          break;
        case 'code':
          paragraph((t as Tokens.Code).text, inBlockquote);
          break;
        case 'html':
          paragraph(stripHtml((t as Tokens.HTML).text), inBlockquote);
          break;
        case 'table': {
          const table = t as Tokens.Table;
          const row = (cells: Tokens.TableCell[]) => cells.map((c) => inlineText(c.tokens, c.text)).join(', ');
          paragraph(row(table.header), inBlockquote);
          for (const r of table.rows) paragraph(row(r), inBlockquote);
          break;
        }
        default:
          break;
      }
    }
  };
  walk(marked.lexer(body, { gfm: true }), false, 0);
  return items;
}
