// Scores the parser on every gold file under tests/fixtures/articles, articles-2 and articles-3 with the
// matching rules of shared/tools/score-quotes.mjs (the script the held-out sets are scored with),
// through the module the in-process corpus scorer (`npm run score`) uses too.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { emptyTally, figures, scoreArticle, type Gold } from '../../../scripts/quote-score';

// Two corpora written independently of the parser, by different hands, in different outlets' styles
// (and a third of round-5 probes: constructions the first two lack, each written to catch one).
const dirs = ['../../fixtures/articles/', '../../fixtures/articles-2/', '../../fixtures/articles-3/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

function score() {
  const tally = emptyTally();
  for (const [dir, file] of dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => [dir, f] as const))) {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Gold;
    const path = resolve(dirname(join(dir, file)), gold.article);
    const model = parseArticle(readFileSync(path, 'utf8'), { format: path.endsWith('.md') ? 'markdown' : 'text' });
    scoreArticle(gold, model, file, tally);
  }
  const f = figures(tally);
  return { f1: f.F1, speaker: f.S, wrong: f.W, faults: tally.faults.filter((l) => !/byline not found|page furniture/.test(l)), quotes: f.matched };
}

describe('quote and speaker scores on our own varied articles (US and UK, text and Markdown)', () => {
  const result = score();
  it('finds quotes with F1 of at least 0.97', () => {
    expect(result.quotes).toBeGreaterThan(450);
    expect(result.f1).toBeGreaterThanOrEqual(0.97);
  });
  it('names the speaker of at least 92% of the quotes it finds', () => {
    expect(result.speaker).toBeGreaterThanOrEqual(0.92);
  });
  it('reads no narration as an attributed quote and finds every title and caption', () => {
    expect(result.faults).toEqual([]);
  });
});
