import { Worker } from 'node:worker_threads';
import type { ArticleLoader, LoadResult, OnPreview, PlanResult, PreparedArticle, WorkerJob } from './article-loader';

export const PARSE_TIMEOUT_MS = 15_000;
/** A fresh worker loads the parser's modules before it reads anything: that does not count against the article. */
export const STARTUP_TIMEOUT_MS = 60_000;

export interface WorkerLoader extends ArticleLoader {
  /** Start the worker now, so the first article does not wait for the parser to load. */
  warm(): void;
  close(): Promise<void>;
}

/**
 * Articles are parsed and planned one at a time in a long-lived worker thread. A job that
 * overruns its time, or a worker that crashes, costs that worker: it is terminated and the
 * next job starts a fresh one. (The worker keeps nothing between jobs, so nothing is lost.)
 * A job's time starts when the worker says it is ready ({ready: true}).
 */
export function createWorkerLoader(workerFile: string, timeoutMs = PARSE_TIMEOUT_MS, startupMs = STARTUP_TIMEOUT_MS): WorkerLoader {
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  const readyOf = new WeakMap<Worker, Promise<void>>();

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    w.unref(); // an idle parser must not keep the process (harness, tests) alive
    w.on('error', () => undefined); // reported per job below
    w.once('exit', () => {
      if (worker === w) worker = null;
    });
    readyOf.set(w, new Promise<void>((resolve) => {
      const onReady = (m: { ready?: boolean }) => {
        if (m?.ready !== true) return;
        w.off('message', onReady);
        resolve();
      };
      w.on('message', onReady);
    }));
    worker = w;
    return w;
  };

  const runOne = <R extends LoadResult | PlanResult>(job: WorkerJob, onPreview?: OnPreview) =>
    new Promise<R>((resolve) => {
      const w = start();
      const id = nextId++;
      const what = job.kind === 'plan' ? 'Preparing the reading' : 'Reading the article';
      let timer: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      const fail = (message: string) => () => finish({ ok: false, message }, true);
      const startup = setTimeout(fail('The article reader did not start.'), startupMs);
      void readyOf.get(w)!.then(() => {
        clearTimeout(startup);
        if (!done) timer = setTimeout(fail(`${what} took longer than ${seconds(timeoutMs)} and was stopped.`), timeoutMs);
      });
      const finish = (r: LoadResult | PlanResult, kill: boolean) => {
        done = true;
        clearTimeout(startup);
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (worker === w) worker = null;
          void w.terminate();
        }
        resolve(r as R);
      };
      const onMessage = (m: { id: number; result?: LoadResult | PlanResult; preview?: PreparedArticle }) => {
        if (m.id !== id || done) return;
        if (m.preview) onPreview?.(m.preview);
        else if (m.result) finish(m.result, false);
      };
      const onError = (e: Error) => finish({ ok: false, message: `The article could not be read: ${e.message}` }, true);
      const onExit = (code: number) => finish({ ok: false, message: `The article reader stopped unexpectedly (code ${code}).` }, true);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage({ id, job: onPreview ? { ...job, preview: true } : job });
    });

  const enqueue = <R extends LoadResult | PlanResult>(job: WorkerJob, onPreview?: OnPreview): Promise<R> => {
    const result = queue.then(() => runOne<R>(job, onPreview));
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    loadFile: (path, planning, onPreview) => enqueue<LoadResult>({ kind: 'file', path, planning }, onPreview),
    loadBytes: (name, bytes, planning, hint, onPreview) => enqueue<LoadResult>({ kind: 'bytes', name, bytes, planning, ...(hint ? { hint } : {}) }, onPreview),
    loadPaste: (html, text, planning, onPreview) => enqueue<LoadResult>({ kind: 'paste', html, text, planning }, onPreview),
    loadBlocks: (blocks, format, planning, onPreview) => enqueue<LoadResult>({ kind: 'blocks', blocks, format, planning }, onPreview),
    plan: (model, planning) => enqueue<PlanResult>({ kind: 'plan', model, planning }),
    warm: () => void start(),
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

function seconds(ms: number): string {
  const n = Math.max(1, Math.round(ms / 1000));
  return `${n} second${n === 1 ? '' : 's'}`;
}
