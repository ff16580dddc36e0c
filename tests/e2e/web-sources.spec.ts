// Articles from the web, keyboard only: Ctrl+V with an article copied as HTML or as plain text
// (the real clipboard and the browser's own paste event), Ctrl+L with a page served on
// 127.0.0.1, Edit > Paste article, and the recent list. Each new article is announced and
// read from its top; the new dialogs have no axe violations.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { ReaderDriver } from './driver';
import { expect, test } from './fixtures';

const FIXTURES = fileURLToPath(new URL('../fixtures/web/', import.meta.url));
const BBC_TEXT = readFileSync(`${FIXTURES}bbc-bristol-bus-strike.txt`, 'utf8');
const BBC_TITLE = 'Bristol bus strike called off after last-minute pay offer';
const COPIED_HTML = `<meta charset="utf-8"><div class="share-tools"><button>Share</button><button>Save</button></div>
<h1>Seaside town’s library saved after 18-month campaign</h1><p>By Tom Ashworth</p>
<p>A library in the Yorkshire seaside town of Saltby has been saved after an 18-month campaign by residents.</p>
<aside class="newsletter"><p>Sign up to First Edition</p></aside>
<p>“I have never seen a town pull together like this,” said Janet Moorhouse, who chairs the Friends of Saltby Library.</p>
<figure><figcaption>Campaigners outside the library. <span class="credit">Photograph: Gary Calton/The Guardian</span></figcaption></figure>
<p>Advertisement</p><p>The trust plans to open a cafe on the ground floor to help cover costs.</p>`;
const PAGE = `<!doctype html><html><head><title>Harbour wall repaired | Example News</title><script src="/app.js"></script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour wall repaired</h1><p>By Kit Pender</p>
<p>The harbour wall in Porthcove has been repaired after winter storms left a 20-metre gap in it.</p>
<p>"It took us four months, but it will last fifty years," said engineer Tom Pascoe.</p>
<p>Fishing boats will return to the harbour next week, the council said on Monday.</p></article></body></html>`;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server: Server;
let site = '';
const requested: string[] = [];
test.beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/harbour') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

/** Puts content on the browser's clipboard, as copying from another page would. */
async function copyToClipboard(page: Page, origin: string, content: { html?: string; text: string }): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.evaluate(async (c) => {
    const w = globalThis as any;
    const items: Record<string, unknown> = { 'text/plain': new w.Blob([c.text], { type: 'text/plain' }) };
    if (c.html) items['text/html'] = new w.Blob([c.html], { type: 'text/html' });
    await w.navigator.clipboard.write([new w.ClipboardItem(items)]);
  }, content);
}

/** The new article is announced, shown from its top, and Space reads its first sentence first. */
async function expectReadFromTop(reader: ReaderDriver, title: string): Promise<void> {
  await reader.waitForAnnouncement(`Opened ${title}. Press Space or Ctrl+Alt+Space to play, F1 for help.`);
  await expect(reader.article.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(await reader.utteranceIndex()).toBe(0);
  const order = await reader.sentenceOrder();
  await reader.recordHighlights();
  await reader.press('Space');
  await reader.waitForPlayerState('playing');
  await reader.waitForAudioProgress(0.1);
  expect((await reader.recordedHighlights())[0]).toBe(order[0]);
  await reader.press('Escape');
  await reader.waitForPlayerState('stopped');
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${what}: axe violations`).toEqual([]);
  expect(results.passes.length, `${what}: axe passes`).toBeGreaterThan(10);
}

test.describe('pasting an article', () => {
  test.beforeEach(({ harness }) => {
    test.skip(harness === null, 'writes the browser clipboard from the page, which only the harness page may do (the app denies every permission)');
  });

  test('Ctrl+V with an article copied as HTML opens it without its furniture, read from its top', async ({ reader, harness }) => {
    await reader.open();
    await copyToClipboard(reader.page, harness!.url.replace(/\/$/, ''), { html: COPIED_HTML, text: 'plain text flavour, not used' });
    await reader.press('Control+V');
    await expectReadFromTop(reader, 'Seaside town’s library saved after 18-month campaign');
    await expect(reader.article).not.toContainText(/Share|Sign up to First Edition|Advertisement|plain text flavour/);
    await expect(reader.article.locator('figure.caption .credit')).toHaveText('Photograph: Gary Calton/The Guardian');
  });

  test('Ctrl+V with text copied from a news page drops its furniture lines, read from its top', async ({ reader, harness }) => {
    await reader.open();
    await copyToClipboard(reader.page, harness!.url.replace(/\/$/, ''), { text: BBC_TEXT });
    await reader.press('Control+V');
    await expectReadFromTop(reader, BBC_TITLE);
    await expect(reader.article).not.toContainText(/Related topics|More on this story|Image source|Skip to content|3 hours ago/);
    await expect(reader.article.locator('figure.caption').first()).toContainText('Drivers had been due to walk out');
  });

  test('Edit > Paste article reads the clipboard through the service', async ({ reader, harness }) => {
    await reader.open();
    harness!.setClipboard({ text: BBC_TEXT });
    await reader.menuCommand('paste-article');
    await expectReadFromTop(reader, BBC_TITLE);
  });

  test('a paste into the link box stays in the box', async ({ reader, harness }) => {
    await reader.open();
    await copyToClipboard(reader.page, harness!.url.replace(/\/$/, ''), { text: `${site}/harbour` });
    await reader.press('Control+L');
    const dialog = await reader.waitForDialog('Open link');
    await reader.press('Control+V');
    await expect(dialog.getByLabel('Web address of the article')).toHaveValue(`${site}/harbour`);
    await reader.press('Enter');
    await reader.waitForNoDialog();
    await expectReadFromTop(reader, 'Harbour wall repaired');
  });
});

test('Ctrl+L opens a link by keyboard; a bad address is explained in the dialog and can be corrected', async ({ reader }) => {
  await reader.open();
  await reader.press('Control+L');
  const dialog = await reader.waitForDialog('Open link');
  const field = dialog.getByLabel('Web address of the article');
  await expect(field).toBeFocused();
  await expectNoViolations(reader.page, 'open link dialog');

  await reader.page.keyboard.type(`${site}/gone`);
  await reader.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Could not open it: The page was not found on 127.0.0.1 (error 404). Check the address.');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  requested.length = 0;
  await reader.page.keyboard.type(`${site}/harbour`); // the old address is selected: typing replaces it
  await reader.press('Enter');
  await reader.waitForNoDialog();
  await expectReadFromTop(reader, 'Harbour wall repaired');
  expect(requested).toEqual(['/harbour']); // the page only: not its script
});

test('the article list offers recent links and reopens them', async ({ reader }) => {
  await reader.open();
  await reader.press('Control+L');
  await reader.waitForDialog('Open link');
  await reader.page.keyboard.type(`${site}/harbour`);
  await reader.press('Enter');
  await reader.waitForAnnouncement(/^Opened Harbour wall repaired/);

  await reader.press('a');
  const list = await reader.waitForDialog('Articles');
  await expect(list.getByRole('heading', { name: 'Recent' })).toBeVisible();
  const recent = list.getByRole('button', { name: /^Harbour wall repaired/ });
  await expect(recent).toBeFocused();
  await expect(recent).toContainText(`Web page: ${site}/harbour`);
  await expectNoViolations(reader.page, 'article list with recent entries');

  // Back to the bundled sample, then the recent link again from the list.
  await reader.press('Tab');
  await reader.press('Tab');
  await reader.press('Enter');
  await reader.waitForAnnouncement(/^Opened Sleeping four-year-old/);
  await reader.press('a');
  await reader.waitForDialog('Articles');
  await reader.press('Enter');
  await expectReadFromTop(reader, 'Harbour wall repaired');

  // Removed from the list from the keyboard, and told so.
  await reader.press('a');
  const again = await reader.waitForDialog('Articles');
  await reader.press('Tab');
  await expect(again.getByRole('button', { name: /^Remove Harbour wall repaired.* from recent articles$/ })).toBeFocused();
  await reader.press('Enter');
  await reader.waitForAnnouncement(/^Removed Harbour wall repaired.* from recent articles$/);
  // Focus stays in the dialog, on what stands in the list's place.
  await expect(again.getByText('No recent articles.')).toBeFocused();
});

test('a link dropped on the window opens its page', async ({ reader }) => {
  await reader.open();
  const dataTransfer = await reader.page.evaluateHandle((url) => {
    const dt = new (globalThis as any).DataTransfer();
    dt.setData('text/uri-list', `# dragged from a browser\r\n${url}`);
    return dt;
  }, `${site}/harbour`);
  await reader.page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(reader.page.locator('#drop-overlay')).toBeVisible();
  await reader.page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(reader.page.locator('#drop-overlay')).toBeHidden();
  await expectReadFromTop(reader, 'Harbour wall repaired');
});
