// A big article goes into the page a slice at a time: blocks are rendered for a few ms, then
// the page gets a turn (keys, audio, the highlight, painting), then the next blocks. The DOM
// ends up complete: screen readers' browse mode and find-in-page see the whole article; only
// layout and paint of blocks out of view are skipped (styles.css, content-visibility). A 1 MB
// article rendered in one go held the page for seconds.
import type { ArticleModel } from '../../core/contract';
import { yieldToBrowser } from '../yield';
import { renderSteps, type ArticleView, type RenderResume } from './render-article';

export interface SlicedRendering {
  /** Filled as blocks arrive; `view.root` can go into the document at once. */
  view: ArticleView;
  /** True once every block is in `view.root`; false when cancelled first. */
  done: Promise<boolean>;
  cancel(): void;
}

export interface SliceOptions {
  /** Time per slice (default 10 ms); a slice always takes at least one step (a block, or part of a long one). */
  sliceMs?: number;
  /** After each slice but the first (which runs before this returns). */
  onSlice?: () => void;
  /** Go on into a view that already shows the model's first blocks. */
  resume?: RenderResume;
}

export function renderInSlices(model: ArticleModel, options: SliceOptions = {}): SlicedRendering {
  const sliceMs = options.sliceMs ?? 10;
  const steps = renderSteps(model, options.resume);
  const start = steps.next();
  const view = start.value;
  let cancelled = false;
  /** One slice of blocks; true when the last block is in. */
  const slice = (): boolean => {
    const until = performance.now() + sliceMs;
    do {
      if (steps.next().done) return true;
    } while (performance.now() < until);
    return false;
  };
  const finishedAtOnce = start.done === true || slice();
  const done = (async () => {
    let finished = finishedAtOnce;
    while (!finished) {
      await yieldToBrowser();
      if (cancelled) return false;
      finished = slice();
      options.onSlice?.();
    }
    return true;
  })();
  return { view, done, cancel: () => void (cancelled = true) };
}
