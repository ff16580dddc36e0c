// Text into the page, guarded against one pathological case: a long run of zero-width
// characters (combining marks, format characters) stacks on one spot, and Chromium's line
// layout of such a run grows with its square: 32,000 Arabic or Hebrew marks took 13 s, 200 KB
// would take minutes. Such a run shows its first MAX_SHOWN characters; the rest stays in the
// DOM, hidden (it draws nothing readable: marks stacked hundreds high over one letter).
import type { TextMap } from './text-map';

const MAX_SHOWN = 32;
const LONG_RUN = new RegExp(`[\\p{Mn}\\p{Me}\\p{Cf}]{${MAX_SHOWN + 1},}`, 'gu');

/** Appends model text [start, start + text.length) to `parent`, recording each text node in `map`. */
export function appendText(parent: HTMLElement, map: TextMap, text: string, start: number): void {
  let at = 0;
  for (const run of text.matchAll(LONG_RUN)) {
    const shownEnd = run.index + codeUnits(run[0], MAX_SHOWN);
    add(parent, map, text.slice(at, shownEnd), start + at);
    const hidden = document.createElement('span');
    hidden.className = 'excess-marks';
    hidden.hidden = true;
    parent.append(hidden);
    add(hidden, map, text.slice(shownEnd, run.index + run[0].length), start + shownEnd);
    at = run.index + run[0].length;
  }
  add(parent, map, text.slice(at), start + at);
}

function add(parent: HTMLElement, map: TextMap, text: string, start: number): void {
  if (!text) return;
  const node = document.createTextNode(text);
  parent.append(node);
  map.add(node, start);
}

/** UTF-16 length of the first `n` code points of `s`. */
function codeUnits(s: string, n: number): number {
  let units = 0;
  for (const ch of s) {
    if (n-- === 0) break;
    units += ch.length;
  }
  return units;
}
