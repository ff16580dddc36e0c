// Test harness: the real ReaderService (real parse worker, real espeak-ng) behind HTTP, and
// the built renderer served with the app's security headers. harness/client/bridge.ts turns
// the HTTP API back into `window.reader`, so the renderer runs unchanged in plain Chromium.
//
//   POST /api/<method>      JSON array of arguments -> JSON result (400 on a bad payload)
//   POST /api/openDropped   raw bytes, file name in the X-File-Name header (URI-encoded)
//   POST /api/getClip       -> application/octet-stream: u32le JSON length, JSON, WAV bytes
//   a reply holding long strings (a packed article) -> application/x-reader-frames (reply-frames.ts)
//   GET  /api/events        Server-Sent Events: one ReaderEvent per message, or {"framed": id}
//   GET  /api/event/<id>    that event (holding a packed article) as frames
//   The /test/* routes exist only with `testRoutes: true` (tests); `npm run harness` has none,
//   so another local user cannot choose what the open dialog "picks" and read the file back.
//   POST /test/command      {"command": Command} -> as if chosen from the menu
//   POST /test/dialog       {"open"?: path|null, "save"?: path|null} -> next dialog answers
//   POST /test/hand-over    {"path": file} -> as if a second launch handed this file over
//   POST /test/clipboard    {"html"?: string|null, "text"?: string|null} -> what Edit > Paste article reads
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clip, ClipResult, Command, WireEvent } from '../core/contract';
import { callApi, isApiMethod } from '../electron/services/api-methods';
import { HARNESS_CSP, securityHeaders } from '../electron/services/csp';
import { ReaderService, type Dialogs } from '../electron/services/reader-service';
import { createSpeech } from '../electron/services/speech-adapter';
import { builtHostLauncher } from '../electron/speech/host-entry';
import type { SpeechPort } from '../electron/services/speech-port';
import { MAX_ARTICLE_BYTES, MAX_PASTE_CHARS, PayloadError } from '../electron/services/validate';
import { messageForPeople } from '../electron/services/user-message';
import { createWorkerLoader } from '../electron/services/worker-loader';
import { FRAMES_TYPE, encodeFrames } from './reply-frames';

/** How long a framed event waits to be fetched by the pages listening. */
const FRAMED_EVENT_MS = 60_000;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMMANDS: readonly Command[] = [
  'play-pause', 'stop', 'next-sentence', 'previous-sentence', 'next-paragraph', 'previous-paragraph', 'next-quote',
  'previous-quote', 'next-speaker', 'previous-speaker', 'quote-list', 'article-list', 'faster', 'slower', 'where-am-i',
  'open', 'export', 'settings', 'help',
  'next-heading', 'previous-heading', 'sleep-timer',
  'open-link', 'paste-article',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.wav': 'audio/wav',
};
const MAX_JSON_BYTES = 1024 * 1024;
/** Pasted HTML and text come as JSON strings: allow the paste limit, with room for escaping. */
const MAX_PASTE_JSON_BYTES = 2 * (MAX_PASTE_CHARS * 2) + 1024;

export interface HarnessOptions {
  /** Settings and reading positions; a fresh temporary directory by default (removed on close). */
  userDataDir?: string;
  contentDir?: string;
  /** 0 (default): a free port. */
  port?: number;
  /** As if given on the command line. */
  initialPath?: string | null;
  /** Replace the real speech (e.g. a fake in unit tests). */
  speech?: SpeechPort;
  /** Where the built app is; default <repo>/dist. */
  distDir?: string;
  /** The parse worker's time limit per article (default PARSE_TIMEOUT_MS, as in the app). */
  parseTimeoutMs?: number;
  /** Serve the /test/* control routes (answer dialogs, hand over files, set the clipboard). Off by default. */
  testRoutes?: boolean;
  /**
   * Open (Ctrl+O) shows the browser's file chooser, for a person trying the app by hand (`npm run harness`); without
   * it the open dialog is answered by answerDialog, and unanswered is cancelled, as tests need.
   */
  browserFileChooser?: boolean;
}

export interface Harness {
  url: string;
  service: ReaderService;
  /** Send a menu command to the page (waits up to 5 s for the page to listen). Returns how many pages got it. */
  command(command: Command): Promise<number>;
  /** Answer the next native open/save dialog with this path, or null to cancel. */
  answerDialog(kind: 'open' | 'save', path: string | null): void;
  /** As if a second launch (or the OS) handed this file to the running app. */
  handOver(path: string): Promise<void>;
  /** What Edit > Paste article finds on the "system" clipboard (the browser's own clipboard is separate). */
  setClipboard(content: { html?: string | null; text?: string | null }): void;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dist = resolve(options.distDir ?? join(ROOT, 'dist'));
  const rendererDir = join(dist, 'renderer');
  const worker = join(dist, 'electron', 'parse-worker.cjs');
  for (const f of [join(rendererDir, 'index.html'), join(dist, 'harness', 'bridge.js'), worker]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first.`);
  }
  const ownsUserData = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'article-reader-harness-')));

  const answers: Record<'open' | 'save', (string | null)[]> = { open: [], save: [] };
  const dialogs: Dialogs = {
    // Unanswered: the open dialog is "dismissed"; the save dialog picks a file in userData.
    openArticle: async () => answers.open.shift() ?? null,
    saveAudio: async (name) => (answers.save.length ? answers.save.shift()! : join(userDataDir, name)),
  };
  const loader = createWorkerLoader(worker, options.parseTimeoutMs);
  loader.warm();
  let clipboardContent: { html: string | null; text: string | null } = { html: null, text: null };
  const setClipboard = (c: { html?: unknown; text?: unknown }) => {
    clipboardContent = { html: typeof c.html === 'string' ? c.html : null, text: typeof c.text === 'string' ? c.text : null };
  };
  const service = await ReaderService.create({
    userDataDir,
    contentDir: options.contentDir ?? join(ROOT, 'content'),
    initialPath: options.initialPath ?? null,
    loader,
    speech: options.speech ?? harnessSpeech(dist),
    dialogs,
    clipboard: { read: async () => clipboardContent },
  });

  const streams = new Set<ServerResponse>();
  // An event holding a packed article (the whole of a big one) is fetched as frames, like a
  // reply: inside an SSE line its megabytes of JSON would be escaped and parsed in one go.
  const framedEvents = new Map<number, Uint8Array[]>();
  let nextFramed = 1;
  service.subscribe((event: WireEvent) => {
    const frames = encodeFrames(event);
    let line: string;
    if (frames) {
      const id = nextFramed++;
      framedEvents.set(id, frames);
      setTimeout(() => framedEvents.delete(id), FRAMED_EVENT_MS).unref();
      line = JSON.stringify({ framed: id });
    } else {
      line = JSON.stringify(event);
    }
    for (const res of streams) res.write(`data: ${line}\n\n`);
  });
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 15_000);

  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const bad = e instanceof PayloadError;
      if (!bad) console.error('harness:', e);
      // The same message for people as over IPC (electron/main/ipc.ts).
      if (!res.headersSent) sendJson(res, bad ? 400 : 500, { error: messageForPeople(e) });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refuse other hosts (DNS rebinding) and other origins: only our own page may call the API.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendJson(res, 403, { error: 'wrong host' });
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) return sendJson(res, 403, { error: 'wrong origin' });

    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    if (req.method === 'GET' && path === '/api/events') return openStream(res);
    if (req.method === 'GET' && path.startsWith('/api/event/')) {
      const frames = framedEvents.get(Number(path.slice('/api/event/'.length)));
      return frames ? sendFrames(res, frames) : sendJson(res, 404, { error: 'no such event' });
    }
    if (req.method === 'POST' && path.startsWith('/api/')) return api(path.slice(5), req, res);
    if (path.startsWith('/test/') && !options.testRoutes) return sendJson(res, 404, { error: 'not found' });
    if (req.method === 'POST' && path === '/test/command') {
      const body = JSON.parse((await readBody(req, MAX_JSON_BYTES)).toString('utf8') || '{}') as { command?: unknown };
      if (!COMMANDS.includes(body.command as Command)) throw new PayloadError('unknown command');
      return sendJson(res, 200, { delivered: await sendCommand(body.command as Command) });
    }
    if (req.method === 'POST' && path === '/test/hand-over') {
      // As a second launch or the OS hands a file to the running app (electron/main/single-instance.ts).
      const body = JSON.parse((await readBody(req, MAX_JSON_BYTES)).toString('utf8') || '{}') as { path?: unknown };
      if (typeof body.path !== 'string') throw new PayloadError('path must be a string');
      await service.handOver(body.path);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/test/dialog') {
      const body = JSON.parse((await readBody(req, MAX_JSON_BYTES)).toString('utf8') || '{}') as Record<string, unknown>;
      for (const kind of ['open', 'save'] as const) {
        if (kind in body) answers[kind].push(typeof body[kind] === 'string' ? (body[kind] as string) : null);
      }
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/test/clipboard') {
      setClipboard(JSON.parse((await readBody(req, MAX_PASTE_JSON_BYTES)).toString('utf8') || '{}') as Record<string, unknown>);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(path, res);
    sendJson(res, 405, { error: 'method not allowed' });
  }

  async function api(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isApiMethod(method)) return sendJson(res, 404, { error: `unknown method ${method}` });
    let args: unknown[];
    if (method === 'openDropped') {
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
      args = [name, new Uint8Array(await readBody(req, MAX_ARTICLE_BYTES))];
    } else {
      const text = (await readBody(req, method === 'openPasted' ? MAX_PASTE_JSON_BYTES : MAX_JSON_BYTES)).toString('utf8');
      try {
        args = text ? JSON.parse(text) : [];
      } catch {
        throw new PayloadError('body is not JSON');
      }
      if (!Array.isArray(args)) throw new PayloadError('body must be a JSON array of arguments');
    }
    const result = await callApi(service, method, args);
    if (method === 'getClip') return sendClip(res, result as ClipResult);
    sendReply(res, result ?? null);
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { ...securityHeaders(HARNESS_CSP), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function sendCommand(command: Command): Promise<number> {
    const until = Date.now() + 5000;
    while (streams.size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    service.emit({ type: 'command', command });
    return streams.size;
  }

  async function serveStatic(path: string, res: ServerResponse): Promise<void> {
    let file: string;
    if (path === '/' || path === '/index.html') file = join(rendererDir, 'index.html');
    else if (path === '/harness/bridge.js' || path === '/harness/bridge.js.map') file = join(dist, path);
    else {
      file = resolve(rendererDir, '.' + decodeURIComponent(path));
      if (!file.startsWith(rendererDir + sep)) return sendJson(res, 404, { error: 'not found' });
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return sendJson(res, 404, { error: 'not found' });
    }
    if (file === join(rendererDir, 'index.html')) body = Buffer.from(injectBridge(body.toString('utf8'), options.browserFileChooser === true));
    res.writeHead(200, { ...securityHeaders(HARNESS_CSP), 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    service,
    command: sendCommand,
    answerDialog: (kind, path) => void answers[kind].push(path),
    handOver: (path) => service.handOver(path),
    setClipboard,
    async close() {
      clearInterval(keepAlive);
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await service.close();
      if (ownsUserData) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The app's real speech as the harness runs it: the built speech host (libespeak-ng), else the espeak-ng command line. */
export function harnessSpeech(distDir = join(ROOT, 'dist')): SpeechPort {
  return createSpeech({ host: builtHostLauncher(resolve(distDir)) });
}

/** The bridge must define window.reader before the app script runs. */
export function injectBridge(html: string, fileChooser = false): string {
  const tag = `<script src="/harness/bridge.js"${fileChooser ? ' data-file-chooser' : ''}></script>`;
  const withCsp = html.replace(/connect-src 'none'/g, "connect-src 'self'");
  const at = withCsp.search(/<script\b/i);
  if (at >= 0) return withCsp.slice(0, at) + tag + '\n  ' + withCsp.slice(at);
  return withCsp.replace(/<\/head>/i, `${tag}\n</head>`);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...securityHeaders(HARNESS_CSP), 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/** JSON, or frames when the reply holds long strings (see reply-frames.ts). */
function sendReply(res: ServerResponse, value: unknown): void {
  const frames = encodeFrames(value);
  if (!frames) return sendJson(res, 200, value);
  sendFrames(res, frames);
}

function sendFrames(res: ServerResponse, frames: Uint8Array[]): void {
  res.writeHead(200, { ...securityHeaders(HARNESS_CSP), 'Content-Type': FRAMES_TYPE });
  for (const frame of frames) res.write(frame);
  res.end();
}

/** Clip metadata as JSON and the WAV as raw bytes in one body (no base64 inflation). */
function sendClip(res: ServerResponse, result: ClipResult): void {
  const wav = result.ok ? result.clip.wav : new Uint8Array(0);
  const meta = result.ok ? { ok: true, clip: { ...result.clip, wav: undefined } satisfies Omit<Clip, 'wav'> & { wav?: undefined } } : result;
  const json = Buffer.from(JSON.stringify(meta), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length, 0);
  res.writeHead(200, { ...securityHeaders(HARNESS_CSP), 'Content-Type': 'application/octet-stream' });
  res.end(Buffer.concat([head, json, wav]));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Keep draining past the limit so the 400 answer still reaches the client.
      if (size <= limit) chunks.push(c);
    });
    req.once('end', () => (size > limit ? fail(new PayloadError(`request body is larger than ${limit} bytes`)) : ok(Buffer.concat(chunks))));
    req.once('error', fail);
  });
}
