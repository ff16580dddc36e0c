import type { ReaderApi, ReaderBridge } from '../core/contract';
import { unpackingReader } from './unpacking-reader';

declare global {
  interface Window {
    reader?: ReaderBridge;
  }
}

/**
 * The bridge exposed by the preload (Electron) or the test harness (HTTP), as the ReaderApi
 * the app uses. It is normally present before this script runs; wait a little in case a
 * harness script defines it later.
 */
export async function waitForReader(timeoutMs = 10_000): Promise<ReaderApi> {
  const started = Date.now();
  while (!window.reader) {
    if (Date.now() - started > timeoutMs) throw new Error('The reading service is not available.');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return unpackingReader(window.reader);
}
