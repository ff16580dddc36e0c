/**
 * When a speaker label is spoken before a quote (smart verbosity). The listener must always
 * know who speaks, but never hear a name twice in a row: a label is dropped when the narration
 * just read named the speaker ("Dr Tarakji said:"), and when the same speaker's quote simply
 * goes on ("…," said Kerr. "…" / a paragraph that continues the quote).
 */
import type { ArticleModel, Quote, Settings, TextRange } from '../contract';

/** Each speaker's name mentions sorted by start, built once per model: a plan of a long article asks for every quote. */
const mentionIndex = new WeakMap<ArticleModel, Map<string, TextRange[]>>();

function mentionsOf(model: ArticleModel, speakerId: string): TextRange[] {
  let index = mentionIndex.get(model);
  if (!index) {
    index = new Map(model.speakers.map((s) => [s.id, [...s.mentions].sort((a, b) => a.start - b.start)]));
    mentionIndex.set(model, index);
  }
  return index.get(speakerId) ?? [];
}

/** Whether narration in `read` (the text spoken since the last quote) names the quote's speaker. */
export function namedIn(model: ArticleModel, q: Quote, read: TextRange | null): boolean {
  if (!read || !q.speakerId) return false;
  const mentions = mentionsOf(model, q.speakerId);
  // The first mention starting inside `read` (binary search), then whether it also ends there.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < read.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < mentions.length && mentions[i]!.start < read.end; i++) if (mentions[i]!.end <= read.end) return true;
  return false;
}

/** Whether the narration `read` stands between two parts of `q` in one paragraph (its attribution). */
function interruptsQuote(q: Quote, read: TextRange): boolean {
  for (let i = 1; i < q.parts.length; i++) {
    const before = q.parts[i - 1]!;
    const after = q.parts[i]!;
    if (before.block === after.block && before.end <= read.start && read.end <= after.start) return true;
  }
  return false;
}

/**
 * @param resumed   the same quote goes on after narration
 * @param lastQuote the quote heard last
 * @param read      the narration read since the last quote (null when none)
 */
export function needsLabel(model: ArticleModel, q: Quote, resumed: boolean, lastQuote: Quote | null, read: TextRange | null, settings: Settings): boolean {
  if (settings.verbosity === 'off') return false;
  if (settings.verbosity === 'always') return true;
  // "Dr Tarakji said:" / "…," said Kerr. "…": the narrator has just read the name.
  if (namedIn(model, q, read)) return false;
  // "…," she said. "…": one quote interrupted by its own attribution goes on in the same voice, unlabelled.
  if (resumed && q === lastQuote && read && interruptsQuote(q, read)) return false;
  if (resumed) return true;
  const namedJustBefore = (q.attribution === 'before' || q.attribution === 'inside') && q.mention === 'name';
  if (namedJustBefore) return false;
  // A quote interrupted by its own attribution goes on in the same voice, without a second label.
  const sameSpeaker = lastQuote !== null && q.speakerId !== null && lastQuote.speakerId === q.speakerId;
  const continues = sameSpeaker && (q.attribution === 'continued' || (q.attribution === 'nearby' && lastQuote.attribution === 'after' && !read));
  return !continues;
}
