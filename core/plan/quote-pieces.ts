// Where the voice changes inside each sentence: a sentence is cut into narration and quote
// pieces at the quote marks. Done as one sweep per block over the block's quote parts in text
// order, so a plan costs O(sentences + quote parts) instead of sentences × quotes (a 1 MB
// article with 37,000 short quotes took 35 s the old way).
import type { ArticleModel, Quote, Settings, TextRange } from '../contract';

export interface Piece extends TextRange {
  quote: Quote | null;
}

/** A quote part that is voiced, in the order the old per-sentence search met it. */
interface Cut extends TextRange {
  quote: Quote;
  /** Position in model.quotes × part order: breaks ties between cuts that start together. */
  order: number;
}

/**
 * A partial quote stays in the narrator's voice inside its narration sentence unless the
 * setting asks to switch; its continuation paragraphs are whole quotes and are voiced.
 */
export const voiced = (q: Quote, partIndex: number, settings: Settings): boolean => !q.partial || partIndex > 0 || settings.voicePartialQuotes;

/**
 * The voiced quote parts of each block, sorted by start. A part belongs to the block it lies
 * in (the parser keeps every part inside its block), and only when its quote lists that block.
 */
export function voicedCutsByBlock(model: ArticleModel, settings: Settings): Map<number, Cut[]> {
  const byBlock = new Map<number, Cut[]>();
  let order = 0;
  for (const q of model.quotes) {
    const blocks = q.blocks.length > 8 ? new Set(q.blocks) : q.blocks;
    const listed = (b: number) => (blocks instanceof Set ? blocks.has(b) : blocks.includes(b));
    for (const [i, part] of q.parts.entries()) {
      order++;
      if (!voiced(q, i, settings) || !listed(part.block)) continue;
      let list = byBlock.get(part.block);
      if (!list) byBlock.set(part.block, (list = []));
      list.push({ start: part.start, end: part.end, quote: q, order });
    }
  }
  for (const list of byBlock.values()) list.sort(byStartThenOrder);
  return byBlock;
}

const byStartThenOrder = (a: Cut, b: Cut) => a.start - b.start || a.order - b.order;

/**
 * Splits the sentences of one block, taken in text order, at its voiced quote parts. The
 * parts that reach into the current sentence are kept in a small active list; a part that
 * ends before the sentence starts is dropped for good.
 */
export class QuoteSweep {
  private next = 0;
  private active: Cut[] = [];
  private lastStart = -Infinity;

  constructor(private readonly cuts: readonly Cut[]) {}

  split(sentence: TextRange): Piece[] {
    // Sentences out of order cannot come from the parser; start over rather than miss a part.
    if (sentence.start < this.lastStart) {
      this.next = 0;
      this.active = [];
    }
    this.lastStart = sentence.start;
    while (this.next < this.cuts.length && this.cuts[this.next]!.start < sentence.end) this.active.push(this.cuts[this.next++]!);
    if (this.active.length > 0) this.active = this.active.filter((c) => c.end > sentence.start);

    const clipped: Cut[] = [];
    for (const c of this.active) {
      const start = Math.max(c.start, sentence.start);
      const end = Math.min(c.end, sentence.end);
      if (end > start) clipped.push({ start, end, quote: c.quote, order: c.order });
    }
    if (clipped.length > 1) clipped.sort(byStartThenOrder);

    const pieces: Piece[] = [];
    let at = sentence.start;
    for (const c of clipped) {
      if (c.start < at) continue;
      if (c.start > at) pieces.push({ start: at, end: c.start, quote: null });
      pieces.push({ start: c.start, end: c.end, quote: c.quote });
      at = c.end;
    }
    if (at < sentence.end) pieces.push({ start: at, end: sentence.end, quote: null });
    return pieces;
  }
}
