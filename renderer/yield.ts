/**
 * Resolves on a later task, so input, timers and rendering get their turn: long work in the
 * page (decoding an article, putting it in the DOM) is done in slices between these.
 * scheduler.yield() (Chromium 129+, so Electron and the test browser) resumes ahead of other
 * queued work; a timer is the fallback.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
