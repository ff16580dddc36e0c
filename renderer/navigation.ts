// Pure navigation over a reading plan: given the utterance being read, where does
// "next sentence / paragraph / quote / change of speaker" go? No DOM, no side effects.
// Every target is an utterance index; a label ("Professor David Nott:") that introduces
// the target is included, so jumping to a quote speaks who says it first.

import type { ArticleModel, Block, Quote, ReadingPlan, Sentence, Utterance } from '../core/contract';

type Plan = Pick<ReadingPlan, 'utterances'>;

const NARRATOR = '\u0000narrator';

/** A label belongs to the utterance it introduces. */
function owner(plan: Plan, i: number): number {
  const u = plan.utterances;
  let j = i;
  while (j < u.length - 1 && u[j]!.kind === 'label') j++;
  return j;
}

/** Back up over the labels that introduce utterance i. */
function withLabels(plan: Plan, i: number): number {
  const u = plan.utterances;
  let j = i;
  while (j > 0 && u[j - 1]!.kind === 'label' && (u[j - 1]!.quote === u[i]!.quote || u[j - 1]!.speakerId === u[i]!.speakerId)) j--;
  return j;
}

function sentenceKey(u: Utterance): string {
  return u.sentence === null ? `u${u.index}` : `s${u.sentence}`;
}

function clampIndex(plan: Plan, i: number): number {
  return Math.max(0, Math.min(plan.utterances.length - 1, i));
}

/**
 * What a listener is told on moving to utterance i while stopped: a label ("Dr. Karen Liu:", "Photo caption.") with
 * the sentence it introduces, not the label alone; a sentence whole (its attribution too), not the part one
 * utterance speaks.
 */
export function textFrom(plan: Plan, model: { sentences: readonly Pick<Sentence, 'text'>[] }, i: number): string {
  const u = plan.utterances;
  const at = clampIndex(plan, i);
  const said = owner(plan, at);
  const labels: string[] = [];
  for (let j = at; j < said; j++) labels.push(u[j]!.text);
  const w = u[said]!;
  const text = w.kind === 'label' ? w.text : w.sentence !== null ? model.sentences[w.sentence]?.text ?? w.text : w.text;
  return [...labels, text].filter(Boolean).join(' ');
}

/** The words the voice says first from utterance i (a label's, those it introduces): a quote's own words, not its sentence's. */
export function wordsFrom(plan: Plan, i: number): string {
  return plan.utterances.length === 0 ? '' : plan.utterances[owner(plan, clampIndex(plan, i))]!.text;
}

/** First utterance of the next sentence, or null at the end. */
export function nextSentence(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const here = owner(plan, clampIndex(plan, current));
  const key = sentenceKey(u[here]!);
  for (let j = here + 1; j < u.length; j++) {
    if (u[j]!.kind === 'label') continue;
    if (sentenceKey(u[j]!) !== key) return withLabels(plan, j);
  }
  return null;
}

/** First utterance of the sentence before the current one, or null at the start. */
export function previousSentence(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const here = owner(plan, clampIndex(plan, current));
  const start = sentenceStart(plan, here);
  for (let j = start - 1; j >= 0; j--) {
    if (u[j]!.kind === 'label') continue;
    return withLabels(plan, sentenceStart(plan, j));
  }
  return null;
}

/** First utterance of the sentence that utterance i speaks (a sentence split by a label, as in
 *  `She said: [label] "A rocket..."`, starts before the label). */
function sentenceStart(plan: Plan, i: number): number {
  const u = plan.utterances;
  const key = sentenceKey(u[i]!);
  let j = i;
  for (;;) {
    let k = j - 1;
    while (k >= 0 && u[k]!.kind === 'label') k--;
    if (k < 0 || sentenceKey(u[k]!) !== key) return j;
    j = k;
  }
}

/** First utterance of the next block (paragraph, heading, caption...). */
export function nextParagraph(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const here = owner(plan, clampIndex(plan, current));
  const block = u[here]!.block;
  for (let j = here + 1; j < u.length; j++) {
    if (u[j]!.block !== block) return withLabels(plan, owner(plan, j));
  }
  return null;
}

/** First utterance of the block before the current one. */
export function previousParagraph(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const here = owner(plan, clampIndex(plan, current));
  const start = blockStart(plan, here);
  if (start === 0) return null;
  return withLabels(plan, blockStart(plan, owner(plan, start - 1)));
}

function blockStart(plan: Plan, i: number): number {
  const u = plan.utterances;
  const block = u[i]!.block;
  let j = i;
  while (j > 0 && u[j - 1]!.block === block) j--;
  // Labels that introduce this block belong to it.
  while (j > 0 && u[j - 1]!.kind === 'label') j--;
  return j;
}

/** Non-label utterances in text order, to find the one that speaks a given character. */
const spokenOrder = new WeakMap<Plan, Utterance[]>();

/** The (non-label) utterance whose range holds text offset `at`, or -1. */
function utteranceAt(plan: Plan, at: number): number {
  let list = spokenOrder.get(plan);
  if (!list) {
    list = plan.utterances.filter((u) => u.kind !== 'label').sort((a, b) => a.start - b.start || a.index - b.index);
    spokenOrder.set(plan, list);
  }
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const u = found >= 0 ? list[found]! : null;
  return u && at < u.end ? u.index : -1;
}

/**
 * Utterance where each quote starts (its label if it has one), by quote index, in reading
 * order. A quote starts where its first words are spoken: a partial quote read in the
 * narrator's voice starts in the narration sentence that holds it, even when the plan marks
 * only its voiced continuation. With `quotes`, only those quotes are navigated to.
 */
export function quoteStarts(plan: Plan, quotes: readonly Pick<Quote, 'index' | 'parts'>[] = []): Map<number, number> {
  const allowed = quotes.length ? new Set(quotes.map((q) => q.index)) : null;
  const starts = new Map<number, number>();
  plan.utterances.forEach((u, i) => {
    if (u.quote !== null && !starts.has(u.quote) && (!allowed || allowed.has(u.quote))) starts.set(u.quote, i);
  });
  for (const q of quotes) {
    const first = q.parts[0];
    if (!first) continue;
    const i = utteranceAt(plan, first.start);
    const marked = starts.get(q.index);
    if (i >= 0 && (marked === undefined || i < marked)) starts.set(q.index, i);
  }
  return new Map([...starts].sort((a, b) => a[1] - b[1] || a[0] - b[0]));
}

/** The quote the current utterance belongs to (a label belongs to what it introduces). */
export function currentQuote(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const i = clampIndex(plan, current);
  return u[i]!.quote ?? u[owner(plan, i)]!.quote;
}

export interface QuoteTarget {
  quote: number;
  utterance: number;
}

/**
 * The next quote that starts after the current utterance. `at`: the quote the listener last
 * jumped to, so several quotes that start in one sentence are visited one by one.
 */
export function nextQuote(plan: Plan, current: number, quotes: readonly Pick<Quote, 'index' | 'parts'>[] = [], at: number | null = null): QuoteTarget | null {
  for (const [quote, start] of quoteStarts(plan, quotes)) {
    if (start > current || (start === current && at !== null && quote > at)) return { quote, utterance: start };
  }
  return null;
}

/** The quote before the one being read (or before the current position in narration). */
export function previousQuote(plan: Plan, current: number, quotes: readonly Pick<Quote, 'index' | 'parts'>[] = [], at: number | null = null): QuoteTarget | null {
  const starts = quoteStarts(plan, quotes);
  if (at !== null && starts.get(at) === current) {
    // At a quote that starts in this sentence: the previous one may start in it too.
    let best: QuoteTarget | null = null;
    for (const [quote, start] of starts) {
      if (start < current || (start === current && quote < at)) best = { quote, utterance: start };
    }
    return best;
  }
  const cq = currentQuote(plan, current) ?? [...starts].find(([, start]) => start === current)?.[0] ?? null;
  const ref = cq !== null ? (starts.get(cq) ?? current) : current;
  let best: QuoteTarget | null = null;
  for (const [quote, start] of starts) {
    if (start < ref && (best === null || start > best.utterance)) best = { quote, utterance: start };
  }
  return best;
}

/** Partial quotes read inside utterance i in the narrator's voice (the plan does not mark them). */
export function partialQuotesIn(plan: Plan, quotes: readonly Pick<Quote, 'index' | 'parts' | 'partial'>[], i: number): number[] {
  const u = plan.utterances[owner(plan, clampIndex(plan, i))];
  if (!u || u.quote !== null) return [];
  return quotes.filter((q) => q.partial && q.parts.some((p) => p.start < u.end && p.end > u.start)).map((q) => q.index);
}

/** First utterance of the next heading (or the title) after the current block. */
export function nextHeading(plan: Plan, blocks: readonly Pick<Block, 'kind'>[], current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const here = owner(plan, clampIndex(plan, current));
  for (let j = here + 1; j < u.length; j++) {
    if (u[j]!.block !== u[here]!.block && isHeading(blocks, u[j]!.block) && u[j - 1]?.block !== u[j]!.block) return withLabels(plan, j);
  }
  return null;
}

/** First utterance of the heading before the current position (the one being read counts as here). */
export function previousHeading(plan: Plan, blocks: readonly Pick<Block, 'kind'>[], current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const start = blockStart(plan, owner(plan, clampIndex(plan, current)));
  for (let j = start - 1; j >= 0; j--) {
    if (u[j]!.kind !== 'label' && isHeading(blocks, u[j]!.block)) return blockStart(plan, j);
  }
  return null;
}

const isHeading = (blocks: readonly Pick<Block, 'kind'>[], i: number) => blocks[i]?.kind === 'heading' || blocks[i]?.kind === 'title';

/** Who is heard at utterance i: a speaker id, or null for the narrator. Labels count as what they introduce. */
export function speakerAt(plan: Plan, i: number): string | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const o = u[owner(plan, clampIndex(plan, i))]!;
  return o.kind === 'quote' ? o.speakerId : null;
}

function speakerKey(plan: Plan, i: number): string {
  return speakerAt(plan, i) ?? NARRATOR;
}

/** Start of the run of utterances by the same speaker that contains utterance i. */
function speakerRunStart(plan: Plan, i: number): number {
  const key = speakerKey(plan, i);
  let j = i;
  while (j > 0 && speakerKey(plan, j - 1) === key) j--;
  return j;
}

/** The next place where a different voice (speaker or narrator) starts. */
export function nextSpeakerChange(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const i = clampIndex(plan, current);
  const key = speakerKey(plan, i);
  for (let j = i + 1; j < u.length; j++) {
    if (speakerKey(plan, j) !== key) return j;
  }
  return null;
}

/** Start of the previous run of a different voice. */
export function previousSpeakerChange(plan: Plan, current: number): number | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const start = speakerRunStart(plan, clampIndex(plan, current));
  if (start === 0) return null;
  return speakerRunStart(plan, start - 1);
}

export interface Position {
  /** 1-based block number among blocks that are read, and how many there are. */
  paragraph: number;
  paragraphs: number;
  /** 1-based quote number and the total, when inside a quote. */
  quote: number | null;
  quotes: number;
  speakerId: string | null;
}

/** "Where am I": paragraph n of m, and the quote and speaker being heard. */
export function positionOf(plan: Plan, model: Pick<ArticleModel, 'quotes'>, current: number): Position | null {
  const u = plan.utterances;
  if (u.length === 0) return null;
  const i = owner(plan, clampIndex(plan, current));
  const blocks = [...new Set(u.map((x) => x.block))];
  const q = currentQuote(plan, i);
  return {
    paragraph: blocks.indexOf(u[i]!.block) + 1,
    paragraphs: blocks.length,
    quote: q === null ? null : q + 1,
    quotes: model.quotes.length,
    speakerId: speakerAt(plan, i),
  };
}

/**
 * After a re-plan (settings changed) keep the listener where they were: the first
 * utterance of the new plan that speaks the same sentence, else the first at or after the
 * same place in the text.
 */
export function mapToNewPlan(oldPlan: Plan, newPlan: Plan, current: number): number {
  const n = newPlan.utterances;
  if (n.length === 0) return 0;
  const old = oldPlan.utterances[owner(oldPlan, clampIndex(oldPlan, current))];
  if (!old) return 0;
  if (old.sentence !== null) {
    const same = n.findIndex((u) => u.sentence === old.sentence && u.kind === old.kind);
    if (same >= 0) return withLabels(newPlan, same);
    const anyKind = n.findIndex((u) => u.sentence === old.sentence);
    if (anyKind >= 0) return withLabels(newPlan, anyKind);
  }
  const after = n.findIndex((u) => u.kind !== 'label' && u.start >= old.start);
  return after >= 0 ? withLabels(newPlan, after) : n.length - 1;
}
