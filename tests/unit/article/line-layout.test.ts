// Single line breaks in plain text: wraps inside a paragraph when the text was wrapped at a width
// (by hand, an editor, an e-mail client), block breaks when it was copied from a browser, which
// leaves each paragraph on one line and puts list items, a standfirst or a subheading on lines of
// their own with no blank line between.
import { describe, expect, it } from 'vitest';
import { chunksOf, isWrapped, wrapWidth } from '../../../core/article/blocks';
import { parseArticle } from '../../../core/article/parse';

const kinds = (text: string) => parseArticle(text, { format: 'text' }).blocks.map((b) => `${b.kind}: ${b.text}`);
const long = (n: number) => `Paragraph ${n} of the copied story runs on well past any width that text is wrapped at, as a browser leaves it on one line.`;

describe('whether a text was wrapped', () => {
  it('says wrapped for a text broken at 72 columns, also with a long address or two in it', () => {
    const wrapped = ['Residents of the estate said the lifts had been broken for', 'three weeks, and that the council had not replied to their', 'letters.', '', 'See https://example.org/a-very-long-address/that-runs-on/and-on/and-on/for-a-long-while/before-it-ends/at-last.html', ''];
    expect(isWrapped(wrapped.join('\n'))).toBe(true);
    expect(isWrapped([...wrapped, 'The council said a repair was booked for Monday, and that two of the three lifts would be working again by the end of the week at the latest.', ...Array(20).fill('a short wrapped line of text')].join('\n'))).toBe(true);
  });

  it('says not wrapped when several paragraphs sit on one long line each', () => {
    expect(isWrapped([long(1), '', long(2), '', long(3)].join('\n'))).toBe(false);
  });
});

describe('single line breaks in text copied from a browser', () => {
  const copied = [
    'Mother who saved neighbour\'s children from fire says she just ran in', '',
    'Gemma Hollis pulled two children from the burning terraced house in Wigan',
    'Firefighters praised her bravery but warned others not to follow her example', '',
    long(1), '',
    'Where the fire started',
    long(2), '', long(3),
  ].join('\n');

  it('makes each line a block: two standfirst lines stay two, and a subheading is not run into its paragraph', () => {
    const k = kinds(copied);
    const text = (b: string) => b.slice(b.indexOf(': ') + 2);
    expect(k.map(text)).toContain('Gemma Hollis pulled two children from the burning terraced house in Wigan');
    expect(k.map(text)).toContain('Firefighters praised her bravery but warned others not to follow her example');
    expect(k.map(text)).toContain('Where the fire started');
    expect(k.some((b) => b.includes('started Paragraph 2'))).toBe(false);
  });

  it('still joins a line that starts in lower case after one that stops mid-sentence', () => {
    const k = kinds([long(1), '', long(2), '', 'The inquiry heard that the alarm had been', 'switched off a week before the fire.', '', long(3)].join('\n'));
    expect(k).toContain('paragraph: The inquiry heard that the alarm had been switched off a week before the fire.');
  });

  it('joins a paragraph wrapped at a width inside a copied text that was not (three lines or more)', () => {
    const k = kinds([long(1), '', 'The council voted on Tuesday to close three of its nine libraries,', 'saying the buildings would cost too much to repair. Councillor Amy', 'Ward said there was no choice.', '', long(2), '', long(3)].join('\n'));
    expect(k).toContain('paragraph: The council voted on Tuesday to close three of its nine libraries, saying the buildings would cost too much to repair. Councillor Amy Ward said there was no choice.');
  });

  it('keeps list items that start in lower case apart', () => {
    const items = ['the council will close three of its nine libraries in March', 'staff at the libraries will be offered other jobs in the council', 'the buildings will be sold to pay for repairs elsewhere'];
    const k = kinds([long(1), '', ...items, '', long(2)].join('\n'));
    for (const item of items) expect(k.map((b) => b.slice(b.indexOf(': ') + 2))).toContain(item);
  });

  it('keeps joining the lines of a wrapped text into paragraphs', () => {
    const k = kinds(['Lifts broken for three weeks', '', 'Residents of the estate said the lifts had been broken for', 'three weeks, and that the council had not replied to their', 'letters. One woman said she had carried her shopping up', 'eleven floors every day.'].join('\n'));
    expect(k).toContain('paragraph: Residents of the estate said the lifts had been broken for three weeks, and that the council had not replied to their letters. One woman said she had carried her shopping up eleven floors every day.');
  });
});

describe('a text wrapped at a width, with no blank lines between its paragraphs', () => {
  // Wrapped at 60 columns, as an e-mail client would: a paragraph ends on a line that the next word would have fitted.
  const text = [
    'Council to close three libraries',
    'By Jo Pike',
    'The council voted on Tuesday to close three of its nine',
    'libraries, saying the buildings would cost too much to',
    'repair. "We have no choice," said Councillor Amy Ward, who',
    'leads the council.',
    'Campaigners said they would fight the decision. "This is a',
    'disgrace," said Tom Reed of Save Our Libraries.',
  ].join('\n');

  it('finds the width, and finds none in text whose lines are blocks', () => {
    expect(wrapWidth(text.split('\n'))).toBe(58);
    expect(wrapWidth(['Home', 'News', 'A headline about the council', 'By Jo Pike'])).toBeNull();
    // One-line items fill their lines alike, but each ends like a sentence.
    const items = Array.from({ length: 40 }, (_, i) => `Item ${i + 1}: the council will review the bus lane plan again.`);
    expect(wrapWidth(items)).toBeNull();
    expect(parseArticle(items.join('\n'), { format: 'text' }).blocks).toHaveLength(40);
  });

  it('joins the wrapped lines of each paragraph and keeps the title, the byline and the paragraphs apart', () => {
    const model = parseArticle(text, { format: 'text' });
    expect(model.blocks.map((b) => b.kind)).toEqual(['title', 'byline', 'paragraph', 'paragraph']);
    expect(model.quotes.map((q) => model.speakers.find((s) => s.id === q.speakerId)?.name)).toEqual(['Councillor Amy Ward', 'Tom Reed']);
  });
});

describe('chunks between blank lines', () => {
  /** What the chunks hold once each line is trimmed and empty lines and chunks are dropped. */
  const held = (chunks: string[][]) => chunks.map((c) => c.map((l) => l.trim()).filter(Boolean)).filter((c) => c.length > 0);
  /** Seeded, so a failure can be replayed. */
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it('holds what splitting at /\\n[ \\t]*\\n/ and then at each line break holds, blank lines in any number and place', () => {
    const pieces = ['A line', 'b', '\n', '\n', '\n', ' ', '\t', '\u00a0', ' \n \n'];
    const next = random(5);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(next() * 14);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      const blankLines = /\n[ \t]*\n/.test(text);
      const bySplitting = (blankLines ? text.split(/\n[ \t]*\n/) : [text]).map((c) => c.split('\n'));
      expect(held(chunksOf(text, blankLines)), JSON.stringify(text)).toEqual(held(bySplitting));
    }
  });
});
