import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ArticleModel } from '../../core/contract';
import { parseArticle } from '../../core/article/parse';

/** Larger files are refused with a message: no news article comes near it, and parsing stays interactive. */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

export type LoadResult =
  | { ok: true; name: string; model: ArticleModel; notices: string[] }
  | { ok: false; message: string };

export type DecodeResult =
  | { ok: true; text: string; format: 'text' | 'markdown'; notices: string[] }
  | { ok: false; message: string };

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Bytes of a file the user chose -> article text, or one clear reason why not. */
export function decodeArticleBytes(name: string, bytes: Uint8Array): DecodeResult {
  const shown = basename(name);
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, message: `${shown} is too large to read as an article (${mb(bytes.length)}; the limit is ${mb(MAX_ARTICLE_BYTES)}).` };
  }
  const notices: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) return { ok: false, message: `${shown} is not a text file (it contains binary data).` };
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    try {
      text = strict.decode(bytes);
    } catch {
      text = new TextDecoder('utf-8').decode(bytes);
      notices.push(`${shown} is not valid UTF-8; unreadable characters were replaced.`);
    }
  }
  if (looksBinaryText(text)) return { ok: false, message: `${shown} is not a text file (it contains binary data).` };
  if (text.trim() === '') return { ok: false, message: `${shown} is empty: there is no text to read.` };
  const format = MARKDOWN_EXTENSIONS.has(extname(name).toLowerCase()) ? 'markdown' : 'text';
  return { ok: true, text, format, notices };
}

/** A NUL byte, or many control bytes, in the first 8 KB: nobody writes articles like that. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** After decoding (a UTF-16 mark can front anything): control characters or undecodable bytes throughout. */
function looksBinaryText(text: string): boolean {
  const head = text.slice(0, 8192);
  let odd = 0;
  for (const ch of head) if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(ch)) odd++;
  return head.length > 0 && odd / head.length > 0.1;
}

export function loadArticleBytes(name: string, bytes: Uint8Array): LoadResult {
  const decoded = decodeArticleBytes(name, bytes);
  if (!decoded.ok) return decoded;
  const model = parseArticle(decoded.text, { format: decoded.format });
  return { ok: true, name: basename(name), model, notices: decoded.notices };
}

export async function loadArticleFile(path: string): Promise<LoadResult> {
  const shown = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${shown} is not a file.` };
    if (info.size > MAX_ARTICLE_BYTES) {
      return { ok: false, message: `${shown} is too large to read as an article (${mb(info.size)}; the limit is ${mb(MAX_ARTICLE_BYTES)}).` };
    }
    return loadArticleBytes(path, await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `Cannot read ${shown}: ${why}.` };
  }
}
