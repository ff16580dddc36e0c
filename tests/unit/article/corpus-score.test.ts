// Scores the parser on every gold file under tests/fixtures/articles with the same matching
// rules as shared/tools/score-quotes.mjs (the script the held-out sets are scored with).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { matchQuotes, norm } from './gold-quotes';

// Two corpora written independently of the parser, by different hands, in different outlets' styles.
const dirs = ['../../fixtures/articles/', '../../fixtures/articles-2/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

interface Gold { article: string; title?: string; byline?: string; captions?: string[]; notQuotes?: string[]; otherQuotes?: string[]; quotes: { text: string; speaker: string[] }[] }

function score() {
  let tp = 0, fn = 0, fp = 0, ok = 0, n = 0;
  const faults: string[] = [];
  for (const [dir, file] of dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => [dir, f] as const))) {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Gold;
    const path = resolve(dirname(join(dir, file)), gold.article);
    const model = parseArticle(readFileSync(path, 'utf8'), { format: path.endsWith('.md') ? 'markdown' : 'text' });
    const { found, missed, right, extra, pred } = matchQuotes(model, gold);
    tp += found; n += found; fn += missed; ok += right; fp += extra;
    for (const nq of gold.notQuotes ?? []) if (pred.some((p) => p.t.includes(norm(nq)) && p.named)) faults.push(`${file}: read as a quote: ${nq}`);
    if (gold.title && norm(model.title) !== norm(gold.title)) faults.push(`${file}: title`);
    for (const c of gold.captions ?? []) if (!model.blocks.some((b) => b.kind === 'caption' && norm(b.text).includes(norm(c)))) faults.push(`${file}: caption ${c.slice(0, 30)}`);
  }
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  return { f1: (2 * p * r) / Math.max(1e-9, p + r), speaker: ok / Math.max(1, n), faults, quotes: n };
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
