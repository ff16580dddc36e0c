// The app with a real screen reader: Orca reads the app (served by the harness, in Chromium)
// while a user presses real keys, and we assert what Orca says. Every command is tried the way
// a screen-reader user gives it: in browse mode (Orca reading the article; its own letters and
// arrows stay Orca's, so the app's browse-mode keys are used: Ctrl+Alt+letter, F1, Escape) and
// in focus mode (the reading keys area, where plain keys reach the app).
//
// Skipped, with the reason printed, where Orca, Xvfb, xdotool, speech-dispatcher or D-Bus is
// missing; .ci/run installs them. One Orca session serves the whole file (it takes seconds to
// start), so the steps run in order.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarness, type Harness } from '../../harness/server';
import { OrcaSession, missingPrerequisite } from './orca-session';

const SAMPLE = new URL('../../content/idlib-bloody-week.txt', import.meta.url);
const TITLE = /Sleeping four-year-old amongst casualties in Syria/;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const missing = missingPrerequisite();
if (missing) console.log(`screen-reader tests skipped: ${missing}`);

let work = '';
let harness: Harness;
let orca: OrcaSession;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (missing) return;
  work = await mkdtemp(join(tmpdir(), 'article-reader-sr-'));
  // A copy of the sample with its own text (so its own reading position, at the top) for the
  // focus-mode steps, and a file that cannot be read, for the error.
  await writeFile(join(work, 'sample-copy.txt'), `${readFileSync(SAMPLE, 'utf8').trimEnd()}\n\nThis copy is for the focus-mode steps.\n`);
  await writeFile(join(work, 'picture.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  harness = await startHarness({ userDataDir: join(work, 'user-data') });
  orca = await OrcaSession.start(harness.url);
});

/** Orca's log is kept (and its folder printed) when a step fails. */
let failed = false;
test.afterEach(({}, info) => {
  if (info.status !== info.expectedStatus) failed = true;
});

test.afterAll(async () => {
  if (missing) return;
  if (failed && orca) console.log(`screen-reader tests: Orca's log is in ${orca.logFile}`);
  await orca?.close(failed);
  await harness?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test.beforeEach(() => {
  test.skip(missing !== null, missing ?? '');
});

const playerState = () => orca.page.locator('html').getAttribute('data-player');
const focusedId = () => orca.page.evaluate(() => String((globalThis as any).document.activeElement?.id ?? ''));

/** Every command, in the order a listener might use them, with the key for `mode`. */
async function commands(mode: 'browse' | 'focus'): Promise<void> {
  const key = (browse: string, focus: string) => (mode === 'browse' ? browse : focus);

  await test.step('play, and pause (the voice starting is the answer: Orca does not talk over it)', async () => {
    const m = await orca.mark();
    orca.press(key('ctrl+alt+space', 'space'));
    await expect.poll(playerState).toMatch(/^(loading|playing)$/);
    await orca.pressAndHear(key('ctrl+alt+space', 'space'), /^Paused$/);
    expect(await orca.spokenSince(m)).not.toContain('Playing');
    expect(await playerState()).toBe('paused');
  });

  await test.step('next and previous quote, with the speaker heard', async () => {
    // Not playing, the quote's words are heard after whose they are.
    await orca.pressAndHear(key('ctrl+alt+q', 'q'), /^Quote 1 of 6, Khalid's mother: A rocket hit our home/);
    await orca.pressAndHear(key('ctrl+alt+q', 'q'), /^Quote 2 of 6, Dr Ahmad Tarakji: .*The airstrikes are targeting/);
    await orca.pressAndHear(key('ctrl+alt+shift+q', 'shift+q'), /^Quote 1 of 6, Khalid's mother: A rocket hit our home/);
    // Paused stays paused when moving.
    expect(await playerState()).toBe('paused');
  });

  await test.step('next change of speaker', async () => {
    await orca.pressAndHear(key('ctrl+alt+s', 's'), /^Narrator: \S/);
    await orca.pressAndHear(key('ctrl+alt+s', 's'), /^Dr Ahmad Tarakji: .*The airstrikes are targeting/);
  });

  await test.step('where am I, and again: the same answer is heard twice', async () => {
    await orca.pressAndHear(key('ctrl+alt+w', 'w'), /^Paragraph \d+ of \d+\. Quote 2 of 6\. Dr Ahmad Tarakji\. Paused\.$/);
    // (Orca drops a live region text that repeats the last one: the app marks a repeat so it is not.)
    await orca.pressAndHear(key('ctrl+alt+w', 'w'), /^Paragraph \d+ of \d+\. Quote 2 of 6\. Dr Ahmad Tarakji\. Paused\.$/);
  });

  await test.step('the quote list: opens on the current quote, arrows move, Enter plays', async () => {
    const heard = await orca.pressAndHear(key('ctrl+alt+u', 'l'), /^Quote 2 of 6: The airstrikes are targeting/);
    expect(heard.join(' | ')).toMatch(/Quotes dialog/);
    await orca.pressAndHear('Down', /^Quote 3 of 6, partial: stop the horror/);
    await orca.pressAndHear('Return', /^Quote 3 of 6, partial, British Government$/);
    await expect.poll(playerState).toMatch(/^(loading|playing)$/);
    await orca.pressAndHear(key('ctrl+alt+space', 'space'), /^Paused$/);
  });

  await test.step('stop, and stop again says so', async () => {
    await orca.pressAndHear('Escape', /^Stopped$/);
    await orca.pressAndHear(key('ctrl+alt+x', 'Escape'), /^Already stopped$/);
  });

  // Closing a panel returns focus where it was. (Orca 43 does not always speak that focus: the
  // control it was reading in the panel has gone, and it then moves there silently. The next
  // step waits until it has.)
  const home = mode === 'browse' ? 'article' : 'reading-keys';
  const homeLocus = mode === 'browse' ? /^article \| / : /^tool bar \| Reading keys$/;

  await test.step('settings', async () => {
    const heard = await orca.pressAndHear('ctrl+comma', /^Narrator voice combo box/);
    expect(heard.join(' | ')).toMatch(/Settings dialog/);
    await orca.pressAndFollow('Escape', homeLocus);
    expect(await focusedId()).toBe(home);
  });

  await test.step('help', async () => {
    await orca.pressAndHear(key('F1', 'F1'), /^Keyboard help dialog/);
    await orca.pressAndFollow('Escape', homeLocus);
    expect(await focusedId()).toBe(home);
  });

  await test.step('open: a dismissed dialog says so; an error is spoken and the article kept', async () => {
    await orca.pressAndHear('ctrl+o', /^Open cancelled$/);
    harness.answerDialog('open', join(work, 'picture.txt'));
    await orca.pressAndHear('ctrl+o', /^Could not open the article: /);
    await expect(orca.page.locator('#article h1')).toHaveText(TITLE);
  });
}

test('opening the app: Orca says the article opened, at its start, and how to play it', async () => {
  await orca.waitForSpeech(new RegExp(`^Opened ${TITLE.source}.*\\. Press Space or Ctrl\\+Alt\\+Space to play, F1 for help\\.$`), 0, 60_000);
  // Focus was put at the article's start, and Orca followed it there.
  await orca.waitForSpeech(new RegExp(`${TITLE.source}.* article\\.?$`), 0);
  expect(await focusedId()).toBe('article');
});

test('browse mode: Orca keeps plain letters, and every command works with the browse-mode keys', async () => {
  // Browse mode: a bare Q is Orca's own block-quote navigation; the app hears nothing.
  const before = await orca.page.locator('#announcer').textContent();
  await orca.pressAndHear('q', /A rocket hit our home/);
  expect(await orca.page.locator('#announcer').textContent()).toBe(before);
  await commands('browse');
});

test('open: the new article is announced and focus goes to its start', async () => {
  harness.answerDialog('open', join(work, 'sample-copy.txt'));
  await orca.pressAndHear('ctrl+o', new RegExp(`^Opened ${TITLE.source}`));
  await expect.poll(focusedId).toBe('article');
});

test('focus mode: in the reading keys area every plain key reaches the app', async () => {
  // From the article's start, Shift+Tab reaches the reading keys area: Orca switches to focus mode.
  // Orca speaks the tool bar's name, then its description (the hint), maybe as a later utterance: wait for the hint.
  const heard = await orca.pressAndHear('shift+Tab', /Plain keys work here/);
  expect(heard.join(' | ')).toMatch(/Reading keys tool bar.*Plain keys work here/);
  expect(await focusedId()).toBe('reading-keys');
  await commands('focus');
  expect(await focusedId()).toBe('reading-keys');
});
