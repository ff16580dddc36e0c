// The quote list: a listbox of quotes grouped by speaker (with each speaker's count), opened on
// the quote being read. Up/Down/Home/End move, Page Up/Down move by speaker, typing a letter
// jumps to the next speaker whose name starts with what was typed, Enter (or Space, or a click)
// jumps there and plays. Focus moves onto the options themselves (roving tabindex), so every
// screen reader follows it.

import { el } from '../view/dom';
import { openPanel } from './dialog';

export interface QuoteListEntry {
  quote: number;
  /** 1-based place in reading order among the quotes that can be navigated, and their count. */
  number: number;
  total: number;
  speaker: string;
  text: string;
  partial: boolean;
}

/** Type-ahead: letters typed within this long of each other make one prefix. */
const TYPE_AHEAD_MS = 800;

export function openQuoteListPanel(entries: readonly QuoteListEntry[], current: number | null, onChoose: (quote: number) => void): void {
  const groups = new Map<string, QuoteListEntry[]>();
  for (const e of entries) groups.set(e.speaker, [...(groups.get(e.speaker) ?? []), e]);
  const options: HTMLElement[] = [];
  const speakerOf = new Map<HTMLElement, string>();
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  openPanel({
    id: 'quotes',
    title: 'Quotes',
    description: entries.length
      ? `${count(entries.length, 'quote', 'quotes')} by ${count(groups.size, 'speaker', 'speakers')}. Arrows move, a letter jumps to a speaker, Enter plays from there.`
      : 'This article has no quotes.',
    initialFocus: () => options.find((o) => Number(o.dataset.quote) === current) ?? options[0] ?? null,
    build(body, panel) {
      if (entries.length === 0) return;
      const listbox = el('div', { className: 'quote-listbox', attrs: { role: 'listbox', 'aria-label': 'Quotes by speaker' } });
      let n = 0;
      for (const [speaker, list] of groups) {
        const labelId = `quotes-speaker-${n++}`;
        const group = el('div', { className: 'quote-group', attrs: { role: 'group', 'aria-labelledby': labelId } },
          el('div', { className: 'quote-group-label', text: `${speaker}, ${count(list.length, 'quote', 'quotes')}`, attrs: { id: labelId, role: 'presentation' } }));
        for (const entry of list) {
          const option = el('div', {
            className: 'quote-option',
            attrs: { role: 'option', id: `quote-option-${entry.quote}`, tabindex: '-1', 'aria-selected': 'false', 'data-quote': String(entry.quote) },
          },
          el('span', { className: 'quote-option-number', text: `Quote ${entry.number} of ${entry.total}${entry.partial ? ', partial' : ''}: ` }),
          el('span', { className: 'quote-option-text', text: excerpt(entry.text) }));
          option.addEventListener('click', () => choose(option));
          options.push(option);
          speakerOf.set(option, speaker.toLocaleLowerCase());
          group.append(option);
        }
        listbox.append(group);
      }
      body.append(listbox);

      const choose = (option: HTMLElement) => {
        panel.close();
        onChoose(Number(option.dataset.quote));
      };
      const select = (option: HTMLElement | undefined) => {
        if (!option) return;
        for (const o of options) {
          o.tabIndex = o === option ? 0 : -1;
          o.setAttribute('aria-selected', String(o === option));
        }
        option.focus();
        option.scrollIntoView({ block: 'nearest' });
      };
      listbox.addEventListener('focusin', (e) => {
        if (e.target instanceof HTMLElement && options.includes(e.target) && e.target.getAttribute('aria-selected') !== 'true') select(e.target);
      });

      let typed = '';
      let typedAt = 0;
      listbox.addEventListener('keydown', (e) => {
        const at = options.indexOf(document.activeElement as HTMLElement);
        if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
        const groupStarts = options.filter((o, i) => i === 0 || speakerOf.get(options[i - 1]!) !== speakerOf.get(o));
        let target: HTMLElement | undefined;
        switch (e.key) {
          case 'ArrowDown': target = options[Math.min(at + 1, options.length - 1)]; break;
          case 'ArrowUp': target = options[Math.max(at - 1, 0)]; break;
          case 'Home': target = options[0]; break;
          case 'End': target = options[options.length - 1]; break;
          case 'PageDown': target = groupStarts.find((o) => options.indexOf(o) > at) ?? options[options.length - 1]; break;
          case 'PageUp': target = [...groupStarts].reverse().find((o) => options.indexOf(o) < at && speakerOf.get(o) !== speakerOf.get(options[at]!)) ?? options[0]; break;
          case 'Enter':
          case ' ':
            e.preventDefault();
            choose(options[at]!);
            return;
          default:
            if (e.key.length !== 1 || !/\S/u.test(e.key)) return;
            typed = e.timeStamp - typedAt < TYPE_AHEAD_MS ? typed + e.key.toLocaleLowerCase() : e.key.toLocaleLowerCase();
            typedAt = e.timeStamp;
            target = typeAhead(options, speakerOf, at, typed);
        }
        e.preventDefault();
        select(target);
      });
      const first = options.find((o) => Number(o.dataset.quote) === current) ?? options[0];
      if (first) {
        first.tabIndex = 0;
        first.setAttribute('aria-selected', 'true');
      }
    },
  });
}

/**
 * Type-ahead by speaker: the first quote of the next speaker (after the current one, wrapping
 * round) whose name, or a word of it, starts with `prefix`. More letters of the current
 * speaker's name stay where they are.
 */
function typeAhead(options: HTMLElement[], speakerOf: Map<HTMLElement, string>, at: number, prefix: string): HTMLElement | undefined {
  const fits = (name: string) => name.startsWith(prefix) || name.split(/\s+/u).some((w) => w.startsWith(prefix));
  if (prefix.length > 1 && fits(speakerOf.get(options[at]!) ?? '')) return options[at];
  const starts = options.filter((o, i) => i === 0 || speakerOf.get(options[i - 1]!) !== speakerOf.get(o));
  const here = starts.filter((o) => options.indexOf(o) <= at).length - 1;
  for (let k = 1; k <= starts.length; k++) {
    const o = starts[(here + k) % starts.length]!;
    if (fits(speakerOf.get(o) ?? '')) return o;
  }
  return undefined;
}

function excerpt(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
