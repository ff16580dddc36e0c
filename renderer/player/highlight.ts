// Shows what is being spoken: a class on the current sentence's spans (works in forced
// colours with the Mark system colour), and the current word through the CSS Custom
// Highlight API (no DOM changes, so screen readers are not disturbed). Scrolls the sentence
// into view without ever moving keyboard focus.

import type { HighlightStyle } from '../../core/contract';
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

  constructor(private readonly host: HTMLElement) {}

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
    const rect = target.getBoundingClientRect();
    const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
    // Keep the spoken sentence in the upper part of the view, so what comes next is visible.
    const comfortable = rect.top >= header + 16 && rect.bottom <= header + (window.innerHeight - header) * 0.75;
    if (comfortable) return;
    // scrollIntoView never moves focus. A jump of many screens is not animated (nothing to follow).
    const far = Math.abs(rect.top) > 3 * window.innerHeight;
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: this.reducedMotion.matches || far ? 'instant' : 'smooth' });
    if (far) this.settleScroll(target);
  }

  /**
   * Big articles skip the layout of text out of view (styles.css, content-visibility), so the
   * height of what lies between is estimated until it is first shown; a far jump can land off
   * target. Once the page has laid out where it landed, look again, a few times at most.
   */
  private settleScroll(target: HTMLElement, tries = 3): void {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (tries <= 0 || !target.isConnected || !target.classList.contains(SENTENCE_CLASS) && !target.classList.contains(LABEL_CLASS)) return;
      const rect = target.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < window.innerHeight) return;
      target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      this.settleScroll(target, tries - 1);
    }));
  }
}
