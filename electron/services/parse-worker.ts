// Worker-thread entry (bundled to dist/electron/parse-worker.cjs): decoding and parsing a
// large or hostile file must not freeze the main process, and a parse that never ends can be
// stopped by terminating the worker. One worker serves many jobs: loading the parser's NLP
// modules costs far more than parsing an article.
import { parentPort } from 'node:worker_threads';
import type { LoadResult, ParseJob } from './article-loader';
import { createDirectLoader } from './direct-loader';

const direct = createDirectLoader();

async function run(job: ParseJob): Promise<LoadResult> {
  try {
    switch (job.kind) {
      case 'file': return await direct.loadFile(job.path);
      case 'bytes': return await direct.loadBytes(job.name, job.bytes, job.hint);
      case 'paste': return await direct.loadPaste(job.html, job.text);
      case 'blocks': return await direct.loadBlocks(job.blocks, job.format);
    }
  } catch (e) {
    return { ok: false, message: `The article could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

parentPort?.on('message', (m: { id: number; job: ParseJob }) => {
  void run(m.job).then((result) => parentPort?.postMessage({ id: m.id, result }));
});
