// A big article opens with its first part (issue 12): parsing 1 MB takes about a second, and a
// listener should not wait for the end of a book to hear its title. The parse worker parses the
// first blocks alone, sends them to be shown and read, then parses the whole. When the whole
// article begins exactly as the part already shown, the page only adds the rest (nothing the
// listener or a screen reader is on is replaced); otherwise it is replaced, at the same place.
import type { ArticleModel, Quote } from '../contract';
import type { RawBlock } from './blocks';

/** Articles shorter than this parse in well under 200 ms: they open whole, as before. */
export const PREVIEW_FROM_CHARS = 160_000;
/** About the first part's size: parsed in a few tens of ms, minutes of listening. */
export const PREVIEW_CHARS = 16_000;
/** How far past PREVIEW_CHARS the cut may move to fall between two plain paragraphs. */
const CLEAN_CUT_LOOKAHEAD = 40;
const OPENS_WITH_QUOTE = /^\s*["“‘'«„]/u;

/**
 * How many of `raw`'s blocks make the first part, or null when the article is small enough to
 * open whole. The cut falls before a paragraph when one comes soon: a list, a Markdown block
 * quote or a quote running on into the next paragraph (one that opens with a quote mark)
 * would be cut in two.
 */
export function previewBlockCount(raw: readonly RawBlock[]): number | null {
  let total = 0;
  for (const b of raw) total += b.text.length + 2;
  if (total < PREVIEW_FROM_CHARS) return null;
  let chars = 0;
  let n = 0;
  while (n < raw.length && chars < PREVIEW_CHARS) chars += raw[n++]!.text.length + 2;
  for (let k = n; k < Math.min(raw.length, n + CLEAN_CUT_LOOKAHEAD); k++) {
    if (cleanCut(raw[k - 1]!, raw[k]!)) return k;
  }
  return n < raw.length ? n : null;
}

function cleanCut(before: RawBlock, after: RawBlock): boolean {
  return after.kind === 'paragraph' && !after.inBlockquote && !OPENS_WITH_QUOTE.test(after.text) && before.kind === 'paragraph' && !before.inBlockquote;
}

/**
 * True when `whole` begins with the same blocks, sentences and quotes as `first`, and its next
 * block starts afresh (no list, Markdown quote or quote carried over into it). Then the page keeps
 * what it shows of `first` and adds `whole`'s later blocks. Who a quote is given to may still
 * differ: the whole article can name a speaker more fully ("Dr Ahmad Clarke" for "Ahmad
 * Clarke"), so the page renames its labels in place.
 */
export function extendsPreview(first: ArticleModel, whole: ArticleModel): boolean {
  const k = first.blocks.length;
  if (k === 0 || whole.blocks.length <= k) return false;
  if (first.format !== whole.format || first.title !== whole.title || first.byline !== whole.byline) return false;
  if (whole.text.slice(0, first.text.length) !== first.text) return false;
  if (!sameItems(first.blocks, whole.blocks) || !sameItems(first.sentences, whole.sentences)) return false;
  if (!sameItems(first.quotes.map(withoutSpeaker), whole.quotes.slice(0, first.quotes.length).map(withoutSpeaker))) return false;
  // Nothing after the first part belongs to its blocks.
  if ((whole.sentences[first.sentences.length]?.block ?? k) < k) return false;
  if (whole.quotes.slice(first.quotes.length).some((q) => q.parts.some((p) => p.block < k))) return false;
  const before = whole.blocks[k - 1]!;
  const after = whole.blocks[k]!;
  if (before.kind === 'list-item' && after.kind === 'list-item') return false;
  return !(before.inBlockquote && after.inBlockquote);
}

/** `whole` begins with the items of `first`, equal field by field. */
function sameItems<T>(first: readonly T[], whole: readonly T[]): boolean {
  return whole.length >= first.length && JSON.stringify(first) === JSON.stringify(whole.slice(0, first.length));
}

function withoutSpeaker(q: Quote): Omit<Quote, 'speakerId' | 'mention'> {
  const { speakerId: _s, mention: _m, ...rest } = q;
  return rest;
}
