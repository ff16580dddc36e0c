import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callApi } from '../services/api-methods';
import type { ReaderService } from '../services/reader-service';
import { isProgrammingError, messageForPeople } from '../services/user-message';
import { EVENT_CHANNEL, INVOKE_CHANNELS } from './channels';
import { checkInvocation } from './ipc-rules';

export function registerIpc(service: ReaderService, window: () => BrowserWindow | null): void {
  for (const channel of Object.values(INVOKE_CHANNELS)) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frame = event.senderFrame;
      try {
        const method = checkInvocation(channel, frame?.url, !!frame && frame.parent === null, args);
        return await callApi(service, method, args);
      } catch (e) {
        // The page shows the message, so it carries only what a person can read (the preload
        // strips Electron's "Error invoking remote method" wrapping); the log keeps the rest.
        if (isProgrammingError(e)) console.error(`ipc: ${channel} failed:`, e);
        else console.warn(`ipc: ${channel}: ${e instanceof Error ? e.message : String(e)}`);
        throw new Error(messageForPeople(e));
      }
    });
  }
  service.subscribe((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
}
