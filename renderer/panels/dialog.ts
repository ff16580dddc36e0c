// An accessible modal panel: a native <dialog> with aria-modal, labelled by its heading, Tab
// kept inside, Escape and the backdrop close it, focus returned to whatever opened it.
// Modal by hand rather than with showModal(): showModal makes the rest of the page inert, which
// silences the live regions while a panel is open, re-announces them when it closes, and
// leaves Orca (reading the article in browse mode) with an inert reading position, so the
// control that receives focus in the dialog is not spoken. Checked with Orca 43: opened this
// way, "Settings dialog … Narrator voice combo box" is spoken every time.

import { el } from '../view/dom';

export interface Panel {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  close(): void;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

let counter = 0;

export function openPanel(options: { id: string; title: string; description?: string; build(body: HTMLElement, panel: Panel): void; initialFocus?: () => HTMLElement | null }): Panel {
  closeOpenPanels();
  const invoker = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const n = ++counter;
  const heading = el('h2', { text: options.title, attrs: { id: `panel-title-${n}` } });
  const closeButton = el('button', { className: 'panel-close', text: 'Close', attrs: { type: 'button' } });
  const body = el('div', { className: 'panel-body' });
  const dialog = el('dialog', { className: `panel panel-${options.id}`, attrs: { id: `panel-${options.id}`, 'aria-labelledby': heading.id, 'aria-modal': 'true', tabindex: '-1' } },
    el('div', { className: 'panel-header' }, heading, closeButton), body);
  if (options.description) {
    const desc = el('p', { className: 'panel-description', text: options.description, attrs: { id: `panel-desc-${n}` } });
    body.before(desc);
    dialog.setAttribute('aria-describedby', desc.id);
  }
  const backdrop = el('div', { className: 'panel-backdrop' });
  const panel: Panel = { dialog, body, close: () => dialog.close() };
  closeButton.addEventListener('click', () => panel.close());
  backdrop.addEventListener('click', () => panel.close());
  dialog.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      panel.close();
    } else if (e.key === 'Tab') {
      // Tab and Shift+Tab go round the panel's own controls.
      const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((x) => x.getClientRects().length > 0);
      const [first, last] = [items[0], items[items.length - 1]];
      if (!first || !last) return;
      const at = document.activeElement;
      if (e.shiftKey && (at === first || at === dialog)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  // Focus that leaves the panel while it is open (a click, a screen reader's cursor) comes back.
  let lastInside: HTMLElement = closeButton;
  const keepFocus = (e: FocusEvent) => {
    if (!dialog.open) return;
    if (e.target instanceof Node && dialog.contains(e.target)) {
      if (e.target instanceof HTMLElement) lastInside = e.target;
      return;
    }
    lastInside.focus();
  };
  document.addEventListener('focusin', keepFocus);
  // Focus that fell to the page itself (a screen reader's browse cursor moved onto the panel's text, or the focused
  // control went away) fires no focusin: Escape still closes the panel, and Tab goes back into it.
  const strayKeys = (e: KeyboardEvent) => {
    if (!dialog.open || e.defaultPrevented || (e.target instanceof Node && dialog.contains(e.target))) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      panel.close();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      (lastInside.isConnected ? lastInside : closeButton).focus();
    }
  };
  document.addEventListener('keydown', strayKeys);
  dialog.addEventListener('close', () => {
    document.removeEventListener('focusin', keepFocus);
    document.removeEventListener('keydown', strayKeys);
    backdrop.remove();
    dialog.remove();
    // Focus goes back to the invoker; if it has gone, to the article (never lost on <body>).
    const target = invoker && invoker.isConnected ? invoker : document.getElementById('article');
    target?.focus({ preventScroll: true });
  });
  options.build(body, panel);
  document.body.append(backdrop, dialog);
  dialog.show();
  (options.initialFocus?.() ?? closeButton).focus();
  return panel;
}

export function closeOpenPanels(): void {
  for (const d of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) d.close();
}

export function isPanelOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
