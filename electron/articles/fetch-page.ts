// "Open link…": fetches one web page, and only the page (no images, scripts or styles), with
// Node's fetch. http and https only, checked again at every redirect; a few redirects at
// most; a size limit enforced while reading (after decompression) and a time limit for the
// whole exchange; no cookies and no credentials. Every failure is one sentence a listener
// can act on. A redirect never leads from a public page into this computer or its network.
import { redirectRefusal } from './private-address';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export const FETCH_LIMITS: Readonly<FetchLimits> = Object.freeze({ maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 });

export type PageFormat = 'html' | 'text' | 'markdown';

export type FetchResult =
  | { ok: true; url: string; bytes: Uint8Array; contentType: string; format: PageFormat }
  | { ok: false; message: string };

export type LinkCheck = { ok: true; url: URL } | { ok: false; message: string };

const MAX_LINK_LENGTH = 4096;
/** What a browser would send; some sites refuse requests that name no browser at all. */
const HEADERS = {
  Accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1',
  'Accept-Language': 'en-GB,en;q=0.9',
  'User-Agent': 'Mozilla/5.0 (compatible; ArticleReader/0.1; +accessible article reader)',
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/** A link as typed, pasted or dropped -> an http(s) URL, or why not. "www.bbc.co.uk/news" gets https://. */
export function checkLink(input: string): LinkCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Type or paste the address of a web page.' };
  if (text.length > MAX_LINK_LENGTH) return { ok: false, message: 'That address is too long to be a web page address.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+:\d+(?:\/|$)/.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${text.slice(0, 80)}" is not a web address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Only web pages (http and https addresses) can be opened, not ${url.protocol.replace(/:$/, '')} links.` };
  }
  if (url.username || url.password) return { ok: false, message: 'Addresses with a user name or password in them are not opened: no credentials are ever sent.' };
  if (!url.hostname) return { ok: false, message: `"${text.slice(0, 80)}" is not a web address.` };
  url.hash = '';
  return { ok: true, url };
}

/** True when a command-line argument or dropped text is a web address rather than a file. */
export function isWebAddress(arg: string): boolean {
  return /^https?:\/\//i.test(arg.trim());
}

/** A short name for the article list and the window: host and path. */
export function linkName(url: string): string {
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname).replace(/\/$/, '');
    const name = `${u.hostname.replace(/^www\./, '')}${path}`;
    return name.length > 80 ? `${name.slice(0, 77)}…` : name;
  } catch {
    return url.slice(0, 80);
  }
}

function formatOf(contentType: string, head: Uint8Array): PageFormat | { refused: string } {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'text/plain') return 'text';
  if (mime === 'text/markdown' || mime === 'text/x-markdown') return 'markdown';
  if (mime === 'application/pdf') return { refused: 'This link is a PDF document, not a web page. Article Reader reads web pages, text and Markdown; save the PDF’s text as a file to read it.' };
  if (mime.startsWith('image/')) return { refused: 'This link is a picture, not a web page: there is no article text to read.' };
  if (mime.startsWith('audio/') || mime.startsWith('video/')) return { refused: 'This link is a sound or video file, not a web page: there is no article text to read.' };
  if (mime === '' || mime === 'application/octet-stream') {
    // No type given: look at the bytes, as a browser would.
    const start = Buffer.from(head.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
    if (start.startsWith('%pdf')) return formatOf('application/pdf', head);
    if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body')) return 'html';
    if (mime === '') return 'text';
  }
  return { refused: `This link is not a web page (the site says it is ${mime || 'of unknown type'}): there is no article text to read.` };
}

function statusMessage(status: number, host: string): string {
  if (status === 404 || status === 410) return `The page was not found on ${host} (error ${status}). Check the address.`;
  if (status === 401 || status === 403) return `${host} refused to show this page (error ${status}); it may need you to sign in, which Article Reader does not do.`;
  if (status === 429) return `${host} is turning away requests just now (error 429). Try again in a few minutes.`;
  if (status >= 500) return `${host} had a problem and could not send the page (error ${status}). Try again later.`;
  return `${host} did not send the page (error ${status}).`;
}

const STALE_CONNECTION = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);
const errorCode = (error: unknown): string => (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code ?? '';

function networkMessage(error: unknown, host: string, timeoutMs: number, timedOut: boolean): string {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  if (timedOut) return `${host} took longer than ${seconds} second${seconds === 1 ? '' : 's'} to send the page, so it was stopped. Try again later.`;
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Could not find ${host}. Check the address and your internet connection.`;
  if (code === 'ECONNREFUSED') return `${host} did not accept the connection. Check the address, or try again later.`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `The connection to ${host} was cut off. Try again.`;
  if (/CERT|SSL|TLS/i.test(code)) return `${host}'s security certificate could not be verified, so the page was not opened.`;
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return `Could not reach ${host}: there seems to be no internet connection.`;
  return `Could not reach ${host}${code ? ` (${code})` : ''}. Check the address and your internet connection.`;
}

export async function fetchPage(input: string, limits: FetchLimits = FETCH_LIMITS): Promise<FetchResult> {
  const checked = checkLink(input);
  if (!checked.ok) return checked;
  let url = checked.url;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let res: Response;
      const request = () => fetch(url, { redirect: 'manual', signal: controller.signal, headers: HEADERS, credentials: 'omit', referrerPolicy: 'no-referrer' });
      try {
        res = await request().catch((e: unknown) => {
          // A kept-alive connection the server closed just as it was reused: a GET is safe to send once more.
          if (!timedOut && STALE_CONNECTION.has(errorCode(e))) return request();
          throw e;
        });
      } catch (e) {
        return { ok: false, message: networkMessage(e, url.hostname, limits.timeoutMs, timedOut) };
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel().catch(() => undefined);
        if (!location) return { ok: false, message: `${url.hostname} sent a redirect without saying where to.` };
        if (hop >= limits.maxRedirects) return { ok: false, message: `${url.hostname} redirected more than ${limits.maxRedirects} times, so the page was not opened.` };
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return { ok: false, message: `${url.hostname} redirected to an address that is not valid.` };
        }
        const hopCheck = checkLink(next.href);
        if (!hopCheck.ok) return { ok: false, message: `${url.hostname} redirected to an address that is not opened: ${hopCheck.message}` };
        const refusal = await redirectRefusal(url, hopCheck.url);
        if (refusal) return { ok: false, message: refusal };
        url = hopCheck.url;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, message: statusMessage(res.status, url.hostname) };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, message: `The page is too large to read (${mb(declared)}; the limit is ${mb(limits.maxBytes)}).` };
      }
      const contentType = res.headers.get('content-type') ?? '';
      const declaredFormat = /^\s*(?:application\/octet-stream)?\s*(?:;|$)/i.test(contentType) ? null : formatOf(contentType, new Uint8Array(0));
      if (declaredFormat !== null && typeof declaredFormat !== 'string') {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, message: declaredFormat.refused };
      }
      const bytes = await readLimited(res, limits.maxBytes);
      if (!bytes) return { ok: false, message: `The page is too large to read (more than ${mb(limits.maxBytes)}).` };
      const format = formatOf(contentType, bytes);
      if (typeof format !== 'string') return { ok: false, message: format.refused };
      if (bytes.length === 0) return { ok: false, message: `${url.hostname} sent an empty page: there is no text to read.` };
      return { ok: true, url: url.href, bytes, contentType, format };
    }
  } catch (e) {
    return { ok: false, message: networkMessage(e, url.hostname, limits.timeoutMs, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body, or null once it passes `max` bytes (reading stops there). */
async function readLimited(res: Response, max: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
