// How a failed request reads on the page. When a handler throws, ipcRenderer.invoke rejects
// with "Error invoking remote method 'reader:x': Error: <message>", and that text would reach
// the screen. The main process throws only messages for people (services/user-message.ts);
// the preload takes Electron's wrapping off again. Pure (the sandboxed preload bundles it).

const ELECTRON_WRAPPING = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

export function withoutIpcWrapping(message: string): string {
  return message.replace(ELECTRON_WRAPPING, '');
}

/** Runs one ipcRenderer.invoke; a rejection carries only the main process's own message. */
export async function invokeForPeople<T>(invoke: () => Promise<T>): Promise<T> {
  try {
    return await invoke();
  } catch (e) {
    const message = (e as { message?: unknown } | null)?.message;
    throw new Error(withoutIpcWrapping(typeof message === 'string' ? message : String(e)));
  }
}
