// What the article loader does with a job: read + decode + parse + plan, or plan again, and
// pack the results (core/packed.ts). Runs in the parse worker (parse-worker.ts), so the work
// that grows with the article (planning, hashing, turning ~10 MB of objects into JSON pieces)
// never holds the main process.
import { createHash } from 'node:crypto';
import type { ArticleModel, Packed, ReadingPlan } from '../../core/contract';
import { pack, unpackNow } from '../../core/packed';
import { buildPlan } from '../../core/plan/plan';
import { parseBlocks, textOfBlocks } from '../../core/article/parse';
import { extendsPreview, previewBlockCount } from '../../core/article/preview';
import { loadArticleBytes, loadArticleFile, loadPasted, type LoadResult as Parsed, type ParseBlocks } from '../articles/load-article';
import type { LoadResult, ParseJob, Planning, PlanResult, PreparedArticle, WorkerJob } from './article-loader';
import { blocksOf } from './recent-articles';

const MODEL_ARRAYS = ['blocks', 'sentences', 'quotes', 'speakers'] as const;
const PLAN_ARRAYS = ['utterances'] as const;

/**
 * `onPreview`: for a big article, called with its first part, parsed and planned alone, before
 * the whole is parsed (core/article/preview.ts); the result then says whether the whole begins
 * exactly as that part.
 */
export async function runJob(job: WorkerJob, onPreview?: (first: PreparedArticle) => void): Promise<LoadResult | PlanResult> {
  try {
    if (job.kind === 'plan') return { ok: true, plan: replan(job.model, job.planning) };
    let first: ArticleModel | null = null;
    const parseWithPreview: ParseBlocks = (raw, format) => {
      const n = onPreview ? previewBlockCount(raw) : null;
      if (n !== null) {
        first = parseBlocks(raw.slice(0, n), format);
        onPreview!({ ...prepareArticle(first, [], job.planning, false), key: textKey(textOfBlocks(raw)) });
      }
      return parseBlocks(raw, format);
    };
    const loaded = await parse(job, parseWithPreview);
    if (!loaded.ok) return loaded;
    // Everything but a file on disk may be kept in the recent list as a copy of its blocks.
    const article = prepareArticle(loaded.model, loaded.notices, job.planning, job.kind !== 'file');
    if (first) article.extendsPreview = extendsPreview(first, loaded.model);
    return { ok: true, article };
  } catch (e) {
    const what = job.kind === 'plan' ? 'The reading could not be prepared' : 'The article could not be read';
    return { ok: false, message: `${what}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function parse(job: ParseJob, parseRaw: ParseBlocks): Promise<Parsed> {
  switch (job.kind) {
    case 'file': return loadArticleFile(job.path, parseRaw);
    case 'bytes': return loadArticleBytes(job.name, job.bytes, job.hint, parseRaw);
    case 'paste': return loadPasted(job.html, job.text, parseRaw);
    case 'blocks': return { ok: true, name: '', model: parseRaw(job.blocks, job.format), notices: [] };
  }
}

export function prepareArticle(model: ArticleModel, notices: string[], planning: Planning, keepable: boolean): PreparedArticle {
  const plan = buildPlan(model, planning.settings, planning.voices);
  return {
    text: model.text, key: textKey(model.text), title: model.title, format: model.format, blocks: keepable ? blocksOf(model) : null,
    model: pack(model, MODEL_ARRAYS), plan: pack(plan, PLAN_ARRAYS), notices, voiced: planning.voices.length > 0,
  };
}

function replan(model: Packed<ArticleModel>, planning: Planning): Packed<ReadingPlan> {
  return pack(buildPlan(unpackNow(model), planning.settings, planning.voices), PLAN_ARRAYS);
}

function textKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
