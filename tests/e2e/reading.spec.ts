// Keyboard-only reading of the bundled sample: playback, highlight, quotes, rate, settings.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

test.describe('reading the sample article', () => {
  test('plays, and the highlight moves through the sentences in order with the audio', async ({ reader }) => {
    await reader.open();
    const order = await reader.sentenceOrder();
    expect(order.length).toBeGreaterThan(20);
    await reader.recordHighlights();

    await reader.press('Space');
    await reader.waitForPlayerState('playing');
    const first = await reader.waitForAudioProgress();
    expect(first.src).toMatch(/^blob:/);

    // Wait until four sentences have been read, each one after the audio of the one before.
    await expect.poll(async () => (await reader.recordedHighlights()).length, { timeout: 45_000 }).toBeGreaterThanOrEqual(4);
    const seen = await reader.recordedHighlights();
    expect(seen.slice(0, 4)).toEqual(order.slice(0, 4));

    // The highlighted sentence is the one whose audio is playing, and the word is in it.
    const audio = await reader.waitForAudioProgress(0.3);
    expect(audio.src).not.toBe(first.src);
    const { word, sentence } = await reader.currentWordAndSentence();
    expect(sentence).toContain(word);
    // Focus stays at the article's start, where opening put it: the highlight never moves it.
    expect(await reader.page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('article');
  });

  test('continuous reading keeps the next sentence loaded in a second <audio>, which takes over at the end of the one playing', async ({ reader }) => {
    await reader.open();
    // A long sentence first: its clip plays for seconds, time enough for the next one to be fetched and decoded.
    await reader.moveToLongSentence();
    // Each element's loads and starts, taken in the page as they happen (a short clip can end before the test looks).
    await reader.recordDeckEvents();
    await reader.press('Space');
    const at = (await reader.waitForAudioProgress(0.1)).utterance!;
    const events = await reader.waitForDeckEvent('playing', at + 1);
    const of = (type: string) => events.filter((e) => e.type === type && e.utterance === at + 1);
    // While the first clip played, the next was loaded once, in the other element, and decoded there before it was needed...
    expect(of('loadstart')).toHaveLength(1);
    const [loaded] = of('loadstart');
    expect(loaded).toMatchObject({ id: 'reader-audio-next', paused: true, preservesPitch: true });
    expect(loaded!.src).toMatch(/^blob:/);
    expect(of('canplaythrough')[0]).toMatchObject({ element: loaded!.element, id: 'reader-audio-next', paused: true });
    // ...and at the end of the sentence that element plays, the same source (not loaded again).
    expect(of('playing')[0]).toMatchObject({ element: loaded!.element, id: 'reader-audio', src: loaded!.src });
    // And it in turn loads the sentence after (the one after whichever plays by now).
    await expect.poll(async () => {
      const now = await reader.utteranceIndex();
      return now > at && (await reader.nextAudio()).utterance === now + 1;
    }).toBe(true);

    await reader.press('Escape');
    await reader.waitForPlayerState('stopped');
    expect((await reader.nextAudio()).utterance).toBeNull();
  });

  test('read to the end, an article opened again starts from the top, not "where you left off"', async ({ reader }) => {
    await reader.open();
    await reader.dropFile('short.md', '# Short story\n\nOne sentence to read.\n');
    await reader.waitForAnnouncement(/^Opened Short story\. Press Space or Ctrl\+Alt\+Space to play/);
    await reader.press('Space');
    await reader.waitForAnnouncement('End of article', 60_000);
    await reader.reload();
    await reader.waitForAnnouncement(/^Opened Short story\. Press Space or Ctrl\+Alt\+Space to play/);
  });

  test('pauses and resumes at the same place', async ({ reader }) => {
    await reader.open();
    await reader.moveToLongSentence();
    await reader.press('Space');
    await reader.waitForAudioProgress(0.5);

    await reader.press('Space');
    await reader.waitForPlayerState('paused');
    await reader.waitForAnnouncement('Paused');
    const paused = await reader.audio();
    expect(paused.paused).toBe(true);
    const utterance = await reader.utteranceIndex();
    await expect(reader.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    await reader.press('Space');
    await reader.waitForPlayerState('playing');
    const resumed = await reader.audio();
    // Same clip, carried on from where it stopped (not restarted).
    expect(resumed.src).toBe(paused.src);
    expect(resumed.currentTime).toBeGreaterThanOrEqual(paused.currentTime);
    await reader.waitForAudioProgress(paused.currentTime + 0.05);
    expect(await reader.utteranceIndex()).toBe(utterance);
    await expect(reader.page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

    await reader.press('Escape');
    await reader.waitForPlayerState('stopped');
    await reader.waitForAnnouncement('Stopped');
  });

  test('Q jumps to the next quote and announces it; Shift+Q goes back', async ({ reader }) => {
    await reader.open();
    await reader.press('Space');
    await reader.waitForPlayerState('playing');

    // While the voice reads, the announcement is what the voice does not say: the quote's number.
    await reader.press('q');
    const first = await reader.waitForAnnouncement(/^Quote \d+ of \d+/);
    const [, n1, total] = first.match(/^Quote (\d+) of (\d+)/)!;
    expect(Number(total)).toBeGreaterThanOrEqual(5);
    await expect(reader.currentQuoteFigure()).toHaveCount(1);
    const speaker1 = (await reader.currentQuoteFigure().locator('.quote-speaker cite').textContent())!;
    await reader.waitForAudioProgress(0.1);

    await reader.press('q');
    const second = await reader.waitForAnnouncement(/^Quote \d+ of \d+/);
    const n2 = Number(second.match(/^Quote (\d+)/)![1]);
    expect(n2).toBeGreaterThan(Number(n1));

    // The browse-mode form (for screen readers) does the same as Shift+Q.
    await reader.press('Control+Alt+Shift+Q');
    await reader.waitForAnnouncement(first);
    await reader.press('Control+Alt+Q');
    await reader.waitForAnnouncement(second);
    await reader.press('Shift+Q');
    await reader.waitForAnnouncement(first);
    await expect(reader.currentQuoteFigure().locator('.quote-speaker')).toContainText(speaker1);
    await reader.waitForPlayerState('playing');

    // Paused, the speaker is said too.
    await reader.press('Space');
    await reader.waitForPlayerState('paused');
    await reader.press('q');
    await reader.waitForAnnouncement(new RegExp(`^Quote ${n2} of ${total}, .+`));
  });

  test("the quote list opens on the current quote, moves with arrows and type-ahead, and Enter plays Professor Nott's quote", async ({ reader }) => {
    await reader.open();
    await reader.press('q');
    await reader.press('q');
    const at = await reader.waitForAnnouncement(/^Quote 2 of \d+, .+/);
    await reader.press('l');
    const dialog = await reader.waitForDialog('Quotes');
    await expect(dialog).toHaveAccessibleDescription(/^\d+ quotes by \d+ speakers\./);
    const listbox = dialog.getByRole('listbox', { name: 'Quotes by speaker' });
    // Opens on the quote being read.
    const focused = listbox.locator('[role="option"]:focus');
    await expect(focused).toHaveAttribute('aria-selected', 'true');
    await expect(focused).toContainText(/^Quote 2 of \d+: /);
    // Counts per speaker.
    await expect(listbox.getByRole('group', { name: /Hamish de Bretton-Gordon, 2 quotes/ })).toBeVisible();
    await reader.press('Home');
    await expect(focused).toContainText(/^Quote 1 of /);
    await reader.press('ArrowDown');
    await expect(focused).toContainText(/^Quote 2 of /);
    await reader.press('End');
    await expect(focused).toContainText(/partial/);
    // Type-ahead by speaker: "p" goes to Professor Nott's quotes.
    await reader.press('p');
    await expect(listbox.getByRole('group', { name: /Nott/ }).locator('[role="option"]:focus')).toHaveCount(1);
    await reader.press('Enter');
    await reader.waitForNoDialog();

    const announced = await reader.waitForAnnouncement(/^Quote \d+ of \d+/);
    expect(announced).not.toBe(at);
    await reader.waitForPlayerState('playing');
    await expect(reader.currentQuoteFigure().locator('.quote-speaker')).toContainText('Nott');
    await reader.waitForAudioProgress(0.1);
    // Focus went back into the page, not lost.
    expect(await reader.page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('article');
  });

  test('changing the rate while playing applies at once and is saved', async ({ reader }) => {
    await reader.open();
    await expect(reader.page.locator('#status-rate')).toHaveText('175 words per minute');
    await reader.moveToLongSentence();
    await reader.press('Space');
    const before = await reader.waitForAudioProgress(0.3);
    expect(before.playbackRate).toBeCloseTo(1, 2);
    const utterance = await reader.utteranceIndex();

    await reader.press('+');
    await reader.waitForAnnouncement('Rate 200 words per minute');
    // The clip being heard speeds up in place (same clip, pitch preserved)...
    const now = await reader.audio();
    expect(now.src).toBe(before.src);
    expect(now.playbackRate).toBeCloseTo(200 / 175, 2);
    expect(now.preservesPitch).toBe(true);
    expect(await reader.utteranceIndex()).toBe(utterance);
    await expect(reader.page.locator('#status-rate')).toHaveText('200 words per minute');

    // ...and the clips after it are made at the new rate, so they play at their own speed.
    await expect.poll(async () => (await reader.utteranceIndex()) > utterance, { timeout: 45_000 }).toBe(true);
    await expect.poll(async () => (await reader.audio()).playbackRate).toBeCloseTo(1, 2);

    await reader.press('-');
    await reader.waitForAnnouncement('Rate 175 words per minute');
    await reader.press('Control+Alt+Equal');
    await reader.waitForAnnouncement('Rate 200 words per minute');
    await reader.reload();
    await expect(reader.page.locator('#status-rate')).toHaveText('200 words per minute');
  });

  test('settings changed in the dialog persist across a reload', async ({ reader }) => {
    await reader.open();
    await reader.press('Control+Comma');
    const dialog = await reader.waitForDialog('Settings');
    await expect(dialog.getByLabel('Narrator voice')).toBeFocused();

    const theme = dialog.getByLabel('Theme');
    await reader.tabTo(theme);
    await theme.selectOption('dark'); // keyboard users change a <select> with the arrow keys; same change event
    await expect(reader.page.locator('html')).toHaveAttribute('data-theme', 'dark');

    const captions = dialog.getByRole('checkbox', { name: 'Read picture captions' });
    await reader.tabTo(captions);
    await reader.press('Space');
    await expect(captions).not.toBeChecked();

    const rate = dialog.getByLabel('Rate (words per minute)');
    await reader.tabTo(rate);
    await reader.press('Control+A');
    await reader.page.keyboard.type('250');
    await reader.press('Tab');
    await expect(reader.page.locator('#status-rate')).toHaveText('250 words per minute');

    await reader.press('Escape');
    await reader.waitForNoDialog();

    await reader.reload();
    await expect(reader.page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(reader.page.locator('#status-rate')).toHaveText('250 words per minute');
    await reader.press('Control+Comma');
    const again = await reader.waitForDialog('Settings');
    await expect(again.getByLabel('Theme')).toHaveValue('dark');
    await expect(again.getByLabel('Rate (words per minute)')).toHaveValue('250');
    await expect(again.getByRole('checkbox', { name: 'Read picture captions' })).not.toBeChecked();

    // Focus fallen to the page (a screen reader's browse cursor on the panel's text): Tab goes back in, Escape closes.
    await reader.page.evaluate(() => ((globalThis as any).document.activeElement as { blur(): void }).blur());
    await reader.press('Tab');
    await expect(again.getByLabel('Narrator voice')).toBeFocused();
    await reader.page.evaluate(() => ((globalThis as any).document.activeElement as { blur(): void }).blur());
    await reader.press('Escape');
    await reader.waitForNoDialog();
  });

  test('menu commands run the same commands as keys', async ({ reader }) => {
    await reader.open();
    await reader.menuCommand('help');
    const help = await reader.waitForDialog('Keyboard help');
    await expect(help.getByRole('row', { name: /^Next quote/ })).toContainText('Ctrl+Alt+Q');
    await reader.press('Escape');
    await reader.waitForNoDialog();
    await reader.menuCommand('next-quote');
    await reader.waitForAnnouncement(/^Quote 1 of \d+, .+/);
    await reader.menuCommand('where-am-i');
    await reader.waitForAnnouncement(/^Paragraph \d+ of \d+\. Quote 1 of \d+\. .+\. Stopped\.$/);
  });

  test('help opens with F1 and ?, and focus returns to the button that opened it', async ({ reader }) => {
    await reader.open();
    await reader.press('F1');
    await reader.waitForDialog('Keyboard help');
    await reader.press('Escape');
    await reader.waitForNoDialog();
    await reader.press('?');
    await reader.waitForDialog('Keyboard help');
    await reader.press('Escape');

    const helpButton = reader.page.getByRole('button', { name: 'Help' });
    await reader.tabTo(reader.page.getByRole('button', { name: 'Open' }));
    // One tab stop for the toolbar; arrows move inside it.
    await reader.press('End');
    await expect(helpButton).toBeFocused();
    await reader.press('Enter');
    await reader.waitForDialog('Keyboard help');
    await reader.press('Escape');
    await reader.waitForNoDialog();
    await expect(helpButton).toBeFocused();
  });

  test('screenshot mid-playback with a quote and its speaker', async ({ reader }) => {
    await reader.open();
    await reader.press('Space');
    await reader.waitForPlayerState('playing');
    await reader.press('q');
    await reader.press('q');
    await reader.waitForAnnouncement(/^Quote 2 of \d+/);
    await expect.poll(() => reader.currentWordText()).not.toBeNull();
    // Paused there for the checks (highlight and word stay): the quote's first sentence lasts a few seconds, fewer than
    // the checks may take on a busy machine.
    await reader.press('Space');
    await reader.waitForPlayerState('paused');
    await expect(reader.currentQuoteFigure()).toHaveCount(1);
    await reader.waitForHighlightIndex(() => true);
    await expect(reader.article.locator('.sentence.is-current').first()).toBeVisible();
    // Only the quoted half of "Dr Ahmad Tarakji, president of SAMS, said: "The airstrikes ..." is being spoken.
    await expect(reader.article.locator('.sentence.is-current').filter({ hasText: 'president of SAMS, said:' })).toHaveCount(0);
    await expect(reader.article.locator('.sentence.is-current').filter({ hasText: 'The airstrikes' })).toHaveCount(1);
    expect(await reader.currentWordText()).not.toBeNull();
    // Playing again for the picture (the highlight stays on this sentence for its next seconds).
    await reader.press('Space');
    await reader.waitForPlayerState('playing');
    await mkdir(ARTIFACTS, { recursive: true });
    await reader.page.screenshot({ path: `${ARTIFACTS}reading-view-playing.png` });
  });
});
