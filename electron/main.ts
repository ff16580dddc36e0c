// Electron main process: wires the services (electron/services/) to a window, a menu and IPC.
// Everything worth testing lives in the services and in pure helpers under electron/main/;
// this file is the glue, in the order Electron needs it.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { ReaderService } from './services/reader-service';
import { createSpeech } from './services/speech-adapter';
import { createWorkerLoader } from './services/worker-loader';
import { labelOnlyAccelerators } from './main/accelerators';
import { registerAppScheme, serveAppScheme } from './main/app-protocol';
import { systemClipboard } from './main/clipboard';
import { nativeDialogs } from './main/dialogs';
import { denyAllPermissions, hardenAllContents } from './main/hardening';
import { registerIpc } from './main/ipc';
import { menuTemplate } from './main/menu-template';
import { claimInstance, type ArticleInbox } from './main/single-instance';
import { userDataFromEnv } from './main/user-data';
import { createMainWindow } from './main/window';
import { utilityLauncher } from './main/utility-host';

registerAppScheme();
hardenAllContents();
app.enableSandbox();

let win: BrowserWindow | null = null;
let service: ReaderService | null = null;

// dist/electron/ holds main.cjs, preload.cjs and parse-worker.cjs; paths are relative to it
// rather than app.getAppPath(), which is dist/electron itself when started as
// `electron dist/electron/main.cjs` (as Playwright does). Worker threads cannot load from
// inside app.asar, so the packaged worker lives in app.asar.unpacked (see "asarUnpack").
const here = __dirname;
const unpacked = (p: string) => p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/** Before `ready`, dialog.showErrorBox prints to stderr on Linux and shows a box elsewhere. */
function quitWith(message: string): never {
  dialog.showErrorBox('Article Reader could not start', message);
  app.exit(1);
  throw new Error(message); // app.exit does not return in practice; keeps the types honest
}

function bringToFront(): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  if (process.platform === 'darwin') app.focus({ steal: true });
}

// Tests (and portable installs) point the app at their own settings folder; it must exist
// before setPath, and before the single-instance lock, which lives in it.
try {
  const userData = userDataFromEnv(process.env, process.cwd());
  if (userData) app.setPath('userData', userData);
} catch (e) {
  quitWith(e instanceof Error ? e.message : String(e));
}

// One instance per settings folder: a later launch hands its article over and quits here,
// before it opens (and could overwrite) any of the user's files.
const inbox = claimInstance(app, process.argv, process.cwd(), bringToFront);
if (!inbox) {
  app.quit();
} else {
  app.whenReady().then(() => start(inbox)).catch((e: unknown) => {
    console.error('Article Reader could not start:', e);
    app.exit(1);
  });
}

async function start(files: ArticleInbox): Promise<void> {
  denyAllPermissions();
  serveAppScheme(join(here, '..', 'renderer'));
  const loader = createWorkerLoader(unpacked(join(here, 'parse-worker.cjs')));
  loader.warm(); // load the parser while the window opens
  service = await ReaderService.create({
    userDataDir: app.getPath('userData'),
    contentDir: app.isPackaged ? join(process.resourcesPath, 'content') : join(here, '..', '..', 'content'),
    initialPath: files.takeInitial(),
    loader,
    speech: createSpeech({ host: utilityLauncher(join(here, 'speech-host.cjs')) }), // inside app.asar, beside its koffi
    dialogs: nativeDialogs(() => win),
    clipboard: systemClipboard,
  });
  const s = service;
  registerIpc(s, () => win);
  files.connect((path) => void s.handOver(path));
  Menu.setApplicationMenu(Menu.buildFromTemplate(labelOnlyAccelerators(menuTemplate((command) => s.emit({ type: 'command', command }), process.platform))));
  win = createMainWindow(join(here, 'preload.cjs'));
  win.on('closed', () => (win = null));
}

// One window, one document: closing it ends the app on every platform.
app.on('window-all-closed', () => app.quit());

let closing = false;
app.on('before-quit', (e) => {
  if (closing || !service) return;
  closing = true;
  e.preventDefault(); // let the last reading position reach the disk first
  void service.close().finally(() => app.quit());
});
