// The narration scan finds capitalised words with a plain pre-scan (MAY_START_CAPITAL) and the Unicode pattern
// only where that pre-scan stops. These check the premise (every capital letter starts at a code unit the
// pre-scan stops at) and that the two-step scan finds exactly what the Unicode pattern alone finds.
import { describe, expect, it } from 'vitest';
import { CAPITALISED, MAY_START_CAPITAL, nextCapitalised } from '../../../core/article/parse';

/** Seeded, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const single = new RegExp(MAY_START_CAPITAL.source);
const matches = (text: string, scan: (from: number) => RegExpExecArray | null) => {
  const out: [number, string][] = [];
  for (let m = scan(0); m; m = scan(m.index + m[0].length)) out.push([m.index, m[0]]);
  return out;
};
const unicodeScan = (text: string) => matches(text, (from) => {
  CAPITALISED.lastIndex = from;
  return CAPITALISED.exec(text);
});
const twoStepScan = (text: string) => matches(text, (from) => nextCapitalised(text, from));

describe('capitalised words in narration', () => {
  it('pre-scans every code unit a capital letter can start at', () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (/^\p{Lu}$/u.test(ch) && !single.test(ch[0]!)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('finds the same words as the Unicode pattern alone', () => {
    const examples = [
      'Mr. Ada Marsh met McDonald and O’Brien in Zürich; “Hello,” said Élodie.',
      'The U.S. Sen. Jo-Ann Pike’s aide, ÇAĞLA, and 𝐁old 𝐂apitals — ＦＵＬＬ width — Ωmega.',
      "l'Hôpital, d’Artagnan, x-Ray, 'Quoted' and ‘Curly’ … ends with A",
    ];
    for (const text of examples) expect(twoStepScan(text), text).toEqual(unicodeScan(text));
  });

  it('finds the same words in random text of letters, marks, quotes, surrogates and punctuation', () => {
    const pieces = [...'aZ éÉ ñÑ ßẞ ΩωЖж .-\'’‘“”—–…\u0301\u00a0\t\n', '𝐁', '𝐛', '\ud835', '\udc01', 'Mc', 'Dr.', ' '];
    const next = random(11);
    for (let n = 0; n < 500; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(twoStepScan(text), JSON.stringify(text)).toEqual(unicodeScan(text));
    }
  });
});
