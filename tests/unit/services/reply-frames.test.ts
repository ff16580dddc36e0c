// The harness's reply framing: long strings leave the JSON and travel as raw UTF-8 frames.
import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrames } from '../../../harness/reply-frames';

const join = (frames: Uint8Array[]) => {
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of frames) {
    out.set(f, at);
    at += f.length;
  }
  return out;
};

describe('reply frames', () => {
  it('round-trips a reply whose long strings hold JSON, quotes, backslashes and non-Latin text', async () => {
    const long = (s: string) => s.repeat(Math.ceil(20_000 / s.length));
    const value = {
      ok: true,
      article: { docId: 'd', model: { head: long('{"text":"“Quoted” \\\\ $(x) <b>'), pieces: { blocks: [long('[{"a":"é漢字🙂"}]'), 'short'] } } },
      n: [1, null, 'x'],
    };
    const frames = encodeFrames(value);
    expect(frames).not.toBeNull();
    expect(frames!.length).toBe(2 * 3); // head + two long strings, each with its length
    expect(await decodeFrames(join(frames!))).toEqual(value);
    let yields = 0;
    expect(await decodeFrames(join(frames!), async () => void yields++)).toEqual(value);
  });

  it('sends plain JSON when nothing is long, and refuses a cut-short body', async () => {
    expect(encodeFrames({ ok: true, text: 'short' })).toBeNull();
    const body = join(encodeFrames({ s: 'x'.repeat(50_000) })!);
    await expect(decodeFrames(body.subarray(0, body.length - 10))).rejects.toThrow(/cut short/);
  });
});
