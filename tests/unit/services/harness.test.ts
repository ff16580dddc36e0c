import { build } from 'esbuild';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, injectBridge, startHarness } from '../../../harness/server';
import { fakeSpeech } from './fakes';
import { browser, node } from '../../../scripts/esbuild-options.mjs';

// The harness plans in its parse worker (a separate bundle), so the real planner runs here.
let dir: string;
let harness: Harness;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(path, harness.url), { method: 'POST', body: body instanceof Uint8Array ? body : JSON.stringify(body), headers });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-'));
  const dist = join(dir, 'dist');
  await mkdir(join(dist, 'renderer'), { recursive: true });
  await writeFile(join(dist, 'renderer', 'index.html'), `<html><head><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"><script src="app.js" defer></script></head><body></body></html>`);
  await writeFile(join(dist, 'renderer', 'app.js'), '// app');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  await Promise.all([
    build({ ...node, entryPoints: ['electron/services/parse-worker.ts'], outfile: join(dist, 'electron', 'parse-worker.cjs'), logLevel: 'error' }),
    build({ ...browser, entryPoints: ['harness/client/bridge.ts'], outfile: join(dist, 'harness', 'bridge.js'), logLevel: 'error' }),
  ]);
  harness = await startHarness({ distDir: dist, speech: fakeSpeech(), testRoutes: true });
});
afterAll(async () => {
  await harness?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('harness', () => {
  it('serves index.html with the CSP header and the bridge before the app script', async () => {
    const res = await fetch(harness.url);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'self'.*connect-src 'self'/);
    const html = await res.text();
    expect(html.indexOf('/harness/bridge.js')).toBeLessThan(html.indexOf('app.js'));
    expect(html).toContain(`connect-src 'self'`);
    expect((await fetch(new URL('harness/bridge.js', harness.url))).status).toBe(200);
  });

  it('does not serve files outside dist/renderer', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await fetch(harness.url.replace(/\/$/, '') + path);
      expect(res.status, path).toBe(404);
    }
  });

  it('refuses other Host headers (DNS rebinding) and other origins', async () => {
    const { port } = new URL(harness.url);
    const status = await new Promise<number>((ok) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } }, (res) => ok(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
    const cross = await post('api/listArticles', [], { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });

  it('implements the API: open, clips as framed binary, bad payloads as 400', async () => {
    const opened = (await (await post("api/openInitial", [])).json()) as { ok: boolean; article: { docId: string } };
    expect(opened.ok).toBe(true);
    const docId = opened.article.docId as string;
    const clip = new Uint8Array(await (await post('api/getClip', [docId, 1])).arrayBuffer());
    const jsonLength = new DataView(clip.buffer).getUint32(0, true);
    const meta = JSON.parse(new TextDecoder().decode(clip.subarray(4, 4 + jsonLength)));
    expect(meta).toMatchObject({ ok: true, clip: { utterance: 1 } });
    expect([...clip.subarray(4 + jsonLength)]).toEqual([82, 73, 70, 70, 1]);
    expect((await post('api/getClip', [docId, -1])).status).toBe(400);
    expect((await post('api/getClip', [docId])).status).toBe(400);
    expect((await post('api/getClip', { docId })).status).toBe(400);
    expect((await post('api/openArticle', ['../secret.txt'])).status).toBe(200);
    expect(await (await post('api/openArticle', ['../secret.txt'])).json()).toMatchObject({ ok: false });
    expect((await post('api/evalSomething', [])).status).toBe(404);
    expect((await post('api/onEvent', [])).status).toBe(404);
  });

  it('openDropped takes raw bytes with the name in a header', async () => {
    const res = await post('api/openDropped', new TextEncoder().encode('Dropped words.'), { 'X-File-Name': encodeURIComponent('my file.txt'), 'Content-Type': 'application/octet-stream' });
    expect(await res.json()).toMatchObject({ ok: true, article: { name: 'my file.txt' } });
  });

  it('delivers test commands and service events over Server-Sent Events', async () => {
    const controller = new AbortController();
    const res = await fetch(new URL('api/events', harness.url), { signal: controller.signal });
    const reader = res.body!.getReader();
    const delivered = await (await post('test/command', { command: 'next-quote' })).json();
    expect(delivered).toEqual({ delivered: 1 });
    let text = '';
    while (!text.includes('next-quote')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`data: {"type":"command","command":"next-quote"}`);
    expect((await post('test/command', { command: 'rm -rf' })).status).toBe(400);
    controller.abort();
  });

  it('has no /test/ routes unless started for tests, so nobody else picks what the open dialog returns', async () => {
    const plain = await startHarness({ distDir: join(dir, 'dist'), speech: fakeSpeech() });
    try {
      const res = await fetch(new URL('test/dialog', plain.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ open: join(dir, 'secret.txt') }) });
      expect(res.status).toBe(404);
      const opened = await fetch(new URL('api/openFileDialog', plain.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
      expect(await opened.json()).not.toMatchObject({ ok: true });
    } finally {
      await plain.close();
    }
  });

  it('answers dialogs as the test says', async () => {
    harness.answerDialog('open', join(dir, 'secret.txt'));
    expect(await (await post('api/openFileDialog', [])).json()).toMatchObject({ ok: true, article: { name: 'secret.txt' } });
    expect(await (await post('api/openFileDialog', [])).json()).toEqual({ ok: false, message: 'cancelled' });
  });
});

describe('injectBridge', () => {
  it('puts the bridge first even without a script tag', () => {
    expect(injectBridge('<html><head></head></html>')).toContain('<script src="/harness/bridge.js"></script>\n</head>');
  });
});
