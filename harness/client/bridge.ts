// Browser side of the test harness: defines `window.reader` (ReaderBridge) over the harness's
// HTTP API, so the renderer cannot tell it from the Electron preload. Bundled to
// dist/harness/bridge.js and injected before the app script. Type-checked with Node's
// web globals (fetch, EventSource), hence globalThis instead of window.
import type { ClipResult, PackedOpenResult, ReaderBridge, WireEvent } from '../../core/contract';
import { ARTICLE_EXTENSIONS } from '../../core/article/article-files';
import { MAX_ARTICLE_BYTES, tooLargeMessage } from '../../core/article/size-limit';
import { yieldToBrowser } from '../../renderer/yield';
import { FRAMES_TYPE, decodeFrames } from '../reply-frames';

async function call<T>(method: string, args: unknown[]): Promise<T> {
  const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
  return answer<T>(res, method);
}

async function answer<T>(res: Response, method: string): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    // As over IPC (electron/main/ipc-errors.ts): the main side's message for people, nothing more.
    throw new Error(body.error ?? `${method}: ${res.statusText}`);
  }
  if (res.headers.get('Content-Type') === FRAMES_TYPE) return (await decodeFrames(await readInChunks(res), yieldToBrowser)) as T;
  return (await res.json()) as T;
}

/** A big body read as it arrives, a chunk per task (arrayBuffer() gathered 10 MB in one long task). */
async function readInChunks(res: Response): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.length;
  }
  return body;
}

const listeners = new Set<(event: WireEvent) => void>();
let stream: EventSource | null = null;

function listen(): void {
  if (stream) return;
  stream = new EventSource('/api/events');
  // In order, though a framed event (a packed article) is fetched before it is handed on.
  let delivered: Promise<void> = Promise.resolve();
  stream.onmessage = (m: MessageEvent) => {
    const sent = JSON.parse(m.data as string) as WireEvent | { framed: number };
    const event = 'framed' in sent ? fetch(`/api/event/${sent.framed}`).then((res) => answer<WireEvent>(res, 'event')) : Promise.resolve(sent);
    delivered = delivered.then(() => event).then((e) => {
      for (const l of [...listeners]) l(e);
    }, (e: unknown) => console.error('harness: an event was lost:', e));
  };
}

/** Started by hand (`npm run harness`): Open shows the browser's file chooser, there being no native dialog. */
const fileChooser = (globalThis as { document?: { currentScript?: { hasAttribute(name: string): boolean } | null } }).document?.currentScript?.hasAttribute('data-file-chooser') === true;

/** The browser's file chooser; the file picked is opened as a dropped one is, and dismissing it is a cancelled dialog. */
function chooseFile(): Promise<PackedOpenResult> {
  const cancelled: PackedOpenResult = { ok: false, message: 'cancelled' };
  const page = globalThis as unknown as {
    document: { createElement(tag: 'input'): FileInput };
    navigator: { userActivation?: { isActive: boolean } };
    addEventListener(type: 'focus', listener: () => void, options: { once: true }): void;
  };
  // A chooser asked for by no key press or click (a menu command sent over the wire) would silently not open.
  if (page.navigator.userActivation?.isActive === false) {
    return Promise.resolve({ ok: false, message: 'the file chooser opens from a key press or a click in the page: press Ctrl+O there' });
  }
  const input = page.document.createElement('input');
  input.type = 'file';
  input.accept = ARTICLE_EXTENSIONS.map((e) => `.${e}`).join(',');
  return new Promise<PackedOpenResult>((resolve) => {
    let answered = false;
    const answer = (r: PackedOpenResult | Promise<PackedOpenResult>) => {
      if (answered) return;
      answered = true;
      resolve(r);
    };
    input.addEventListener('cancel', () => answer(cancelled));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return answer(cancelled);
      // As a dropped file is refused (renderer/drop-target.ts): too large, or not readable.
      if (file.size > MAX_ARTICLE_BYTES) return answer({ ok: false, message: tooLargeMessage(file.name, file.size) });
      answer(file.arrayBuffer().then(
        (b) => reader.openDropped(file.name, new Uint8Array(b)).catch((e: Error) => ({ ok: false as const, message: e.message })),
        () => ({ ok: false as const, message: `${file.name} could not be read.` }),
      ));
    });
    // A browser without the cancel event: the page has its focus back and no file came.
    page.addEventListener('focus', () => setTimeout(() => answer(cancelled), 1000), { once: true });
    input.click();
  });
}
interface FileInput {
  type: string;
  accept: string;
  files: { [i: number]: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> } | undefined } | null;
  addEventListener(type: 'cancel' | 'change', listener: () => void): void;
  click(): void;
}

const reader: ReaderBridge = {
  openInitial: () => call('openInitial', []),
  listArticles: () => call('listArticles', []),
  openArticle: (id) => call('openArticle', [id]),
  openFileDialog: () => (fileChooser ? chooseFile() : call('openFileDialog', [])),
  async openDropped(name, bytes) {
    const res = await fetch('/api/openDropped', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    return answer(res, 'openDropped');
  },
  getSettings: () => call('getSettings', []),
  updateSettings: (docId, patch) => call('updateSettings', [docId, patch]),
  listVoices: () => call('listVoices', []),
  async getClip(docId, utterance) {
    const res = await fetch('/api/getClip', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([docId, utterance]) });
    if (!res.ok) return answer<ClipResult>(res, 'getClip');
    const body = new Uint8Array(await res.arrayBuffer());
    const jsonLength = new DataView(body.buffer, body.byteOffset, 4).getUint32(0, true);
    const meta = JSON.parse(new TextDecoder().decode(body.subarray(4, 4 + jsonLength))) as ClipResult;
    if (meta.ok) meta.clip.wav = body.slice(4 + jsonLength);
    return meta;
  },
  savePosition: (docId, utterance) => call('savePosition', [docId, utterance]),
  exportAudio: (docId) => call('exportAudio', [docId]),
  stopSpeech: (docId) => call('stopSpeech', [docId]),
  cancelExport: () => call('cancelExport', []),
  openUrl: (url) => call('openUrl', [url]),
  openPasted: (html, text) => call('openPasted', [html, text]),
  openClipboard: () => call('openClipboard', []),
  listRecent: () => call('listRecent', []),
  openRecent: (id) => call('openRecent', [id]),
  forgetRecent: (id) => call('forgetRecent', [id]),
  onEvent(listener) {
    listeners.add(listener);
    listen();
    return () => {
      listeners.delete(listener);
    };
  },
};

Object.defineProperty(globalThis, 'reader', { value: Object.freeze(reader), writable: false, configurable: false, enumerable: true });
