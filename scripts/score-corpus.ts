// In-process twin of shared/tools/score-quotes.mjs: parses each gold file's article in this
// process (the official script spawns one CLI per article) and prints the same figures.
// usage: npm run score -- GOLD_DIR|GOLD.json... [--half dev|check] [--verbose] [--only miss|wrong|unnamed|extra] [--strict]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticleFile } from '../electron/articles/load-article';
import { emptyTally, figures, half, scoreArticle, type Gold } from './quote-score';

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const wantHalf = value('--half');
const only = value('--only');
const verbose = flag('--verbose');
const strict = flag('--strict');
if (args.length === 0 || (wantHalf && wantHalf !== 'dev' && wantHalf !== 'check')) {
  process.stderr.write('usage: npm run score -- GOLD_DIR|GOLD.json... [--half dev|check] [--verbose] [--only miss|wrong|unnamed|extra] [--strict]\n');
  process.exit(2);
}
// Gold files may name their article as "shared/..." relative to the folder that holds shared/.
const steering = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const goldFiles = args.flatMap((a) => (statSync(a).isDirectory() ? readdirSync(a).filter((f) => f.endsWith('.gold.json')).map((f) => join(a, f)) : [a]))
  .filter((f) => !wantHalf || half(basename(f)) === wantHalf)
  .sort();

const tally = emptyTally();
for (const gf of goldFiles) {
  const gold = JSON.parse(readFileSync(gf, 'utf8')) as Gold;
  const article = gold.article.startsWith('shared/') ? join(steering, gold.article) : resolve(dirname(gf), gold.article);
  const loaded = await loadArticleFile(article);
  const name = basename(gf);
  if (!loaded.ok) {
    tally.faults.push(`${name}: cli failed: ${loaded.message}`);
    tally.fn += gold.quotes.length;
    continue;
  }
  scoreArticle(gold, loaded.model, name, tally);
}

const lines = tally.misses.filter((l) => !only || l.startsWith(`${only} `));
for (const l of [...lines.slice(0, verbose || only ? Infinity : 25), ...tally.faults.slice(0, 25)]) console.log(l);
const f = figures(tally);
const count = (kind: string) => tally.misses.filter((l) => l.startsWith(`${kind} `)).length;
console.log(
  `${goldFiles.length} articles${wantHalf ? ` (${wantHalf} half)` : ''}, quotes P=${f.P.toFixed(3)} R=${f.R.toFixed(3)} F1=${f.F1.toFixed(3)}, ` +
    `speaker accuracy=${f.S.toFixed(3)} on ${f.matched}, wrong speaker=${f.W.toFixed(3)} ` +
    `(${count('wrong')} wrong, ${count('unnamed')} unnamed, ${count('miss')} missed, ${count('extra')} extra), structural faults=${tally.faults.length}`,
);
process.exitCode = strict && tally.faults.length > 0 ? 1 : 0;
