import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticle, generateCombiningMarks, generateQuoteDense } from '../../bench/gen';
import { parseArticle } from '../../core/article/parse';
import { PIECE_CHARS, isPacked, pack, unpack, unpackNow } from '../../core/packed';
import { buildPlan } from '../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../core/settings';

describe('packing big values in pieces', () => {
  it('unpacks to exactly the value packed, in one go or a slice at a time (any JSON-like object)', async () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(fc.record({ a: fc.array(json, { maxLength: 700 }), b: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 50 }), c: json }), async (v) => {
        const p = pack(v, ['a', 'b']);
        const plain = JSON.parse(JSON.stringify(v)) as unknown;
        expect(unpackNow(p)).toEqual(plain);
        expect(await unpack(p, { sliceMs: 0, yieldNow: () => Promise.resolve() })).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it('a 1 MB article and its plan: pieces near the size limit, the big arrays out of the head', () => {
    const model = parseArticle(generateArticle(1_000_000, 3));
    const plan = buildPlan(model, DEFAULT_SETTINGS, []);
    const pm = pack(model, ['blocks', 'sentences', 'quotes', 'speakers']);
    const pp = pack(plan, ['utterances']);
    expect(unpackNow(pm)).toEqual(model);
    expect(unpackNow(pp)).toEqual(plan);
    const pieces = [...Object.values(pm.pieces), ...Object.values(pp.pieces)].flat() as string[];
    expect(pieces.length).toBeGreaterThan(50);
    // A piece holds one element when that element alone is bigger; none here is.
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2 * PIECE_CHARS);
    expect(JSON.parse(pm.head)).toMatchObject({ blocks: [], sentences: [], quotes: [], speakers: [], text: model.text });
  });

  it('an element bigger than a piece gets a piece of its own', () => {
    const model = parseArticle(generateCombiningMarks(300_000));
    const p = pack(model, ['blocks']);
    expect(p.pieces.blocks!.some((piece) => piece.length > 300_000)).toBe(true);
    expect(unpackNow(p)).toEqual(model);
  });

  it('gives the event loop back between pieces when its slice is used up', async () => {
    const plan = buildPlan(parseArticle(generateQuoteDense(200_000, 2)), DEFAULT_SETTINGS, []);
    const p = pack(plan, ['utterances']);
    let clock = 0;
    let yields = 0;
    // Every piece "takes" 5 ms on this clock: with 8 ms slices, a yield every second piece.
    const value = await unpack(p, { sliceMs: 8, now: () => (clock += 5), yieldNow: async () => void yields++ });
    expect(value).toEqual(plan);
    expect(p.pieces.utterances!.length).toBeGreaterThan(4);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(p.pieces.utterances!.length / 2));
    // Without a yield function it never yields (a worker, the command line).
    expect(await unpack(p, { sliceMs: 0 })).toEqual(plan);
  });

  it('refuses a piece that is not an array, and tells packed values from others', () => {
    expect(() => unpackNow({ head: '{}', pieces: { a: ['{"x":1}'] } })).toThrow(/not an array/);
    expect(() => unpackNow({ head: '{}', pieces: { a: ['[1,'] } })).toThrow();
    expect(isPacked(pack({ a: [1] }, ['a']))).toBe(true);
    for (const x of [null, 'x', { head: 1, pieces: {} }, { head: '{}' }, { ok: true }]) expect(isPacked(x)).toBe(false);
  });
});
