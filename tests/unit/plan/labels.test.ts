// The label rules of smart verbosity, on short articles written for them.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { buildPlan } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';

const spoken = (body: string) => buildPlan(parseArticle(`Headline for the test\n\n${body}`), DEFAULT_SETTINGS, [])
  .utterances.map((u) => `${u.kind}: ${u.text}`);

describe('speaker labels (smart)', () => {
  it('a quote interrupted by its own attribution goes on without a second label', () => {
    const u = spoken('"We lost the first half," said Tom Brandt. "But the second half was ours."');
    expect(u).toEqual([
      'title: Headline for the test',
      'label: Tom Brandt:', 'quote: We lost the first half,', 'narration: said Tom Brandt.', 'quote: But the second half was ours.',
    ]);
  });
  it('…and without one when its attribution is a pronoun ("…," she said. "…")', () => {
    const u = spoken('Ann Bell has run the club since 2019.\n\nThe club lost again on Saturday.\n\n"We lost the first half," she said. "But the second half was ours."');
    expect(u.slice(-4)).toEqual(['label: Ann Bell:', 'quote: We lost the first half,', 'narration: she said.', 'quote: But the second half was ours.']);
  });
  it('never repeats a name the narrator has just read', () => {
    const u = spoken('Council leader Priya Shah said: "The works start on Monday."');
    expect(u.filter((x) => x.startsWith('label:'))).toEqual([]);
  });
  it('labels a quote whose speaker the narration only gave by pronoun', () => {
    const u = spoken('Priya Shah chaired the meeting. The leader had been away for a week.\n\nShe told reporters: "The works start on Monday."');
    expect(u).toContain('label: Priya Shah:');
  });
});
