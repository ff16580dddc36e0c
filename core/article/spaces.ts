/** Whitespace that squashing would change: any but a single space, two in a row, or space at either end. */
const ODD_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * Runs of whitespace as one space, trimmed: `s.replace(/\s+/g, ' ').trim()`, but a string that is
 * already squashed (most lines are) is returned as it is, without building a new one.
 */
export const squashSpaces = (s: string): string => (ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s);

/** `s.split(' ').length`, counted without building the pieces; counting stops once past `limit`. */
export function pieceCount(s: string, limit = Infinity): number {
  let count = 1;
  for (let at = s.indexOf(' '); at >= 0 && count <= limit; at = s.indexOf(' ', at + 1)) count++;
  return count;
}

/** Words in `s`: its runs of non-space characters. */
export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;
