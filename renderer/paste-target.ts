// Ctrl+V (and Cmd+V, and Edit > Paste on macOS, which fires the same event): the clipboard's
// HTML and text, from the paste event itself (no clipboard permission is needed for that).
// Pastes into a form field (the link box) and into open dialogs are left alone.
import { isPanelOpen } from './panels/dialog';

const FORM_FIELD = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';

export function installPasteTarget(onPaste: (html: string | null, text: string | null) => void): void {
  document.addEventListener('paste', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(FORM_FIELD) || isPanelOpen() || !e.clipboardData) return;
    const html = e.clipboardData.getData('text/html') || null;
    const text = e.clipboardData.getData('text/plain') || null;
    e.preventDefault();
    onPaste(html, text);
  });
}
