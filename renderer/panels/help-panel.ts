import { KEY_BINDINGS } from '../keymap';
import { el } from '../view/dom';
import { openPanel } from './dialog';

/** Which screen reader takes which keys in browse mode, and so what Article Reader uses (README has the same table). */
export const SCREEN_READER_KEYS: readonly { keys: string; nvda: string; jaws: string; orca: string; voiceover: string; here: string }[] = [
  {
    keys: 'Letters, Shift+letters', nvda: 'Quick navigation (H heading, Q block quote…); other letters beep', jaws: 'Quick keys (H heading, Q main region…)',
    orca: 'Structural navigation (H heading, Q block quote…)', voiceover: 'Passed on (unless single-key Quick Nav is on)', here: 'Plain keys, in the reading keys area',
  },
  {
    keys: 'Arrows, Space, Enter', nvda: 'Move the browse cursor; Space and Enter activate', jaws: 'Move the virtual cursor; Space and Enter activate',
    orca: 'Arrows move the caret; Space is passed on', voiceover: 'Passed on (unless Quick Nav is on)', here: 'Plain keys, in the reading keys area',
  },
  {
    keys: 'Alt+Shift+letter', nvda: 'Passed on', jaws: 'Not in its key map (not checked here)', orca: 'Lists (Q block quotes, P paragraphs, X check boxes); arrows: tables',
    voiceover: 'Passed on', here: 'Not used (Windows also switches keyboard layout with Alt+Shift)',
  },
  {
    keys: 'Ctrl+Alt+arrows', nvda: 'Table navigation', jaws: 'Table navigation', orca: 'Passed on outside tables', voiceover: 'Ctrl+Option is the VoiceOver key',
    here: 'Not used',
  },
  {
    keys: 'Ctrl+Alt+letter', nvda: 'Passed on (Ctrl+Alt+N starts NVDA)', jaws: 'Passed on (Ctrl+Alt+J may start JAWS)', orca: 'Passed on',
    voiceover: 'Ctrl+Option is the VoiceOver key: use Cmd+Option', here: 'Browse-mode keys (never N or J)',
  },
  { keys: 'F1, F8, Escape, Ctrl+O, Ctrl+E, Ctrl+,', nvda: 'Passed on', jaws: 'Passed on', orca: 'Passed on', voiceover: 'Passed on', here: 'Used as they are' },
];

function table(caption: string, head: string[], rows: (string | Node)[][]): HTMLElement {
  const t = el('table', { className: 'keys' });
  t.append(el('caption', { className: 'visually-hidden', text: caption }));
  t.append(el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))));
  const tbody = el('tbody');
  for (const [first, ...rest] of rows) {
    tbody.append(el('tr', {}, el('th', { attrs: { scope: 'row' } }, typeof first === 'string' ? document.createTextNode(first) : first!),
      ...rest.map((c) => el('td', {}, typeof c === 'string' ? document.createTextNode(c) : c))));
  }
  t.append(tbody);
  return el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': caption } }, t);
}

const kbds = (keys: readonly string[]) => {
  const span = el('span');
  keys.forEach((k, i) => span.append(...(i > 0 ? [document.createTextNode(', ')] : []), el('kbd', { text: k })));
  return span;
};

export function openHelpPanel(): void {
  openPanel({
    id: 'help',
    title: 'Keyboard help',
    build(body) {
      body.append(
        el('p', { text: 'Every reading command has two forms. Plain keys (Space, arrows, Q, S, H…) work without a screen reader, and with one in the reading keys area next to the player buttons (Shift+Tab from the article): screen readers switch to focus mode there. While a screen reader reads the article in browse mode, it keeps plain keys for itself: use the browse-mode keys instead, Ctrl+Alt with a letter (add Shift to go back). On macOS press Cmd where this says Ctrl.' }),
        el('p', { text: 'Keys do nothing while you are in a form field or a dialog. Every command is also in the menu bar.' }),
      );
      const rows = KEY_BINDINGS.map((b) => [b.description, kbds(b.keys), kbds(b.browseKeys ?? b.keys)]);
      rows.push(['Close a panel', kbds(['Escape']), kbds(['Escape'])]);
      body.append(table('Keyboard commands', ['Command', 'Key', 'In browse mode'], rows));
      body.append(el('h3', { text: 'Which screen reader takes which keys' }));
      body.append(table('Keys screen readers take in browse mode', ['Keys', 'NVDA', 'JAWS', 'Orca', 'VoiceOver', 'Article Reader'],
        SCREEN_READER_KEYS.map((r) => [r.keys, r.nvda, r.jaws, r.orca, r.voiceover, r.here])));
    },
  });
}
