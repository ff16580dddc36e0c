// The keyboard map: every command has a plain key and a modifier form, because a screen
// reader in browse mode takes plain letters and arrows for itself. Pure data + matching.

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
  /** Human-readable keys shown in the help dialog. */
  keys: string[];
  chords: KeyChord[];
}

const altShift = (code: string): KeyChord => ({ code, alt: true, shift: true });
const ctrlAltShift = (code: string): KeyChord => ({ code, ctrl: true, alt: true, shift: true });

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'play-pause', description: 'Play or pause', keys: ['Space', 'Alt+Shift+P'], chords: [{ key: ' ' }, altShift('KeyP')] },
  { command: 'stop', description: 'Stop', keys: ['Escape', 'Alt+Shift+X'], chords: [{ key: 'Escape' }, altShift('KeyX')] },
  { command: 'next-sentence', description: 'Next sentence', keys: ['Right arrow', 'Alt+Shift+Right arrow'], chords: [{ key: 'ArrowRight' }, altShift('ArrowRight')] },
  { command: 'previous-sentence', description: 'Previous sentence', keys: ['Left arrow', 'Alt+Shift+Left arrow'], chords: [{ key: 'ArrowLeft' }, altShift('ArrowLeft')] },
  { command: 'next-paragraph', description: 'Next paragraph', keys: ['Down arrow', 'Ctrl+Down arrow', 'Alt+Shift+Down arrow'], chords: [{ key: 'ArrowDown' }, { key: 'ArrowDown', ctrl: true }, altShift('ArrowDown')] },
  { command: 'previous-paragraph', description: 'Previous paragraph', keys: ['Up arrow', 'Ctrl+Up arrow', 'Alt+Shift+Up arrow'], chords: [{ key: 'ArrowUp' }, { key: 'ArrowUp', ctrl: true }, altShift('ArrowUp')] },
  { command: 'next-quote', description: 'Next quote', keys: ['Q', 'Alt+Shift+Q'], chords: [{ key: 'q' }, altShift('KeyQ')] },
  { command: 'previous-quote', description: 'Previous quote', keys: ['Shift+Q', 'Ctrl+Alt+Shift+Q'], chords: [{ key: 'q', shift: true }, ctrlAltShift('KeyQ')] },
  { command: 'next-speaker', description: 'Next change of speaker', keys: ['S', 'Alt+Shift+S'], chords: [{ key: 's' }, altShift('KeyS')] },
  { command: 'previous-speaker', description: 'Previous change of speaker', keys: ['Shift+S', 'Ctrl+Alt+Shift+S'], chords: [{ key: 's', shift: true }, ctrlAltShift('KeyS')] },
  { command: 'quote-list', description: 'List of quotes', keys: ['L', 'Alt+Shift+L'], chords: [{ key: 'l' }, altShift('KeyL')] },
  { command: 'article-list', description: 'List of articles', keys: ['A', 'Alt+Shift+A'], chords: [{ key: 'a' }, altShift('KeyA')] },
  { command: 'faster', description: 'Faster', keys: ['+', 'Alt+Shift+= (plus)'], chords: [{ key: '+', shift: 'any' }, { key: '=' }, { code: 'NumpadAdd' }, altShift('Equal')] },
  { command: 'slower', description: 'Slower', keys: ['-', 'Alt+Shift+- (minus)'], chords: [{ key: '-' }, { code: 'NumpadSubtract' }, altShift('Minus')] },
  { command: 'where-am-i', description: 'Where am I', keys: ['W', 'Alt+Shift+W'], chords: [{ key: 'w' }, altShift('KeyW')] },
  { command: 'open', description: 'Open a file', keys: ['Ctrl+O'], chords: [{ key: 'o', ctrl: true }] },
  { command: 'export', description: 'Export audio', keys: ['Ctrl+E'], chords: [{ key: 'e', ctrl: true }] },
  { command: 'settings', description: 'Settings', keys: ['Ctrl+,'], chords: [{ key: ',', ctrl: true }, { code: 'Comma', ctrl: true }] },
  { command: 'help', description: 'Keyboard help', keys: ['F1', '?'], chords: [{ key: 'F1' }, { key: '?', shift: 'any' }] },
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
