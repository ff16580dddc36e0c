// squashSpaces skips the rebuild when a string is already squashed: it must still give exactly
// what `replace(/\s+/g, ' ').trim()` gives, for every kind of whitespace JavaScript knows.
import { describe, expect, it } from 'vitest';
import { pieceCount, squashSpaces } from '../../../core/article/spaces';

const reference = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('squashSpaces', () => {
  const cases = [
    '', ' ', 'plain words here', ' leading', 'trailing ', 'two  spaces', 'tab\there', 'line\nbreak', 'crlf\r\nend',
    'no\u00a0break', 'ideographic\u3000space', 'bom\ufeffinside', '\ufeffbom first', 'em\u2003space', 'line\u2028sep', 'nbsp at end\u00a0',
    '  \t\n ', 'a', 'a b c', 'Dr. Jane Doe, 42, said: "Hi."',
  ];
  for (const s of cases) {
    it(`squashes ${JSON.stringify(s)} as replace+trim does`, () => {
      expect(squashSpaces(s)).toBe(reference(s));
    });
  }
  it('returns an already squashed string itself', () => {
    const s = 'Nothing to change in this line.';
    expect(squashSpaces(s)).toBe(s);
  });
});

describe('pieceCount', () => {
  it("counts what split(' ') gives, and stops past its limit", () => {
    for (const s of ['', 'one', 'two words', ' lead', 'trail ', 'a  b', 'Dr. Jane Doe OBE', 'tab\tis no space']) {
      expect(pieceCount(s), JSON.stringify(s)).toBe(s.split(' ').length);
    }
    expect(pieceCount('a b c d e f g', 4)).toBe(5);
    expect(pieceCount('a b c', 4)).toBe(3);
  });
});
