// Big and pathological articles in the real renderer (chromium project: harness + Debian
// Chromium). These assert behaviour, never time: the article opens whole, keys are answered
// while it is still going into the page, navigation reaches its far end, and the parse
// worker's time limit gives a clear message and keeps the article that was open.
// (How long any of it takes is measured by `npm run bench`: open_1mb.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type CDPSession, type Page } from '@playwright/test';
import { generateArticle, generateCombiningMarks, generateLongParagraph, generateQuoteDense } from '../../bench/gen';
import { parseArticle, parseBlocks, rawBlocksOf } from '../../core/article/parse';
import { previewBlockCount } from '../../core/article/preview';
import type { ArticleModel, ReadingPlan } from '../../core/contract';
import { buildPlan } from '../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { startHarness, type Harness } from '../../harness/server';
import * as nav from '../../renderer/navigation';
import { ReaderDriver } from './driver';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface BigFixtures {
  dir: string;
  /** Parse worker time limit for this test's harness. */
  parseTimeoutMs: number;
  harness: Harness;
  reader: ReaderDriver;
}

const test = base.extend<BigFixtures>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'article-reader-big-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // Roomier than the app's 15 s: parsing 37,000 quotes takes seconds, and several times that on
  // a 2-core machine shared with other test runs. The limit itself is tested below.
  parseTimeoutMs: [120_000, { option: true }],
  harness: async ({ dir, parseTimeoutMs }, use) => {
    const harness = await startHarness({ userDataDir: join(dir, 'user'), parseTimeoutMs });
    await use(harness);
    await harness.close();
  },
  reader: async ({ page, harness }, use) => {
    await use(new ReaderDriver(page, { url: harness.url, menuCommand: async (c) => void (await harness.command(c)) }));
  },
});

// Playwright's trace snapshots copy the whole DOM at every step, forcing style and layout of all
// of it: hundreds of thousands of nodes here, minutes per test. The app is what is measured.
test.use({ trace: 'off' });

test.beforeEach(() => {
  test.skip(test.info().project.name !== 'chromium', 'drives the harness in Chromium');
  // Parsing a 1 MB article on a busy 2-core machine takes seconds; nothing here waits on a clock.
  test.setTimeout(300_000);
});

/** Opens `text` as a file through Ctrl+O (the open dialog answered by the harness); resolves when the new article is in the page. */
async function openFile(reader: ReaderDriver, harness: Harness, dir: string, name: string, text: string): Promise<void> {
  const path = join(dir, name);
  await writeFile(path, text);
  const before = await reader.article.getAttribute('data-doc-id');
  harness.answerDialog('open', path);
  await reader.press('Control+o');
  await expect(reader.article).not.toHaveAttribute('data-doc-id', before ?? '', { timeout: 240_000 });
}

/**
 * Until the whole article is in the page. Polled with a plain function: expect(locator) resolves
 * and previews the locator at each poll, which on a DOM of 100,000 elements slowed the page it
 * waited on about tenfold (37,000 quotes went in in 200 s instead of 18 s).
 */
async function waitUntilComplete(reader: ReaderDriver): Promise<void> {
  await reader.article.page().waitForFunction(() => (globalThis as any).document.getElementById('article').getAttribute('aria-busy') === 'false', null, { timeout: 240_000, polling: 500 });
}

const domSentences = (page: Page) =>
  page.locator('#article .sentence').evaluateAll((spans: any[]) => [...new Set(spans.map((s) => Number(s.dataset.sentence)))]);

const speakerName = (model: ArticleModel, id: string | null) => model.speakers.find((s) => s.id === id)?.name ?? 'Unknown speaker';

function modelAndPlan(text: string): { model: ArticleModel; plan: ReadingPlan } {
  const model = parseArticle(text);
  return { model, plan: buildPlan(model, DEFAULT_SETTINGS, []) };
}

/** Slows the page's CPU so that putting a big article in the page takes long enough to act during it. */
async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

test('a 1 MB article: keys answered while it goes into the page, every spoken sentence there, the last quote reachable', async ({ reader, harness, dir, page }) => {
  await reader.open();
  const text = generateArticle(1_000_000, 11);
  const { model, plan } = modelAndPlan(text);
  const paragraphs = new Set(plan.utterances.map((u) => u.block)).size;

  // Where was the article when the listener asked "where am I"? Recorded in the page, at the answer.
  await page.evaluate(() => {
    const d = (globalThis as any).document;
    const w = globalThis as any;
    w.__answeredWhileBusy = null;
    new w.MutationObserver(() => {
      if (/^Paragraph 1 of/.test(d.getElementById('announcer').textContent) && w.__answeredWhileBusy === null) {
        w.__answeredWhileBusy = d.getElementById('article').getAttribute('aria-busy') === 'true';
      }
    }).observe(d.getElementById('announcer'), { childList: true, characterData: true, subtree: true });
  });
  const cdp = await throttle(page, 6);
  await openFile(reader, harness, dir, 'big.txt', text);
  await reader.press('w');
  // While only its first part is in, the counts say so.
  await reader.waitForAnnouncement(new RegExp(`^Paragraph 1 of (?:${paragraphs}\\b|\\d+ so far\\.)`));
  expect(await page.evaluate(() => (globalThis as any).__answeredWhileBusy)).toBe(true);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await waitUntilComplete(reader);

  // The whole article is in the DOM (browse mode and find-in-page read all of it), in order.
  const inPage = await domSentences(page);
  const spoken = [...new Set(plan.utterances.flatMap((u) => (u.sentence === null ? [] : [u.sentence])))];
  expect(inPage).toEqual(expect.arrayContaining(spoken));
  expect(inPage[0]).toBe(0);
  expect(inPage.at(-1)).toBe(model.sentences.length - 1);
  await expect(reader.article.locator('.sentence').last()).toContainText(model.sentences.at(-1)!.text.replace(/["“”]/g, '').trim().slice(0, 30));

  // The quote list reaches the last quote and plays from it; the reading is stopped there, the
  // sentence being read is on screen after the jump, and Shift+Q goes back a quote. (The last
  // quote is near the end: how far the reading got before Escape depends on the machine, so
  // the expected previous quote is worked out from where it stopped.)
  const starts = nav.quoteStarts(plan, model.quotes);
  const [lastQuote, lastStart] = [...starts].at(-1)!;
  const total = model.quotes.length;
  await reader.recordAnnouncements();
  await reader.recordPlayingUtterances();
  await reader.press('l');
  const dialog = await reader.waitForDialog('Quotes');
  await dialog.locator(`[role="option"][data-quote="${lastQuote}"]`).click();
  await expect.poll(() => reader.recordedAnnouncements()).toContainEqual(expect.stringMatching(new RegExp(`^Quote ${lastQuote + 1} of ${total}\\b`)));
  await expect.poll(() => reader.recordedPlayingUtterances()).toContain(lastStart);
  await reader.press('Escape');
  await reader.waitForPlayerState('stopped');
  const at = await reader.utteranceIndex();
  expect(at).toBeGreaterThanOrEqual(lastStart);
  const sentence = plan.utterances[at]!.sentence;
  if (sentence !== null) await expect(reader.article.locator(`.sentence[data-sentence="${sentence}"]`).first()).toBeInViewport();
  const previous = nav.previousQuote(plan, at, model.quotes, at === lastStart ? lastQuote : null)!;
  await reader.press('Shift+Q');
  await reader.waitForAnnouncement(new RegExp(`^Quote ${previous.quote + 1} of ${total}\\b`));
});

// Big articles open with their first part (core/article/preview.ts): it is shown and read at once,
// and the rest follows without taking away what the listener (or a screen reader) is on.
test('a big article opens with its first part: Space plays at once, and the rest goes on after it, nothing shown replaced', async ({ reader, harness, dir, page }) => {
  await reader.open();
  const text = generateArticle(1_000_000, 11);
  const { model, plan } = modelAndPlan(text);
  const paragraphs = new Set(plan.utterances.map((u) => u.block)).size;
  // A speaker the whole article names more fully than its first part does ("Dr …").
  const raw = rawBlocksOf(text, 'text');
  const first = parseBlocks(raw.slice(0, previewBlockCount(raw)!), 'text');
  const renamed = first.quotes.find((q) => !q.partial && speakerName(first, q.speakerId) !== speakerName(model, model.quotes[q.index]!.speakerId))!;
  expect(renamed).toBeDefined();
  await openFile(reader, harness, dir, 'big.txt', text);
  const firstSentence = await reader.article.locator('.sentence[data-sentence="0"]').first().elementHandle();
  const labels = reader.article.locator(`figure.quote[data-quote="${renamed.index}"] cite`);
  await expect(labels.first()).toHaveText(speakerName(first, renamed.speakerId));
  const labelElement = await reader.article.locator(`figure.quote[data-quote="${renamed.index}"] .quote-speaker`).first().elementHandle();
  // Only the first part is in: the last sentence is not, and the article says it is busy.
  expect((await domSentences(page)).length).toBeLessThan(model.sentences.length / 10);
  await expect(reader.article).toHaveAttribute('aria-busy', 'true');
  await reader.press('Space');
  await reader.waitForAudioProgress(0.1);
  await waitUntilComplete(reader);
  expect(await firstSentence!.evaluate((el: any) => el.isConnected)).toBe(true);
  expect((await domSentences(page)).length).toBe(model.sentences.length);
  // The label is renamed where it is.
  const fuller = speakerName(model, model.quotes[renamed.index]!.speakerId);
  expect(await labels.allTextContents()).toEqual((await labels.allTextContents()).map(() => fuller));
  await expect(labels.first()).toHaveText(fuller);
  expect(await labelElement!.evaluate((el: any) => el.isConnected)).toBe(true);
  expect(await reader.playerState()).toBe('playing');
  await reader.press('w');
  await reader.waitForAnnouncement(new RegExp(`^Paragraph \\d+ of ${paragraphs}\\.`));
  await reader.press('Escape');
});

test('a big article whose whole reads differently from its first part replaces it, reading on at the same sentence', async ({ reader, harness, dir, page }) => {
  await reader.open();
  // A first part quoting with single marks, then far more quoting with double marks: read whole,
  // the article quotes with double marks, and its single-marked passages are narration.
  const single = Array.from({ length: 110 }, (_, i) => `'It was the "best" day we have had at Eastport,' said Mara Quell, the harbour master, on day ${i + 1}. The council met again that evening and heard the engineers.`);
  const double = Array.from({ length: 1500 }, (_, i) => `"The pumps ran all night at Westgate," said Ivo Brand, who runs the yard, in week ${i + 1}. "We kept going," he said.`);
  const text = ['Harbour diary', ...single, ...double].join('\n\n');
  const whole = modelAndPlan(text).model;
  await openFile(reader, harness, dir, 'diary.txt', text);
  const firstSentence = await reader.article.locator('.sentence[data-sentence="0"]').first().elementHandle();
  const shownQuotes = await reader.article.locator('figure.quote').count();
  expect(shownQuotes).toBeGreaterThan(0);
  await reader.press('ArrowDown');
  await reader.press('ArrowDown');
  await reader.press('Space');
  await reader.waitForAudioProgress(0.1);
  const sentence = await reader.waitForHighlightIndex((i) => i > 0);
  await waitUntilComplete(reader);
  // Replaced: the first part's elements are gone, the whole article is in the page.
  expect(await firstSentence!.evaluate((el: any) => el.isConnected)).toBe(false);
  expect((await domSentences(page)).length).toBe(whole.sentences.length);
  // Reading goes on where it was, highlighted in the new page.
  expect(await reader.playerState()).toBe('playing');
  await reader.waitForHighlightIndex((i) => i >= sentence && i < sentence + 20);
  await expect(reader.article.locator('.sentence.is-current').first()).toBeVisible();
  await reader.press('Escape');
});

// Pathological text, one kind per test (each opens whole and stays usable).
test('200 KB of stacked combining marks opens whole and stays usable', async ({ reader, harness, dir }) => {
  await reader.open();

  // 200 KB of stacked marks (the kind whose layout grows with its square) between two plain paragraphs.
  const marks = generateCombiningMarks(200_000).replace(/[\u0301\u0308\u0327\u0336]/g, (m) => ({ '\u0301': '\u05b0', '\u0308': '\u05b8', '\u0327': '\u0301', '\u0336': '\u064e' })[m]!);
  await openFile(reader, harness, dir, 'marks.txt', marks);
  await waitUntilComplete(reader);
  await expect(reader.article.getByText('The last paragraph is plain text.')).toBeVisible();
  // Nothing dropped: every character is in the DOM; past the first few, a run of marks is hidden.
  const shown = await reader.article.evaluate((a: any) => ({ text: a.textContent.length, hidden: a.querySelectorAll('.excess-marks[hidden]').length }));
  expect(shown.hidden).toBeGreaterThan(0);
  expect(shown.text).toBeGreaterThanOrEqual(200_000);
  await reader.press('ArrowRight');
  await expect.poll(() => reader.currentSentenceIndex()).toBeGreaterThan(0);
});

test('one 500 KB paragraph opens whole, in parts, and the next-paragraph key reaches its end', async ({ reader, harness, dir, page }) => {
  await reader.open();

  // One 500 KB paragraph: all of it in the page, in parts; the next-paragraph key reaches its end.
  const paragraph = generateLongParagraph(500_000, 3);
  const long = modelAndPlan(paragraph);
  await openFile(reader, harness, dir, 'paragraph.txt', paragraph);
  await waitUntilComplete(reader);
  expect((await domSentences(page)).length).toBe(long.model.sentences.length);
  expect(await reader.article.locator('p .block-part').count()).toBeGreaterThan(20);
  await reader.press('ArrowDown');
  await reader.waitForAnnouncement(/^Paragraph 2 of 2: /);
  await reader.press('Space');
  await reader.waitForAudioProgress(0.1);
  await reader.press('Escape');
});

test('37,000 quotes: Q walks them while the article goes into the page, and all of it arrives', async ({ reader, harness, dir, page }) => {
  await reader.open();

  // Tens of thousands of quotes: Q walks them, announcing each.
  const dense = generateQuoteDense(1_000_000, 5);
  const quotes = modelAndPlan(dense).model.quotes.length;
  expect(quotes).toBeGreaterThan(30_000);
  await openFile(reader, harness, dir, 'quotes.txt', dense);
  await reader.press('q');
  await reader.waitForAnnouncement(new RegExp(`^Quote 1 of (?:${quotes}\\b|\\d+ so far\\b)`));
  await reader.press('q');
  await reader.waitForAnnouncement(new RegExp(`^Quote 2 of (?:${quotes}\\b|\\d+ so far\\b)`));
  await waitUntilComplete(reader);
  await reader.press('w');
  await reader.waitForAnnouncement(new RegExp(`Quote 2 of ${quotes}\\b`));
  expect((await domSentences(page)).length).toBeGreaterThan(30_000);
});

test.describe('the parse worker time limit', () => {
  // Long enough for the bundled sample on a machine busy with other test runs; far too short for 8 MB of quotes.
  test.use({ parseTimeoutMs: 5000 });

  test('an article that takes too long: its first part opens, a clear message says the rest could not be read, and it plays', async ({ reader, harness, dir }) => {
    await reader.open();
    const huge = generateQuoteDense(8_000_000, 4); // ~300,000 quotes: far more than 5 seconds of parsing on any machine
    const firstParagraph = huge.split('\n\n')[1]!.slice(0, 40);
    await openFile(reader, harness, dir, 'huge.txt', huge);
    await expect(reader.article).toContainText(firstParagraph);
    await expect(reader.alert).toHaveText(`Only the start of ${huge.split('\n')[0]} could be read. Reading the article took longer than 5 seconds and was stopped.`, { timeout: 120_000 });
    await waitUntilComplete(reader);
    await reader.press('Space');
    await reader.waitForAudioProgress(0.1);
  });
});
