// The menu bar: every Command of core/contract.ts, with the keys the renderer's keymap
// (renderer/keymap.ts) uses. The renderer handles every key itself, in Electron and in the
// browser harness alike, so accelerators here are labels only (registerAccelerator: false):
// a registered one would fire the command twice, and bare keys would be stolen from text
// fields. Pure (electron types only) so a test can check that nothing is missing.
import type { MenuItemConstructorOptions } from 'electron';
import type { Command } from '../../core/contract';

type Item = { command: Command; label: string; keys?: string };

const FILE: Item[] = [
  { command: 'open', label: 'Open…', keys: 'CmdOrCtrl+O' },
  { command: 'article-list', label: 'Articles…', keys: 'A' },
  { command: 'export', label: 'Export audio…', keys: 'CmdOrCtrl+E' },
];
// Web pages, links and pasted text (issue 10). Open link sits under Open… in the File menu.
const OPEN_LINK: Item = { command: 'open-link', label: 'Open link…', keys: 'CmdOrCtrl+L' };
const EDIT: Item[] = [{ command: 'paste-article', label: 'Paste article', keys: 'CmdOrCtrl+V' }];
const PLAYBACK: (Item | 'separator')[] = [
  { command: 'play-pause', label: 'Play/Pause', keys: 'Space' },
  { command: 'stop', label: 'Stop', keys: 'Escape' },
  'separator',
  { command: 'next-sentence', label: 'Next sentence', keys: 'Right' },
  { command: 'previous-sentence', label: 'Previous sentence', keys: 'Left' },
  { command: 'next-paragraph', label: 'Next paragraph', keys: 'Down' },
  { command: 'previous-paragraph', label: 'Previous paragraph', keys: 'Up' },
  { command: 'next-quote', label: 'Next quote', keys: 'Q' },
  { command: 'previous-quote', label: 'Previous quote', keys: 'Shift+Q' },
  { command: 'next-speaker', label: 'Next change of speaker', keys: 'S' },
  { command: 'previous-speaker', label: 'Previous change of speaker', keys: 'Shift+S' },
  'separator',
  { command: 'faster', label: 'Faster', keys: 'Plus' },
  { command: 'slower', label: 'Slower', keys: '-' },
  'separator',
  { command: 'where-am-i', label: 'Where am I?', keys: 'W' },
];
const VIEW: Item[] = [
  { command: 'quote-list', label: 'Quote list…', keys: 'L' },
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
    ...(mac ? [{ role: 'appMenu' as const }] : []),
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
