// The harness as `npm run harness` starts it for a person at a browser (chromium project): Open shows the browser's
// file chooser, the file picked opens, and choosing none is a cancelled Open.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startHarness, type Harness } from '../../harness/server';
import { ReaderDriver } from './driver';

const test = base.extend<{ dir: string; harness: Harness; reader: ReaderDriver }>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'article-reader-by-hand-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  harness: async ({ dir }, use) => {
    const harness = await startHarness({ userDataDir: join(dir, 'user'), browserFileChooser: true });
    await use(harness);
    await harness.close();
  },
  reader: async ({ page, harness }, use) => {
    await use(new ReaderDriver(page, { url: harness.url, menuCommand: async (c) => void (await harness.command(c)) }));
  },
});

test.beforeEach(() => {
  test.skip(test.info().project.name !== 'chromium', 'drives the harness in Chromium');
});

test('Ctrl+O shows the browser\'s file chooser: the file picked opens, and choosing none is a cancelled Open', async ({ reader, dir, page }) => {
  await reader.open();
  const file = join(dir, 'picked.md');
  await writeFile(file, '# Picked by hand\n\nA paragraph of the article picked in the file chooser.\n');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), reader.press('Control+o')]);
  await chooser.setFiles(file);
  await reader.waitForAnnouncement(/^Opened Picked by hand\./);
  await expect(reader.article.locator('h1')).toHaveText('Picked by hand');

  const [again] = await Promise.all([page.waitForEvent('filechooser'), reader.press('Control+o')]);
  await again.setFiles([]);
  await reader.waitForAnnouncement('Open cancelled');
  await expect(reader.article.locator('h1')).toHaveText('Picked by hand');

});
