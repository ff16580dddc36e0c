// The key scheme: every key the help dialog and README show runs its command; the browse-mode
// keys are ones NVDA, JAWS and Orca pass to the page (Ctrl+Alt with a letter, F-keys, Escape),
// never a key a screen reader or desktop takes for itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS, commandForKey } from '../../../renderer/keymap';

const CODES: Record<string, [string, string]> = {
  Space: [' ', 'Space'], Escape: ['Escape', 'Escape'], '.': ['.', 'Period'], ',': [',', 'Comma'], '=': ['=', 'Equal'], '-': ['-', 'Minus'],
  '+': ['+', 'Equal'], '?': ['?', 'Slash'], 'Right arrow': ['ArrowRight', 'ArrowRight'], 'Left arrow': ['ArrowLeft', 'ArrowLeft'],
  'Up arrow': ['ArrowUp', 'ArrowUp'], 'Down arrow': ['ArrowDown', 'ArrowDown'],
};

/** "Ctrl+Alt+Shift+Q", "Ctrl+Alt+. (period)", "Right arrow" -> the keydown event it makes. */
function press(label: string) {
  const parts = label.replace(/ \(.*\)$/, '').split(/\+(?=.)/);
  const name = parts.pop()!;
  const mods = new Set(parts);
  const [key, code] = CODES[name] ?? (/^F\d+$/.test(name) ? [name, name] : [mods.has('Shift') ? name.toUpperCase() : name.toLowerCase(), `Key${name.toUpperCase()}`]);
  return { key, code, ctrlKey: mods.has('Ctrl'), altKey: mods.has('Alt'), shiftKey: mods.has('Shift') || name === '?', metaKey: false };
}

describe('keymap', () => {
  it('every key shown for a command runs that command (and no other)', () => {
    for (const b of KEY_BINDINGS) {
      // Ctrl+V is left to the browser: its paste event carries the clipboard (renderer/paste-target.ts).
      const expected = b.chords.length === 0 ? null : b.command;
      for (const label of [...b.keys, ...(b.browseKeys ?? [])]) expect(commandForKey(press(label)), `${b.command}: ${label}`).toBe(expected);
    }
    expect(KEY_BINDINGS.filter((b) => b.chords.length === 0).map((b) => b.command)).toEqual(['paste-article']);
  });

  it('the reading commands all have a browse-mode key that is a Ctrl+Alt chord or a function key, never a bare letter or arrow', () => {
    for (const b of KEY_BINDINGS) {
      if (['open', 'export', 'settings', 'open-link', 'paste-article'].includes(b.command)) continue;
      expect(b.browseKeys?.length, b.command).toBeGreaterThan(0);
      for (const label of b.browseKeys!) expect(label, b.command).toMatch(/^(Ctrl\+Alt\+|F\d+$|Escape$)/);
    }
  });

  it('avoids keys others own: Ctrl+Alt+N and J (start NVDA, JAWS), L, T, D and Delete (desktops lock, terminal, desktop), arrows (tables)', () => {
    const taken = /^Ctrl\+Alt\+(Shift\+)?(N|J|L|T|D|Delete|Backspace|.*arrow)$/;
    for (const b of KEY_BINDINGS) for (const label of b.browseKeys ?? []) expect(label, b.command).not.toMatch(taken);
    for (const [label, taken] of [['Ctrl+Alt+N', 'NVDA'], ['Ctrl+Alt+J', 'JAWS'], ['Ctrl+Alt+L', 'lock screen'], ['Ctrl+Alt+Right arrow', 'table navigation']]) {
      expect(commandForKey(press(label!)), `${label} is ${taken}'s`).toBeNull();
    }
  });

  it('Orca\'s list keys (Alt+Shift+letter) are not used', () => {
    for (const letter of 'QPXSWLA') expect(commandForKey({ key: letter, code: `Key${letter}`, ctrlKey: false, altKey: true, shiftKey: true, metaKey: false })).toBeNull();
  });

  it('README lists every command with its keys', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const b of KEY_BINDINGS) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${b.description} |`));
      expect(row, `README row for ${b.description}`).toBeDefined();
      for (const label of [...b.keys, ...(b.browseKeys ?? [])]) expect(row, `${b.description}: ${label}`).toContain(label);
    }
  });
});
