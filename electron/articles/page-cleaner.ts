// Removes what a page shows around its article before Readability scores it: code, forms,
// hidden elements, navigation, and furniture named by its class, id or role (cookie banners,
// share bars, newsletter boxes, related links, comments, paywall notices, ads, the writer's bio box) or by being
// nothing but a short bar of links. An element
// that holds the headline or most of the page's text is never removed, whatever its class.
// Then collapses chains of single-child wrappers, which cost Readability time for nothing.
import { isElement, tagOf, type DomDocument, type DomElement } from './dom';

const CODE_AND_CONTROLS = 'script, style, noscript, template, iframe, frame, object, embed, applet, svg, math, canvas, video, audio, form, button, input, select, textarea, dialog, link, base';
const CHROME = 'nav, aside, footer, menu, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="search"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="menubar"], [role="toolbar"], [aria-modal="true"]';
const HIDDEN = '[hidden], [aria-hidden="true"], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i]';

/** Words in a class or id that mark page furniture (matched as whole words of the name). */
const FURNITURE_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'gpt', 'sponsor', 'sponsored',
  'promo', 'promos', 'promotion', 'promoted', 'newsletter', 'newsletters', 'signup', 'subscribe', 'subscription', 'paywall', 'regwall',
  'share', 'sharing', 'sharebar', 'sharetools', 'social', 'related', 'recommended', 'recommendations', 'outbrain', 'taboola',
  'comment', 'comments', 'disqus', 'cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'popup', 'modal', 'overlay', 'breadcrumb',
  'breadcrumbs', 'nav', 'navbar', 'navigation', 'menu', 'footer', 'sidebar', 'widget', 'trending', 'mostread', 'mostviewed',
  'tags', 'topics', 'toolbar', 'skip', 'epic', 'donate', 'banner',
]);
const FURNITURE_PHRASES = /pull-?quote|most-?(?:read|viewed|popular)|more-?(?:stories|from|on-?this)|read-?(?:more|next)|you-?may-?like|also-?read|further-?reading|top-?stories|support-?(?:us|our)/i;

/**
 * A box about the writer after the article ("Dana Whitfield covers local government… Reach her at …"), named by its
 * class or id. Only one holding a sentence about them: a short box of that name at the top is the byline.
 */
const AUTHOR_BOX = /author-?(?:bio|box|info|card|profile|details|about)(?![a-z])|about-?(?:the-?)?author|bio-?box/i;
const AUTHOR_BOX_MIN_CHARS = 80;
const isAuthorBox = (e: DomElement) => AUTHOR_BOX.test(classAndId(e)) && textLength(e) >= AUTHOR_BOX_MIN_CHARS && SENTENCE_END.test(e.textContent ?? '');
/** A sentence about the writer, not a name, role and date: a lower-case word then a full stop. */
const SENTENCE_END = /\p{Ll}{2}\.(?:\s|$)/u;

/**
 * A page's own audio or video player ("Heard on Morning Edition 4-Minute Listen Listen · 4:12"): a block (never an
 * inline element: a link of class "player-link" in a sentence is a name) named audio or player, holding no sentence.
 */
const MEDIA_PLAYER_WORDS = new Set(['audio', 'player']);
const MEDIA_PLAYER_BLOCKS = new Set(['div', 'section', 'aside', 'figure']);
const isMediaPlayer = (e: DomElement) =>
  MEDIA_PLAYER_BLOCKS.has(tagOf(e)) && nameWords(classAndId(e)).some((w) => MEDIA_PLAYER_WORDS.has(w)) && !SENTENCE_END.test(e.textContent ?? '');

/** "ShareBar article-share_tools" -> share, bar, article, share, tools. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** What a page calls an element: its class and id. */
const classAndId = (e: DomElement) => `${e.getAttribute('class') ?? ''} ${e.id ?? ''}`;

export function looksLikeFurniture(e: DomElement): boolean {
  const name = `${classAndId(e)} ${e.getAttribute('data-component') ?? ''}`;
  if (!name.trim()) return false;
  return nameWords(name).some((w) => FURNITURE_WORDS.has(w)) || FURNITURE_PHRASES.test(name);
}

/**
 * A bar of links and nothing else ("Subscribe Log In e-Edition", a row of section or tag links): menus a site does not
 * mark as such. Only the element's own children are looked at: three or more links, no words outside them, short.
 */
const LINK_BAR_MIN_LINKS = 3;
const LINK_BAR_MAX_CHARS = 150;
function isLinkBar(e: DomElement): boolean {
  let links = 0;
  for (const n of Array.from(e.childNodes)) {
    if (isElement(n)) {
      if (tagOf(n) !== 'a') return false;
      links++;
    } else if (n.nodeType === 3 && /[\p{L}\p{N}]/u.test(n.textContent ?? '')) return false;
  }
  return links >= LINK_BAR_MIN_LINKS && textLength(e) <= LINK_BAR_MAX_CHARS;
}

function textLength(e: DomElement | null): number {
  return (e?.textContent ?? '').replace(/\s+/g, ' ').length;
}

/** Removes furniture in place. Returns how many elements went. */
export function cleanPage(doc: DomDocument): number {
  const body = doc.body ?? doc.documentElement;
  if (!body) return 0;
  let removed = 0;
  const drop = (list: ArrayLike<DomElement>, keep?: (e: DomElement) => boolean) => {
    for (const e of Array.from(list)) {
      if (!e.parentNode || keep?.(e)) continue;
      e.remove();
      removed++;
    }
  };
  drop(doc.querySelectorAll(CODE_AND_CONTROLS));
  drop(doc.querySelectorAll(HIDDEN));
  const total = Math.max(1, textLength(body));
  // The article itself is never furniture, whatever a site calls it.
  const essential = (e: DomElement) =>
    e === body || ['html', 'body', 'main', 'article'].includes(tagOf(e)) || e.querySelector('h1, article, main, [itemprop="articleBody"]') !== null || textLength(e) > 0.4 * total;
  drop(doc.querySelectorAll(CHROME), essential);
  // A site header (logo, menu) is furniture; an article's header holds its headline and byline.
  drop(doc.querySelectorAll('header, [role="banner"]'), (e) => essential(e) || e.closest('article, main') !== null);
  drop(Array.from(body.querySelectorAll('[class], [id], [data-component]')).filter((e) => looksLikeFurniture(e) || isAuthorBox(e) || isMediaPlayer(e)), essential);
  // (Blocks only: links in a <span> or <p> may be a list inside a sentence, "The shortlist, Ann Bell, Tom Pike, Jo Lee, …".)
  drop(Array.from(body.querySelectorAll('div, ul, ol, section')).filter(isLinkBar), essential);
  return removed;
}

/**
 * `<div><div><div>…<p>` -> `<div><p>`: a wrapper with no attributes whose parent holds
 * nothing else adds depth (which costs Readability time) and no meaning, so it is unwrapped.
 */
export function collapseWrappers(doc: DomDocument): void {
  for (const e of Array.from(doc.querySelectorAll('div, span, section, font, center'))) {
    const parent = e.parentNode;
    if (!parent || !isElement(parent) || (e as unknown as { attributes: ArrayLike<unknown> }).attributes.length > 0) continue;
    const siblings = Array.from(parent.childNodes).filter((n) => !(n.nodeType === 3 && !(n.textContent ?? '').trim()));
    if (siblings.length !== 1) continue;
    (e as unknown as { replaceWith(...n: unknown[]): void }).replaceWith(...Array.from(e.childNodes));
  }
}

/** The deepest element nesting under `root`, counted without recursion. */
export function maxDepth(root: DomElement): number {
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 0]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    if (d > deepest) deepest = d;
    for (const c of Array.from(e.children)) stack.push([c, d + 1]);
  }
  return deepest;
}
