// Saved web pages and text copied from them (tests/fixtures/web), through the real loader
// (charset, Readability over linkedom, furniture and caption rules), scored with the matching
// rules of shared/tools/score-quotes.mjs: title, byline, captions, no furniture, quotes and speakers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../../electron/articles/load-article';
import { matchQuotes, norm } from './gold-quotes';

const dir = fileURLToPath(new URL('../../fixtures/web/', import.meta.url));

interface Gold { article: string; title?: string; byline?: string; captions?: string[]; absent?: string[]; quotes: { text: string; speaker: string[] }[] }

const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();

describe('web pages and copied text of six outlets', () => {
  let tp = 0, fn = 0, fp = 0, right = 0, wrong = 0, found = 0;
  const faults: string[] = [];

  it('has a page and a paste for at least six outlets', () => {
    expect(golds.filter((g) => g.endsWith('.page.gold.json')).length).toBeGreaterThanOrEqual(6);
    expect(golds.filter((g) => g.endsWith('.paste.gold.json')).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of golds) {
    it(`${file}: title, byline, captions, and no page furniture`, async () => {
      const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Gold;
      const loaded = await loadArticleFile(join(dir, gold.article));
      if (!loaded.ok) throw new Error(loaded.message);
      const model = loaded.model;
      expect(norm(model.title)).toBe(norm(gold.title));
      expect(norm(model.byline)).toContain(norm(gold.byline));
      for (const c of gold.captions ?? []) expect(model.blocks.some((b) => b.kind === 'caption' && norm(b.text).includes(norm(c))), `caption ${c}`).toBe(true);
      for (const a of gold.absent ?? []) {
        const re = new RegExp(`(^| )${norm(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
        expect(model.blocks.find((b) => re.test(norm(b.text)))?.text ?? null, `furniture "${a}"`).toBeNull();
      }
      // Markup never reaches the text.
      expect(model.text).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;/i);

      const m = matchQuotes(model, gold);
      tp += m.found; found += m.found; fn += m.missed; right += m.right; fp += m.extra; wrong += m.wrong.length;
      faults.push(...m.wrong.map((w) => `${file}: ${w}`));
    });
  }

  it('finds the quotes (F1 of at least 0.93) and names their speakers (at least 0.93 right, at most 0.05 wrong)', () => {
    const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
    expect(found).toBeGreaterThan(50);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.93);
    expect(right / found).toBeGreaterThanOrEqual(0.93);
    expect(wrong / found, faults.join('\n')).toBeLessThanOrEqual(0.05);
  });
});
