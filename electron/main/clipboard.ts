import { clipboard } from 'electron';
import type { ClipboardPort } from '../services/reader-service';

/** Edit > Paste article: the renderer has no clipboard permission, so the main process reads it. */
export const systemClipboard: ClipboardPort = {
  async read() {
    let html: string | null = null;
    let text: string | null = null;
    for (const item of await clipboard.read()) {
      if (html === null && item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
      if (text === null && item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
    }
    return { html: html || null, text: text || null };
  },
};
