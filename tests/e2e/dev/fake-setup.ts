// DEV ONLY (READER_E2E_DEV_FAKE=1): serve dist/renderer through page.route with the fake
// window.reader of fake-reader.ts, so the renderer and the tests can be iterated while
// core/ (parser, planner) is still a stub. The committed tests run against the real harness.
import type { BrowserContext } from '@playwright/test';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const FAKE_URL = 'http://app.test/';

export async function installFakeReader(context: BrowserContext): Promise<void> {
  const bundle = await build({ entryPoints: [join(ROOT, 'tests/e2e/dev/fake-reader.ts')], bundle: true, write: false, format: 'iife', platform: 'browser' });
  const source = readFileSync(join(ROOT, 'content/idlib-bloody-week.txt'), 'utf8');
  await context.exposeBinding('__fakeClip', (_src, text: string, voice: string, rate: number) => {
    try {
      const wav = execFileSync('espeak-ng', ['-v', voice, '-s', String(rate), '--stdout', text]);
      const byteRate = wav.readUInt32LE(28);
      return { wav: wav.toString('base64'), duration: (wav.length - 44) / byteRate };
    } catch (e) {
      return { error: String(e) };
    }
  });
  await context.addInitScript({ content: `var __FAKE_SOURCE__ = ${JSON.stringify(source)};\n${bundle.outputFiles[0]!.text}` });
  const csp = readFileSync(join(ROOT, 'dist/renderer/index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  await context.route(`${FAKE_URL}**`, (route) => {
    const url = new URL(route.request().url());
    const file = join(ROOT, 'dist/renderer', url.pathname === '/' ? 'index.html' : url.pathname);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp } });
  });
}
