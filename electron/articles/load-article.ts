import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ArticleModel } from '../../core/contract';
import { parseBlocks, rawBlocksOf, textOfBlocks } from '../../core/article/parse';
import type { RawBlock } from '../../core/article/blocks';
import { extractArticle } from './extract-page';
import { fetchPage, isWebAddress, linkName } from './fetch-page';
import { decodePage } from './page-charset';
import { MAX_ARTICLE_BYTES, tooLargeMessage } from '../../core/article/size-limit';

export type LoadResult =
  | { ok: true; name: string; model: ArticleModel; notices: string[] }
  | { ok: false; message: string };

export type DecodeResult =
  | { ok: true; text: string; format: 'text' | 'markdown'; notices: string[] }
  | { ok: false; message: string };

/**
 * Blocks -> article model: parseBlocks, or the parse worker's, which first sends the opening
 * part of a big article to be shown (core/article/preview.ts).
 */
export type ParseBlocks = (raw: readonly RawBlock[], format: ArticleModel['format']) => ArticleModel;

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml']);

/** How bytes from elsewhere than a named file should be read (a fetched page says what it is). */
export interface PageHint {
  format?: 'html' | 'text' | 'markdown';
  /** The HTTP Content-Type, for its charset. */
  contentType?: string;
}

/** A saved web page, whatever its extension: the markup is never read aloud. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const head = Buffer.from(bytes.subarray(start, start + 1024)).toString('latin1').replace(/^\s+/, '').replace(/^(?:<!--[\s\S]*?-->\s*)+/, '').toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'));
}

/** Bytes of a file the user chose -> article text, or one clear reason why not. */
export function decodeArticleBytes(name: string, bytes: Uint8Array, hint: PageHint = {}): DecodeResult {
  const shown = basename(name);
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, message: tooLargeMessage(shown, bytes.length) };
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
  const format = hint.format === 'markdown' || (!hint.format && MARKDOWN_EXTENSIONS.has(extname(name).toLowerCase())) ? 'markdown' : 'text';
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

export function loadArticleBytes(name: string, bytes: Uint8Array, hint: PageHint = {}, parse: ParseBlocks = parseBlocks): LoadResult {
  const shown = basename(name);
  const page = hint.format === 'html' || (!hint.format && (PAGE_EXTENSIONS.has(extname(name).toLowerCase()) || looksLikeHtml(bytes)));
  if (page) return loadPageBytes(shown, bytes, hint.contentType, parse);
  const decoded = decodeArticleBytes(name, bytes, hint);
  if (!decoded.ok) return decoded;
  const model = parse(rawBlocksOf(decoded.text, decoded.format), decoded.format);
  return { ok: true, name: shown, model, notices: decoded.notices };
}

/** A saved or fetched web page: its own character set, then the article extracted from it. */
function loadPageBytes(shown: string, bytes: Uint8Array, contentType: string | undefined, parse: ParseBlocks): LoadResult {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, message: tooLargeMessage(shown, bytes.length) };
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) return { ok: false, message: `${shown} is not a web page (it contains binary data).` };
  return loadHtml(shown, decodePage(bytes, contentType).text, false, parse);
}

/** HTML text (a page, or pasted HTML) -> the article in it. */
export function loadHtml(shown: string, html: string, fragment: boolean, parse: ParseBlocks = parseBlocks): LoadResult {
  const extracted = extractHtml(shown, html, fragment);
  if (!extracted.ok) return extracted;
  return { ok: true, name: shown, model: parse(extracted.blocks, 'html'), notices: extracted.notices };
}

function extractHtml(shown: string, html: string, fragment: boolean): { ok: true; blocks: RawBlock[]; notices: string[] } | { ok: false; message: string } {
  if (html.trim() === '') return { ok: false, message: `${shown} is empty: there is no text to read.` };
  const extracted = extractArticle(html, { fragment });
  if (!extracted.ok) return { ok: false, message: extracted.message };
  return { ok: true, blocks: extracted.blocks, notices: extracted.notices };
}

/** Pasted content: its HTML when that holds the article, else its plain text. */
export function loadPasted(html: string | null, text: string | null, parse: ParseBlocks = parseBlocks): LoadResult {
  const plain = text && text.trim() ? text : null;
  const shown = 'Pasted article';
  if (html && html.trim()) {
    const fromHtml = extractHtml(shown, html, true);
    // Extraction that kept far less than the plain text has (it judged most of it furniture) loses the article: read the text.
    const kept = fromHtml.ok ? textOfBlocks(fromHtml.blocks).length : 0;
    if (fromHtml.ok && (!plain || kept >= 0.3 * plain.replace(/\s+/g, ' ').length)) return { ok: true, name: shown, model: parse(fromHtml.blocks, 'html'), notices: fromHtml.notices };
    if (!fromHtml.ok && !plain) return fromHtml;
  }
  if (!plain) return { ok: false, message: 'The clipboard holds no text to read. Copy an article (or its link), then paste it.' };
  return { ok: true, name: shown, model: parse(rawBlocksOf(plain, 'text'), 'text'), notices: [] };
}

export async function loadArticleFile(path: string, parse: ParseBlocks = parseBlocks): Promise<LoadResult> {
  const shown = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${shown} is not a file.` };
    if (info.size > MAX_ARTICLE_BYTES) {
      return { ok: false, message: tooLargeMessage(shown, info.size) };
    }
    return loadArticleBytes(path, await readFile(path), {}, parse);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `Cannot read ${shown}: ${why}.` };
  }
}

/** The command line's FILE argument: a path, or an http(s) address fetched like "Open link…". */
export async function loadArticleSource(arg: string): Promise<LoadResult> {
  if (!isWebAddress(arg)) return loadArticleFile(arg);
  const fetched = await fetchPage(arg);
  if (!fetched.ok) return fetched;
  return loadArticleBytes(linkName(fetched.url), fetched.bytes, { format: fetched.format, contentType: fetched.contentType });
}
