// Finding which sentences and marks cover a piece of a block, in time that does not grow with
// the whole block: a 500 KB paragraph has 8,000 sentences, and looking each one up by scanning
// them all cost seconds. Pure (no DOM), unit-tested under Node.
import type { ArticleModel, Block, TextRange } from '../../core/contract';

interface Index {
  /** Positions in the list, sorted by start (ties in list order). */
  order: number[];
  /** Largest end among order[0..k]: rises, so it can be searched. */
  maxEnd: number[];
}

const indexes = new WeakMap<readonly TextRange[], Index>();

function indexOf(list: readonly TextRange[]): Index {
  let index = indexes.get(list);
  if (!index) {
    const order = list.map((_, i) => i).sort((i, j) => list[i]!.start - list[j]!.start || i - j);
    const maxEnd: number[] = [];
    for (const [k, i] of order.entries()) maxEnd.push(Math.max(k > 0 ? maxEnd[k - 1]! : -Infinity, list[i]!.end));
    index = { order, maxEnd };
    indexes.set(list, index);
  }
  return index;
}

/** The ranges of `list` that overlap [start, end), in list order. The list is indexed once (it must not change after). */
export function overlapping<T extends TextRange>(list: readonly T[], start: number, end: number): T[] {
  const { order, maxEnd } = indexOf(list);
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxEnd[mid]! > start) hi = mid;
    else lo = mid + 1;
  }
  const found: number[] = [];
  for (let k = lo; k < order.length && list[order[k]!]!.start < end; k++) {
    const r = list[order[k]!]!;
    if (r.end > start) found.push(order[k]!);
  }
  return found.sort((a, b) => a - b).map((i) => list[i]!);
}

/**
 * `list.find((r) => r.start <= pos && pos < r.end)` for positions asked in rising order, in
 * amortised constant time: ranges come in as `pos` reaches their start and leave once it
 * passes their end.
 */
export function rangeCursor<T extends TextRange>(list: readonly T[]): (pos: number) => T | undefined {
  const order = list.map((_, i) => i).sort((i, j) => list[i]!.start - list[j]!.start || i - j);
  let next = 0;
  let active: number[] = [];
  let last = -Infinity;
  return (pos) => {
    if (pos < last) {
      next = 0;
      active = [];
    }
    last = pos;
    while (next < order.length && list[order[next]!]!.start <= pos) active.push(order[next++]!);
    if (active.length === 0) return undefined;
    active = active.filter((i) => list[i]!.end > pos);
    let first: number | undefined;
    for (const i of active) if (first === undefined || i < first) first = i;
    return first === undefined ? undefined : list[first];
  };
}

const blockSentences = new WeakMap<Block, TextRange[]>();

/** A block's sentences as objects, looked up once per block (renderInline runs once per segment of it). */
export function sentencesOf<S extends TextRange>(model: { sentences: readonly S[] }, block: Block): S[] {
  let list = blockSentences.get(block) as S[] | undefined;
  if (!list) {
    list = block.sentences.map((i) => model.sentences[i]).filter((s) => s !== undefined);
    blockSentences.set(block, list);
  }
  return list;
}

/** Sentences per chunk of a very long paragraph (view/block-parts.ts): a step of rendering each. */
const CHUNK_SENTENCES = 200;

/** [start, end) cut at every CHUNK_SENTENCES-th sentence start: pieces that render alike one by one or together. */
export function sentenceChunks(model: ArticleModel, block: Block, start: number, end: number): [number, number][] {
  const chunks: [number, number][] = [];
  let from = start;
  const sentences = overlapping(sentencesOf(model, block), start, end);
  for (let i = CHUNK_SENTENCES; i < sentences.length; i += CHUNK_SENTENCES) {
    const cut = sentences[i]!.start;
    if (cut <= from || cut >= end) continue;
    chunks.push([from, cut]);
    from = cut;
  }
  chunks.push([from, end]);
  return chunks;
}
