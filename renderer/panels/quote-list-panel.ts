// Quotes grouped by speaker; activating one jumps there and plays.

import type { ArticleModel } from '../../core/contract';
import { speakerName } from '../view/render-article';
import { el } from '../view/dom';
import { openPanel } from './dialog';

export function openQuoteListPanel(model: ArticleModel, quoteStarts: Map<number, number>, onChoose: (quote: number) => void): void {
  const groups = new Map<string, number[]>();
  for (const q of model.quotes) {
    if (!quoteStarts.has(q.index)) continue;
    const name = speakerName(model, q.speakerId);
    groups.set(name, [...(groups.get(name) ?? []), q.index]);
  }
  let firstButton: HTMLButtonElement | null = null;
  openPanel({
    id: 'quotes',
    title: 'Quotes',
    initialFocus: () => firstButton,
    build(body, panel) {
      if (groups.size === 0) {
        body.append(el('p', { text: 'This article has no quotes.' }));
        return;
      }
      body.append(el('p', { className: 'panel-hint', text: `${model.quotes.length} quotes by ${groups.size} speakers. Choose one to listen from there.` }));
      let n = 0;
      for (const [name, quotes] of groups) {
        const id = `quotes-speaker-${n++}`;
        const list = el('ul', { className: 'quote-choices', attrs: { 'aria-labelledby': id } });
        for (const index of quotes) {
          const quote = model.quotes[index]!;
          const button = el('button', { className: 'quote-choice', attrs: { type: 'button', 'data-quote': String(index) } },
            el('span', { className: 'quote-choice-number', text: `Quote ${index + 1}: ` }),
            el('span', { className: 'quote-choice-text', text: excerpt(quote.text) }));
          button.addEventListener('click', () => {
            panel.close();
            onChoose(index);
          });
          firstButton ??= button;
          list.append(el('li', {}, button));
        }
        body.append(el('section', { className: 'quote-group' }, el('h3', { text: `${name} (${quotes.length})`, attrs: { id } }), list));
      }
    },
  });
}

function excerpt(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
