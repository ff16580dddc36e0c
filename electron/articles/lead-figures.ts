// A news page's lead photo often sits between the headline and the article's body, outside the
// element Readability picks as the article (Reuters, the Guardian and many local papers do this),
// so its caption and credit were lost. Before Readability runs, the captioned figures of the page
// are noted with where they stand; after, the ones that stood in the same article or main element
// before its first paragraph are put back in front of that paragraph.
import { squash, type DomDocument, type DomElement } from './dom';
import { isCaptionOutsideFigure } from './html-items';

/** A lead photo, a second one, a map: more than this before the first paragraph is a gallery or a rail. */
const MAX_LEAD_FIGURES = 3;
/** Lead photos come near the top: past this many, a page's figures and captions (a gallery of thousands, on a hostile page) are not looked at. */
const MAX_NOTED_FIGURES = 50;
/** Paragraphs are matched by the start of their text. */
const KEY_CHARS = 160;

interface Noted {
  order: number;
  container: DomElement | null;
  copy: DomElement;
  caption: string;
}

export interface FigureNotes {
  figures: Noted[];
  paragraphs: Map<string, { order: number; container: DomElement | null }>;
}

const containerOf = (e: DomElement) => e.closest('article, main, [role="main"]');

/** Reads the page before Readability changes it. */
export function noteFigures(doc: DomDocument): FigureNotes {
  const notes: FigureNotes = { figures: [], paragraphs: new Map() };
  const body = doc.body ?? doc.documentElement;
  if (!body) return notes;
  let order = 0;
  const held = new Set<DomElement>();
  for (const e of Array.from(body.querySelectorAll('figure, p, [class*="caption" i]'))) {
    order++;
    const tag = e.tagName.toLowerCase();
    // Past the last figure noted only paragraphs are read (a <p> whose class says caption is still no paragraph).
    const full = notes.figures.length >= MAX_NOTED_FIGURES;
    if (full && tag !== 'p') continue;
    if (tag === 'figure') {
      const caption = squash(e.querySelector('figcaption')?.textContent);
      // A figure holding a quote or paragraphs is article text Readability scores itself.
      if (caption && !e.querySelector('blockquote, p, figure') && !isPromo(e, caption)) note(notes, e, caption, order);
      continue;
    }
    if (isCaptionOutsideFigure(e) && !e.closest('figure')) {
      if (full) continue;
      // The photo with its caption and credit: the nearest element around the caption that holds the image.
      const holder = photoAround(e);
      if (!held.has(holder)) note(notes, holder, squash(e.textContent), order);
      held.add(holder);
      continue;
    }
    if (tag === 'p') {
      const key = squash(e.textContent).slice(0, KEY_CHARS);
      if (key && !notes.paragraphs.has(key)) notes.paragraphs.set(key, { order, container: containerOf(e) });
    }
  }
  return notes;
}

function note(notes: FigureNotes, e: DomElement, caption: string, order: number): void {
  if (caption) notes.figures.push({ order, container: containerOf(e), copy: (e as unknown as { cloneNode(deep: boolean): DomElement }).cloneNode(true), caption });
}

/** A teaser for another story: its caption is (mostly) a link. A lead photo's caption links nowhere. */
function isPromo(figure: DomElement, caption: string): boolean {
  const linked = Array.from(figure.querySelectorAll('a[href]')).reduce((n, a) => n + squash(a.textContent).length, 0);
  return linked > caption.length / 2;
}

/** Up to three levels around a caption, the element that also holds the image; else the caption alone. */
function photoAround(caption: DomElement): DomElement {
  let e: DomElement = caption;
  for (let up = 0; up < 3; up++) {
    const parent = e.parentNode as DomElement | null;
    if (!parent || parent.nodeType !== 1 || ['article', 'main', 'body'].includes(parent.tagName.toLowerCase()) || parent.querySelector('p:not([class*="caption" i])')) break;
    e = parent;
    if (e.querySelector('img, picture')) return e;
  }
  return caption;
}

/**
 * Puts back the captioned figures that stood before the first paragraph of `content` in its article, each in front of
 * the first paragraph that came after it: before the first paragraph, or after a standfirst Readability kept as one
 * (Reach sites put the lead photo between the standfirst and the story).
 */
export function restoreLeadFigures(content: DomElement, notes: FigureNotes): number {
  if (notes.figures.length === 0) return 0;
  const text = squash(content.textContent);
  const paragraphs: { p: DomElement; order: number; container: DomElement | null }[] = [];
  for (const p of Array.from(content.querySelectorAll('p'))) {
    const at = notes.paragraphs.get(squash(p.textContent).slice(0, KEY_CHARS));
    if (at) paragraphs.push({ p, ...at });
    if (paragraphs.length > 1) break;
  }
  const [first, second] = paragraphs;
  // Without an article or main element there is no telling a lead photo from the page's rail.
  if (!first?.container) return 0;
  const before = second && second.container === first.container ? second.order : first.order;
  const lead = notes.figures.filter((f) => f.order < before && f.container === first.container).slice(-MAX_LEAD_FIGURES).filter((f) => !text.includes(f.caption));
  for (const f of lead) {
    const next = f.order < first.order ? first.p : second!.p;
    (next.parentNode as unknown as { insertBefore(n: unknown, ref: unknown): void } | null)?.insertBefore(f.copy, next);
  }
  return lead.length;
}
