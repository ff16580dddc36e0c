// The article's structure as assistive technology sees it, and what happens when things fail.
import { expect, test } from './fixtures';

test('the sample article has headings, paragraphs, captions and labelled block quotes', async ({ reader }) => {
  await reader.open();
  // Partial match: these nodes, in this order (others may sit in between).
  await expect(reader.article).toMatchAriaSnapshot(`
    - article:
      - heading /Sleeping four-year-old amongst casualties in Syria/ [level=1]
      - paragraph: /Video report by ITV News correspondent Dan Rivers/
      - paragraph: /^Khaled was asleep with his pet cat/
      - figure /rescued from under the rubble of his home/
      - figure /[Mm]other|[Mm]um/:
        - blockquote:
          - paragraph: /A rocket hit our home/
          - paragraph: /I started counting my children/
      - figure /Dr Ahmad Tarakji/:
        - blockquote:
          - paragraph: /airstrikes are targeting the towns/
          - paragraph: /high number of children injured/
          - paragraph: /UNSC 2286/
      - figure /talks to the doctor at a hospital in Idlib/
      - figure /David Nott/:
        - blockquote:
          - paragraph: /Attacking hospitals and medical staff/
          - paragraph: /name and shame/
      - figure /Hamish de Bretton-Gordon/:
        - blockquote:
          - paragraph: /29 attacks on hospitals/
          - paragraph: /three million civilians/
      - paragraph: /330,000 people have been forced to flee/
  `);
  // Every block quote shows its speaker as a visible <cite>; credits sit in their own element.
  for (const figure of await reader.article.locator('figure.quote').all()) {
    await expect(figure.locator('figcaption cite')).toBeVisible();
  }
  await expect(reader.article.locator('figure.caption .credit')).toHaveCount(2);
  await expect(reader.article.locator('figure.caption .credit').first()).toHaveText(/Credit: ITV News/);
  // Partial quotes in narration are <q> with their speaker.
  await expect(reader.article.locator('q[data-speaker]').first()).toBeVisible();
});

test('an engine failure is announced once, stops at that sentence, and Space retries it', async ({ reader, engine }) => {
  await reader.open();
  await reader.press('ArrowRight');
  await expect.poll(() => reader.utteranceIndex()).toBeGreaterThan(0);
  const before = await reader.utteranceIndex();
  // The app makes the clip where the listener stands as soon as they move there (instant
  // play), so the engine must already fail for what comes next.
  for (let i = before + 1; i <= before + 4; i++) await engine.fail(i);
  await reader.press('ArrowRight');
  await expect.poll(() => reader.utteranceIndex()).toBeGreaterThan(before);
  const index = await reader.utteranceIndex();
  const sentence = await reader.currentSentenceIndex();
  for (let i = before + 1; i <= before + 4; i++) if (i !== index) await engine.heal(i);

  await reader.press('Space');
  await expect(reader.alert).toContainText('Could not speak this sentence');
  await expect(reader.alert.locator('p')).toHaveCount(1);
  await reader.waitForPlayerState('stopped');
  expect(await reader.utteranceIndex()).toBe(index);
  expect(await reader.currentSentenceIndex()).toBe(sentence);
  expect((await reader.audio()).paused).toBe(true);

  await engine.heal(index);
  await reader.recordPlayingUtterances();
  await reader.press('Space');
  await reader.waitForPlayerState('playing');
  await reader.waitForAudioProgress(0.1);
  // The first audio heard is the utterance that failed: retried, not skipped.
  expect((await reader.recordedPlayingUtterances())[0]).toBe(index);
  await expect(reader.alert).toBeEmpty();
});

test('a dropped file that cannot be read shows a clear alert and keeps the article', async ({ reader }) => {
  await reader.open();
  const title = await reader.article.locator('h1').textContent();
  const drop = await reader.page.evaluateHandle(() => {
    const g = globalThis as any;
    const dt = new g.DataTransfer();
    dt.items.add(new g.File([new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x02])], 'picture.png', { type: 'image/png' }));
    return dt;
  });
  await reader.page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(reader.alert).toHaveAttribute('role', 'alert');
  await expect(reader.alert).toContainText(/Could not open the article: .+/);
  await expect(reader.article.locator('h1')).toHaveText(title!);
  // The error is the last word: no "Opening picture.png" left in the status region after it.
  await expect(reader.announcer).not.toContainText('Opening');
});

test('a dropped file over the size limit is refused before it is read, and the article is kept', async ({ reader }) => {
  await reader.open();
  const title = await reader.article.locator('h1').textContent();
  // 25 MB: past what the main process would even accept over IPC, so this message can only
  // come from the page measuring the file before reading it.
  const drop = await reader.page.evaluateHandle(() => {
    const g = globalThis as any;
    const dt = new g.DataTransfer();
    dt.items.add(new g.File([new Uint8Array(25 * 1024 * 1024)], 'holiday-video.txt'));
    return dt;
  });
  await reader.page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(reader.alert).toContainText('holiday-video.txt is too large to read as an article (25.0 MB; the limit is 16.0 MB).');
  await expect(reader.article.locator('h1')).toHaveText(title!);
});

test('a newly opened article starts at its top, not where the last one was scrolled to', async ({ reader }) => {
  await reader.open();
  const scroller = () => (globalThis as any).document.scrollingElement;
  await reader.page.evaluate(`(${scroller})().scrollTo(0, (${scroller})().scrollHeight)`);
  await expect.poll(() => reader.page.evaluate(`(${scroller})().scrollTop`)).toBeGreaterThan(200);
  const drop = await reader.page.evaluateHandle(() => {
    const g = globalThis as any;
    const dt = new g.DataTransfer();
    const body = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long article, long enough to scroll.`).join('\n\n');
    dt.items.add(new g.File([`Another headline\n\n${body}`], 'another.txt', { type: 'text/plain' }));
    return dt;
  });
  await reader.page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(reader.article.locator('h1')).toHaveText('Another headline');
  await expect.poll(() => reader.page.evaluate(`(${scroller})().scrollTop`)).toBe(0);
});
