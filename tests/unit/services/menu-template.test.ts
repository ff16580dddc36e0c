import { describe, expect, it } from 'vitest';
import type { Command } from '../../../core/contract';
import { articlePathFromArgv } from '../../../electron/main/argv';
import { MENU_COMMANDS, menuTemplate } from '../../../electron/main/menu-template';
import { KEY_BINDINGS } from '../../../renderer/keymap';

// Every Command of core/contract.ts. If the contract gains one, this list (and the menu) must too.
const ALL: Record<Command, true> = {
  'play-pause': true, stop: true, 'next-sentence': true, 'previous-sentence': true, 'next-paragraph': true,
  'previous-paragraph': true, 'next-quote': true, 'previous-quote': true, 'next-speaker': true, 'previous-speaker': true,
  'quote-list': true, 'article-list': true, faster: true, slower: true, 'where-am-i': true, open: true, export: true,
  settings: true, help: true, 'next-heading': true, 'previous-heading': true, 'sleep-timer': true, 'open-link': true, 'paste-article': true,
};

type Item = { id?: string; label?: string; accelerator?: string; registerAccelerator?: boolean; click?: () => void; submenu?: Item[]; role?: string };
const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

describe('menu', () => {
  it('offers every command exactly once', () => {
    expect([...MENU_COMMANDS].sort()).toEqual(Object.keys(ALL).sort());
  });

  it('sends the command on click, and never registers its accelerators (the renderer owns keys)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const sent: Command[] = [];
      const items = flatten(menuTemplate((c) => sent.push(c), platform) as Item[]).filter((i) => i.click);
      items.forEach((i) => i.click!());
      expect([...sent].sort()).toEqual(Object.keys(ALL).sort());
      for (const i of items) expect(i.registerAccelerator, i.label).toBe(false);
    }
  });

  it('gives each command item its command as id, so Menu.getMenuItemById(command) finds it', () => {
    const sent: Command[] = [];
    for (const i of flatten(menuTemplate((c) => sent.push(c), 'linux') as Item[]).filter((x) => x.click)) {
      sent.length = 0;
      i.click!();
      expect(i.id).toBe(sent[0]);
    }
  });

  it('shows the expected keys for the main commands', () => {
    const byLabel = new Map(flatten(menuTemplate(() => undefined, 'linux') as Item[]).map((i) => [i.label, i.accelerator]));
    expect(byLabel.get('Open…')).toBe('CmdOrCtrl+O');
    expect(byLabel.get('Export audio…')).toBe('CmdOrCtrl+E');
    expect(byLabel.get('Play/Pause')).toBe('CmdOrCtrl+Alt+Space');
    expect(byLabel.get('Next quote')).toBe('CmdOrCtrl+Alt+Q');
    expect(byLabel.get('Quote list…')).toBe('CmdOrCtrl+Alt+U');
    expect(byLabel.get('Settings…')).toBe('CmdOrCtrl+,');
    expect(byLabel.get('Keyboard help')).toBe('F1');
  });

  it('on macOS leaves out Hide Others, whose Cmd+Option+H is the browse-mode key for the next heading', () => {
    const roles = flatten(menuTemplate(() => undefined, 'darwin') as Item[]).map((i) => i.role);
    expect(roles).toContain('hide');
    expect(roles).not.toContain('hideOthers');
  });

  it("shows each command's first browse-mode key from the keymap, the one that works with a screen reader too", () => {
    // "Ctrl+Alt+. (period)" -> "CmdOrCtrl+Alt+."
    const accelerator = (label: string) => label.replace(/ \(.*\)$/, '').replace(/^Ctrl\+/, 'CmdOrCtrl+');
    const byId = new Map(flatten(menuTemplate(() => undefined, 'linux') as Item[]).filter((i) => i.id).map((i) => [i.id, i.accelerator]));
    for (const b of KEY_BINDINGS) expect(byId.get(b.command), b.command).toBe(accelerator((b.browseKeys ?? b.keys)[0]!));
  });
});

describe('command-line article', () => {
  it('finds the file after the app path, skipping switches', () => {
    expect(articlePathFromArgv(['/usr/bin/electron', '.', 'a.md'], false)).toBe('a.md');
    expect(articlePathFromArgv(['/usr/bin/electron', '/work/main', '--no-sandbox', 'a.md'], false)).toBe('a.md');
    expect(articlePathFromArgv(['/opt/Article Reader/article-reader', 'b.txt'], true)).toBe('b.txt');
    expect(articlePathFromArgv(['/opt/Article Reader/article-reader', '--enable-logging'], true)).toBeNull();
    expect(articlePathFromArgv(['/usr/bin/electron', '.'], false)).toBeNull();
  });
});
