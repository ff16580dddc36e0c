// A big article's first part (issue 12): where it is cut, and when the whole article begins
// exactly as that part, so that the page can add the rest instead of replacing it.
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/gen';
import type { RawBlock } from '../../../core/article/blocks';
import { parseBlocks, rawBlocksOf, textOfBlocks } from '../../../core/article/parse';
import { PREVIEW_CHARS, PREVIEW_FROM_CHARS, extendsPreview, previewBlockCount } from '../../../core/article/preview';

const para = (text: string): RawBlock => ({ kind: 'paragraph', text });
/** Paragraphs of about 400 characters, each its own sentences, until `chars`. */
function paragraphs(chars: number, first = 0): RawBlock[] {
  const out: RawBlock[] = [];
  for (let i = first, n = 0; n < chars; i++) {
    const text = `Paragraph ${i} tells of the harbour works at Eastport, where the tide came in early on the ${i % 28 + 1}th. ` +
      'The council met in the old hall and the minutes were read aloud. Nobody asked for a vote, and the evening ran on past nine. '.repeat(2);
    out.push(para(text.trim()));
    n += text.length + 2;
  }
  return out;
}

describe('previewBlockCount: the first part of a big article', () => {
  it('is none for an article that parses quickly whole', () => {
    expect(previewBlockCount(paragraphs(PREVIEW_FROM_CHARS / 2))).toBeNull();
    expect(previewBlockCount([])).toBeNull();
  });

  it('holds about PREVIEW_CHARS of text, cut between two paragraphs', () => {
    const raw = [{ kind: 'title', text: 'Harbour works' } as RawBlock, ...paragraphs(PREVIEW_FROM_CHARS * 2)];
    const n = previewBlockCount(raw)!;
    expect(textOfBlocks(raw.slice(0, n)).length).toBeGreaterThanOrEqual(PREVIEW_CHARS);
    expect(textOfBlocks(raw.slice(0, n - 1)).length).toBeLessThan(PREVIEW_CHARS);
    expect(raw[n]!.kind).toBe('paragraph');
  });

  it('is not cut before a paragraph that opens with a quote mark (a quote running on), nor inside a list', () => {
    const raw = paragraphs(PREVIEW_FROM_CHARS * 2);
    const plain = previewBlockCount(raw)!;
    const quoted = [...raw];
    quoted[plain] = para('“And the tide,” she went on, “was higher than anyone remembered.”');
    quoted[plain + 1] = { kind: 'list-item', text: 'Sandbags' };
    quoted[plain + 2] = { kind: 'list-item', text: 'Pumps' };
    // Between the two paragraphs after the list.
    expect(previewBlockCount(quoted)).toBe(plain + 4);
  });
});

describe('extendsPreview: the whole begins exactly as its first part', () => {
  const text = generateArticle(PREVIEW_FROM_CHARS * 2, 7);
  const raw = rawBlocksOf(text, 'text');
  const n = previewBlockCount(raw)!;
  const first = parseBlocks(raw.slice(0, n), 'text');
  const whole = parseBlocks(raw, 'text');

  it('is true for an article with quotes and speakers on both sides of the cut', () => {
    expect(first.quotes.length).toBeGreaterThan(3);
    expect(whole.quotes.length).toBeGreaterThan(first.quotes.length);
    expect(extendsPreview(first, whole)).toBe(true);
  });

  it('still holds when the whole names a speaker more fully (the page renames the label)', () => {
    const renamed = { ...whole, quotes: whole.quotes.map((q, i) => (i === 0 ? { ...q, speakerId: 'someone-else' } : q)) };
    expect(extendsPreview(first, renamed)).toBe(true);
  });

  it('is false when the blocks, sentences, quote spans, title or text differ', () => {
    expect(extendsPreview(first, { ...whole, title: 'Another title' })).toBe(false);
    expect(extendsPreview(first, { ...whole, text: `X${whole.text}` })).toBe(false);
    expect(extendsPreview(first, { ...whole, quotes: whole.quotes.slice(1) })).toBe(false);
    expect(extendsPreview(first, { ...whole, blocks: whole.blocks.map((b, i) => (i === 3 ? { ...b, kind: 'heading' as const } : b)) })).toBe(false);
    expect(extendsPreview(first, { ...first })).toBe(false); // nothing to add
  });

  it('is false when a quote runs on across the cut', () => {
    const blocks = paragraphs(PREVIEW_FROM_CHARS * 2);
    const k = 20;
    blocks[k - 1] = para('“The sea wall held for a week,” said Mara Quell, the harbour master. “Then one night it went.');
    blocks[k] = para('“We had sandbags, we had pumps, and none of it was enough,” she said.');
    const a = parseBlocks(blocks.slice(0, k), 'text');
    const b = parseBlocks(blocks, 'text');
    expect(b.quotes.some((q) => q.parts.some((p) => p.block === k - 1) && q.parts.some((p) => p.block === k))).toBe(true);
    expect(extendsPreview(a, b)).toBe(false);
  });

  it('is false when a list goes on past the cut', () => {
    const blocks = paragraphs(PREVIEW_FROM_CHARS * 2);
    const k = 20;
    blocks[k - 1] = { kind: 'list-item', text: 'Sandbags' };
    blocks[k] = { kind: 'list-item', text: 'Pumps' };
    expect(extendsPreview(parseBlocks(blocks.slice(0, k), 'text'), parseBlocks(blocks, 'text'))).toBe(false);
  });
});
