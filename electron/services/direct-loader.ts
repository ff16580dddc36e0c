// The article loader without a worker thread: the command line and tests, where one article
// is read and nothing else is waiting. The app uses the worker (worker-loader.ts); both run
// the same jobs (loader-jobs.ts).
import type { ArticleLoader, LoadResult, PlanResult } from './article-loader';
import { runJob } from './loader-jobs';

export function createDirectLoader(): ArticleLoader {
  return {
    loadFile: async (path, planning, onPreview) => (await runJob({ kind: 'file', path, planning }, onPreview)) as LoadResult,
    loadBytes: async (name, bytes, planning, hint, onPreview) => (await runJob({ kind: 'bytes', name, bytes, planning, ...(hint ? { hint } : {}) }, onPreview)) as LoadResult,
    loadPaste: async (html, text, planning, onPreview) => (await runJob({ kind: 'paste', html, text, planning }, onPreview)) as LoadResult,
    loadBlocks: async (blocks, format, planning, onPreview) => (await runJob({ kind: 'blocks', blocks, format, planning }, onPreview)) as LoadResult,
    plan: async (model, planning) => (await runJob({ kind: 'plan', model, planning })) as PlanResult,
  };
}
