// Electron main process: wires the services (electron/services/) to a window, a menu and IPC.
// Everything worth testing lives in the services and in pure helpers under electron/main/.
import { app, BrowserWindow, Menu } from 'electron';
import { join, resolve } from 'node:path';
import { ReaderService } from './services/reader-service';
import { createSpeech } from './services/speech-adapter';
import { createWorkerLoader } from './services/worker-loader';
import { registerAppScheme, serveAppScheme } from './main/app-protocol';
import { isWebAddress } from './articles/fetch-page';
import { articlePathFromArgv } from './main/argv';
import { systemClipboard } from './main/clipboard';
import { nativeDialogs } from './main/dialogs';
import { denyAllPermissions, hardenAllContents } from './main/hardening';
import { registerIpc } from './main/ipc';
import { menuTemplate } from './main/menu-template';
import { createMainWindow } from './main/window';

registerAppScheme();
hardenAllContents();
app.enableSandbox();
// Tests (and portable installs) point the app at their own settings directory.
if (process.env.ARTICLE_READER_USER_DATA) app.setPath('userData', process.env.ARTICLE_READER_USER_DATA);

let win: BrowserWindow | null = null;
let service: ReaderService | null = null;

// dist/electron/ holds main.cjs, preload.cjs and parse-worker.cjs; paths are relative to it
// rather than app.getAppPath(), which is dist/electron itself when started as
// `electron dist/electron/main.cjs` (as Playwright does). Worker threads cannot load from
// inside app.asar, so the packaged worker lives in app.asar.unpacked (see "asarUnpack").
const here = __dirname;
const unpacked = (p: string) => p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

function initialPath(): string | null {
  const arg = articlePathFromArgv(process.argv, app.isPackaged);
  if (arg && isWebAddress(arg)) return arg; // a link is fetched, not looked for on disk
  return arg ? resolve(process.cwd(), arg) : null; // absolute, so "last article" still finds it
}

async function start(): Promise<void> {
  denyAllPermissions();
  serveAppScheme(join(here, '..', 'renderer'));
  const loader = createWorkerLoader(unpacked(join(here, 'parse-worker.cjs')));
  loader.warm(); // load the parser while the window opens
  service = await ReaderService.create({
    userDataDir: app.getPath('userData'),
    contentDir: app.isPackaged ? join(process.resourcesPath, 'content') : join(here, '..', '..', 'content'),
    initialPath: initialPath(),
    loader,
    speech: createSpeech(),
    dialogs: nativeDialogs(() => win),
    clipboard: systemClipboard,
  });
  const s = service;
  registerIpc(s, () => win);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((command) => s.emit({ type: 'command', command }), process.platform)));
  win = createMainWindow(join(here, 'preload.cjs'));
  win.on('closed', () => (win = null));
}

app.whenReady().then(start).catch((e: unknown) => {
  console.error('Article Reader could not start:', e);
  app.exit(1);
});

// One window, one document: closing it ends the app on every platform.
app.on('window-all-closed', () => app.quit());

let closing = false;
app.on('before-quit', (e) => {
  if (closing || !service) return;
  closing = true;
  e.preventDefault(); // let the last reading position reach the disk first
  void service.close().finally(() => app.quit());
});
