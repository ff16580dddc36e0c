// "Open link…" against a local server on 127.0.0.1 (a dynamic port per run): redirects, 404,
// too large, too slow, wrong content types, a windows-1252 page; no cookies or credentials are
// sent, and opening a page fetches that page and nothing else.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, fetchPage, FETCH_LIMITS, linkName } from '../../../electron/articles/fetch-page';
import { loadArticleSource } from '../../../electron/articles/load-article';
import { runCli } from '../../../electron/cli/main';
import { createDirectLoader } from '../../../electron/services/direct-loader';
import { ReaderService } from '../../../electron/services/reader-service';
import { fakeDialogs, fakeSpeech } from '../services/fakes';

const ARTICLE = `<!doctype html><html><head><title>Harbour wall repaired | Example</title>
  <link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head>
  <body><nav><a href="/">Home</a></nav><article><h1>Harbour wall repaired</h1>
  <p>The harbour wall in Porthcove has been repaired after winter storms left a 20-metre gap in it.</p>
  <img src="/photo.jpg" alt=""><p>"It took us four months, but it will last fifty years," said engineer Tom Pascoe.</p>
  <p>Fishing boats will return to the harbour next week, the council said on Monday.</p></article></body></html>`;
// “Café” in windows-1252, declared only in the HTTP header.
const W1252 = Buffer.concat([Buffer.from('<html><body><article><h1>Caf'), Buffer.from([0xe9]), Buffer.from(' reopens</h1><p>'), Buffer.from([0x93]),
  Buffer.from('We missed it,'), Buffer.from([0x94]), Buffer.from(' said a regular who has been coming to the caf'), Buffer.from([0xe9]), Buffer.from(' for twenty years.</p><p>It reopened on Monday morning after a long refit that took most of the summer.</p></article></body></html>')]);

let server: Server;
let base = '';
const seen: { url: string; cookie?: string; authorization?: string }[] = [];
const slow = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  seen.push({ url: req.url ?? '', cookie: req.headers.cookie, authorization: req.headers.authorization });
  const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
    res.writeHead(200, { 'Content-Type': type });
    res.end(body);
  };
  switch (req.url) {
    case '/article': return html(ARTICLE);
    case '/cookie-redirect':
      res.writeHead(302, { Location: '/article', 'Set-Cookie': 'session=secret; Path=/' });
      return void res.end();
    case '/r1': res.writeHead(301, { Location: `${base}/r2` }); return void res.end();
    case '/r2': res.writeHead(307, { Location: '/article' }); return void res.end();
    case '/loop': res.writeHead(302, { Location: '/loop' }); return void res.end();
    case '/to-file': res.writeHead(302, { Location: 'file:///etc/passwd' }); return void res.end();
    case '/to-javascript': res.writeHead(302, { Location: 'javascript:alert(1)' }); return void res.end();
    case '/missing': res.writeHead(404, { 'Content-Type': 'text/html' }); return void res.end('<h1>Not found</h1>');
    case '/error': res.writeHead(503); return void res.end();
    case '/pdf': return html(Buffer.from('%PDF-1.7\n...'), 'application/pdf');
    case '/image': return html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
    case '/zip': return html(Buffer.from('PK'), 'application/zip');
    case '/untyped-pdf': res.writeHead(200); return void res.end('%PDF-1.7\n...');
    case '/declared-huge':
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(FETCH_LIMITS.maxBytes + 1) });
      return void res.end();
    case '/streamed-huge': {
      res.writeHead(200, { 'Content-Type': 'text/html' }); // chunked: no length up front
      const chunk = Buffer.alloc(256 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent <= FETCH_LIMITS.maxBytes + chunk.length) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      return pump();
    }
    case '/slow':
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body><p>Starting');
      slow.add(res); // never finishes
      return;
    case '/w1252': return html(W1252, 'text/html; charset=windows-1252');
    case '/plain': return html('Headline of a plain text page\n\nThe first paragraph of the text, which is the article.', 'text/plain; charset=utf-8');
    default: res.writeHead(404); res.end();
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const r of slow) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

describe('checking a link before fetching it', () => {
  it('accepts http and https, adds https:// to a bare address, refuses other schemes and credentials', () => {
    expect(checkLink('https://example.com/a#top')).toMatchObject({ ok: true });
    expect(checkLink('www.bbc.co.uk/news/x').ok && (checkLink('www.bbc.co.uk/news/x') as { url: URL }).url.href).toBe('https://www.bbc.co.uk/news/x');
    expect(checkLink('file:///etc/passwd')).toEqual({ ok: false, message: 'Only web pages (http and https addresses) can be opened, not file links.' });
    expect(checkLink('javascript:alert(1)').ok).toBe(false);
    expect(checkLink('https://user:pw@example.com/')).toEqual({ ok: false, message: 'Addresses with a user name or password in them are not opened: no credentials are ever sent.' });
    expect(checkLink('  ')).toEqual({ ok: false, message: 'Type or paste the address of a web page.' });
    expect(linkName('https://www.example.com/news/story-1/')).toBe('example.com/news/story-1');
  });
});

describe('fetching a page', () => {
  it('follows redirects (checking each hop) and returns the page', async () => {
    const r = await fetchPage(`${base}/r1`);
    expect(r.ok && r.url).toBe(`${base}/article`);
    expect(r.ok && r.format).toBe('html');
  });

  it('sends no cookie a redirect set, and no credentials', async () => {
    seen.length = 0;
    expect((await fetchPage(`${base}/cookie-redirect`)).ok).toBe(true);
    expect(seen.map((s) => s.url)).toEqual(['/cookie-redirect', '/article']);
    expect(seen.every((s) => s.cookie === undefined && s.authorization === undefined)).toBe(true);
  });

  it('stops at too many redirects, and at a redirect to another scheme', async () => {
    expect(await fetchPage(`${base}/loop`)).toEqual({ ok: false, message: `127.0.0.1 redirected more than ${FETCH_LIMITS.maxRedirects} times, so the page was not opened.` });
    expect(await fetchPage(`${base}/to-file`)).toEqual({ ok: false, message: '127.0.0.1 redirected to an address that is not opened: Only web pages (http and https addresses) can be opened, not file links.' });
    expect((await fetchPage(`${base}/to-javascript`)).ok).toBe(false);
  });

  it('says a missing page was not found, and a failing site failed', async () => {
    expect(await fetchPage(`${base}/missing`)).toEqual({ ok: false, message: 'The page was not found on 127.0.0.1 (error 404). Check the address.' });
    expect(await fetchPage(`${base}/error`)).toEqual({ ok: false, message: '127.0.0.1 had a problem and could not send the page (error 503). Try again later.' });
  });

  it('refuses a PDF, a picture and other files with one clear message each', async () => {
    expect(await fetchPage(`${base}/pdf`)).toEqual({ ok: false, message: 'This link is a PDF document, not a web page. Article Reader reads web pages, text and Markdown; save the PDF’s text as a file to read it.' });
    expect(await fetchPage(`${base}/untyped-pdf`)).toMatchObject({ ok: false, message: expect.stringMatching(/^This link is a PDF document/) });
    expect(await fetchPage(`${base}/image`)).toEqual({ ok: false, message: 'This link is a picture, not a web page: there is no article text to read.' });
    expect(await fetchPage(`${base}/zip`)).toEqual({ ok: false, message: 'This link is not a web page (the site says it is application/zip): there is no article text to read.' });
  });

  it('refuses a page larger than the limit, whether it says so up front or not', async () => {
    expect(await fetchPage(`${base}/declared-huge`)).toEqual({ ok: false, message: 'The page is too large to read (10.0 MB; the limit is 10.0 MB).' });
    expect(await fetchPage(`${base}/streamed-huge`)).toEqual({ ok: false, message: 'The page is too large to read (more than 10.0 MB).' });
  });

  it('gives up on a page that never finishes arriving', async () => {
    const r = await fetchPage(`${base}/slow`, { ...FETCH_LIMITS, timeoutMs: 300 });
    expect(r).toEqual({ ok: false, message: '127.0.0.1 took longer than 1 second to send the page, so it was stopped. Try again later.' });
  });

  it('says when nothing answers at the address', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    expect(await fetchPage(`http://127.0.0.1:${port}/`)).toEqual({ ok: false, message: '127.0.0.1 did not accept the connection. Check the address, or try again later.' });
  });
});

describe('opening a link end to end (command line and service)', () => {
  it('reads a windows-1252 page by the charset in its header', async () => {
    const r = await loadArticleSource(`${base}/w1252`);
    expect(r.ok && r.model.title).toBe('Café reopens');
    expect(r.ok && r.model.blocks[1]!.text).toBe('“We missed it,” said a regular who has been coming to the café for twenty years.');
  });

  it('parse --json URL prints the page\'s article; a failing link exits 1 with its message', async () => {
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), isTTY: false };
    expect(await runCli(['parse', '--json', `${base}/article`], io)).toBe(0);
    const parsed = JSON.parse(out) as { title: string; quotes: { text: string }[] };
    expect(parsed.title).toBe('Harbour wall repaired');
    expect(parsed.quotes[0]!.text).toBe('It took us four months, but it will last fifty years,');
    expect(await runCli(['parse', '--json', `${base}/pdf`], io)).toBe(1);
    expect(err).toMatch(/^error: This link is a PDF document/);
  });

  it('opens a URL given on the command line at start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-link-argv-'));
    const service = await ReaderService.create({ userDataDir: dir, contentDir: join(dir, 'none'), initialPath: `${base}/r1`, loader: createDirectLoader(), speech: fakeSpeech(), dialogs: fakeDialogs() });
    try {
      const r = await service.openInitial();
      expect(r.ok && r.article.model.title).toBe('Harbour wall repaired');
    } finally {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a plain-text page as text', async () => {
    const r = await loadArticleSource(`${base}/plain`);
    expect(r.ok && r.model.format).toBe('text');
    expect(r.ok && r.model.title).toBe('Headline of a plain text page');
  });

  it('fetches the page itself and nothing it refers to, lists it as recent and reopens it offline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-link-'));
    const make = () => ReaderService.create({ userDataDir: dir, contentDir: join(dir, 'none'), loader: createDirectLoader(), speech: fakeSpeech(), dialogs: fakeDialogs() });
    try {
      const service = await make();
      seen.length = 0;
      const opened = await service.openUrl(`${base}/article`);
      if (!opened.ok) throw new Error(opened.message);
      expect(opened.article.model.title).toBe('Harbour wall repaired');
      expect(opened.article.name).toBe('127.0.0.1/article');
      await new Promise((r) => setTimeout(r, 200)); // a stylesheet, script or image request would have arrived by now
      expect(seen.map((s) => s.url)).toEqual(['/article']);
      const [recent] = await service.listRecent();
      expect(recent).toMatchObject({ kind: 'link', name: 'Harbour wall repaired', detail: `${base}/article` });
      await service.close();

      // Next start: the link is the last article, and its kept copy opens without the network.
      const again = await make();
      seen.length = 0;
      const reopened = await again.openInitial();
      expect(reopened.ok && reopened.article.model.text).toBe(opened.article.model.text);
      expect(seen).toEqual([]);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
