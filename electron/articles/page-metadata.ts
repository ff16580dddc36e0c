// What a page says about its article outside the text: the headline (the article's own <h1>,
// JSON-LD, Open Graph, <title>), the author (<meta name="author">, JSON-LD) and a
// <meta http-equiv="refresh"> target. Read before the cleaner removes <script> elements, as
// JSON-LD lives in one. Nothing here is fetched or run: JSON-LD is parsed as data.
import { isFurniture } from '../../core/article/furniture';
import { stripSiteName } from '../../core/article/site-name';
import { TEXT_NODE, isElement, squash, tagOf, type DomDocument, type DomElement, type DomNode } from './dom';

export interface PageMetadata {
  /** The headline as the page shows it: its article's <h1>. */
  heading: string | null;
  /** Headline from JSON-LD, Open Graph or Twitter cards. */
  headline: string | null;
  /** <title>, site name removed where it is clearly appended ("Headline - BBC News"). */
  documentTitle: string | null;
  /** Author names from <meta name="author"> or JSON-LD, joined ("Jane Doe and Tom Lee"). */
  author: string | null;
  /** Where a <meta http-equiv="refresh"> would send the browser. */
  refreshTo: string | null;
  /** The article's whole text as JSON-LD gives it (`articleBody`), for a page that shows only part of it, or none. */
  articleBody: string | null;
}

const MAX_JSON_LD = 256 * 1024;

function meta(doc: DomDocument, selector: string): string | null {
  const v = squash(doc.querySelector(selector)?.getAttribute('content'));
  return v || null;
}

/** Names only: a profile URL or an e-mail address in an author field is not a byline. */
function personName(v: unknown): string | null {
  const name = typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : null;
  const s = squash(name);
  if (!s || s.length > 120 || /^https?:|@|\/|^www\./i.test(s)) return null;
  return s;
}

function joinNames(names: string[]): string | null {
  const unique = [...new Set(names)];
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

const ARTICLE_TYPES = /article|posting|report|newsarticle|webpage/i;

interface LdArticle { headline: string | null; authors: string[]; articleBody: string | null }

function readJsonLd(doc: DomDocument): LdArticle {
  const found: LdArticle = { headline: null, authors: [], articleBody: null };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, 20)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD) continue;
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length && seen < 200; seen++) {
      const v = queue.shift();
      if (Array.isArray(v)) {
        queue.push(...v);
        continue;
      }
      if (!v || typeof v !== 'object') continue;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
      const type = Array.isArray(o['@type']) ? o['@type'].join(' ') : String(o['@type'] ?? '');
      if (!ARTICLE_TYPES.test(type)) continue;
      if (!found.headline && typeof o.headline === 'string') found.headline = squash(o.headline) || null;
      if (!found.articleBody && typeof o.articleBody === 'string' && o.articleBody.trim()) found.articleBody = o.articleBody;
      if (found.authors.length === 0 && o.author) {
        const list = Array.isArray(o.author) ? o.author : [o.author];
        found.authors = list.map(personName).filter((n): n is string => n !== null).slice(0, 6);
      }
    }
  }
  return found;
}

function refreshTarget(doc: DomDocument): string | null {
  const refresh = Array.from(doc.querySelectorAll('meta[http-equiv]')).find((m) => /^refresh$/i.test(m.getAttribute('http-equiv') ?? ''));
  const m = /url\s*=\s*['"]?([^'"\s>]+)/i.exec(refresh?.getAttribute('content') ?? '');
  return m ? m[1]!.slice(0, 300) : null;
}

function pageHeading(doc: DomDocument): string | null {
  const inArticle = doc.querySelector('article h1, main h1, [role="main"] h1, [itemprop="headline"]');
  const all = Array.from(doc.querySelectorAll('h1'));
  const h: DomElement | undefined = inArticle ?? (all.length === 1 ? all[0] : undefined);
  if (!h) return null;
  // A logo in an <h1> is not a headline.
  const text = squash(h.textContent);
  return text && text.length <= 300 && !(tagOf(h) === 'h1' && h.closest('header, nav, [role="banner"]') && !h.closest('article, main')) ? text : null;
}

export function readMetadata(doc: DomDocument): PageMetadata {
  const ld = readJsonLd(doc);
  const title = squash(doc.querySelector('title')?.textContent);
  const metaAuthor = personName(meta(doc, 'meta[name="author" i]') ?? meta(doc, 'meta[property="article:author" i]'));
  // <meta name="author"> often holds the first of several authors that JSON-LD lists in full.
  const allAuthors = metaAuthor && ld.authors.length > 1 && ld.authors.includes(metaAuthor) ? joinNames(ld.authors) : null;
  return {
    heading: pageHeading(doc),
    headline: ld.headline ?? meta(doc, 'meta[property="og:title" i]') ?? meta(doc, 'meta[name="twitter:title" i]'),
    documentTitle: title ? stripSiteName(title) : null,
    author: allAuthors ?? metaAuthor ?? joinNames(ld.authors),
    refreshTo: refreshTarget(doc),
    articleBody: ld.articleBody,
  };
}

/** Elements that may hold the byline (bylineOf says whether one does). */
export const BYLINE_ELEMENTS = '[class*="byline" i], [id*="byline" i], [data-testid*="byline" i], [itemprop~="author"], [rel~="author"], [class*="author" i], address';

/** The words of an element, its separate pieces (name, role) joined with commas, dates and buttons left out. */
function bylineText(e: DomElement): string {
  const pieces: string[] = [];
  const stack: DomNode[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      const t = squash(n.textContent);
      if (t) pieces.push(t);
    } else if (isElement(n) && !['time', 'script', 'style', 'button', 'svg', 'img'].includes(tagOf(n))) {
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
    }
  }
  let out = '';
  // (A separator left between a name and a date the byline leaves out, "·" or "|", is no piece.)
  for (const p of pieces.filter((p) => !isFurniture(p) && !ONLY_SEPARATORS.test(p))) {
    // "By" + "Jane Doe", "Jane Doe" + ", reporter": no comma; "Jane Doe" + "BBC News, Bristol": a comma.
    const joinBare = out === '' || /(?:^|\s)(?:by|and|&|with)$/i.test(out) || /[,;:–—-]$/.test(out) || /^[,;:.)]/.test(p) || /^(?:and|&)\b/i.test(p);
    out += out === '' ? p : joinBare ? (/^[,;:.)]/.test(p) ? p : ` ${p}`) : `, ${p}`;
  }
  // (…and one left at its end, where that date was: "Environment Correspondent ·".)
  return out.replace(SEPARATORS_AT_END, '');
}
const SEPARATORS = String.raw`[\s·•|–—\-/,;:]+`;
const ONLY_SEPARATORS = new RegExp(`^${SEPARATORS}$`);
const SEPARATORS_AT_END = new RegExp(`${SEPARATORS}$`);

/** The byline the page shows (the first byline-like element with a short text), read before Readability takes it out. */
export function pageByline(doc: DomDocument): string | null {
  for (const e of Array.from(doc.querySelectorAll(BYLINE_ELEMENTS)).slice(0, 40)) {
    const text = bylineOf(e);
    if (text !== null) return text;
  }
  return null;
}

/**
 * The byline an element shows, when it is a byline element (by its class, id, itemprop, rel or tag) with a short text:
 * its pieces joined as bylineText joins them ("By Hugh Pym" and "Health editor, BBC News" in two spans, which a page's
 * style sets on two lines, are not "Hugh PymHealth").
 */
export function bylineOf(e: DomElement): string | null {
  if (e.closest(BYLINE_ELEMENTS) !== e) return null;
  // The "author" of a pull quote or a block quote is who said it, not who wrote the article.
  if (e.closest('blockquote, q, figure, [class*="quote" i]')) return null;
  const text = bylineText(e);
  return looksLikeByline(text) ? text : null;
}

/**
 * Whether a short text reads as a byline: names (and roles), not a sentence, a link or an address. (A byline names;
 * "Jane Doe is a health reporter at the Gazette", a writer's note under the story, says something.)
 */
export const looksLikeByline = (text: string) =>
  text.length >= 3 && text.length <= 150 && /\p{Lu}/u.test(text) && !/[.!?]["”]?$/.test(text) && !/^https?:|^www\.|@/i.test(text) && !CLAUSE_VERB.test(text);
const CLAUSE_VERB = /\b(?:is|was|are|were|has|have|had|covers|covered|writes|wrote|reports|reported|joined|lives|works|worked)\b/i;
