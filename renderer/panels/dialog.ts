// An accessible modal panel: native <dialog> opened with showModal (focus trapped, Escape
// closes, background inert), labelled by its heading, focus returned to whatever opened it.

import { el } from '../view/dom';

export interface Panel {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  close(): void;
}

let counter = 0;

export function openPanel(options: { id: string; title: string; description?: string; build(body: HTMLElement, panel: Panel): void; initialFocus?: () => HTMLElement | null }): Panel {
  closeOpenPanels();
  const invoker = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const n = ++counter;
  const heading = el('h2', { text: options.title, attrs: { id: `panel-title-${n}` } });
  const closeButton = el('button', { className: 'panel-close', text: 'Close', attrs: { type: 'button' } });
  const body = el('div', { className: 'panel-body' });
  const dialog = el('dialog', { className: `panel panel-${options.id}`, attrs: { id: `panel-${options.id}`, 'aria-labelledby': heading.id } },
    el('div', { className: 'panel-header' }, heading, closeButton), body);
  if (options.description) {
    const desc = el('p', { className: 'panel-description', text: options.description, attrs: { id: `panel-desc-${n}` } });
    body.before(desc);
    dialog.setAttribute('aria-describedby', desc.id);
  }
  const panel: Panel = { dialog, body, close: () => dialog.close() };
  closeButton.addEventListener('click', () => panel.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    // Focus goes back to the invoker; if it has gone, to the article (never lost on <body>).
    const target = invoker && invoker.isConnected ? invoker : document.getElementById('article');
    target?.focus({ preventScroll: true });
  });
  options.build(body, panel);
  document.body.append(dialog);
  dialog.showModal();
  const first = options.initialFocus?.();
  if (first) first.focus();
  return panel;
}

export function closeOpenPanels(): void {
  for (const d of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) d.close();
}

export function isPanelOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
