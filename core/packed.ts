// Big values in pieces. A 1 MB article's model and plan are about 10 MB of objects; turning
// them into bytes and back in one go held a process for 150-400 ms (structured clone or
// JSON, measured on this project's 2-core machine), in every process they pass through.
// Packed, they travel as JSON text in pieces of at most ~64K characters: strings cost a copy
// (Electron's contextBridge passes them without one), and the receiver decodes one piece at
// a time, giving its event loop back between pieces.
import type { Packed } from './contract';

/** A piece's JSON is kept near this size; one element can make it larger. */
export const PIECE_CHARS = 64 * 1024;
const FIRST_COUNT = 256;
const MAX_COUNT = 8192;

/**
 * `value` as JSON, with each array named in `arrays` sent in pieces (JSON array texts of
 * consecutive elements) instead of inside the head.
 */
export function pack<T extends object, K extends keyof T & string>(value: T, arrays: readonly K[]): Packed<T> {
  const emptied: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const pieces: Record<string, string[]> = {};
  for (const key of arrays) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    emptied[key] = [];
    pieces[key] = packArray(list);
  }
  return { head: JSON.stringify(emptied), pieces } as Packed<T>;
}

function packArray(list: readonly unknown[]): string[] {
  const out: string[] = [];
  let count = FIRST_COUNT;
  let at = 0;
  while (at < list.length) {
    let n = Math.min(count, list.length - at);
    let json = JSON.stringify(list.slice(at, at + n));
    // Halve until the piece is small enough (or holds one element); grow again after small ones.
    while (json.length > 2 * PIECE_CHARS && n > 1) {
      n = Math.ceil(n / 2);
      json = JSON.stringify(list.slice(at, at + n));
    }
    out.push(json);
    at += n;
    count = json.length < PIECE_CHARS / 4 ? Math.min(MAX_COUNT, n * 2) : n;
  }
  return out;
}

export interface UnpackOptions {
  /** Give the event loop back when this many ms have passed since the last time (default 8). */
  sliceMs?: number;
  /** Resolves on a later turn of the event loop (setImmediate, a MessageChannel, scheduler.yield). */
  yieldNow?: () => Promise<void>;
  /** Clock in ms (performance.now where there is one). */
  now?: () => number;
}

/** The value `pack` packed, decoded piece by piece, yielding between pieces once a slice is used up. */
export async function unpack<T>(packed: Packed<T>, options: UnpackOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 8;
  const now = options.now ?? (() => Date.now());
  const steps = decode(packed);
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (options.yieldNow && now() - sliceStart >= sliceMs) {
      await options.yieldNow();
      sliceStart = now();
    }
  }
}

/** Decodes in one go: for callers with nothing else to do (tests, a worker). */
export function unpackNow<T>(packed: Packed<T>): T {
  const steps = decode(packed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** One piece per step. */
function* decode<T>(packed: Packed<T>): Generator<void, T> {
  const value = JSON.parse(packed.head) as Record<string, unknown>;
  for (const [key, pieces] of Object.entries(packed.pieces as Record<string, string[] | undefined>)) {
    if (!pieces) continue;
    const list: unknown[] = [];
    for (const piece of pieces) {
      yield;
      const part = JSON.parse(piece) as unknown;
      if (!Array.isArray(part)) throw new Error(`packed ${key} holds a piece that is not an array`);
      for (const x of part) list.push(x);
    }
    value[key] = list;
  }
  return value as T;
}

/** True for what `pack` returns (the page tells packed replies from plain ones by this). */
export function isPacked(x: unknown): x is Packed<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { head?: unknown }).head === 'string' && typeof (x as { pieces?: unknown }).pieces === 'object' && (x as { pieces?: unknown }).pieces !== null;
}
