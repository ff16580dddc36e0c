// The keyboard map. Two forms of every reading command:
//  - a plain key (Space, arrows, Q, S, H...), for the reading keys area (a focusable
//    role="toolbar", where screen readers switch to focus mode and pass every key) and for use
//    without a screen reader;
//  - a browse-mode form, for use anywhere while a screen reader reads the article in browse mode:
//    Ctrl+Alt+letter (Ctrl+Alt+Shift+letter goes back), F8, F1 and Escape. NVDA, JAWS and Orca
//    pass these to the page (their browse-mode letters are bare or Shift+letter, their lists
//    Insert+F-keys or Alt+Shift+letter, their tables Ctrl+Alt+arrows, so arrows are avoided);
//    VoiceOver passes all keys unless its QuickNav is on. On macOS Cmd stands in for Ctrl.
// The README and the help dialog show this table; the menu (electron/main/menu-template.ts)
// shows each command's first browse-mode form. Pure data + matching.

import type { Command } from '../core/contract';

export interface KeyChord {
  /** KeyboardEvent.key (case-insensitive; follows the layout) or, for modifier forms whose key
   *  text the modifiers change, KeyboardEvent.code (e.g. "KeyQ"). */
  key?: string;
  code?: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean | 'any';
}

export interface KeyBinding {
  command: Command;
  description: string;
  /** Human-readable keys shown in the help dialog, plain key first. */
  keys: string[];
  chords: KeyChord[];
  /** The keys (among `chords`) that reach the app while a screen reader is in browse mode.
   *  Absent: the command has only modifier keys, which work in every mode (Ctrl+O). */
  browseKeys?: string[];
}

/** Ctrl+Alt+key (Cmd+Option on macOS), by physical key so AltGr layouts and Shift do not change it. */
const ctrlAlt = (code: string, shift = false): KeyChord => ({ code, ctrl: true, alt: true, ...(shift ? { shift: true } : {}) });

export const KEY_BINDINGS: readonly KeyBinding[] = [
  {
    command: 'play-pause', description: 'Play or pause', keys: ['Space'], browseKeys: ['Ctrl+Alt+Space', 'F8'],
    chords: [{ key: ' ' }, ctrlAlt('Space'), { key: 'F8' }, { code: 'MediaPlayPause' }],
  },
  { command: 'stop', description: 'Stop', keys: ['Escape'], browseKeys: ['Ctrl+Alt+X', 'Escape'], chords: [{ key: 'Escape' }, ctrlAlt('KeyX'), { code: 'MediaStop' }] },
  { command: 'next-sentence', description: 'Next sentence', keys: ['Right arrow'], browseKeys: ['Ctrl+Alt+. (period)'], chords: [{ key: 'ArrowRight' }, ctrlAlt('Period')] },
  { command: 'previous-sentence', description: 'Previous sentence', keys: ['Left arrow'], browseKeys: ['Ctrl+Alt+, (comma)'], chords: [{ key: 'ArrowLeft' }, ctrlAlt('Comma')] },
  {
    command: 'next-paragraph', description: 'Next paragraph', keys: ['Down arrow', 'Ctrl+Down arrow'], browseKeys: ['Ctrl+Alt+P'],
    chords: [{ key: 'ArrowDown' }, { key: 'ArrowDown', ctrl: true }, ctrlAlt('KeyP')],
  },
  {
    command: 'previous-paragraph', description: 'Previous paragraph', keys: ['Up arrow', 'Ctrl+Up arrow'], browseKeys: ['Ctrl+Alt+Shift+P'],
    chords: [{ key: 'ArrowUp' }, { key: 'ArrowUp', ctrl: true }, ctrlAlt('KeyP', true)],
  },
  { command: 'next-quote', description: 'Next quote', keys: ['Q'], browseKeys: ['Ctrl+Alt+Q'], chords: [{ key: 'q' }, ctrlAlt('KeyQ')] },
  { command: 'previous-quote', description: 'Previous quote', keys: ['Shift+Q'], browseKeys: ['Ctrl+Alt+Shift+Q'], chords: [{ key: 'q', shift: true }, ctrlAlt('KeyQ', true)] },
  { command: 'next-speaker', description: 'Next change of speaker', keys: ['S'], browseKeys: ['Ctrl+Alt+S'], chords: [{ key: 's' }, ctrlAlt('KeyS')] },
  { command: 'previous-speaker', description: 'Previous change of speaker', keys: ['Shift+S'], browseKeys: ['Ctrl+Alt+Shift+S'], chords: [{ key: 's', shift: true }, ctrlAlt('KeyS', true)] },
  { command: 'next-heading', description: 'Next heading', keys: ['H'], browseKeys: ['Ctrl+Alt+H'], chords: [{ key: 'h' }, ctrlAlt('KeyH')] },
  { command: 'previous-heading', description: 'Previous heading', keys: ['Shift+H'], browseKeys: ['Ctrl+Alt+Shift+H'], chords: [{ key: 'h', shift: true }, ctrlAlt('KeyH', true)] },
  { command: 'quote-list', description: 'List of quotes', keys: ['L'], browseKeys: ['Ctrl+Alt+U'], chords: [{ key: 'l' }, ctrlAlt('KeyU')] },
  { command: 'article-list', description: 'List of articles', keys: ['A'], browseKeys: ['Ctrl+Alt+A'], chords: [{ key: 'a' }, ctrlAlt('KeyA')] },
  {
    command: 'faster', description: 'Faster', keys: ['+'], browseKeys: ['Ctrl+Alt+='],
    chords: [{ key: '+', shift: 'any' }, { key: '=' }, { code: 'NumpadAdd' }, ctrlAlt('Equal'), ctrlAlt('NumpadAdd')],
  },
  { command: 'slower', description: 'Slower', keys: ['-'], browseKeys: ['Ctrl+Alt+-'], chords: [{ key: '-' }, { code: 'NumpadSubtract' }, ctrlAlt('Minus'), ctrlAlt('NumpadSubtract')] },
  { command: 'where-am-i', description: 'Where am I', keys: ['W'], browseKeys: ['Ctrl+Alt+W'], chords: [{ key: 'w' }, ctrlAlt('KeyW')] },
  { command: 'sleep-timer', description: 'Sleep timer (off, end of article, 15, 30, 60 minutes)', keys: ['Z'], browseKeys: ['Ctrl+Alt+Z'], chords: [{ key: 'z' }, ctrlAlt('KeyZ')] },
  { command: 'open', description: 'Open a file', keys: ['Ctrl+O'], chords: [{ key: 'o', ctrl: true }] },
  { command: 'export', description: 'Export audio', keys: ['Ctrl+E'], chords: [{ key: 'e', ctrl: true }] },
  { command: 'settings', description: 'Settings', keys: ['Ctrl+,'], chords: [{ key: ',', ctrl: true }, { code: 'Comma', ctrl: true }] },
  { command: 'help', description: 'Keyboard help', keys: ['F1', '?'], browseKeys: ['F1', 'Ctrl+Alt+K'], chords: [{ key: 'F1' }, { key: '?', shift: 'any' }, ctrlAlt('KeyK')] },
  // Web pages, links and pasted text (issue 10). Ctrl+V has no chord: the browser's own paste
  // event carries the clipboard (renderer/paste-target.ts), and taking the key would cancel it.
  { command: 'open-link', description: 'Open a link (web page)', keys: ['Ctrl+L'], chords: [{ key: 'l', ctrl: true }] },
  { command: 'paste-article', description: 'Paste an article (its text, web page or link)', keys: ['Ctrl+V'], chords: [] },
];

interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

function matches(chord: KeyChord, e: KeyLike): boolean {
  // macOS: Cmd stands in for Ctrl.
  const ctrl = e.ctrlKey || e.metaKey;
  if (Boolean(chord.ctrl) !== ctrl) return false;
  if (Boolean(chord.alt) !== e.altKey) return false;
  // shift 'any': keys like + and ? need Shift on some layouts and not on others.
  if (chord.shift !== 'any' && Boolean(chord.shift) !== e.shiftKey) return false;
  if (chord.code !== undefined) return chord.code === e.code;
  if (chord.key !== undefined) return chord.key.toLowerCase() === e.key.toLowerCase();
  return false;
}

/** The command a key press means, or null. */
export function commandForKey(e: KeyLike): Command | null {
  for (const binding of KEY_BINDINGS) {
    if (binding.chords.some((c) => matches(c, e))) return binding.command;
  }
  return null;
}
