// Parse oracle: one hash of the whole article model (and of its reading plan) per input, so a change meant to be
// behaviour-neutral (a speed-up, a refactor) can be checked against the corpus before and after.
// Inputs: the polnear corpus, every text/Markdown/HTML fixture (through the CLI's loader) and a few
// generated sizes.
// usage: npx tsx scripts/parse-snapshot.ts OUT.json [--compare BASE.json] [--dump DIR]
//   --compare prints every input whose model differs from BASE.json (exit 1 if any);
//   --dump writes each model as JSON to DIR, to diff the ones that differ.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticleFile } from '../electron/articles/load-article';
import { parseArticle } from '../core/article/parse';
import { generateArticle } from '../bench/gen';
import { buildPlan } from '../core/plan/plan';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { ArticleModel } from '../core/contract';

const args = process.argv.slice(2);
const option = (flag: string) => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const compare = option('--compare');
const dump = option('--dump');
const out = args[0];
if (!out) {
  process.stderr.write('usage: npx tsx scripts/parse-snapshot.ts OUT.json [--compare BASE.json] [--dump DIR]\n');
  process.exit(2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpora/polnear-train');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  let found: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    process.stderr.write(`[parse-snapshot] skipped ${dir}: not readable\n`);
    return found;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path, keep));
    else if (keep(name)) found.push(path);
  }
  return found;
}

const articleFile = (name: string) => /\.(txt|md|markdown|html?)$/i.test(name);
const inputs = [...filesUnder(corpus, (n) => n.endsWith('.txt')), ...filesUnder(join(root, 'tests/fixtures'), articleFile)];

const hashes: Record<string, string> = {};
if (dump) mkdirSync(dump, { recursive: true });
const record = (key: string, value: unknown) => {
  const json = JSON.stringify(value);
  hashes[key] = createHash('sha256').update(json).digest('hex').slice(0, 16);
  if (dump) writeFileSync(join(dump, key.replace(/[^\w.-]+/g, '_') + '.json'), json);
};

/** The model, and the plan the app builds from it with default settings (no installed voices). */
const recordModel = (key: string, model: ArticleModel) => {
  record(key, model);
  record(`${key} (plan)`, buildPlan(model, DEFAULT_SETTINGS, []));
};
for (const path of inputs) {
  const loaded = await loadArticleFile(path);
  const key = path.startsWith(root) ? path.slice(root.length + 1) : `polnear/${basename(path)}`;
  if (loaded.ok) recordModel(key, loaded.model);
  else record(key, { failed: loaded.message });
}
for (const bytes of [20_000, 300_000, 1_000_000]) recordModel(`generated-${bytes}`, parseArticle(generateArticle(bytes, 7), { format: 'text' }));

writeFileSync(out, JSON.stringify(hashes, null, 1) + '\n');
process.stdout.write(`[parse-snapshot] ${Object.keys(hashes).length} inputs -> ${out}\n`);

if (compare) {
  const base = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, string>;
  const keys = new Set([...Object.keys(base), ...Object.keys(hashes)]);
  const differ = [...keys].filter((k) => base[k] !== hashes[k]);
  for (const k of differ) process.stdout.write(`differs: ${k}\n`);
  process.stdout.write(`[parse-snapshot] ${differ.length} of ${keys.size} differ from ${compare}\n`);
  process.exitCode = differ.length > 0 ? 1 : 0;
}
