// What the article loader does with a job: read + decode + parse + plan, or plan again, and
// pack the results (core/packed.ts). Runs in the parse worker (parse-worker.ts), so the work
// that grows with the article (planning, hashing, turning ~10 MB of objects into JSON pieces)
// never holds the main process.
import { createHash } from 'node:crypto';
import type { ArticleModel, Packed, ReadingPlan } from '../../core/contract';
import { pack, unpackNow } from '../../core/packed';
import { buildPlan } from '../../core/plan/plan';
import { loadArticleBytes, loadArticleFile } from '../articles/load-article';
import type { ArticleLoader, LoadResult, Planning, PlanResult, PreparedArticle, WorkerJob } from './article-loader';

const MODEL_ARRAYS = ['blocks', 'sentences', 'quotes', 'speakers'] as const;
const PLAN_ARRAYS = ['utterances'] as const;

export async function runJob(job: WorkerJob): Promise<LoadResult | PlanResult> {
  try {
    if (job.kind === 'plan') return { ok: true, plan: replan(job.model, job.planning) };
    const loaded = job.kind === 'file' ? await loadArticleFile(job.path) : loadArticleBytes(job.name, job.bytes);
    if (!loaded.ok) return loaded;
    return { ok: true, article: prepareArticle(loaded.model, loaded.notices, job.planning) };
  } catch (e) {
    const what = job.kind === 'plan' ? 'The reading could not be prepared' : 'The article could not be read';
    return { ok: false, message: `${what}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The same jobs on the calling thread, for tests and tools where a busy event loop does not matter. */
export function createInProcessLoader(): ArticleLoader {
  return {
    loadFile: async (path, planning) => (await runJob({ kind: 'file', path, planning })) as LoadResult,
    loadBytes: async (name, bytes, planning) => (await runJob({ kind: 'bytes', name, bytes, planning })) as LoadResult,
    plan: async (model, planning) => (await runJob({ kind: 'plan', model, planning })) as PlanResult,
  };
}

export function prepareArticle(model: ArticleModel, notices: string[], planning: Planning): PreparedArticle {
  const plan = buildPlan(model, planning.settings, planning.voices);
  return { text: model.text, key: textKey(model.text), model: pack(model, MODEL_ARRAYS), plan: pack(plan, PLAN_ARRAYS), notices };
}

function replan(model: Packed<ArticleModel>, planning: Planning): Packed<ReadingPlan> {
  return pack(buildPlan(unpackNow(model), planning.settings, planning.voices), PLAN_ARRAYS);
}

function textKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
