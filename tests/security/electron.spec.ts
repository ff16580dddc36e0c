// What the page itself can and cannot do in the real Electron app: no Node, no navigation,
// no new windows, no permissions, only window.reader. Needs the Electron binary; without it
// every test is skipped with the reason printed (the `electron` Playwright project runs it).
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_MAIN, electronBinary } from '../e2e/electron-binary';

/* eslint-disable @typescript-eslint/no-explicit-any -- page code: this config has no DOM types */

const electron = electronBinary();
let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!electron.path) {
    console.log(`[security] ${electron.reason}`);
    return;
  }
  userData = await mkdtemp(join(tmpdir(), 'article-reader-security-'));
  app = await _electron.launch({
    executablePath: electron.path,
    // Chromium refuses to start as root with its OS sandbox; the renderer sandbox (no Node in
    // the page) is Electron's and stays on either way.
    args: [APP_MAIN, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, ARTICLE_READER_USER_DATA: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

test.beforeEach(() => {
  test.skip(!electron.path, electron.reason);
});

test('the page is served from app://reader with the CSP header', async () => {
  expect(page.url()).toBe('app://reader/index.html');
  const csp = await page.evaluate(async () => {
    // fetch is blocked by connect-src 'none'; the CSP is visible through a violation instead.
    const w = globalThis as any;
    return new Promise<string>((resolve) => {
      w.document.addEventListener('securitypolicyviolation', (e: any) => resolve(e.originalPolicy), { once: true });
      fetch('app://reader/index.html').catch(() => undefined);
      setTimeout(() => resolve(''), 2000);
    });
  });
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
});

test('the renderer cannot reach Node or Electron', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
    electron: typeof (globalThis as Record<string, unknown>).electron,
    ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', electron: 'undefined', ipcRenderer: 'undefined' });
});

test('window.reader is the only bridge, with exactly the ReaderApi methods', async () => {
  const keys = await page.evaluate(() => Object.keys((globalThis as any).reader).sort());
  expect(keys).toEqual([
    'cancelExport', 'exportAudio', 'getClip', 'getSettings', 'listArticles', 'listVoices', 'onEvent', 'openArticle', 'openDropped',
    'openFileDialog', 'openInitial', 'savePosition', 'updateSettings',
  ]);
  // contextBridge hands over a frozen copy: the page cannot swap a method for its own.
  const replaced = await page.evaluate(() => {
    const r = (globalThis as any).reader;
    try {
      r.getClip = () => 'mine';
    } catch {
      /* strict-mode assignment to a read-only property */
    }
    return typeof r.getClip === 'function' && String(r.getClip).includes('mine');
  });
  expect(replaced).toBe(false);
});

test('the main process refuses malformed payloads', async () => {
  const errors = await page.evaluate(async () => {
    const r = (globalThis as any).reader;
    const attempts: (() => Promise<unknown>)[] = [() => r.getClip('../../etc/passwd', 0), () => r.getClip('x', -1), () => r.openArticle('../package.json'), () => r.updateSettings(null, 'x')];
    return Promise.all(attempts.map((a) => a().then((v) => `resolved ${JSON.stringify(v)}`, (e: Error) => `rejected ${e.message}`)));
  });
  expect(errors[0]).toMatch(/^rejected/);
  expect(errors[1]).toMatch(/^rejected/);
  expect(errors[2]).toMatch(/not in the article list/);
  expect(errors[3]).toMatch(/^rejected/);
});

test('the page cannot navigate away', async () => {
  for (const target of ['https://example.com/', 'file:///etc/passwd', 'app://reader/../../package.json']) {
    await page.evaluate((url) => {
      (globalThis as any).location.href = url;
    }, target);
    await page.waitForTimeout(300);
    expect(page.url(), target).toBe('app://reader/index.html');
  }
});

test('the page cannot open windows', async () => {
  const opened = await page.evaluate(() => {
    const w = globalThis as any;
    return w.open('https://example.com/') === null && w.open('app://reader/index.html') === null;
  });
  expect(opened).toBe(true);
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
});

test('inline and eval’d script is blocked by the CSP', async () => {
  const result = await page.evaluate(() => {
    const w = globalThis as any;
    let evalBlocked = false;
    try {
      // eslint-disable-next-line no-eval
      eval('1');
    } catch {
      evalBlocked = true;
    }
    const s = w.document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    w.document.head.append(s);
    return { evalBlocked, inlineRan: w.__inlineRan === true };
  });
  expect(result).toEqual({ evalBlocked: true, inlineRan: false });
});

test('permission requests are denied', async () => {
  const media = await page.evaluate(() => {
    const devices = (globalThis as any).navigator.mediaDevices;
    return devices ? devices.getUserMedia({ audio: true }).then(() => 'granted', (e: Error) => e.name) : 'no mediaDevices';
  });
  expect(media).not.toBe('granted');
  const notification = await page.evaluate(() => {
    const N = (globalThis as any).Notification;
    return N ? N.requestPermission() : 'denied';
  });
  expect(notification).not.toBe('granted');
});
