// Saved web pages and text copied from them (tests/fixtures/web), through the real loader
// (charset, Readability over linkedom, furniture and caption rules), scored with the matching
// rules of shared/tools/score-quotes.mjs: title, byline, captions, no furniture, quotes and speakers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../../electron/articles/load-article';
import { emptyTally, figures, scoreArticle, type Gold } from '../../../scripts/quote-score';

const dir = fileURLToPath(new URL('../../fixtures/web/', import.meta.url));
const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();

describe('web pages and copied text of six outlets', () => {
  const tally = emptyTally();

  it('has a page and a paste for at least six outlets', () => {
    expect(golds.filter((g) => g.endsWith('.page.gold.json')).length).toBeGreaterThanOrEqual(6);
    expect(golds.filter((g) => g.endsWith('.paste.gold.json')).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of golds) {
    it(`${file}: title, byline, captions, and no page furniture`, async () => {
      const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Gold;
      const loaded = await loadArticleFile(join(dir, gold.article));
      if (!loaded.ok) throw new Error(loaded.message);
      const faultsBefore = tally.faults.length;
      scoreArticle(gold, loaded.model, file, tally);
      expect(tally.faults.slice(faultsBefore)).toEqual([]);
      // Markup never reaches the text.
      expect(loaded.model.text).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;/i);
    });
  }

  it('finds the quotes (F1 of at least 0.93) and names their speakers (at least 0.93 right, at most 0.05 wrong)', () => {
    const f = figures(tally);
    const wrong = tally.misses.filter((l) => l.startsWith('wrong '));
    expect(f.matched).toBeGreaterThan(50);
    expect(f.F1).toBeGreaterThanOrEqual(0.93);
    expect(f.S).toBeGreaterThanOrEqual(0.93);
    expect(f.W, wrong.join('\n')).toBeLessThanOrEqual(0.05);
  });
});
