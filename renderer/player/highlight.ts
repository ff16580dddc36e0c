// Shows what is being spoken: a class on the current sentence's spans (works in forced
// colours with the Mark system colour), and the current word through the CSS Custom
// Highlight API (no DOM changes, so screen readers are not disturbed). Scrolls the sentence
// into view without ever moving keyboard focus, and only when it has left the comfortable
// part of the view: an IntersectionObserver says so after the next layout, so a move never
// forces a layout of the whole document (a 1 MB article took 4.4 s per getBoundingClientRect).

import type { HighlightStyle } from '../../core/contract';
import { coveredTop } from '../reflow';
import type { ArticleView } from '../view/render-article';

const WORD_HIGHLIGHT = 'reader-word';
const SENTENCE_CLASS = 'is-current';
const LABEL_CLASS = 'is-current-label';

export class Highlighter {
  private view: ArticleView | null = null;
  private sentence: number | null = null;
  private range: { start: number; end: number } | null = null;
  private labelQuote: number | null = null;
  private word: { start: number; end: number } | null = null;
  private style: HighlightStyle = 'sentence-and-word';
  /** Big articles are rendered a slice at a time: how much of the highlight's text was there when it was painted, and whether a scroll to it waits for its block. */
  private paintedTargets = 0;
  private pendingScroll = false;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  /** Height of the sticky header, kept by a ResizeObserver (reading it would force a layout). */
  private headerHeight = 0;
  /** Reports, after the next layout, where the sentence just moved to stands in the view. */
  private visibility: IntersectionObserver | null = null;
  /** The current sentence is taller than the window below the header. */
  private tall = false;

  constructor(private readonly host: HTMLElement) {
    const header = document.querySelector('.app-header');
    if (header && 'ResizeObserver' in window) {
      new ResizeObserver((entries) => {
        const h = Math.round(entries[0]?.borderBoxSize?.[0]?.blockSize ?? entries[0]?.contentRect.height ?? 0);
        this.headerHeight = h;
      }).observe(header);
    }
  }

  setView(view: ArticleView | null): void {
    this.clear();
    this.view = view;
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.host.dataset.highlight = style;
    const { sentence, labelQuote, word } = this;
    this.paintSentence(null, null);
    this.paintSentence(sentence, labelQuote);
    this.showWord(word);
  }

  /** The sentence being spoken, or the quote whose speaker label is being spoken. */
  showSentence(sentence: number | null, labelQuote: number | null, scroll = true, range: { start: number; end: number } | null = null): void {
    const sameRange = range?.start === this.range?.start && range?.end === this.range?.end;
    if (sentence === this.sentence && labelQuote === this.labelQuote && sameRange) return;
    this.range = range;
    this.paintSentence(sentence, labelQuote);
    this.showWord(null);
    this.pendingScroll = false;
    if (scroll) this.scrollToCurrent();
  }

  showWord(word: { start: number; end: number } | null): void {
    if (word && this.word && word.start === this.word.start && word.end === this.word.end) return;
    this.word = word;
    this.host.dataset.wordStart = word ? String(word.start) : '';
    if (!('highlights' in CSS)) return;
    if (!word || !this.view || this.style !== 'sentence-and-word') {
      CSS.highlights.delete(WORD_HIGHLIGHT);
      return;
    }
    const range = this.view.text.range(word.start, word.end);
    if (range) CSS.highlights.set(WORD_HIGHLIGHT, new Highlight(range));
    else CSS.highlights.delete(WORD_HIGHLIGHT);
    // A sentence taller than the window (large text, zoom): keep the word being read in view.
    if (range && this.tall) this.keepInView(range.getBoundingClientRect());
  }

  clear(): void {
    this.paintSentence(null, null);
    this.showWord(null);
  }

  /** More of the article is in the page now: show the highlight, and scroll to it, if its text has just arrived. */
  repaint(): void {
    if (this.targets() === this.paintedTargets && !this.pendingScroll) return;
    const { word } = this;
    this.paintSentence(this.sentence, this.labelQuote);
    this.word = null;
    this.showWord(word);
    if (this.pendingScroll) this.scrollToCurrent();
  }

  private paintSentence(sentence: number | null, labelQuote: number | null): void {
    const view = this.view;
    if (view) {
      if (this.sentence !== null) for (const span of view.sentenceSpans.get(this.sentence) ?? []) span.classList.remove(SENTENCE_CLASS);
      if (this.labelQuote !== null) view.quoteLabels.get(this.labelQuote)?.classList.remove(LABEL_CLASS);
    }
    this.sentence = sentence;
    this.labelQuote = labelQuote;
    // State for tests and styling, kept even when the highlight is off.
    this.host.dataset.currentSentence = sentence === null ? '' : String(sentence);
    this.paintedTargets = this.targets();
    if (!view || this.style === 'off') return;
    // A sentence split by a quote mark is two utterances (narration, then the quote): mark only the spoken part.
    const range = this.range;
    const spoken = (span: HTMLElement) => !range || (Number(span.dataset.start) < range.end && Number(span.dataset.end) > range.start);
    if (sentence !== null) for (const span of view.sentenceSpans.get(sentence) ?? []) if (spoken(span)) span.classList.add(SENTENCE_CLASS);
    if (labelQuote !== null) view.quoteLabels.get(labelQuote)?.classList.add(LABEL_CLASS);
  }

  private targets(): number {
    const view = this.view;
    if (!view) return 0;
    const spans = this.sentence === null ? 0 : view.sentenceSpans.get(this.sentence)?.length ?? 0;
    return spans + (this.labelQuote !== null && view.quoteLabels.has(this.labelQuote) ? 1 : 0);
  }

  private scrollToCurrent(): void {
    if (!this.view) return;
    const target =
      (this.sentence !== null ? this.view.sentenceSpans.get(this.sentence)?.[0] : undefined) ??
      (this.labelQuote !== null ? this.view.quoteLabels.get(this.labelQuote) : undefined);
    this.pendingScroll = !target;
    if (!target) return;
    if (!('IntersectionObserver' in window)) {
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
      return;
    }
    // Keep the spoken sentence in the upper part of the view (below the header, above the
    // last quarter), so what comes next is visible. Only the first report after a move
    // counts: a listener who scrolls away to look at something is not pulled back.
    const spans = this.sentence !== null ? this.view.sentenceSpans.get(this.sentence) ?? [target] : [target];
    const covered = document.querySelector('.app-header.is-static') ? 0 : this.headerHeight;
    this.visibility?.disconnect();
    const observer = new IntersectionObserver((entries) => {
      observer.disconnect();
      if (this.visibility === observer) this.visibility = null;
      const entry = entries.find((e) => e.target === target);
      if (!entry) return;
      // Layout is fresh inside an observer callback, so measuring here forces nothing.
      if (entry.intersectionRatio < 0.99 || spans.length > 1) this.place(spans);
      else this.tall = false;
    }, { rootMargin: `-${covered + 16}px 0px -25% 0px`, threshold: [0, 0.99] });
    this.visibility = observer;
    observer.observe(target);
  }

  /** Scrolls the sentence's spans below the header: centred in the room left, or its start when taller than that. */
  private place(spans: readonly Element[]): void {
    const rects = spans.map((s) => s.getBoundingClientRect());
    const rect = { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)) };
    const header = coveredTop();
    const room = window.innerHeight - header;
    const height = rect.bottom - rect.top;
    this.tall = height + 32 > room;
    const comfortable = rect.top >= header + 16 && rect.bottom <= header + room * 0.75;
    if (comfortable) return;
    const top = !this.tall ? header + (room - height) / 2 : header + 16;
    // Scrolling never moves focus. A jump of many screens is not animated (nothing to follow).
    const far = Math.abs(rect.top - top) > 3 * window.innerHeight;
    window.scrollBy({ top: rect.top - top, behavior: this.reducedMotion.matches || far ? 'instant' : 'smooth' });
    if (far) this.settleScroll(spans);
  }

  /**
   * Big articles skip the layout of text out of view (styles.css, content-visibility), so the
   * height of what lies between is estimated until it is first shown; a far jump can land off
   * target. Once the page has laid out where it landed, look again, a few times at most.
   */
  private settleScroll(spans: readonly Element[], tries = 3): void {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const target = spans[0];
      if (tries <= 0 || !target?.isConnected || !target.classList.contains(SENTENCE_CLASS) && !target.classList.contains(LABEL_CLASS)) return;
      const rect = target.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < window.innerHeight) return;
      target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      this.settleScroll(spans, tries - 1);
    }));
  }

  private keepInView(rect: DOMRect): void {
    const header = coveredTop();
    if (rect.top >= header && rect.bottom <= window.innerHeight) return;
    window.scrollBy({ top: rect.top - header - 16, behavior: 'instant' });
  }
}
