// Checks for values that cross from the renderer (IPC or the test harness's HTTP). Each
// throws PayloadError so the caller can answer "bad request" without leaking internals.

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
export const MAX_NAME_LENGTH = 255;

export class PayloadError extends Error {
  override name = 'PayloadError';
}

export function docIdArg(v: unknown): string {
  if (typeof v !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(v)) throw new PayloadError('docId must be a document id string');
  return v;
}

export function nullableDocIdArg(v: unknown): string | null {
  return v === null ? null : docIdArg(v);
}

export function indexArg(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new PayloadError('utterance must be a non-negative integer');
  return v;
}

export function shortStringArg(v: unknown, what: string, max = MAX_NAME_LENGTH): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max || /[\0]/.test(v)) throw new PayloadError(`${what} must be a string of 1-${max} characters`);
  return v;
}

export function bytesArg(v: unknown): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new PayloadError('bytes must be a Uint8Array');
  if (v.byteLength > MAX_ARTICLE_BYTES) throw new PayloadError(`the file is larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`);
  return v;
}

export function plainObjectArg(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) throw new PayloadError(`${what} must be an object`);
  return v as Record<string, unknown>;
}

/** Only the last path segment: a dropped file's name is for display, never a path. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_NAME_LENGTH) || 'Dropped article';
}

/** Pasted HTML or text: at most this many characters each. */
export const MAX_PASTE_CHARS = 8 * 1024 * 1024;

/** A long text payload (pasted HTML or text), or null. */
export function nullableTextArg(v: unknown, what: string, max = MAX_PASTE_CHARS): string | null {
  if (v === null) return null;
  if (typeof v !== 'string') throw new PayloadError(`${what} must be a string or null`);
  if (v.length > max) throw new PayloadError(`${what} is larger than ${Math.round(max / 1024 / 1024)} MB`);
  return v;
}
