// An extracted article's DOM -> WebItems (core/article/blocks.ts turns them into blocks):
// headings with their levels, paragraphs, list items, block quotes with the attribution line
// after them ("— Helen Morris, Safer Streets campaign", from <cite> or a dash line, as the
// Markdown path has it), figures as captions with their credit kept apart. Only text leaves
// here: nothing of the markup reaches the renderer.
import type { WebItem } from '../../core/article/blocks';
import { isFurniture } from '../../core/article/furniture';
import { TEXT_NODE, isElement, tagOf, type DomElement, type DomNode } from './dom';
import { nameWords } from './page-cleaner';
import { BYLINE_ELEMENTS, bylineOf } from './page-metadata';

/** Never article text (the cleaner removes most of these first; this is the backstop). */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas',
  'video', 'audio', 'picture', 'img', 'source', 'track', 'map', 'area', 'input', 'button', 'select', 'option', 'textarea',
  'form', 'nav', 'aside', 'footer', 'dialog', 'head', 'title', 'meta', 'link', 'base', 'param', 'menu',
]);
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'nobr', 'q',
  's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'del', 'ins', 'label', 'br', 'ruby', 'rt', 'rp',
]);
const HEADING = /^h([1-6])$/;
const BLOCK_INSIDE = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, figure, table, section, article, pre, li';
const CREDIT_CLASS = /(?:^|[\s_-])(?:credit|credits|copyright|source|attribution|photographer|rights|image-?source)(?:$|[\s_-])/i;
const DASH_LINE = /^[—–―]|^-{1,2}\s/;
/** Past this depth a subtree is read as one paragraph (the cleaner has already collapsed wrapper chains). */
const MAX_DEPTH = 150;

const CLOSING_QUOTE: DomNode = { nodeType: TEXT_NODE, nodeName: '#text', textContent: '”', parentNode: null, childNodes: [] };

/** Text of inline content; <br> -> newline (a double <br> separates paragraphs); <q> in quotation marks. */
export function inlineText(node: DomNode, exclude?: (e: DomElement) => boolean): string {
  let out = '';
  // Iterative: a hostile page can nest inline elements thousands deep.
  const stack: DomNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      out += n.textContent ?? '';
      continue;
    }
    if (!isElement(n)) continue;
    const tag = tagOf(n);
    if (n !== node && (SKIP.has(tag) || exclude?.(n))) continue;
    if (tag === 'br') {
      out += '\n';
      continue;
    }
    // Cells and items of an inline-ish run still need a gap between them.
    if (n !== node && !INLINE.has(tag)) out += ' ';
    // <q> is shown with quotation marks the browser adds: they are what marks the speech.
    if (tag === 'q') {
      out += '“';
      stack.push(CLOSING_QUOTE);
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out;
}

/**
 * A caption's parts (caption, credit, "Read More" button) are separate elements shown on
 * separate lines: their texts are joined with spaces, and furniture among them dropped.
 */
function partsText(e: DomElement, exclude?: (e: DomElement) => boolean): string {
  const parts: string[] = [];
  for (const child of Array.from(e.childNodes)) {
    if (isElement(child) && (SKIP.has(tagOf(child)) || exclude?.(child))) continue;
    const t = (child.nodeType === TEXT_NODE ? child.textContent ?? '' : isElement(child) ? inlineText(child, exclude) : '').replace(/\s+/g, ' ').trim();
    if (t && !isFurniture(t)) parts.push(t);
  }
  return parts.join(' ');
}

/** Longer than this, a line set apart by one <br> is prose, and the lines around it one paragraph. */
const MAX_HEADER_LINE = 160;

/**
 * Paragraphs of a run of text (a double <br> separates them). Lines set apart by one <br> are one
 * paragraph (a sentence may go on after one), except at the top of an article before its first
 * paragraph, when they are all short and none goes on in lower case: then they are a headline, a
 * byline and a date, each its own. A line of page furniture among them goes.
 */
function paragraphsOf(text: string, atTop = false): string[] {
  const out: string[] = [];
  for (const run of text.split(/\n[ \t\u00a0]*\n/)) {
    const lines = run.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const header = atTop && out.length === 0 && lines.length > 1 && lines.every((l) => l.length <= MAX_HEADER_LINE && !/^\p{Ll}/u.test(l));
    const kept = lines.filter((l) => lines.length === 1 || !isFurniture(l));
    if (header) out.push(...kept);
    else if (kept.length) out.push(kept.join(' '));
  }
  return out;
}

function isCredit(e: DomElement): boolean {
  const itemprop = e.getAttribute('itemprop') ?? '';
  return CREDIT_CLASS.test(`${e.className} ${e.id}`) || /copyright|creator|creditText/i.test(itemprop);
}

/** Longer than this, an element whose class says caption is more than a caption: it is read as text. */
const MAX_CAPTION_CHARS = 600;

/** `<p class="imageCaption">`, `<div class="wp-caption-text">`: a photo's caption that is not in a <figure>. */
export function isCaptionOutsideFigure(e: DomElement): boolean {
  const name = `${e.className} ${e.id}`;
  return tagOf(e) !== 'figure' && /caption/i.test(name) && nameWords(name).includes('caption') && !e.querySelector('blockquote, ul, ol, h1, h2, h3, h4, h5, h6, figure, table') && (e.textContent ?? '').length <= MAX_CAPTION_CHARS;
}

/** Walks one extracted article (or a page's body, when Readability found nothing) in reading order. */
export function collectItems(root: DomElement): WebItem[] {
  const items: WebItem[] = [];
  let loose = '';
  let quoteDepth = 0;
  const inQuote = () => quoteDepth > 0;

  let paragraphsSeen = false;
  // A byline element above the story, its pieces joined as the page's byline is (an "author" box further down is a
  // writer's note, read as its text). (Found once: asked of every element, a selector match would climb to the root.)
  const bylineElements = new Set(Array.from(root.querySelectorAll(BYLINE_ELEMENTS)));
  const bylineHere = (e: DomElement) => (!paragraphsSeen && !inQuote() && bylineElements.has(e) ? bylineOf(e) : null);
  const paragraph = (text: string) => {
    const atTop = !paragraphsSeen;
    paragraphsSeen = true;
    for (const t of paragraphsOf(text, atTop)) {
      // A dash line inside a block quote names who said it: it goes after the quote, as its attribution line.
      if (inQuote() && DASH_LINE.test(t)) items.push({ kind: 'paragraph', text: t });
      else items.push({ kind: 'paragraph', text: t, ...(inQuote() ? { inBlockquote: true } : {}) });
    }
  };
  const flushLoose = () => {
    if (loose.trim()) paragraph(loose);
    loose = '';
  };

  const figure = (fig: DomElement, depth: number) => {
    const caption = fig.querySelector('figcaption');
    // <figure><blockquote>…</blockquote><figcaption>— Name</figcaption></figure>: a quote and who said it.
    if (fig.querySelector('blockquote')) {
      for (const child of Array.from(fig.childNodes)) if (child !== caption) visit(child, depth + 1);
      if (caption) attribution(inlineText(caption));
      return;
    }
    const credits = Array.from(fig.querySelectorAll('*')).filter(isCredit);
    const inCredit = (e: DomElement) => credits.includes(e);
    const captionText = caption ? partsText(caption, inCredit) : '';
    // Text beside the image but outside the caption (BBC's "Image source, X") is its credit.
    const besides = caption ? inlineText(fig, (e) => e === caption || inCredit(e)) : '';
    const credit = [...credits.filter((c) => !credits.some((o) => o !== c && o.contains(c))).map((c) => inlineText(c)), besides]
      .map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
    const text = caption ? captionText : inlineText(fig, inCredit);
    if (text.trim() || credit) items.push({ kind: 'caption', text: text.replace(/\s+/g, ' ').trim(), credit: credit || null });
  };

  const previousCaptionWithoutCredit = () => {
    const last = items[items.length - 1];
    return last?.kind === 'caption' && !last.credit && last.text ? last : undefined;
  };

  const attribution = (text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) items.push({ kind: 'paragraph', text: DASH_LINE.test(t) ? t : `— ${t}` });
  };

  const blockquote = (quote: DomElement, depth: number) => {
    // <cite> and <footer> in a block quote say whose words they are: read them after it.
    const cites = Array.from(quote.querySelectorAll('cite, footer')).filter((c) => c.closest('blockquote') === quote);
    quoteDepth++;
    for (const child of Array.from(quote.childNodes)) visit(child, depth + 1, (e) => cites.includes(e));
    flushLoose();
    quoteDepth--;
    for (const c of cites) attribution(inlineText(c));
  };

  const list = (el: DomElement, depth: number) => {
    for (const li of Array.from(el.children)) {
      if (tagOf(li) !== 'li') {
        visit(li, depth + 1);
        continue;
      }
      const nested = (e: DomElement) => ['ul', 'ol'].includes(tagOf(e));
      for (const t of paragraphsOf(inlineText(li, nested))) items.push(inQuote() ? { kind: 'paragraph', text: t, inBlockquote: true } : { kind: 'list-item', text: t });
      for (const sub of Array.from(li.children)) if (nested(sub)) list(sub, depth + 1);
    }
  };

  const table = (el: DomElement) => {
    for (const row of Array.from(el.querySelectorAll('tr'))) {
      const cells = Array.from(row.children).map((c) => inlineText(c).replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (cells.length) paragraph(cells.join(', '));
    }
  };

  function visit(node: DomNode, depth: number, exclude?: (e: DomElement) => boolean): void {
    if (node.nodeType === TEXT_NODE) {
      loose += node.textContent ?? '';
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIP.has(tag) || exclude?.(node)) return;
    if (depth > MAX_DEPTH) {
      loose += ' ' + inlineText(node) + ' ';
      return;
    }
    if (INLINE.has(tag) && !node.querySelector(BLOCK_INSIDE)) {
      loose += inlineText(node, exclude);
      return;
    }
    flushLoose();
    const heading = HEADING.exec(tag);
    const byline = bylineHere(node);
    if (heading) {
      const text = inlineText(node).replace(/\s+/g, ' ').trim();
      if (inQuote()) paragraph(text);
      else if (text) items.push({ kind: 'heading', text, level: Number(heading[1]) });
    } else if ((tag === 'figcaption' || isCaptionOutsideFigure(node)) && isCredit(node) && previousCaptionWithoutCredit()) {
      // <div class="caption">…</div><figcaption class="credit">X/Getty Images</figcaption>: the credit of that caption.
      previousCaptionWithoutCredit()!.credit = inlineText(node).replace(/\s+/g, ' ').trim() || null;
    } else if (tag === 'figcaption' || (!inQuote() && isCaptionOutsideFigure(node))) {
      items.push({ kind: 'caption', text: partsText(node, isCredit), credit: Array.from(node.querySelectorAll('*')).filter(isCredit).map((c) => inlineText(c)).join(' ').trim() || null });
    } else if (byline !== null) {
      paragraph(byline);
    } else if (tag === 'p' || tag === 'pre' || tag === 'address' || tag === 'dt' || tag === 'dd') {
      paragraph(inlineText(node, exclude));
    } else if (tag === 'ul' || tag === 'ol') {
      list(node, depth);
    } else if (tag === 'blockquote') {
      blockquote(node, depth);
    } else if (tag === 'figure') {
      figure(node, depth);
    } else if (tag === 'table') {
      table(node);
    } else {
      for (const child of Array.from(node.childNodes)) visit(child, depth + 1, exclude);
    }
    flushLoose();
  }

  visit(root, 0);
  flushLoose();
  return items;
}
