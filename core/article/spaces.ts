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

/** Whether the code unit `c` is whitespace as /\s/ reads it (ECMAScript's WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text` from `from` to `to` without the whitespace at either end, as offsets in `text` (empty when it is all space). */
export function trimmedRange(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Words in `s`: its runs of non-space characters (`s.split(/\s+/).filter(Boolean).length`, counted without building them). */
export function wordCount(s: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
