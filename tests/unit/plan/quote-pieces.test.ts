// The linear sweep that cuts sentences at quote marks must give exactly the pieces the old
// search gave (every quote checked for every sentence), on the fixtures, on generated
// articles and on hand-made models with touching, nested and overlapping quote parts.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticle, generateQuoteDense } from '../../../bench/gen';
import { parseArticle } from '../../../core/article/parse';
import type { ArticleModel, Block, Quote, Settings, TextRange } from '../../../core/contract';
import { buildPlan } from '../../../core/plan/plan';
import { QuoteSweep, voiced, voicedCutsByBlock, type Piece } from '../../../core/plan/quote-pieces';
import { DEFAULT_SETTINGS } from '../../../core/settings';

/** The search buildPlan used before the sweep (commit e5e7687), kept as the oracle. */
function oracleSplit(sentence: TextRange, block: Block, quotes: readonly Quote[], settings: Settings): Piece[] {
  const cuts: { start: number; end: number; quote: Quote }[] = [];
  for (const q of quotes) {
    if (!q.blocks.includes(block.index)) continue;
    for (const [i, part] of q.parts.entries()) {
      if (!voiced(q, i, settings)) continue;
      const start = Math.max(part.start, sentence.start);
      const end = Math.min(part.end, sentence.end);
      if (end > start) cuts.push({ start, end, quote: q });
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = sentence.start;
  for (const c of cuts) {
    if (c.start < at) continue;
    if (c.start > at) pieces.push({ start: at, end: c.start, quote: null });
    pieces.push(c);
    at = c.end;
  }
  if (at < sentence.end) pieces.push({ start: at, end: sentence.end, quote: null });
  return pieces.filter((p) => p.end > p.start);
}

const show = (pieces: Piece[]) => pieces.map((p) => `${p.start}-${p.end}:${p.quote?.index ?? 'n'}`);

/** Every sentence of every block, split both ways. */
function compare(model: ArticleModel, settings: Settings): { sentences: number; cuts: number } {
  const cutsByBlock = voicedCutsByBlock(model, settings);
  let cuts = 0;
  let sentences = 0;
  for (const block of model.blocks) {
    const sweep = new QuoteSweep(cutsByBlock.get(block.index) ?? []);
    for (const s of block.sentences) {
      const sentence = model.sentences[s]!;
      const swept = sweep.split(sentence);
      expect(show(swept), `block ${block.index}, sentence ${s}`).toEqual(show(oracleSplit(sentence, block, model.quotes, settings)));
      cuts += swept.filter((p) => p.quote).length;
      sentences++;
    }
  }
  return { sentences, cuts };
}

const SETTINGS: Settings[] = [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, voicePartialQuotes: true }];

function fixtureArticles(): { name: string; model: ArticleModel }[] {
  const dirs = ['../../fixtures/articles/', '../../fixtures/articles-2/', '../../../content/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .map((f) => ({ name: f, model: parseArticle(readFileSync(dir + f, 'utf8'), { format: f.endsWith('.md') ? 'markdown' : 'text' }) })),
  );
}

describe('quote sweep = the old per-sentence search', () => {
  it('on every fixture article and the bundled articles, partial quotes voiced or not', () => {
    const articles = fixtureArticles();
    expect(articles.length).toBeGreaterThan(20);
    let cuts = 0;
    for (const { model } of articles) for (const s of SETTINGS) cuts += compare(model, s).cuts;
    expect(cuts).toBeGreaterThan(500); // the fixtures do exercise quotes
  });

  it('on generated news articles and quote-dense articles (any seed and size)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 200, max: 30_000 }), fc.boolean(), fc.boolean(), (seed, size, dense, partial) => {
        const text = dense ? generateQuoteDense(size, seed) : generateArticle(size, seed);
        compare(parseArticle(text), partial ? SETTINGS[1]! : SETTINGS[0]!);
      }),
      { numRuns: 40 },
    );
  });

  it('on models with touching, nested, overlapping and empty quote parts', () => {
    fc.assert(fc.property(syntheticModel, fc.boolean(), (model, partial) => void compare(model, partial ? SETTINGS[1]! : SETTINGS[0]!)), { numRuns: 300 });
  });

  it('a label covers its quote to where the quote ends in that block', () => {
    const models = [...fixtureArticles().map((a) => a.model), parseArticle(generateQuoteDense(20_000, 7))];
    let labels = 0;
    for (const model of models) {
      for (const u of buildPlan(model, { ...DEFAULT_SETTINGS, verbosity: 'always' }, []).utterances) {
        if (u.kind !== 'label' || u.quote === null) continue; // caption cues are labels of no quote
        const ends = model.quotes[u.quote!]!.parts.filter((p) => p.block === u.block).map((p) => p.end);
        expect(u.end).toBe(Math.max(...ends));
        labels++;
      }
    }
    expect(labels).toBeGreaterThan(200);
  });
});

/**
 * Blocks of 1-6 sentences over a text of '.' characters, and quotes whose parts fall anywhere
 * inside their block: the parser never makes overlapping parts, but the sweep must not rely on it.
 */
const syntheticModel: fc.Arbitrary<ArticleModel> = fc
  .array(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
  .chain((blockSentenceLengths) => {
    const blocks: Block[] = [];
    const sentences: ArticleModel['sentences'] = [];
    let pos = 0;
    for (const [b, lengths] of blockSentenceLengths.entries()) {
      const start = pos;
      const indices: number[] = [];
      for (const len of lengths) {
        indices.push(sentences.length);
        sentences.push({ index: sentences.length, block: b, start: pos, end: pos + len, text: '.'.repeat(len) });
        pos += len;
      }
      blocks.push({ index: b, kind: 'paragraph', start, end: pos, text: '.'.repeat(pos - start), sentences: indices });
      pos += 2;
    }
    const part = fc.integer({ min: 0, max: blocks.length - 1 }).chain((b) => {
      const block = blocks[b]!;
      return fc.tuple(fc.integer({ min: block.start, max: block.end }), fc.integer({ min: block.start, max: block.end })).map(([x, y]) => ({ block: b, start: Math.min(x, y), end: Math.max(x, y) }));
    });
    const quote = fc.record({ parts: fc.array(part, { minLength: 1, maxLength: 4 }), partial: fc.boolean(), extraBlock: fc.boolean() });
    return fc.array(quote, { maxLength: 8 }).map((qs) => {
      const quotes: Quote[] = qs.map((q, index) => {
        const listed = [...new Set(q.parts.map((p) => p.block))];
        // Sometimes a quote does not list one of its parts' blocks: that part is never cut.
        if (q.extraBlock && listed.length > 1) listed.pop();
        return { index, speakerId: null, text: '', parts: q.parts, blocks: listed, partial: q.partial, attribution: null, mention: null };
      });
      const text = blocks.map((b) => b.text).join('\n\n');
      return { format: 'text', title: null, byline: null, text, blocks, sentences, quotes, speakers: [] } satisfies ArticleModel;
    });
  });
