// "Open link…" (Ctrl+L): one labelled address field. The page is fetched by the main process;
// while it loads the dialog says so, and when it cannot be opened the reason is shown and
// announced next to the field, which keeps the address for correcting.

import type { OpenResult } from '../../core/contract';
import { el } from '../view/dom';
import { openPanel } from './dialog';

export function openLinkPanel(open: (url: string) => Promise<OpenResult>, shown: (result: OpenResult) => Promise<void>): void {
  const input = el('input', {
    attrs: { type: 'url', id: 'link-address', name: 'url', autocomplete: 'url', spellcheck: 'false', inputmode: 'url', required: '', 'aria-describedby': 'link-hint link-status', placeholder: 'https://' },
  });
  const status = el('p', { className: 'link-status', attrs: { id: 'link-status', role: 'status', 'aria-live': 'polite' } });
  const submit = el('button', { text: 'Open', attrs: { type: 'submit' } });
  let busy = false;
  const panel = openPanel({
    id: 'open-link',
    title: 'Open link',
    initialFocus: () => input,
    build(body) {
      const form = el('form', { className: 'link-form', attrs: { novalidate: '' } },
        el('div', { className: 'field' },
          el('label', { text: 'Web address of the article', attrs: { for: input.id } }),
          input,
          el('p', { className: 'field-description', text: 'The page is fetched without its pictures or scripts, and only its article is read.', attrs: { id: 'link-hint' } })),
        el('p', {}, submit),
        status);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        if (busy) return;
        const url = input.value.trim();
        if (!url) {
          status.textContent = 'Type or paste the address of a web page first.';
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        busy = true;
        submit.disabled = true;
        input.removeAttribute('aria-invalid');
        status.textContent = 'Opening the page…';
        void open(url).then(async (result) => {
          busy = false;
          submit.disabled = false;
          if (result.ok) {
            panel.close();
            await shown(result);
            return;
          }
          status.textContent = `Could not open it: ${result.message}`;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          input.select();
        }, (e: unknown) => {
          busy = false;
          submit.disabled = false;
          status.textContent = `Could not open it: ${e instanceof Error ? e.message : String(e)}`;
          input.focus();
        });
      });
      body.append(form);
    },
  });
}
