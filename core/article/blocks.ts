import { marked, type Token, type Tokens } from 'marked';
import type { BlockKind } from '../contract';

/** A block before offsets are assigned: its final text, kind, and where a caption's credit starts. */
export interface RawBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  inBlockquote?: boolean;
  /** Caption only: offset within `text` where "Credit: X" starts. */
  creditAt?: number;
}

const BYLINE = /^(?:(?:video |audio |photo |words and pictures |additional )?report(?:ing)? by|(?:written |words |story )?by|video by|photos? by)\s+\p{Lu}/iu;
const LEADING_BULLET = /^[•·▪●◦*\-–—]\s*/;
/** "... Credit: ITV News", "Photograph: Jane Doe/Reuters", "(Image: PA)", "(AP Photo/Jane Doe)" at the end of a block. */
const CREDIT = /(?:^|(?<=[\s.;|–—-]))(?:(?:Credit|Credits|Photo|Photograph|Photography|Picture|Pictures|Image|Images|Pic|Illustration)\s*:\s*[^:\n]{1,120}|\((?:(?:Photo|Image|Picture|Credit)s?\s*:?\s*[^)]{1,120}|AP Photo[^)]{0,120}|Getty Images|Reuters|PA|AFP)\))\s*$/u;
const LIST_MARKER = /^(?:[•·▪●◦*\-–—]|\d{1,3}[.)])\s+/;
/** An inline opening tag whose content is not prose (closed later in the same run of tokens). */
const INLINE_CODE_ELEMENT = /^<(script|style|template|iframe|svg|object|noscript|textarea|title|math)\b(?![^>]*\/>)[^>]*>/i;
const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Control characters (but tab and newline) would reach the speech engine and the screen: replace them. */
export function normalizeSource(source: string): string {
  return source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g, ' ');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (all, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x') || lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0x1f && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return HTML_ENTITIES[lower] ?? all;
  });
}

/** Classifies a block of running text the same way for plain text and Markdown. */
function classify(text: string, index: number, hasTitle: boolean, inBlockquote: boolean): RawBlock {
  const unbulleted = text.replace(LEADING_BULLET, '');
  if (index < 5 && unbulleted.length <= 200 && BYLINE.test(unbulleted) && !/["“”]/.test(unbulleted)) {
    return { kind: 'byline', text: unbulleted };
  }
  const credit = CREDIT.exec(text);
  if (credit && !inBlockquote) {
    return { kind: 'caption', text, creditAt: credit.index };
  }
  if (!hasTitle && index === 0 && text.length <= 250 && !inBlockquote) return { kind: 'title', text, level: 1 };
  return { kind: 'paragraph', text, ...(inBlockquote ? { inBlockquote } : {}) };
}

/** A short capitalised line with no closing punctuation, between paragraphs, is a subheading. */
function looksLikeHeading(text: string): boolean {
  if (text.length > 90) return false;
  const words = text.split(' ').length;
  return words <= 12 && /^\p{Lu}/u.test(text) && !/[.!?,;:"“”’')\]]$/.test(text) && !/["“”]/.test(text);
}

export function plainTextBlocks(source: string): RawBlock[] {
  const text = normalizeSource(source);
  const chunks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  const out: RawBlock[] = [];
  const pieces = chunks.map(squash).filter(Boolean);
  pieces.forEach((piece, i) => {
    const listed = LIST_MARKER.exec(piece);
    const block = classify(piece, out.length, false, false);
    // "— Name, role" after a quote attributes it (attribution reads it); it is no list item.
    const attributionLine = /^[—–]/.test(piece) && i > 0 && /["”’]\s*$/.test(pieces[i - 1]!);
    if (block.kind === 'paragraph' && listed && !attributionLine && !BYLINE.test(piece.replace(LEADING_BULLET, ''))) {
      out.push({ kind: 'list-item', text: piece.slice(listed[0].length) });
    } else if (block.kind === 'paragraph' && i > 0 && i < pieces.length - 1 && looksLikeHeading(piece)) {
      out.push({ kind: 'heading', text: piece, level: 2 });
    } else {
      out.push(block);
    }
  });
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

function stripHtml(html: string): string {
  return decodeEntities(html.replace(/<(script|style|template|iframe|svg|object)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' '));
}

export function markdownBlocks(source: string): RawBlock[] {
  const out: RawBlock[] = [];
  let hasTitle = false;
  const push = (b: RawBlock) => {
    const text = squash(b.text);
    if (text) out.push({ ...b, text, ...(b.creditAt !== undefined ? { creditAt: b.creditAt - (b.text.length - b.text.trimStart().length) } : {}) });
  };
  const walk = (tokens: Token[], inBlockquote: boolean, depth: number): void => {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading': {
          const h = t as Tokens.Heading;
          const text = squash(inlineText(h.tokens, h.text));
          if (!hasTitle && out.length === 0 && !inBlockquote) {
            hasTitle = true;
            push({ kind: 'title', text, level: 1 });
          } else push({ kind: 'heading', text, level: Math.min(6, Math.max(2, h.depth)) });
          break;
        }
        case 'paragraph':
        case 'text': {
          const p = t as Tokens.Paragraph;
          const text = squash(inlineText(p.tokens, p.text));
          if (text) push(classify(text, out.length, true, inBlockquote));
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
              push({ kind: 'list-item', text: squash(inlineText(f.tokens, f.text)) });
              if (depth < 50) walk(rest, inBlockquote, depth + 1);
            } else if (depth < 50) walk(item.tokens, inBlockquote, depth + 1);
          }
          break;
        case 'code':
          push({ kind: 'paragraph', text: (t as Tokens.Code).text });
          break;
        case 'html':
          push({ kind: 'paragraph', text: stripHtml((t as Tokens.HTML).text) });
          break;
        case 'table': {
          const table = t as Tokens.Table;
          const row = (cells: Tokens.TableCell[]) => cells.map((c) => inlineText(c.tokens, c.text)).join(', ');
          push({ kind: 'paragraph', text: row(table.header) });
          for (const r of table.rows) push({ kind: 'paragraph', text: row(r) });
          break;
        }
        default:
          break;
      }
    }
  };
  walk(marked.lexer(normalizeSource(source), { gfm: true }), false, 0);
  return out;
}
