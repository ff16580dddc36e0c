// The IPC layer without Electron: every channel refuses other senders, unknown channels and
// malformed payloads before anything reaches the disk or a speech process.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_ARITY, API_METHODS, callApi } from '../../electron/services/api-methods';
import { ReaderService } from '../../electron/services/reader-service';
import { APP_URL, INVOKE_CHANNELS } from '../../electron/main/channels';
import { checkInvocation, isTrustedSender, SenderError } from '../../electron/main/ipc-rules';
import { fileForAppUrl } from '../../electron/main/app-files';
import { MAX_PASTE_CHARS, PayloadError } from '../../electron/services/validate';
import { fakeDialogs, fakeLoader, fakeSpeech } from '../unit/services/fakes';

vi.mock('../../core/plan/plan', async () => ({ buildPlan: (await import('../unit/services/fakes')).fakePlan }));

describe('sender validation', () => {
  it.each([
    'app://reader/index.html',
    'app://reader/',
    'app://reader/index.html#article',
  ])('trusts our page %s in the top frame', (url) => {
    expect(isTrustedSender(url, true)).toBe(true);
  });

  it.each([
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:8080/',
    'https://evil.example/',
    'app://evil/index.html',
    'app://reader.evil/index.html',
    'app://user:pw@reader/index.html',
    'app://reader:99/index.html',
    'APP://READER.EVIL/',
    'data:text/html,<script>1</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });

  it('refuses our own URL from a subframe, and a missing frame', () => {
    expect(isTrustedSender(APP_URL, false)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });

  it('checks the sender on every channel', () => {
    for (const [method, channel] of Object.entries(INVOKE_CHANNELS)) {
      const args = new Array(API_ARITY[method as keyof typeof API_ARITY]).fill(null);
      expect(() => checkInvocation(channel, 'https://evil.example/', true, args)).toThrow(SenderError);
      expect(() => checkInvocation(channel, APP_URL, false, args)).toThrow(SenderError);
      expect(checkInvocation(channel, APP_URL, true, args)).toBe(method);
    }
  });
});

describe('channels and arity', () => {
  it('has one channel per ReaderApi method, and nothing else', () => {
    expect(Object.keys(INVOKE_CHANNELS).sort()).toEqual([...API_METHODS].sort());
    expect(new Set(Object.values(INVOKE_CHANNELS)).size).toBe(API_METHODS.length);
  });

  it.each(['reader:eval', 'reader:onEvent', 'reader:event', 'openInitial', '', 'reader:__proto__', 'reader:constructor'])(
    'refuses the unknown channel %j', (channel) => {
      expect(() => checkInvocation(channel, APP_URL, true, [])).toThrow(PayloadError);
    },
  );

  it('refuses too many or too few arguments', () => {
    expect(() => checkInvocation(INVOKE_CHANNELS.getClip, APP_URL, true, ['id'])).toThrow(/2 argument/);
    expect(() => checkInvocation(INVOKE_CHANNELS.getClip, APP_URL, true, ['id', 0, 'extra'])).toThrow(/2 argument/);
    expect(() => checkInvocation(INVOKE_CHANNELS.openInitial, APP_URL, true, [{ path: '/etc/passwd' }])).toThrow(/0 argument/);
  });
});

describe('payload validation through the service', () => {
  let root: string;
  let service: ReaderService;
  let docId: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ipc-payload-'));
    await mkdir(join(root, 'content'));
    await writeFile(join(root, 'content', 'idlib-bloody-week.txt'), 'One.\n\nTwo.');
    service = await ReaderService.create({
      userDataDir: join(root, 'user'), contentDir: join(root, 'content'), loader: fakeLoader(), speech: fakeSpeech(), dialogs: fakeDialogs(),
    });
    const r = await service.openInitial();
    if (!r.ok) throw new Error(r.message);
    docId = r.article.docId;
  });
  afterAll(async () => {
    await service.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Stands for the open document's id, known only after beforeAll. */
  const DOC = Symbol('docId');
  const bad: [string, unknown[]][] = [
    ['openArticle', [{ toString: () => 'idlib-bloody-week.txt' }]],
    ['openArticle', [['idlib-bloody-week.txt']]],
    ['openDropped', ['a.txt', 'not bytes']],
    ['openDropped', ['a.txt', { length: 3, 0: 1 }]],
    ['openDropped', [null, new Uint8Array(1)]],
    ['openDropped', ['a\0b.txt', new Uint8Array(1)]],
    ['updateSettings', [DOC, 'theme=dark']],
    ['updateSettings', [DOC, [1]]],
    ['updateSettings', [42, {}]],
    ['getClip', ['', 0]],
    ['getClip', ['../../etc/passwd', 0]],
    ['getClip', [null, 0]],
    ['savePosition', [DOC, -1]],
    ['savePosition', [DOC, 0.5]],
    ['savePosition', [DOC, '0']],
    ['savePosition', [DOC, Number.POSITIVE_INFINITY]],
    ['savePosition', [DOC, 2 ** 60]],
    ['exportAudio', [{}]],
    // Web pages, links and pasted text
    ['openUrl', [42]],
    ['openUrl', [{ href: 'https://example.com/' }]],
    ['openUrl', ['https://example.com/' + 'a'.repeat(5000)]],
    ['openPasted', [42, null]],
    ['openPasted', [null, { text: 'x' }]],
    ['openPasted', [null, 'x'.repeat(MAX_PASTE_CHARS + 1)]],
    ['openRecent', [null]],
    ['openRecent', ['a\0b']],
    ['forgetRecent', [7]],
  ];

  it.each(bad)('%s refuses %j', async (method, args) => {
    const real = args.map((a) => (a === DOC ? docId : a));
    await expect(callApi(service, method as never, real)).rejects.toThrow(PayloadError);
  });

  it('refuses an utterance index past the end of the plan', async () => {
    await expect(callApi(service, 'getClip', [docId, 2])).rejects.toThrow(/out of range/);
    await expect(callApi(service, 'getClip', [docId, 1])).resolves.toMatchObject({ ok: true });
  });

  it('ignores unknown and invalid settings fields instead of storing them', async () => {
    const r = (await callApi(service, 'updateSettings', [null, { __proto__: { evil: 1 }, rate: 'x', theme: 'dark', extra: 1 }])) as { settings: Record<string, unknown> };
    expect(r.settings.theme).toBe('dark');
    expect(r.settings).not.toHaveProperty('extra');
    expect(r.settings).not.toHaveProperty('evil');
  });
});

describe('app:// files', () => {
  const root = '/app/dist/renderer';
  it('maps our URLs into dist/renderer', () => {
    expect(fileForAppUrl(root, 'app://reader/')).toBe(`${root}/index.html`);
    expect(fileForAppUrl(root, 'app://reader/app.js')).toBe(`${root}/app.js`);
    expect(fileForAppUrl(root, 'app://reader/app.js?x=1#y')).toBe(`${root}/app.js`);
  });
  it.each([
    'app://reader/../../etc/passwd',
    'app://reader/%2e%2e/%2e%2e/etc/passwd',
    'app://reader/..%2f..%2fetc%2fpasswd',
    'app://reader/%2e%2e%5c%2e%2e%5cwin.ini',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://reader/%E0%A4%A',
  ])('never leaves dist/renderer for %s', (url) => {
    // URL parsing already folds "/../" at the root into "/", so some of these map to a
    // (missing) file inside the root: harmless. What must never happen is a path outside.
    const file = fileForAppUrl(root, url);
    expect(file === null || file.startsWith(root + '/')).toBe(true);
  });
  it('refuses other hosts, schemes and undecodable paths', () => {
    expect(fileForAppUrl(root, 'app://other/index.html')).toBeNull();
    expect(fileForAppUrl(root, 'file:///etc/passwd')).toBeNull();
    expect(fileForAppUrl(root, 'app://reader/%E0%A4%A')).toBeNull();
  });
});
