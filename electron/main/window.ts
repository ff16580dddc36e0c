import { BrowserWindow } from 'electron';
import { APP_URL } from './channels';

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 820,
    minWidth: 420,
    minHeight: 360,
    title: 'Article Reader',
    show: false,
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK -- reviewed: electron/preload.ts exposes only window.reader, fixed channels, no Node objects
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      // The renderer reads dropped files itself; a drop must never navigate to the file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
