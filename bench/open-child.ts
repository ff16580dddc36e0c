// Child process for open-bench.ts: the harness server alone in its own Node process (as the
// Electron main process would be), with a timer that records the largest gap between its
// ticks, i.e. how long a request or key press would have waited. Talks to the parent over IPC.
import { startHarness } from '../harness/server';

const TICK_MS = 5;

// The app's parse limit (15 s) is raised: on a busy shared machine a 1 MB parse can pass it,
// and the stalls are still worth measuring. Parse time is inside first_audio_ms either way.
const harness = await startHarness({ parseTimeoutMs: 120_000 });
let last = performance.now();
let window: { maxGap: number; gaps: number[] } | null = null;
const tick = () => {
  const now = performance.now();
  const gap = now - last;
  last = now;
  if (window) {
    window.maxGap = Math.max(window.maxGap, gap);
    if (gap > 50) window.gaps.push(Math.round(gap));
  }
  setTimeout(tick, TICK_MS);
};
setTimeout(tick, TICK_MS);

type Message = { type: 'start' } | { type: 'stop' } | { type: 'dialog'; path: string } | { type: 'close' };

process.on('message', (m: Message) => {
  switch (m.type) {
    case 'start':
      last = performance.now();
      window = { maxGap: 0, gaps: [] };
      process.send!({ type: 'started' });
      break;
    case 'stop':
      process.send!({ type: 'stopped', maxGap: window?.maxGap ?? null, gaps: window?.gaps ?? [] });
      window = null;
      break;
    case 'dialog':
      harness.answerDialog('open', m.path);
      process.send!({ type: 'answered' });
      break;
    case 'close':
      void harness.close().then(() => process.exit(0));
      break;
  }
});
process.send!({ type: 'ready', url: harness.url, tickMs: TICK_MS });
