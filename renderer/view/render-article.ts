// Article model -> semantic DOM. Article text is untrusted: only createElement/textContent.
// Every sentence is wrapped in <span class="sentence" data-sentence="n"> (several spans when
// a sentence crosses from narration into a block quote), and every text node is recorded in
// a TextMap so word ranges can be highlighted exactly.

import type { ArticleModel, Block, Quote, QuotePart, Speaker, TextRange } from '../../core/contract';
import { blockGroups } from './block-groups';
import { splitLongParagraph } from './block-parts';
import { el } from './dom';
import { headingLevels } from './heading-levels';
import { overlapping, rangeCursor, sentenceChunks, sentencesOf } from './range-index';
import { appendText } from './text-runs';
import { TextMap } from './text-map';

export interface ArticleView {
  root: HTMLElement;
  sentenceSpans: Map<number, HTMLElement[]>;
  /** The visible speaker label of each block quote, by quote index. */
  quoteLabels: Map<number, HTMLElement>;
  text: TextMap;
}

/** Quote marks, spaces and stray punctuation left between a quote and its attribution. */
const TRIVIAL = /^[\s"'“”‘’«»„‚‹›.,;:!?–—-]*$/u;
/** A quote mark that opens or closes a quote part (shown with the quote, never dropped). */
const QUOTE_MARK = /["“”„'‘’«»‹›]/u;

interface Mark extends TextRange {
  kind: 'q' | 'credit';
  quote?: Quote;
}

interface Segment extends TextRange {
  part: { quote: Quote; part: QuotePart } | null;
}

export function speakerName(model: ArticleModel, speakerId: string | null): string {
  if (speakerId === null) return 'Unknown speaker';
  return model.speakers.find((s) => s.id === speakerId)?.name ?? 'Unknown speaker';
}

/** A view that already shows the first `from` blocks of the model (the first part of a big article). */
export interface RenderResume {
  view: ArticleView;
  from: number;
}

/**
 * The article put into `view.root` one block per step (a very long paragraph takes several),
 * in order, so a big article can go in a slice at a time between other work
 * (view/render-in-slices.ts). The first step gives the view with no block in it (or, resuming,
 * with the blocks it already shows).
 */
export function* renderSteps(model: ArticleModel, resume?: RenderResume): Generator<ArticleView, ArticleView> {
  const view: ArticleView = resume?.view ?? { root: newBody(), sentenceSpans: new Map(), quoteLabels: new Map(), text: new TextMap() };
  const body = view.root;
  // Top-level elements go into groups that layout can skip as a whole (view/block-groups.ts).
  const root = blockGroups(body);

  const speakers = new Map<string, Speaker>(model.speakers.map((s) => [s.id, s]));
  // Quote parts by block: full quotes become block quotes, partial ones inline <q>.
  const partsByBlock = new Map<number, { quote: Quote; part: QuotePart }[]>();
  for (const quote of model.quotes) {
    for (const part of quote.parts) {
      const list = partsByBlock.get(part.block) ?? [];
      list.push({ quote, part });
      partsByBlock.set(part.block, list);
    }
  }
  for (const list of partsByBlock.values()) list.sort((a, b) => a.part.start - b.part.start);

  // Document heading levels without gaps: Markdown ## is <h2>, and a ### after it <h3>.
  const levels = headingLevels(model.blocks);
  let openQuote: { quote: Quote; blockquote: HTMLElement } | null = null;
  let openList: HTMLUListElement | null = null;
  let openMdQuote: HTMLElement | null = null;

  const closeContainers = (keep: 'quote' | 'list' | 'md' | null) => {
    if (keep !== 'quote') openQuote = null;
    if (keep !== 'list') openList = null;
    if (keep !== 'md') openMdQuote = null;
  };

  for (let b = resume?.from ?? 0; b < model.blocks.length; b++) {
    const block = model.blocks[b]!;
    yield view;
    const parts = partsByBlock.get(block.index) ?? [];
    const inline: Mark[] = [];
    // The <q> takes in its own quote marks, so the speaker tag before it reads: British Government: "stop the horror".
    const mark = (i: number) => /["“”„'‘’]/.test(model.text[i] ?? '');
    for (const p of parts) {
      if (!p.quote.partial) continue;
      const start = p.part.start > block.start && mark(p.part.start - 1) ? p.part.start - 1 : p.part.start;
      const end = p.part.end < block.end && mark(p.part.end) ? p.part.end + 1 : p.part.end;
      inline.push({ start, end, kind: 'q', quote: p.quote });
    }
    if (block.credit) inline.push({ start: block.credit.start, end: block.credit.end, kind: 'credit' });

    switch (block.kind) {
      case 'title': {
        closeContainers(null);
        const h1 = el('h1', { className: 'title', attrs: { id: `block-${block.index}` } });
        renderInline(view, model, block, h1, block.start, block.end, inline);
        root.append(h1);
        continue;
      }
      case 'byline': {
        closeContainers(null);
        const p = el('p', { className: 'byline', attrs: { id: `block-${block.index}` } });
        renderInline(view, model, block, p, block.start, block.end, inline);
        root.append(p);
        continue;
      }
      case 'heading': {
        closeContainers(null);
        const level = levels.get(block.index) ?? 2;
        const h = document.createElement(`h${level}`) as HTMLHeadingElement;
        h.id = `block-${block.index}`;
        renderInline(view, model, block, h, block.start, block.end, inline);
        root.append(h);
        continue;
      }
      case 'caption': {
        closeContainers(null);
        const figcaption = el('figcaption');
        renderInline(view, model, block, figcaption, block.start, block.end, inline);
        root.append(el('figure', { className: 'caption', attrs: { id: `block-${block.index}` } }, figcaption));
        continue;
      }
      case 'list-item': {
        closeContainers('list');
        if (!openList) {
          openList = el('ul');
          root.append(openList);
        }
        const li = el('li', { attrs: { id: `block-${block.index}` } });
        renderInline(view, model, block, li, block.start, block.end, inline);
        openList.append(li);
        continue;
      }
      case 'paragraph':
        break;
    }

    // Paragraph: split into narration and full-quote segments. Every character of the block
    // is shown (a screen reader reads the page exactly as the article): a quote's own marks
    // and punctuation left between it and narration go inside its block quote.
    const segments = absorbTrivial(model.text, splitSegments(block, parts.filter((p) => !p.quote.partial), model.text));
    let first = true;
    for (const [k, seg] of segments.entries()) {
      if (k > 0 && k % 100 === 0) yield view; // a paragraph of thousands of quotes is still built in steps
      if (seg.part === null) {
        if (segments[k + 1]?.part) seg.end = trimEnd(model.text, seg.start, seg.end);
        if (segments[k - 1]?.part) seg.start = trimStart(model.text, seg.start, seg.end);
        if (seg.end <= seg.start) continue;
        const p = el('p');
        if (first) p.id = `block-${block.index}`;
        first = false;
        p.dataset.block = String(block.index);
        yield* renderLong(view, model, block, p, seg, inline);
        if (block.inBlockquote) {
          closeContainers('md');
          if (!openMdQuote) {
            openMdQuote = el('blockquote', { className: 'md-quote' });
            root.append(openMdQuote);
          }
          openMdQuote.append(p);
        } else {
          closeContainers(null);
          root.append(p);
        }
        continue;
      }
      const { quote } = seg.part;
      if (!openQuote || openQuote.quote !== quote) {
        closeContainers(null);
        const blockquote = el('blockquote');
        const figure = el('figure', { className: 'quote', attrs: { 'data-quote': String(quote.index) } },
          speakerLabel(model, quote, speakers), blockquote);
        const label = figure.firstElementChild as HTMLElement;
        if (!view.quoteLabels.has(quote.index)) view.quoteLabels.set(quote.index, label);
        root.append(figure);
        openQuote = { quote, blockquote };
      }
      const p = el('p');
      if (first) p.id = `block-${block.index}`;
      first = false;
      p.dataset.block = String(block.index);
      yield* renderLong(view, model, block, p, seg, inline);
      openQuote.blockquote.append(p);
    }
  }

  return view;
}

function newBody(): HTMLElement {
  const body = document.createElement('div');
  body.className = 'article-body';
  return body;
}

/**
 * The whole article may name a speaker more fully than its first part did ("Dr Ahmad Clarke"
 * for "Ahmad Clarke"): the labels of quotes already shown are renamed in place, so nothing a
 * reader or a screen reader is on is replaced.
 */
export function relabelQuotes(view: ArticleView, model: ArticleModel, quoteCount: number): void {
  const speakers = new Map<string, Speaker>(model.speakers.map((s) => [s.id, s]));
  // Every label (a quote resumed after narration has one per block quote), not only the first.
  for (const figure of view.root.querySelectorAll<HTMLElement>('figure.quote')) {
    const quote = model.quotes[Number(figure.dataset.quote)];
    const label = figure.querySelector('.quote-speaker');
    if (!quote || quote.index >= quoteCount || !label) continue;
    const fresh = speakerLabel(model, quote, speakers);
    if (fresh.textContent !== label.textContent) label.replaceChildren(...fresh.childNodes);
  }
  for (const q of view.root.querySelectorAll<HTMLElement>('q.partial-quote')) {
    const quote = model.quotes[Number(q.dataset.quote)];
    if (quote && quote.index < quoteCount) q.dataset.speaker = speakerName(model, quote.speakerId);
  }
}

function speakerLabel(model: ArticleModel, quote: Quote, speakers: Map<string, Speaker>): HTMLElement {
  const speaker = quote.speakerId === null ? undefined : speakers.get(quote.speakerId);
  const figcaption = el('figcaption', { className: 'quote-speaker' });
  figcaption.append(el('cite', { text: speaker?.name ?? speakerName(model, quote.speakerId) }));
  if (speaker?.description) figcaption.append(el('span', { className: 'speaker-role', text: `, ${speaker.description}` }));
  return figcaption;
}

/** Whitespace at a segment's edge (between a paragraph and a block quote) is not shown. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && /\s/u.test(text[start]!)) start++;
  return start;
}

/** Narration / quote-part segments of a block, in order, covering it exactly; a quote part takes in its own marks. */
function splitSegments(block: Block, parts: { quote: Quote; part: QuotePart }[], text: string): Segment[] {
  const segments: Segment[] = [];
  let pos = block.start;
  for (const p of parts) {
    const open = p.part.start - 1 >= Math.max(pos, block.start) && QUOTE_MARK.test(text[p.part.start - 1] ?? '');
    const close = p.part.end < block.end && QUOTE_MARK.test(text[p.part.end] ?? '');
    const start = Math.max(open ? p.part.start - 1 : p.part.start, pos);
    const end = Math.min(close ? p.part.end + 1 : p.part.end, block.end);
    if (end <= start) continue;
    if (start > pos) segments.push({ start: pos, end: start, part: null });
    segments.push({ start, end, part: p });
    pos = end;
  }
  if (pos < block.end) segments.push({ start: pos, end: block.end, part: null });
  return segments;
}

/** renderInline for a paragraph of any length: a step per few hundred sentences, then parts (view/block-parts.ts). */
function* renderLong(view: ArticleView, model: ArticleModel, block: Block, p: HTMLElement, seg: TextRange, marks: Mark[]): Generator<ArticleView, void> {
  const chunks = sentenceChunks(model, block, seg.start, seg.end);
  for (const [k, [start, end]] of chunks.entries()) {
    if (k > 0) yield view;
    renderInline(view, model, block, p, start, end, marks);
  }
  splitLongParagraph(p);
}

/** Narration that is only punctuation or quote marks ('".', '," ') joins the quote beside it. */
function absorbTrivial(text: string, segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const [k, seg] of segments.entries()) {
    const trivial = seg.part === null && TRIVIAL.test(text.slice(seg.start, seg.end)) && /\S/u.test(text.slice(seg.start, seg.end));
    const before = out[out.length - 1];
    const after = segments[k + 1];
    if (trivial && before?.part) before.end = seg.end;
    else if (trivial && after?.part) after.start = seg.start;
    else out.push(seg);
  }
  return out;
}

/** Text of [start, end) into container: sentence spans, with <q> and credit marks inside. */
function renderInline(view: ArticleView, model: ArticleModel, block: Block, container: HTMLElement, start: number, end: number, marks: Mark[]): void {
  // Only the sentences and marks of this segment, found without scanning the block (range-index.ts).
  const sentences = overlapping(sentencesOf(model, block), start, end);
  const near = overlapping(marks, start, end);
  const cuts = new Set<number>([start, end]);
  for (const s of sentences) for (const x of [s.start, s.end]) if (x > start && x < end) cuts.add(x);
  for (const m of near) for (const x of [m.start, m.end]) if (x > start && x < end) cuts.add(x);
  const points = [...cuts].sort((a, b) => a - b);
  const sentenceAt = rangeCursor(sentences);
  const markAt = rangeCursor(near);

  let sentenceSpan: HTMLElement | null = null;
  let sentenceIndex = -1;
  let markEl: HTMLElement | null = null;
  let markKey: Mark | null = null;

  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k]!;
    const b = points[k + 1]!;
    const sentence = sentenceAt(a);
    let parent: HTMLElement = container;
    if (sentence) {
      if (sentence.index !== sentenceIndex || !sentenceSpan) {
        // data-start/end: the text range this span shows, so only the part being spoken is highlighted.
        sentenceSpan = el('span', { className: 'sentence', attrs: { 'data-sentence': String(sentence.index), 'data-start': String(a) } });
        container.append(sentenceSpan);
        sentenceIndex = sentence.index;
        markEl = null;
        markKey = null;
        const list = view.sentenceSpans.get(sentence.index) ?? [];
        list.push(sentenceSpan);
        view.sentenceSpans.set(sentence.index, list);
      }
      parent = sentenceSpan;
      sentenceSpan.dataset.end = String(b);
    } else {
      sentenceSpan = null;
      sentenceIndex = -1;
      markEl = null;
      markKey = null;
    }
    const mark = markAt(a) ?? null;
    if (mark) {
      if (mark !== markKey || !markEl || markEl.parentElement !== parent) {
        markEl = mark.kind === 'q' ? inlineQuote(model, mark.quote!) : el('span', { className: 'credit' });
        parent.append(markEl);
        markKey = mark;
      }
      parent = markEl;
    } else {
      markEl = null;
      markKey = null;
    }
    appendText(parent, view.text, model.text.slice(a, b), a);
  }
}

/** A partial quote: its own words only. Who said it is never added to the sentence (a screen
 *  reader would read it as part of the text); the quote list and "where am I" say it. */
function inlineQuote(model: ArticleModel, quote: Quote): HTMLElement {
  return el('q', { className: 'partial-quote', attrs: { 'data-quote': String(quote.index), 'data-speaker': speakerName(model, quote.speakerId) } });
}
