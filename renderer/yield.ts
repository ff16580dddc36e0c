/**
 * Resolves on a later task, so input, timers, network replies, audio events and rendering get
 * their turn: long work in the page (decoding an article, putting it in the DOM) is done in
 * slices between these. scheduler.postTask queues an ordinary task behind what is already
 * waiting, with no 4 ms clamp (unlike a nested setTimeout). Not scheduler.yield(): its
 * continuations jump the queue, so a run of slices starved timers and the player's fetches and
 * media events. Not a MessageChannel to ourselves: in Chromium a message was sometimes never
 * delivered, and the article stopped half-way into the page.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options?: { priority?: string }) => Promise<void> } }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
