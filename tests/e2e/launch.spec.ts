// Starting the app on damaged user files, files handed over by a second launch, and errors
// worded for people: in the harness (chromium project) and in Electron (electron project).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test as base } from './fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- page code: this config has no DOM types */

const SETTINGS_NOTICE = /Your settings file was not valid JSON, so the default settings are in use\. The old file was kept as settings\.json\.[\dTZ-]+\.bak\./;
const STATE_NOTICE = /Your reading positions file came from a newer version of Article Reader \(format 7\)/;

// The user-data folder already holds a truncated settings file and a newer version's reading
// state when the app starts.
const test = base.extend({
  userDataDir: async ({ userDataDir }, use) => {
    await mkdir(userDataDir, { recursive: true });
    await writeFile(join(userDataDir, 'settings.json'), '{"version": 1, "rate": 2');
    await writeFile(join(userDataDir, 'reading-state.json'), JSON.stringify({ version: 7, last: null, positions: {} }));
    await use(userDataDir);
  },
});

test('a damaged or newer user file is reported once, stays on screen until dismissed and is announced after the article opens', async ({ reader }) => {
  await reader.open();
  const lasting = reader.page.locator('#notices .notice.is-lasting');
  await expect(lasting).toHaveCount(1);
  await expect(lasting).toBeVisible();
  await expect(lasting).toHaveText(SETTINGS_NOTICE);
  await expect(lasting).toHaveText(STATE_NOTICE);
  // Announced with "Opened …", not overwritten by it.
  await expect(reader.announcer).toHaveText(/^Opened .*\. Press Space or Ctrl\+Alt\+Space to play, F1 for help\. Your settings file was not valid JSON/);
  await expect(reader.announcer).toHaveText(STATE_NOTICE);

  // Later status updates and opening an article again do not wipe it.
  await reader.press('w');
  await expect(reader.announcer).toHaveText(/^Paragraph 1 of/);
  await reader.press('a');
  await reader.dialog.locator('.article-choice').first().click();
  await expect(reader.announcer).toHaveText(/^Opened .*\. Press Space/);
  await expect(reader.announcer).not.toHaveText(SETTINGS_NOTICE); // announced once
  await expect(lasting).toBeVisible();
  await expect(lasting).toHaveText(SETTINGS_NOTICE);
  // It can be put away, from the keyboard: focus goes back to the article.
  const dismiss = lasting.getByRole('button', { name: 'Dismiss this notice' });
  await dismiss.focus();
  await reader.page.keyboard.press('Enter');
  await expect(lasting).toHaveCount(0);
  await expect(reader.announcer).toHaveText('Notice dismissed');
  await expect(reader.article).toBeFocused();
  // Told once: a reload of the page does not repeat it.
  await reader.reload();
  await expect(reader.page.locator('#notices .notice.is-lasting')).toHaveCount(0);
});

test('a file handed over by a second launch opens in the running window and is announced', async ({ reader, harness, userDataDir }, testInfo) => {
  testInfo.skip(!harness, 'a second Electron instance is not launched here: the hand-over logic is unit-tested in tests/unit/launch/single-instance.test.ts');
  await reader.open();
  const file = join(userDataDir, 'handed-over.md');
  await writeFile(file, '# Handed over\n\nA paragraph from the file manager.\n');
  await harness!.handOver(file);
  await expect(reader.article.locator('h1')).toHaveText('Handed over');
  await expect(reader.announcer).toHaveText(/^Opened Handed over\./);
  await expect(reader.page.locator('#notices .notice.is-lasting')).toBeVisible(); // still there
});

test('a failed request rejects with the message for people, not Electron\'s wrapping', async ({ reader }) => {
  await reader.open();
  const message = await reader.page.evaluate(() => (globalThis as any).reader.getClip('no-such-document', 0).then(() => 'resolved', (e: Error) => e.message));
  expect(message).toBe('Unknown document (open it again)');
});
