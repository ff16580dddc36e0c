import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callApi } from '../services/api-methods';
import type { ReaderService } from '../services/reader-service';
import { EVENT_CHANNEL, INVOKE_CHANNELS } from './channels';
import { checkInvocation } from './ipc-rules';

export function registerIpc(service: ReaderService, window: () => BrowserWindow | null): void {
  for (const channel of Object.values(INVOKE_CHANNELS)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frame = event.senderFrame;
      try {
        const method = checkInvocation(channel, frame?.url, !!frame && frame.parent === null, args);
        return callApi(service, method, args);
      } catch (e) {
        // Refused before reaching the service: worth a line in the log, the renderer gets the rejection.
        console.warn(`ipc: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    });
  }
  service.subscribe((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
}
