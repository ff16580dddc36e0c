// Worker-thread entry (bundled to dist/electron/parse-worker.cjs): decoding, parsing and
// planning a large or hostile file must not freeze the main process, and a job that never
// ends can be stopped by terminating the worker. One worker serves many jobs: loading the
// parser's NLP modules costs far more than parsing an article.
import { parentPort } from 'node:worker_threads';
import type { PreparedArticle, WorkerJob } from './article-loader';
import { runJob } from './loader-jobs';

parentPort?.on('message', (m: { id: number; job: WorkerJob }) => {
  // A big article's first part goes out while the whole is parsed (core/article/preview.ts).
  const onPreview = m.job.preview ? (preview: PreparedArticle) => parentPort?.postMessage({ id: m.id, preview }) : undefined;
  void runJob(m.job, onPreview).then((result) => parentPort?.postMessage({ id: m.id, result }));
});
// The modules are loaded: from here on a job's time is the article's (see worker-loader.ts).
parentPort?.postMessage({ ready: true });
