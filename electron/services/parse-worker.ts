// Worker-thread entry (bundled to dist/electron/parse-worker.cjs): decoding and parsing a
// large or hostile file must not freeze the main process, and a parse that never ends can be
// stopped by terminating the worker. One worker serves many jobs: loading the parser's NLP
// modules costs far more than parsing an article.
import { parentPort } from 'node:worker_threads';
import { loadArticleBytes, loadArticleFile } from '../articles/load-article';
import type { LoadResult, ParseJob } from './article-loader';

async function run(job: ParseJob): Promise<LoadResult> {
  try {
    return job.kind === 'file' ? await loadArticleFile(job.path) : await loadArticleBytes(job.name, job.bytes);
  } catch (e) {
    return { ok: false, message: `The article could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

parentPort?.on('message', (m: { id: number; job: ParseJob }) => {
  void run(m.job).then((result) => parentPort?.postMessage({ id: m.id, result }));
});
