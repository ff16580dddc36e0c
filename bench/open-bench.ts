// open_1mb: opening a generated 1 MB article in the harness, as a listener would: Ctrl+O (the
// file dialog answered at once), then Space as soon as the article is announced. Measured:
//  - first_audio_ms: Ctrl+O to the <audio> clock moving;
//  - opened_ms: Ctrl+O to the new article in the page (its first blocks shown);
//  - rendered_ms: Ctrl+O to the whole article in the DOM (aria-busy false);
//  - server_stall_ms / renderer_stall_ms: the largest gap between ticks of a 5 ms timer in
//    the server process (bench/open-child.ts) and in the page, from Ctrl+O until the article
//    is complete and playing, plus 500 ms: how long a key press or request would have waited;
//  - idle_stall_ms: the same gap in a Node process that does nothing else, over the same time:
//    what the machine's scheduler alone costs (on a busy shared machine, most of the above).
// Each run uses a fresh harness process and a fresh browser.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser';
import { generateArticle, generateCombiningMarks, generateLongParagraph, generateQuoteDense } from './gen';
import { log, median, round, sleep } from './stats';

const RUN_TIMEOUT_MS = 180_000;
const SETTLE_MS = 500;

/** The figures of one open, and their medians over runs (ms; null when it did not happen). */
interface Figures {
  first_audio_ms: number | null;
  opened_ms: number | null;
  rendered_ms: number | null;
  server_stall_ms: number | null;
  renderer_stall_ms: number | null;
  idle_stall_ms: number | null;
}

export interface OpenRun extends Figures {
  /** The machine's 1-minute load average when the run started (cores: os.cpus().length). */
  load_avg: number;
  /** Gaps over 50 ms, in order: where the stalls were. */
  server_gaps_ms: number[];
  renderer_gaps_ms: number[];
  /** Long tasks (over 50 ms) the page reported while opening. */
  renderer_long_tasks_ms: number[];
  error?: string;
}

export interface OpenFigures extends Figures {
  runs: OpenRun[];
}

export interface OpenResult {
  open_1mb: OpenFigures;
  /** One run each on pathological text: 1 MB of short quotes; 200 KB of combining marks on one letter; one 500 KB paragraph. */
  open_pathological: Record<string, OpenRun>;
}

const INSTRUMENT = `(() => {
  const B = (window.__open = { t0: null, opened: null, rendered: null, audio: null, alert: null, maxGap: 0, gaps: [], longTasks: [], recording: false });
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    if (B.recording) {
      B.maxGap = Math.max(B.maxGap, gap);
      if (gap > 50) B.gaps.push(Math.round(gap));
    }
    setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (B.recording) B.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  } catch {}
  addEventListener('keydown', (e) => {
    if (e.ctrlKey && e.key === 'o') {
      B.t0 = performance.now();
      B.recording = true;
      last = B.t0;
      watch();
    }
  }, true);
  function watch() {
    const article = document.getElementById('article');
    const before = article.dataset.docId;
    new MutationObserver(() => {
      if (B.opened === null && article.dataset.docId && article.dataset.docId !== before) {
        B.opened = performance.now();
        // The listener presses Space the moment the article is announced.
        document.getElementById('btn-play').click();
      }
      if (B.opened !== null && B.rendered === null && article.getAttribute('aria-busy') === 'false') B.rendered = performance.now();
    }).observe(article, { attributes: true, attributeFilter: ['data-doc-id', 'aria-busy'] });
    const poll = () => {
      const audio = document.getElementById('reader-audio');
      if (B.opened !== null && audio && !audio.paused && audio.currentTime > 0) {
        B.audio = performance.now();
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    const alert = document.getElementById('alert');
    new MutationObserver(() => {
      if (alert.textContent && B.alert === null) B.alert = alert.textContent;
    }).observe(alert, { childList: true, subtree: true, characterData: true });
  }
})();`;

/** A Node process with only the 5 ms timer: 'start' opens its window, 'stop' answers the largest gap and exits. */
const IDLE = `let last = performance.now(), w = null;
setInterval(() => { const n = performance.now(); if (w) w.max = Math.max(w.max, n - last); last = n; }, 5);
process.on('message', (m) => {
  if (m === 'start') { w = { max: 0 }; last = performance.now(); process.send('started'); }
  else if (m === 'stop') { process.send({ max: w ? w.max : null }); process.exit(0); }
});
process.send('ready');`;

function startIdle(): { ask: (m: string) => Promise<unknown>; child: ChildProcess } {
  const child = spawn(process.execPath, ['-e', IDLE], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = new Promise((resolve) => child.once('message', resolve));
  const ask = async (m: string) => {
    await ready;
    const reply = new Promise((resolve) => child.once('message', resolve));
    child.send(m);
    return reply;
  };
  return { ask, child };
}

function startChild(): Promise<{ child: ChildProcess; url: string; ask: (m: object, reply: string) => Promise<Record<string, unknown>> }> {
  const child = fork(fileURLToPath(new URL('./open-child.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ask = (m: object, reply: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const on = (r: Record<string, unknown>) => {
        if (r.type !== reply) return;
        child.off('message', on);
        resolve(r);
      };
      child.on('message', on);
      child.once('exit', (code) => reject(new Error(`harness process exited (${code})`)));
      if (Object.keys(m).length) child.send(m);
    });
  return ask({}, 'ready').then((r) => ({ child, url: r.url as string, ask }));
}

/** One open of `file` in a fresh harness process and a fresh browser. */
export async function openOnce(file: string): Promise<OpenRun> {
  const { child, url, ask } = await startChild();
  const idle = startIdle();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto(url);
    // The bundled sample first: the app is up and its parser warm, as when a user opens a file.
    await page.waitForSelector('#article[aria-busy="false"] .sentence', { timeout: 60_000 });
    await ask({ type: 'dialog', path: file }, 'answered');
    await ask({ type: 'start' }, 'started');
    await idle.ask('start');
    const load = loadavg()[0]!;
    await page.locator('body').press('Control+o');
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    type State = { t0: number | null; opened: number | null; rendered: number | null; audio: number | null; alert: string | null };
    let s: State;
    for (;;) {
      s = await page.evaluate(() => {
        const b = (globalThis as unknown as { __open: State }).__open;
        return { t0: b.t0, opened: b.opened, rendered: b.rendered, audio: b.audio, alert: b.alert };
      });
      if ((s.audio !== null && s.rendered !== null) || s.alert !== null) break;
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    await sleep(SETTLE_MS);
    const server = await ask({ type: 'stop' }, 'stopped');
    const quiet = (await idle.ask('stop')) as { max: number | null };
    const r = await page.evaluate(() => {
      const b = (globalThis as unknown as { __open: { maxGap: number; gaps: number[]; longTasks: number[]; recording: boolean } }).__open;
      b.recording = false;
      return { maxGap: b.maxGap, gaps: b.gaps, longTasks: b.longTasks };
    });
    const since = (t: number | null) => (t === null || s.t0 === null ? null : round(t - s.t0));
    const run: OpenRun = {
      first_audio_ms: since(s.audio),
      opened_ms: since(s.opened),
      rendered_ms: since(s.rendered),
      server_stall_ms: server.maxGap === null ? null : round(server.maxGap as number),
      renderer_stall_ms: round(r.maxGap),
      idle_stall_ms: quiet.max === null ? null : round(quiet.max),
      load_avg: round(load),
      server_gaps_ms: server.gaps as number[],
      renderer_gaps_ms: r.gaps,
      renderer_long_tasks_ms: r.longTasks,
    };
    if (s.alert !== null) run.error = s.alert;
    else if (s.audio === null || s.rendered === null) run.error = `not finished within ${RUN_TIMEOUT_MS / 1000} s`;
    return run;
  } finally {
    await browser.close();
    await ask({ type: 'close' }, 'never').catch(() => undefined);
    child.kill();
    idle.child.kill();
  }
}

const medianOf = (runs: OpenRun[], key: keyof Figures) => {
  const xs = runs.map((r) => r[key]).filter((x): x is number => typeof x === 'number');
  return xs.length === runs.length ? round(median(xs)) : null;
};

export async function benchOpen(runs = 3): Promise<OpenResult> {
  const dir = await mkdtemp(join(tmpdir(), 'article-reader-open-bench-'));
  try {
    const files: Record<string, string> = {
      '1mb': generateArticle(1_000_000, 11),
      quotes_1mb: generateQuoteDense(1_000_000, 5),
      marks_200kb: generateCombiningMarks(200_000),
      paragraph_500kb: generateLongParagraph(500_000, 3),
    };
    const paths: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) await writeFile((paths[name] = join(dir, `${name}.txt`)), text);

    const main: OpenRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`open_1mb run ${i + 1}/${runs}`);
      main.push(await openOnce(paths['1mb']!).catch((e: unknown) => failed(e)));
      log('open_1mb:', JSON.stringify(summary(main[i]!)));
    }
    const pathological: Record<string, OpenRun> = {};
    for (const name of ['quotes_1mb', 'marks_200kb', 'paragraph_500kb']) {
      log(`open ${name}`);
      pathological[name] = await openOnce(paths[name]!).catch((e: unknown) => failed(e));
      log(`open ${name}:`, JSON.stringify(summary(pathological[name]!)));
    }
    return {
      open_1mb: {
        first_audio_ms: medianOf(main, 'first_audio_ms'),
        opened_ms: medianOf(main, 'opened_ms'),
        rendered_ms: medianOf(main, 'rendered_ms'),
        server_stall_ms: medianOf(main, 'server_stall_ms'),
        renderer_stall_ms: medianOf(main, 'renderer_stall_ms'),
        idle_stall_ms: medianOf(main, 'idle_stall_ms'),
        runs: main,
      },
      open_pathological: pathological,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function failed(e: unknown): OpenRun {
  return {
    first_audio_ms: null, opened_ms: null, rendered_ms: null, server_stall_ms: null, renderer_stall_ms: null, idle_stall_ms: null, load_avg: round(loadavg()[0]!),
    server_gaps_ms: [], renderer_gaps_ms: [], renderer_long_tasks_ms: [], error: e instanceof Error ? e.message : String(e),
  };
}

function summary(r: OpenRun) {
  const { server_gaps_ms: _s, renderer_gaps_ms: _r, renderer_long_tasks_ms: _l, ...rest } = r;
  return rest;
}

// `tsx bench/open-bench.ts [runs]`: this benchmark alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchOpen(Number(process.argv[2] ?? 3));
  process.stdout.write(JSON.stringify(result) + '\n');
}
