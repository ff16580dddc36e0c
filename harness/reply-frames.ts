// How the harness sends a reply that holds long strings (a packed article: megabytes of JSON
// text in pieces, see core/packed.ts). Inside an ordinary JSON body every quote mark in those
// pieces would be escaped on the server and unescaped in the page, in one long task each. In
// frames, each long string travels as its own UTF-8 bytes:
//   [u32le length][head JSON] then [u32le length][UTF-8 string] per long string,
// where the head holds {"$frame": n} in place of the n-th long string.
// Used by harness/server.ts (encode) and harness/client/bridge.ts (decode).

export const FRAMES_TYPE = 'application/x-reader-frames';
/** Strings at least this long travel as frames. */
const FRAME_CHARS = 16 * 1024;

/** The reply as frames, or null when it has no long string (then plain JSON does). */
export function encodeFrames(value: unknown): Uint8Array[] | null {
  const strings: string[] = [];
  const head = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length >= FRAME_CHARS ? { $frame: strings.push(v) - 1 } : v));
  if (strings.length === 0) return null;
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  for (const s of [head ?? 'null', ...strings]) {
    const bytes = encoder.encode(s);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length, true);
    out.push(length, bytes);
  }
  return out;
}

/** Decodes a framed reply; with `yieldNow`, gives the event loop back every few ms (a 1 MB article is ~10 MB of frames). */
export async function decodeFrames(body: Uint8Array, yieldNow?: () => Promise<void>): Promise<unknown> {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let sliceStart = Date.now();
  for (let at = 0; at < body.length; ) {
    if (at + 4 > body.length) throw new Error('a reply frame is cut short');
    const length = view.getUint32(at, true);
    if (at + 4 + length > body.length) throw new Error('a reply frame is cut short');
    parts.push(decoder.decode(body.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
    if (yieldNow && Date.now() - sliceStart >= 8) {
      await yieldNow();
      sliceStart = Date.now();
    }
  }
  const [head, ...strings] = parts;
  if (head === undefined) throw new Error('an empty reply');
  return JSON.parse(head, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && '$frame' in v && Object.keys(v).length === 1) {
      const s = strings[(v as { $frame: number }).$frame];
      if (typeof s !== 'string') throw new Error('a reply names a frame it does not hold');
      return s;
    }
    return v;
  });
}
