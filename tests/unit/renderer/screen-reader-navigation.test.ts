// Navigation a screen-reader user relies on: headings, partial quotes reachable by Q (and
// listed), several quotes that start in one sentence visited one by one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { buildPlan } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { nextHeading, nextQuote, partialQuotesIn, previousHeading, previousQuote, quoteStarts } from '../../../renderer/navigation';
import { headingLevels } from '../../../renderer/view/heading-levels';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');
const sample = parseArticle(readFileSync(new URL('../../../content/idlib-bloody-week.txt', import.meta.url), 'utf8'));
const samplePlan = buildPlan(sample, DEFAULT_SETTINGS, []);

describe('partial quotes', () => {
  it('Q reaches every quote of the sample in order, partial ones included', () => {
    const seen: number[] = [];
    for (let i = 0, t = nextQuote(samplePlan, 0, sample.quotes); t; i = t.utterance, t = nextQuote(samplePlan, i, sample.quotes)) seen.push(t.quote);
    expect(seen).toEqual(sample.quotes.map((q) => q.index));
    expect(sample.quotes.filter((q) => q.partial).length).toBeGreaterThanOrEqual(2);
  });

  it('a partial quote starts in the narration sentence that holds its first words, not at its voiced continuation', () => {
    // He added he is "determined to keep the pressure on ... [next paragraph] We must do all we can ..."
    const q = sample.quotes.find((x) => x.partial && x.text.startsWith('determined to keep the pressure'))!;
    const start = quoteStarts(samplePlan, sample.quotes).get(q.index)!;
    const u = samplePlan.utterances[start]!;
    expect(u.kind).toBe('narration');
    expect(sample.text.slice(u.start, u.end)).toContain('He added he is "determined to keep the pressure');
    expect(partialQuotesIn(samplePlan, sample.quotes, start)).toEqual([q.index]);
    // A label later in the plan belongs to the continuation; it is not where the quote starts.
    expect(samplePlan.utterances.findIndex((x) => x.quote === q.index)).toBeGreaterThan(start);
  });

  it('without partial quotes, Q and the list skip them', () => {
    const full = sample.quotes.filter((q) => !q.partial);
    expect([...quoteStarts(samplePlan, full).keys()]).toEqual(full.map((q) => q.index));
  });

  it('two partial quotes in one sentence are visited one after the other, and back', () => {
    const model = parseArticle('Two voices\n\nThe mayor said the plan was "a good start" but "far from enough" for the town.\n\nShe left at noon.');
    const plan = buildPlan(model, DEFAULT_SETTINGS, []);
    expect(model.quotes.map((q) => q.partial)).toEqual([true, true]);
    const first = nextQuote(plan, 0, model.quotes)!;
    const second = nextQuote(plan, first.utterance, model.quotes, first.quote)!;
    expect([first.quote, second.quote]).toEqual([0, 1]);
    expect(second.utterance).toBe(first.utterance);
    expect(nextQuote(plan, second.utterance, model.quotes, second.quote)).toBeNull();
    expect(previousQuote(plan, second.utterance, model.quotes, second.quote)).toEqual(first);
  });
});

describe('headings', () => {
  const md = parseArticle(fixture('explainer-housing-bill.md'), { format: 'markdown' });
  const plan = buildPlan(md, DEFAULT_SETTINGS, []);
  const headingText = (i: number | null) => (i === null ? null : md.blocks[plan.utterances[i]!.block]!.text);

  it('H visits the headings in order; Shift+H goes back and reaches the title', () => {
    const seen: string[] = [];
    for (let i: number | null = 0; (i = nextHeading(plan, md.blocks, i)) !== null;) seen.push(headingText(i)!);
    expect(seen[0]).toBe('What the bill does');
    expect(seen).toContain('Who supports it');
    expect(seen.length).toBe(md.blocks.filter((b) => b.kind === 'heading').length);
    const last = plan.utterances.length - 1;
    expect(headingText(previousHeading(plan, md.blocks, last))).toBe(seen[seen.length - 1]);
    const firstHeading = plan.utterances.findIndex((u) => md.blocks[u.block]!.kind === 'heading');
    expect(headingText(previousHeading(plan, md.blocks, firstHeading))).toBe(md.title);
    expect(previousHeading(plan, md.blocks, 0)).toBeNull();
  });

  it('inside a section, Shift+H goes to the heading of that section', () => {
    const inSection = plan.utterances.findIndex((u) => md.text.slice(u.start, u.end).startsWith('The 212-page bill would'));
    expect(headingText(previousHeading(plan, md.blocks, inSection))).toBe('What the bill does');
  });

  it('Markdown ## is level 2, and levels never skip one', () => {
    const levels = headingLevels(md.blocks);
    const whatTheBillDoes = md.blocks.find((b) => b.text === 'What the bill does')!;
    expect(levels.get(whatTheBillDoes.index)).toBe(2);
    const blocks = [
      { index: 0, kind: 'title' as const, level: 1 },
      { index: 1, kind: 'heading' as const, level: 4 },
      { index: 2, kind: 'heading' as const, level: 2 },
      { index: 3, kind: 'heading' as const, level: 3 },
      { index: 4, kind: 'heading' as const, level: 6 },
    ];
    expect([...headingLevels(blocks).values()]).toEqual([2, 2, 3, 4]);
  });

  it('an article without headings has no next heading', () => {
    expect(nextHeading(samplePlan, sample.blocks, 0)).toBeNull();
  });
});
