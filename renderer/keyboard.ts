// Global keys -> commands. Leaves keys alone in form fields, in dialogs, and for the
// native activation of buttons (Space/Enter); arrow keys move within the toolbar.

import type { Command } from '../core/contract';
import { commandForKey } from './keymap';
import { isPanelOpen } from './panels/dialog';

const FORM_FIELD = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';

export function installKeyboard(options: { toolbar: HTMLElement; run(command: Command): void }): void {
  installToolbarRoving(options.toolbar);
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing || e.repeat && (e.key === ' ' || e.key === 'Escape')) return;
    if (isPanelOpen()) return;
    const target = e.target instanceof Element ? e.target : null;
    // Focus can linger in a dialog that has just closed (its close event comes later).
    const inClosedDialog = target?.closest('dialog:not([open])') != null;
    if (target?.closest(FORM_FIELD) && !inClosedDialog) return;
    const command = commandForKey(e);
    if (!command) return;
    if ((e.key === ' ' || e.key === 'Enter') && target?.closest('button, a[href], summary')) return;
    // Left/Right move between the toolbar's buttons (the reading keys area takes them as commands).
    if (target && options.toolbar.contains(target) && ['ArrowLeft', 'ArrowRight'].includes(e.key) && !e.altKey && !e.ctrlKey) return;
    e.preventDefault();
    options.run(command);
  });
}

/** One tab stop for the toolbar; Left/Right/Home/End move between its buttons. */
function installToolbarRoving(toolbar: HTMLElement): void {
  const buttons = () => Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button'));
  const setCurrent = (b: HTMLButtonElement) => {
    for (const x of buttons()) x.tabIndex = x === b ? 0 : -1;
  };
  const first = buttons()[0];
  if (first) setCurrent(first);
  toolbar.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLButtonElement) setCurrent(e.target);
  });
  toolbar.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const list = buttons();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    let next: HTMLButtonElement | undefined;
    if (e.key === 'ArrowRight') next = list[(i + 1) % list.length];
    else if (e.key === 'ArrowLeft') next = list[(i - 1 + list.length) % list.length];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list[list.length - 1];
    if (!next) return;
    e.preventDefault();
    next.focus();
  });
}
