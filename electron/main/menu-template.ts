// The menu bar: every Command of core/contract.ts, with the keys the renderer's keymap
// (renderer/keymap.ts) uses: each item shows the command's browse-mode key (Ctrl+Alt+letter),
// the form that works with or without a screen reader. The renderer handles every key itself,
// in Electron and in the browser harness alike, so accelerators here are labels only
// (registerAccelerator: false): a registered one would fire the command twice, and bare keys
// would be stolen from text fields. Pure (electron types only) so a test can check that
// nothing is missing and that the keys match the keymap.
import type { MenuItemConstructorOptions } from 'electron';
import type { Command } from '../../core/contract';

type Item = { command: Command; label: string; keys?: string };

const FILE: Item[] = [
  { command: 'open', label: 'Open…', keys: 'CmdOrCtrl+O' },
  { command: 'article-list', label: 'Articles…', keys: 'CmdOrCtrl+Alt+A' },
  { command: 'export', label: 'Export audio…', keys: 'CmdOrCtrl+E' },
];
// Web pages, links and pasted text (issue 10). Open link sits under Open… in the File menu.
const OPEN_LINK: Item = { command: 'open-link', label: 'Open link…', keys: 'CmdOrCtrl+L' };
const EDIT: Item[] = [{ command: 'paste-article', label: 'Paste article', keys: 'CmdOrCtrl+V' }];
const PLAYBACK: (Item | 'separator')[] = [
  { command: 'play-pause', label: 'Play/Pause', keys: 'CmdOrCtrl+Alt+Space' },
  { command: 'stop', label: 'Stop', keys: 'CmdOrCtrl+Alt+X' },
  'separator',
  { command: 'next-sentence', label: 'Next sentence', keys: 'CmdOrCtrl+Alt+.' },
  { command: 'previous-sentence', label: 'Previous sentence', keys: 'CmdOrCtrl+Alt+,' },
  { command: 'next-paragraph', label: 'Next paragraph', keys: 'CmdOrCtrl+Alt+P' },
  { command: 'previous-paragraph', label: 'Previous paragraph', keys: 'CmdOrCtrl+Alt+Shift+P' },
  { command: 'next-quote', label: 'Next quote', keys: 'CmdOrCtrl+Alt+Q' },
  { command: 'previous-quote', label: 'Previous quote', keys: 'CmdOrCtrl+Alt+Shift+Q' },
  { command: 'next-speaker', label: 'Next change of speaker', keys: 'CmdOrCtrl+Alt+S' },
  { command: 'previous-speaker', label: 'Previous change of speaker', keys: 'CmdOrCtrl+Alt+Shift+S' },
  { command: 'next-heading', label: 'Next heading', keys: 'CmdOrCtrl+Alt+H' },
  { command: 'previous-heading', label: 'Previous heading', keys: 'CmdOrCtrl+Alt+Shift+H' },
  'separator',
  { command: 'faster', label: 'Faster', keys: 'CmdOrCtrl+Alt+=' },
  { command: 'slower', label: 'Slower', keys: 'CmdOrCtrl+Alt+-' },
  'separator',
  { command: 'where-am-i', label: 'Where am I?', keys: 'CmdOrCtrl+Alt+W' },
  { command: 'sleep-timer', label: 'Sleep timer', keys: 'CmdOrCtrl+Alt+Z' },
];
const VIEW: Item[] = [
  { command: 'quote-list', label: 'Quote list…', keys: 'CmdOrCtrl+Alt+U' },
  { command: 'settings', label: 'Settings…', keys: 'CmdOrCtrl+,' },
];
const HELP: Item[] = [{ command: 'help', label: 'Keyboard help', keys: 'F1' }];

export function menuTemplate(send: (command: Command) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const item = (i: Item | 'separator'): MenuItemConstructorOptions =>
    i === 'separator'
      ? { type: 'separator' }
      : { id: i.command, label: i.label, accelerator: i.keys, registerAccelerator: false, click: () => send(i.command) };
  const mac = platform === 'darwin';
  return [
    // The standard macOS app menu, less "Hide Others": its Cmd+Option+H is the browse-mode key
    // for the next heading.
    // (macOS shows the first menu under the app's name whatever its label.)
    ...(mac ? [{ label: 'Article Reader', submenu: [
      { role: 'about' as const }, { type: 'separator' as const }, { role: 'services' as const }, { type: 'separator' as const },
      { role: 'hide' as const }, { role: 'unhide' as const }, { type: 'separator' as const }, { role: 'quit' as const },
    ] }] : []),
    { label: '&File', submenu: [item(FILE[0]!), item(OPEN_LINK), ...FILE.slice(1).map(item), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      // macOS sends Cmd+C/V/X/A to text fields (the link box) only through Edit menu roles; the
      // Paste role fires the page's paste event, which opens the clipboard as an article outside a field.
      submenu: [...(mac ? [{ role: 'cut' as const }, { role: 'copy' as const }, { role: 'paste' as const }, { role: 'selectAll' as const }, { type: 'separator' as const }] : []), ...EDIT.map(item)],
    },
    { label: '&Playback', submenu: PLAYBACK.map(item) },
    {
      label: '&View',
      submenu: [
        ...VIEW.map(item),
        { type: 'separator' },
        // Page zoom, on top of the text size in Settings: native, and works in every dialog.
        { role: 'zoomIn', label: 'Larger text' },
        { role: 'zoomOut', label: 'Smaller text' },
        { role: 'resetZoom', label: 'Actual size' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', role: 'help', submenu: HELP.map(item) },
  ];
}

/** Every command the menu sends, for tests. */
export const MENU_COMMANDS: readonly Command[] = [...FILE, OPEN_LINK, ...EDIT, ...PLAYBACK, ...VIEW, ...HELP].flatMap((i) => (i === 'separator' ? [] : [i.command]));
