// A paragraph hundreds of KB long (8,000 sentences) is a problem twice over: building it is
// one long task, and it is laid out in full whenever any of it is on screen (a 500 KB one
// took most of a second each way). So it is built a few hundred sentences at a time (each
// chunk, range-index.ts's sentenceChunks, a step of render-article.ts's renderSteps), and its
// sentences go into parts of about PART_CHARS (<span class="block-part">, display: block in
// styles.css) that layout skips out of view, like the block groups. Ordinary paragraphs are
// left alone.
import { wrappedAppender } from './block-groups';

export const PART_CHARS = 8_000;

export function splitLongParagraph(container: HTMLElement): void {
  if ((container.textContent?.length ?? 0) <= 2 * PART_CHARS) return;
  const add = wrappedAppender(container, 'span', 'block-part', (_, chars) => chars >= PART_CHARS);
  for (const child of [...container.childNodes]) add(child);
}
