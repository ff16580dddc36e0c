import type { Block } from '../../core/contract';

/**
 * The level each heading block is shown at: the title is the page's only <h1>; a heading keeps
 * its source level (Markdown ## is 2) but never skips one (### right after the title is <h2>),
 * so heading navigation in a screen reader finds no gaps.
 */
export function headingLevels(blocks: readonly Pick<Block, 'index' | 'kind' | 'level'>[]): Map<number, number> {
  const levels = new Map<number, number>();
  let previous = 1;
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const level = Math.min(6, Math.max(2, Math.min(b.level ?? 2, previous + 1)));
    levels.set(b.index, level);
    previous = level;
  }
  return levels;
}
