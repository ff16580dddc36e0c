/**
 * When a speaker label is spoken before a quote (smart verbosity). The listener must always
 * know who speaks, but never hear a name twice in a row: a label is dropped when the narration
 * just read named the speaker ("Dr Tarakji said:"), and when the same speaker's quote simply
 * goes on ("…," said Kerr. "…" / a paragraph that continues the quote).
 */
import type { ArticleModel, Quote, Settings, TextRange } from '../contract';

/** Whether narration in `read` (the text spoken since the last quote) names the quote's speaker. */
export function namedIn(model: ArticleModel, q: Quote, read: TextRange | null): boolean {
  if (!read || !q.speakerId) return false;
  const speaker = model.speakers.find((s) => s.id === q.speakerId);
  return speaker?.mentions.some((m) => m.start >= read.start && m.end <= read.end) ?? false;
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
  if (resumed) return true;
  const namedJustBefore = (q.attribution === 'before' || q.attribution === 'inside') && q.mention === 'name';
  if (namedJustBefore) return false;
  // A quote interrupted by its own attribution goes on in the same voice, without a second label.
  const sameSpeaker = lastQuote !== null && q.speakerId !== null && lastQuote.speakerId === q.speakerId;
  const continues = sameSpeaker && (q.attribution === 'continued' || (q.attribution === 'nearby' && lastQuote.attribution === 'after' && !read));
  return !continues;
}
