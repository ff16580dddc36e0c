// Worker-thread entry (bundled to dist/electron/parse-worker.cjs): decoding, parsing and
// planning a large or hostile file must not freeze the main process, and a job that never
// ends can be stopped by terminating the worker. One worker serves many jobs: loading the
// parser's NLP modules costs far more than parsing an article.
import { parentPort } from 'node:worker_threads';
import type { WorkerJob } from './article-loader';
import { runJob } from './loader-jobs';

parentPort?.on('message', (m: { id: number; job: WorkerJob }) => {
  void runJob(m.job).then((result) => parentPort?.postMessage({ id: m.id, result }));
});
// The modules are loaded: from here on a job's time is the article's (see worker-loader.ts).
parentPort?.postMessage({ ready: true });
