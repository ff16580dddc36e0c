import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../../core/article/article-files';
import type { Dialogs } from '../services/reader-service';
import { exportFolder } from './export-folder';

export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async openArticle() {
      const options: Electron.OpenDialogOptions = {
        title: 'Open article',
        properties: ['openFile'],
        filters: [
          { name: 'Articles (text, Markdown, saved web pages)', extensions: [...ARTICLE_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const win = window();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async saveAudio(suggestedName) {
      const folder = exportFolder((name) => app.getPath(name));
      const options: Electron.SaveDialogOptions = {
        title: 'Export audio',
        defaultPath: folder ? join(folder, suggestedName) : suggestedName,
        filters: [{ name: 'WAV audio', extensions: ['wav'] }],
        // Linux dialogs replace an existing file silently unless asked to confirm.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const win = window();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
