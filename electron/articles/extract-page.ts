// A web page (saved, fetched or pasted as HTML) -> the article's blocks. The page is parsed by
// linkedom (a DOM without a browser: no script runs, nothing is fetched), cleaned of furniture,
// and Mozilla's Readability picks the article; its elements become WebItems and then blocks
// under the same furniture and caption rules as copied text. See docs/web-extraction.md for
// why linkedom and not jsdom.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { webBlocks, type RawBlock, type WebItem } from '../../core/article/blocks';
import type { DomDocument, DomElement } from './dom';
import { collectItems } from './html-items';
import { noteFigures, restoreLeadFigures } from './lead-figures';
import { cleanPage, collapseWrappers, maxDepth } from './page-cleaner';
import { looksLikeByline, pageByline, readMetadata } from './page-metadata';

export type ExtractResult =
  | { ok: true; blocks: RawBlock[]; title: string | null; notices: string[] }
  | { ok: false; message: string };

export interface ExtractOptions {
  /** Pasted HTML: the user chose the text, so a short selection is read whole. */
  fragment?: boolean;
}

/** Deeper than this (after unwrapping bare wrappers) Readability slows to seconds: the page is read without it. */
export const READABILITY_MAX_DEPTH = 80;
/** More elements than this and Readability gives up by itself (its own limit). */
export const READABILITY_MAX_ELEMENTS = 40_000;
/** A pasted selection shorter than this is all article: scoring it could only lose parts. */
const FRAGMENT_WHOLE_CHARS = 3000;
/** Readability's pick must keep at least this much text, or the whole (cleaned) page is read. */
const MIN_ARTICLE_CHARS = 140;
/** linkedom's parser slows quadratically with nesting: markup nested deeper than this is flattened first. */
export const PARSE_MAX_DEPTH = 1000;

const VOID_OR_SELF_CLOSING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/** How deep the markup nests, counted on the text (elements whose end tag may be left out do not count). */
export function markupDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[3] || VOID_OR_SELF_CLOSING.has(m[2]!.toLowerCase())) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Keeps only the tags that separate paragraphs (and drops code): a hostile nesting of thousands of wrappers becomes a flat page. */
function flatten(html: string): string {
  return html
    .replace(/<(script|style|template|noscript|iframe|svg|math)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(TAG, (tag, _close: string, name: string) => (/^(?:p|h[1-6]|li|blockquote|br|figcaption|tr|title|html|head|body|meta)$/i.test(name) ? tag : ' '));
}

function parse(html: string): DomDocument {
  // linkedom wants a document; a fragment (pasted HTML) is given a body to live in.
  const doc = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(doc).document as unknown as DomDocument;
}

const textLength = (e: DomElement | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function readable(doc: DomDocument): { content: DomElement; byline: string | null; title: string | null } | null {
  try {
    const reader = new Readability(doc as never, {
      serializer: (node) => node,
      maxElemsToParse: READABILITY_MAX_ELEMENTS,
      disableJSONLD: true, // already read (the cleaner removed its <script>)
      keepClasses: true, // "credit", "caption": html-items.ts reads them
    });
    const r = reader.parse();
    const content = r?.content as unknown as DomElement | null | undefined;
    if (!r || !content || textLength(content) < MIN_ARTICLE_CHARS) return null;
    return { content, byline: r.byline?.trim() || null, title: r.title?.trim() || null };
  } catch {
    return null; // too many elements, or a page Readability cannot handle: read the cleaned page instead
  }
}

/** Blocks of the article's own text (a page of only a title, a byline and captions has none). */
const isText = (b: RawBlock) => b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'heading';

/** JSON-LD's articleBody: plain text with line breaks between paragraphs, or (on some sites) markup. */
function articleBodyItems(body: string): WebItem[] {
  if (/<\/?(?:p|br|div|h[1-6])\b/i.test(body)) {
    const doc = parse(body);
    cleanPage(doc);
    return collectItems(doc.body ?? doc.documentElement!);
  }
  // Plain text may still hold entities ("It&#8217;s"): the HTML parser decodes them (its "<" escaped, so no tag is made).
  const text = parse(`<pre>${body.replace(/</g, '&lt;')}</pre>`).querySelector('pre')?.textContent ?? body;
  return text.split(/\n+/).map((t) => t.trim()).filter(Boolean).map((t) => ({ kind: 'paragraph' as const, text: t }));
}

/** The markup holds at most a placeholder ("Loading…", "Your browser is out of date") where the data holds the article. */
function onlyPlaceholder(blocks: RawBlock[], body: string): boolean {
  const shown = blocks.filter(isText);
  return shown.length <= 1 && shown.reduce((n, b) => n + b.text.length, 0) < 0.1 * body.length;
}

/** A byline that Readability found in the page, unless it is a link, an address or a sentence. */
const usableByline = (b: string | null) => (b && looksLikeByline(b) ? b : null);

export function extractArticle(source: string, options: ExtractOptions = {}): ExtractResult {
  const notices: string[] = [];
  let html = source;
  if (markupDepth(html) > PARSE_MAX_DEPTH) {
    html = flatten(html);
    notices.push('This page is nested unusually deeply, so it was read without its layout: some page furniture may be read.');
  }
  const doc = parse(html);
  const meta = readMetadata(doc);
  cleanPage(doc);
  collapseWrappers(doc);
  const shownByline = pageByline(doc);
  const body = doc.body ?? doc.documentElement;
  if (!body) return { ok: false, message: 'The page has no content.' };

  let root: DomElement = body;
  let byline: string | null = null;
  let readabilityTitle: string | null = null;
  const whole = (options.fragment && textLength(body) < FRAGMENT_WHOLE_CHARS) || notices.length > 0;
  if (!whole) {
    if (maxDepth(body) > READABILITY_MAX_DEPTH || body.querySelectorAll('*').length > READABILITY_MAX_ELEMENTS) {
      notices.push('This page is unusually large or deeply nested, so it was read without looking for the article in it: some page furniture may be read.');
    } else {
      // Readability changes the document it reads; the cleaned page is parsed again if it finds nothing.
      const figures = noteFigures(doc);
      const found = readable(doc);
      if (found) {
        root = found.content;
        restoreLeadFigures(root, figures);
        byline = usableByline(found.byline);
        readabilityTitle = found.title;
      } else {
        const again = parse(html);
        cleanPage(again);
        collapseWrappers(again);
        root = again.body ?? again.documentElement ?? body;
      }
    }
  }

  const title = meta.heading ?? meta.headline ?? readabilityTitle ?? meta.documentTitle;
  // Readability's byline comes from <meta name="author"> too, which may name only the first author.
  const fuller = byline && meta.author?.includes(byline) ? meta.author : byline;
  const pageMeta = { title, byline: shownByline ?? fuller ?? meta.author };
  let blocks = webBlocks(collectItems(root), pageMeta);
  // A page whose scripts would write the article in (none of it is in the markup) often carries it as data for search engines.
  // Only then is the data read: a page that shows part of its article (a paywall's first paragraphs) is read as shown.
  if (meta.articleBody && onlyPlaceholder(blocks, meta.articleBody)) blocks = webBlocks(articleBodyItems(meta.articleBody), pageMeta);
  if (!blocks.some(isText)) {
    if (meta.refreshTo) return { ok: false, message: `This page only sends the browser on to another address (${meta.refreshTo}); open that link instead.` };
    return { ok: false, message: 'No article text was found on this page.' };
  }
  return { ok: true, blocks, title: blocks.find((b) => b.kind === 'title')?.text ?? null, notices };
}
