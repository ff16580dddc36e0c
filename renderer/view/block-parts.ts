// A paragraph hundreds of KB long (8,000 sentences) is a problem twice over: building it is
// one long task, and it is laid out in full whenever any of it is on screen (a 500 KB one
// took most of a second each way). So it is built a few hundred sentences at a time (each
// chunk a step of view/render-article.ts's renderSteps), and its sentences go into parts of
// about PART_CHARS (<span class="block-part">, display: block in styles.css) that layout skips
// out of view, like the block groups. Ordinary paragraphs are left alone.
import type { ArticleModel, Block } from '../../core/contract';
import { overlapping, sentencesOf } from './range-index';

export const PART_CHARS = 8_000;
const CHUNK_SENTENCES = 200;

/** [start, end) cut at every CHUNK_SENTENCES-th sentence start: pieces that render alike one by one or together. */
export function sentenceChunks(model: ArticleModel, block: Block, start: number, end: number): [number, number][] {
  const chunks: [number, number][] = [];
  let from = start;
  const sentences = overlapping(sentencesOf(model, block), start, end);
  for (let i = CHUNK_SENTENCES; i < sentences.length; i += CHUNK_SENTENCES) {
    const cut = sentences[i]!.start;
    if (cut <= from || cut >= end) continue;
    chunks.push([from, cut]);
    from = cut;
  }
  chunks.push([from, end]);
  return chunks;
}

export function splitLongParagraph(container: HTMLElement): void {
  if ((container.textContent?.length ?? 0) <= 2 * PART_CHARS) return;
  let part: HTMLElement | null = null;
  let size = 0;
  for (const child of [...container.childNodes]) {
    if (!part || size >= PART_CHARS) {
      part = document.createElement('span');
      part.className = 'block-part';
      container.append(part);
      size = 0;
    }
    part.append(child);
    size += child.textContent?.length ?? 0;
  }
}
