// How the quote list shows a quote's words. A quote interrupted by its own attribution ("…for passengers," said an RDG
// spokesperson. "We urge …") reads with an ellipsis where the attribution was, not as one run-on sentence
// ("…for passengers, We urge …"); the paragraphs of a quote that runs over several follow on with a space.
import type { ArticleModel, Quote } from '../core/contract';

export function quoteListText(model: Pick<ArticleModel, 'text'>, quote: Pick<Quote, 'parts' | 'text'>): string {
  if (quote.parts.length < 2) return quote.text;
  let out = '';
  quote.parts.forEach((part, i) => {
    const words = model.text.slice(part.start, part.end).trim();
    if (i === 0) out = words;
    else if (part.block === quote.parts[i - 1]!.block) out = `${out.replace(/[,;:]$/, '')} … ${words}`;
    else out = `${out} ${words}`;
  });
  return out;
}
