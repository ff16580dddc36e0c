// Navigating as a screen-reader user does, keyboard only: headings, partial quotes, moving
// while paused, what Escape and a cancelled Open say, where focus goes after opening, and a
// page that reads exactly as the article.
import { readFileSync } from 'node:fs';
import { loadArticleBytes } from '../../electron/articles/load-article';
import { expect, test } from './fixtures';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url));
const SAMPLE = readFileSync(new URL('../../content/idlib-bloody-week.txt', import.meta.url));

test('headings: H and Shift+H (and their browse-mode keys) move by heading; Markdown ## is a level-2 heading', async ({ reader }) => {
  await reader.open();
  await reader.press('h');
  await reader.waitForAnnouncement('No headings after the title');
  // ...and the title is the heading Shift+H goes back to, from further down.
  await reader.press('ArrowDown');
  await reader.press('ArrowDown');
  await reader.press('Shift+H');
  await reader.waitForAnnouncement(/^Heading level 1, Sleeping four-year-old/);

  await reader.dropFile('explainer-housing-bill.md', fixture('explainer-housing-bill.md'));
  await expect(reader.article.locator('h1')).toHaveText(/What's in the Senate's housing bill/);
  await expect(reader.article.getByRole('heading', { level: 2, name: 'What the bill does' })).toBeVisible();
  // No level is skipped: every heading is at most one level below the one before it.
  const levels = await reader.article.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs: any[]) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  levels.forEach((l, i) => i > 0 && expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1));

  await reader.press('h');
  await reader.waitForAnnouncement('Heading level 2, What the bill does');
  await reader.press('Control+Alt+H');
  await reader.waitForAnnouncement('Heading level 2, Who supports it');
  await reader.press('Shift+H');
  await reader.waitForAnnouncement('Heading level 2, What the bill does');
  await reader.press('Control+Alt+Shift+H');
  await reader.waitForAnnouncement(/^Heading level 1, What's in the Senate's housing bill/);
  await reader.press('Shift+H');
  await reader.waitForAnnouncement('No earlier headings');
  await expect(reader.article.locator('.sentence.is-current')).toHaveText(/What's in the Senate's housing bill/);
});

test('partial quotes: Q reaches them, the list marks them, Where am I says whose words they are; a setting leaves them out', async ({ reader }) => {
  await reader.open();
  await reader.press('q');
  // Not playing, the quote's words are said after whose they are.
  await reader.waitForAnnouncement(/^Quote 1 of 6, Khalid's mother: A rocket hit our home/);
  await reader.press('q');
  await reader.press('q');
  await reader.waitForAnnouncement(/^Quote 3 of 6, partial, British Government: .*stop the horror and senseless attacks/);
  await expect(reader.article.locator('.sentence.is-current')).toContainText('"stop the horror and senseless attacks"');
  await reader.press('w');
  await reader.waitForAnnouncement(/^Paragraph \d+ of \d+\. Narrator\. Quoting British Government, quote 3 of 6, partial\. Stopped\.$/);
  await reader.press('l');
  const dialog = await reader.waitForDialog('Quotes');
  await expect(dialog.locator('[role="option"]:focus')).toHaveText(/^Quote 3 of 6, partial: stop the horror/);
  await expect(dialog.getByRole('option')).toHaveCount(6);
  await reader.press('Escape');
  await reader.waitForNoDialog();

  await reader.changeSetting('Partial quotes in quote navigation and the quote list', false);
  const heard: string[] = [];
  for (;;) {
    await reader.press('Control+Alt+Shift+Q');
    const said = await reader.waitForAnnouncement(/^(Quote \d+ of \d+, .+|No earlier quotes)$/);
    if (said === 'No earlier quotes') break;
    heard.push(said);
    if (heard.length > 10) throw new Error('Shift+Q never reached the first quote');
  }
  for (;;) {
    await reader.press('q');
    const said = await reader.waitForAnnouncement(/^(Quote \d+ of \d+, .+|No more quotes)$/);
    if (said === 'No more quotes') break;
    heard.push(said);
    if (heard.length > 20) throw new Error('Q never reached the last quote');
  }
  expect(heard.filter((h) => h.includes('partial'))).toEqual([]);
  expect(heard).toContainEqual(expect.stringMatching(/^Quote 4 of 4, Hamish de Bretton-Gordon: /));
  await reader.press('l');
  const list = await reader.waitForDialog('Quotes');
  await expect(list.getByRole('option')).toHaveCount(4);
  await expect(list.getByRole('option', { name: /partial/ })).toHaveCount(0);
});

test('Right and Down while paused move and stay paused; Space then plays from there', async ({ reader }) => {
  await reader.open();
  await reader.moveToLongSentence();
  await reader.press('Space');
  await reader.waitForAudioProgress(0.2);
  await reader.press('Space');
  await reader.waitForPlayerState('paused');
  const before = await reader.utteranceIndex();

  await reader.press('ArrowRight');
  await expect.poll(() => reader.utteranceIndex()).toBeGreaterThan(before);
  // The sentence moved to is read out (the voice is paused, so the announcement is the answer).
  await expect(reader.announcer).not.toHaveText(/^(Paused|Stopped|)$/);
  expect(await reader.playerState()).toBe('paused');
  await expect(reader.page.locator('#status-state')).toHaveText('Paused');

  await reader.press('ArrowDown');
  await reader.waitForAnnouncement(/^Paragraph \d+ of \d+: /);
  expect(await reader.playerState()).toBe('paused');
  const moved = await reader.utteranceIndex();

  await reader.recordPlayingUtterances();
  await reader.press('Space');
  await reader.waitForAudioProgress(0.1);
  expect((await reader.recordedPlayingUtterances())[0]).toBe(moved);
});

test('Escape when already stopped, and a cancelled Open, say so', async ({ reader }) => {
  await reader.open();
  await reader.press('Escape');
  await reader.waitForAnnouncement('Already stopped');
  await reader.press('Control+O');
  await reader.waitForAnnouncement('Open cancelled');
  await expect(reader.article.locator('h1')).toHaveText(/Sleeping four-year-old/);
});

test('after an article opens, focus is at its start (from the article list too)', async ({ reader }) => {
  await reader.open();
  expect(await reader.page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('article');
  await reader.press('Shift+Tab');
  await expect(reader.page.locator('#reading-keys')).toBeFocused();

  await reader.dropFile('short.txt', 'A short headline\n\nFirst paragraph of it.\n\nSecond paragraph.');
  await expect(reader.article.locator('h1')).toHaveText('A short headline');
  await expect(reader.article).toBeFocused();

  await reader.press('a');
  const list = await reader.waitForDialog('Articles');
  await reader.tabTo(list.getByRole('button', { name: /Sleeping four-year-old/ }));
  await reader.press('Enter');
  await expect(reader.article.locator('h1')).toHaveText(/Sleeping four-year-old/);
  await expect(reader.article).toBeFocused();
  await reader.waitForAnnouncement(/^Opened Sleeping four-year-old/);
});

test('the page reads exactly as the article: its text is the article text, speaker labels only beside block quotes', async ({ reader }) => {
  await reader.open();
  const articles: [string, Buffer][] = [
    ['idlib-bloody-week.txt', SAMPLE],
    ['explainer-housing-bill.md', fixture('explainer-housing-bill.md')],
    ['culture-nell-tavener-interview.md', fixture('culture-nell-tavener-interview.md')],
    ['guardian-maternity-units.txt', fixture('guardian-maternity-units.txt')],
    ['bbc-minister-tax-interview.txt', fixture('bbc-minister-tax-interview.txt')],
  ];
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (const [name, bytes] of articles) {
    const loaded = loadArticleBytes(name, new Uint8Array(bytes));
    if (!loaded.ok) throw new Error(loaded.message);
    const model = loaded.model;
    // The first file is the sample already open: wait for the new document, not for a title it already shows.
    const before = await reader.article.getAttribute('data-doc-id');
    await reader.dropFile(name, new Uint8Array(bytes));
    await expect(reader.article).not.toHaveAttribute('data-doc-id', before ?? '');
    await reader.waitForArticle();
    await expect(reader.article.locator('h1')).toHaveText(model.title!);
    // The rendered text (innerText: what is shown, blocks on lines of their own) without the labels.
    const shown = await reader.article.evaluate((a: any) => {
      const labels = [...a.querySelectorAll('.quote-speaker')];
      for (const l of labels) l.style.setProperty('display', 'none');
      const text = a.innerText as string;
      for (const l of labels) l.style.removeProperty('display');
      return text;
    });
    expect(squash(shown), name).toBe(squash(model.text));
    // Inline quotes add nothing (no generated speaker name before them).
    const generated = await reader.article.locator('q').evaluateAll((qs: any[]) =>
      qs.map((q) => (globalThis as any).getComputedStyle(q, '::before').content).filter((c: string) => c !== 'none' && c !== 'normal'));
    expect(generated, name).toEqual([]);
    // Each block quote's speaker is in its label, outside the quoted text.
    for (const figure of await reader.article.locator('figure.quote').all()) {
      await expect(figure.locator('figcaption.quote-speaker')).toHaveCount(1);
      await expect(figure.locator('blockquote .quote-speaker')).toHaveCount(0);
    }
  }
});
