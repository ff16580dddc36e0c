import { Worker } from 'node:worker_threads';
import type { ArticleLoader, LoadResult, ParseJob } from './article-loader';

export const PARSE_TIMEOUT_MS = 15_000;

export interface WorkerLoader extends ArticleLoader {
  /** Start the worker now, so the first article does not wait for the parser to load. */
  warm(): void;
  close(): Promise<void>;
}

/**
 * Articles are parsed one at a time in a long-lived worker thread. A job that overruns its
 * time, or a worker that crashes, costs that worker: it is terminated and the next job
 * starts a fresh one.
 */
export function createWorkerLoader(workerFile: string, timeoutMs = PARSE_TIMEOUT_MS): WorkerLoader {
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    w.unref(); // an idle parser must not keep the process (harness, tests) alive
    w.on('error', () => undefined); // reported per job below
    w.once('exit', () => {
      if (worker === w) worker = null;
    });
    worker = w;
    return w;
  };

  const runOne = (job: ParseJob) =>
    new Promise<LoadResult>((resolve) => {
      const w = start();
      const id = nextId++;
      const finish = (r: LoadResult, kill: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (worker === w) worker = null;
          void w.terminate();
        }
        resolve(r);
      };
      const onMessage = (m: { id: number; result: LoadResult }) => {
        if (m.id === id) finish(m.result, false);
      };
      const onError = (e: Error) => finish({ ok: false, message: `The article could not be read: ${e.message}` }, true);
      const onExit = (code: number) => finish({ ok: false, message: `The article reader stopped unexpectedly (code ${code}).` }, true);
      const timer = setTimeout(
        () => finish({ ok: false, message: `Reading the article took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped.` }, true),
        timeoutMs,
      );
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage({ id, job });
    });

  const enqueue = (job: ParseJob): Promise<LoadResult> => {
    const result = queue.then(() => runOne(job));
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    loadFile: (path) => enqueue({ kind: 'file', path }),
    loadBytes: (name, bytes, hint) => enqueue({ kind: 'bytes', name, bytes, ...(hint ? { hint } : {}) }),
    loadPaste: (html, text) => enqueue({ kind: 'paste', html, text }),
    loadBlocks: (blocks, format) => enqueue({ kind: 'blocks', blocks, format }),
    warm: () => void start(),
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
