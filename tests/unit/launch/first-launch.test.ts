// First launch, read closely: the command line in every order that reaches the app, the
// settings folder, error messages that reach the page, and menu keys on macOS.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Command, ReaderApi } from '../../../core/contract';
import { labelOnlyAccelerators } from '../../../electron/main/accelerators';
import { articleFromCommandLine, articlePathFromArgv } from '../../../electron/main/argv';
import { withoutIpcWrapping } from '../../../electron/main/ipc-errors';
import { menuTemplate } from '../../../electron/main/menu-template';
import { userDataFromEnv } from '../../../electron/main/user-data';
import { INTERNAL_ERROR, messageForPeople } from '../../../electron/services/user-message';
import { PayloadError } from '../../../electron/services/validate';
import { preload } from '../../../scripts/esbuild-options.mjs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'first-launch-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the article on the command line', () => {
  const main = '/src/article-reader/dist/electron/main.cjs';

  it('from Playwright: its switches come before the app path, then the test\'s own arguments', () => {
    // What _electron.launch({ executablePath, args: [main, ...] }) runs on Linux.
    const argv = ['/src/node_modules/electron/dist/electron', '--no-sandbox', '--inspect=0', '--remote-debugging-port=0', main, '--user-data-dir=/tmp/u'];
    expect(articlePathFromArgv(argv, false)).toBeNull();
    expect(articlePathFromArgv([...argv, 'story.md'], false)).toBe('story.md');
  });

  it('from Playwright without executablePath: its loader is preloaded with -r', () => {
    const argv = ['/src/node_modules/electron/dist/electron', '-r', '/pw/loader.js', '--no-sandbox', '--inspect=0', '--remote-debugging-port=0', main, 'a.md'];
    expect(articlePathFromArgv(argv, false)).toBe('a.md');
  });

  it('from source: npm start, `electron .`, switches anywhere', () => {
    expect(articlePathFromArgv(['/e/electron', '/src/article-reader/', '/home/ann/a.md'], false)).toBe('/home/ann/a.md');
    expect(articlePathFromArgv(['/e/electron', '.', '--enable-logging', 'a.md'], false)).toBe('a.md');
    expect(articlePathFromArgv(['/e/electron', '.'], false)).toBeNull();
    expect(articlePathFromArgv(['/e/electron', '.', '--', '-odd-name.md'], false)).toBe('-odd-name.md');
  });

  it('packaged: the first argument that is not a switch (Windows and Linux file associations, macOS -psn)', () => {
    expect(articlePathFromArgv(['C:\\Program Files\\Article Reader\\Article Reader.exe', 'C:\\Users\\ann\\a.md'], true)).toBe('C:\\Users\\ann\\a.md');
    expect(articlePathFromArgv(['/Applications/Article Reader.app/Contents/MacOS/Article Reader', '-psn_0_12345'], true)).toBeNull();
    expect(articlePathFromArgv(['/opt/Article Reader/article-reader', '--no-sandbox', 'file:///home/ann/a%20b.md'], true)).toBe('file:///home/ann/a%20b.md');
  });

  it('is made absolute against the folder the app started in, and file:// URLs become paths', () => {
    expect(articleFromCommandLine(['/opt/ar/article-reader', 'news/a.md'], true, '/home/ann')).toBe('/home/ann/news/a.md');
    expect(articleFromCommandLine(['/opt/ar/article-reader', 'file:///home/ann/a%20b.md'], true, '/')).toBe('/home/ann/a b.md');
    expect(articleFromCommandLine(['/e/electron', '.'], false, '/home/ann')).toBeNull();
  });
});

describe('the settings folder from ARTICLE_READER_USER_DATA', () => {
  it('is created before Electron is told about it (setPath throws on a missing folder)', async () => {
    const wanted = join(dir, 'not', 'there', 'yet');
    expect(userDataFromEnv({ ARTICLE_READER_USER_DATA: wanted }, '/')).toBe(wanted);
    expect((await stat(wanted)).isDirectory()).toBe(true);
  });
  it('is resolved against the starting folder, and absent means Electron\'s default', () => {
    expect(userDataFromEnv({ ARTICLE_READER_USER_DATA: 'rel' }, dir)).toBe(join(dir, 'rel'));
    expect(userDataFromEnv({}, dir)).toBeNull();
  });
  it('that cannot be created is explained in one line', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    expect(() => userDataFromEnv({ ARTICLE_READER_USER_DATA: join(file, 'sub') }, '/')).toThrow(/^Article Reader cannot use the settings folder .*a-file\/sub \(ENOTDIR\): check ARTICLE_READER_USER_DATA\.$/);
  });
});

describe('error messages meant for people', () => {
  it('say what happened to the disk in plain words, naming the file', () => {
    const e = Object.assign(new Error("ENOSPC: no space left on device, open '/home/ann/.config/Article Reader/settings.json.77.ab12.tmp'"), {
      code: 'ENOSPC', path: '/home/ann/.config/Article Reader/settings.json.77.ab12.tmp',
    });
    expect(messageForPeople(e)).toBe('The disk is full (settings.json.77.ab12.tmp).');
    expect(messageForPeople(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/x/out.wav' }))).toBe('Permission was denied (out.wav).');
  });
  it('keep the service\'s own sentence, without technical prefixes', () => {
    expect(messageForPeople(new PayloadError('unknown document (open it again)'))).toBe('Unknown document (open it again)');
    expect(messageForPeople(new Error("Error invoking remote method 'reader:getClip': Error: The speech engine stopped."))).toBe('The speech engine stopped.');
  });
  it('hide a programming error behind one sentence (the log keeps it)', () => {
    expect(messageForPeople(new TypeError("Cannot read properties of undefined (reading 'plan')"))).toBe(INTERNAL_ERROR);
  });
  it('lose Electron\'s "Error invoking remote method" wrapping in the preload', () => {
    expect(withoutIpcWrapping("Error invoking remote method 'reader:openArticle': Error: That article is not in the article list.")).toBe('That article is not in the article list.');
    expect(withoutIpcWrapping('Already plain.')).toBe('Already plain.');
  });

  it('reach the page through the built preload as exactly the main process\'s message', async () => {
    // The real preload bundle, run as Electron runs it, over an ipcRenderer that fails the way
    // Electron's does when a handler throws.
    const out = join(dir, 'preload.cjs');
    await build({ ...preload, entryPoints: ['electron/preload.ts'], outfile: out, logLevel: 'error' });
    const exposed: { reader?: ReaderApi } = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (name: 'reader', api: ReaderApi) => void (exposed[name] = api) },
      ipcRenderer: {
        invoke: async (channel: string) => {
          if (channel === 'reader:listArticles') return [{ id: 'a.txt', name: 'A' }];
          throw new Error(`Error invoking remote method '${channel}': Error: ${messageForPeople(new PayloadError('unknown document (open it again)'))}`);
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    vm.runInNewContext(await readFile(out, 'utf8'), { require: (m: string) => (m === 'electron' ? electron : undefined), module, exports: module.exports });
    await expect(exposed.reader!.listArticles()).resolves.toEqual([{ id: 'a.txt', name: 'A' }]);
    await expect(exposed.reader!.getClip('nope', 0)).rejects.toThrow(/^Unknown document \(open it again\)$/);
  });
});

describe('menu keys', () => {
  type Item = MenuItemConstructorOptions;
  const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatten(Array.isArray(i.submenu) ? i.submenu : [])]);
  const click = (i: Item, triggeredByAccelerator: boolean) => (i.click as (m: unknown, w: unknown, e: { triggeredByAccelerator: boolean }) => void)({}, undefined, { triggeredByAccelerator });

  it('on macOS, where registerAccelerator:false is ignored, a key never runs a command from the menu as well as the page', () => {
    const sent: Command[] = [];
    const items = flatten(labelOnlyAccelerators(menuTemplate((c) => sent.push(c), 'darwin'))).filter((i) => i.click && i.accelerator);
    expect(items.map((i) => i.accelerator)).toEqual(expect.arrayContaining(['CmdOrCtrl+Alt+Q', 'CmdOrCtrl+Alt+Shift+Q', 'CmdOrCtrl+Alt+S', 'CmdOrCtrl+Alt+Space', 'CmdOrCtrl+O']));
    for (const i of items) click(i, true);
    expect(sent).toEqual([]);
    for (const i of items) click(i, false); // chosen in the menu: mouse, VoiceOver, Alt+letter
    expect(sent).toHaveLength(items.length);
  });

  it('leaves role items and the structure alone', () => {
    const before = menuTemplate(() => undefined, 'darwin');
    const after = labelOnlyAccelerators(before);
    expect(flatten(after).map((i) => i.role ?? i.label ?? i.type)).toEqual(flatten(before).map((i) => i.role ?? i.label ?? i.type));
  });
});
