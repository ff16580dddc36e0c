// Bytes of a web page -> text, in the page's own character set: a byte-order mark first, then
// the HTTP header's charset, then <meta charset> / <meta http-equiv="Content-Type"> near the
// top, else UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers assume for
// an unlabelled English page). Node's own TextDecoder treats "windows-1252" as Latin-1 (curly
// quotes become control characters), so legacy charsets go through iconv-lite.
import iconv from 'iconv-lite';

export interface DecodedPage {
  text: string;
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'header' | 'meta' | 'sniffed';
}

/** The WHATWG Encoding Standard maps these labels to windows-1252. */
const WINDOWS_1252_LABELS = new Set(['ascii', 'us-ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'cp1252', 'windows-1252', 'x-cp1252', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8']);

/** A charset label -> the name we decode with, or null when unknown (then it is ignored). */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (WINDOWS_1252_LABELS.has(l)) return 'windows-1252';
  // A page cannot declare itself UTF-16 in a <meta>: that label means UTF-8 there (HTML spec).
  if (l.startsWith('utf-16')) return l.includes('be') ? 'utf-16be' : 'utf-16le';
  return /^[a-z0-9._:-]{1,40}$/.test(l) && iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2]! : null;
}

/** <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x"> in the first 4 KB (ASCII-compatible bytes). */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, { stripBOM: true });
}

export function decodePage(bytes: Uint8Array, headerContentType?: string | null): DecodedPage {
  const bom = bomCharset(bytes);
  if (bom) return { text: decodeAs(bytes, bom).replace(/^\uFEFF/, ''), charset: bom, source: 'bom' };
  const header = normalizeCharset(charsetFromContentType(headerContentType));
  if (header) return { text: decodeAs(bytes, header), charset: header, source: 'header' };
  let meta = normalizeCharset(charsetFromMeta(bytes));
  if (meta?.startsWith('utf-16')) meta = 'utf-8';
  if (meta) return { text: decodeAs(bytes, meta), charset: meta, source: 'meta' };
  const sniffed = isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
  return { text: decodeAs(bytes, sniffed), charset: sniffed, source: 'sniffed' };
}
