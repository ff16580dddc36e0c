// squashSpaces skips the rebuild when a string is already squashed: it must still give exactly
// what `replace(/\s+/g, ' ').trim()` gives, for every kind of whitespace JavaScript knows.
import { describe, expect, it } from 'vitest';
import { squashSpaces } from '../../../core/article/spaces';

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
