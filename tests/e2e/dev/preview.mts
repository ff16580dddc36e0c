// DEV ONLY: open the built renderer with the fake reader in Debian Chromium, for quick
// iteration while core/ is a stub:  npx tsx tests/e2e/dev/preview.mts [script.mjs]
// Serves dist/renderer with page.route (same CSP), injects dev/fake-reader.ts, gives
// espeak-ng audio through an exposed binding, then runs the given script with { page }.
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = '/work/main';
const bundle = await build({ entryPoints: [join(root, 'tests/e2e/dev/fake-reader.ts')], bundle: true, write: false, format: 'iife', platform: 'browser' });
const source = readFileSync(join(root, 'content/idlib-bloody-week.txt'), 'utf8');
const init = `var __FAKE_SOURCE__ = ${JSON.stringify(source)};\n${bundle.outputFiles[0]!.text}`;

export async function openPreview(options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
  await context.exposeBinding('__fakeClip', (_src, text: string, voice: string, rate: number) => {
    try {
      const wav = execFileSync('espeak-ng', ['-v', voice, '-s', String(rate), '--stdout', text]);
      const dataSize = wav.readUInt32LE(40) || wav.length - 44;
      const byteRate = wav.readUInt32LE(28);
      return { wav: wav.toString('base64'), duration: dataSize / byteRate };
    } catch (e) {
      return { error: String(e) };
    }
  });
  await context.addInitScript({ content: init });
  await context.route('http://app.test/**', (route) => {
    const url = new URL(route.request().url());
    const file = join(root, 'dist/renderer', url.pathname === '/' ? 'index.html' : url.pathname);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream' } });
  });
  const page = await context.newPage();
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('http://app.test/');
  return { browser, context, page };
}

if (process.argv[2]) {
  const { browser, page } = await openPreview();
  const mod = await import(pathToFileURL(process.argv[2]).href);
  try {
    await mod.default({ page });
  } finally {
    await browser.close();
  }
}
