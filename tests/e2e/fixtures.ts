// Test fixtures: each test gets a fresh user-data directory and the app on it.
//  - chromium project: the real harness (harness/server.ts) in this process, Debian Chromium.
//  - electron project: the built app via _electron.launch, skipped (with the reason
//    printed) when the Electron binary is not installed.
import { test as base, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from '../../core/contract';
import type { ClipResult, ReadingPlan } from '../../core/contract';
import { harnessSpeech, startHarness, type Harness } from '../../harness/server';
import type { SpeechPort } from '../../electron/services/speech-port';
import { ReaderDriver } from './driver';
import { APP_MAIN, electronBinary } from './electron-binary';


interface Fixtures {
  userDataDir: string;
  /** Utterance indices whose clip the (real) speech engine will refuse, as an engine failure would. Chromium project only. */
  failingClips: Set<number>;
  /** Make the engine fail (or work again) for one utterance. */
  engine: { fail(index: number): Promise<void>; heal(index: number): Promise<void> };
  /** Only in the chromium project: the harness serving this test's app. */
  harness: Harness | null;
  electronApp: ElectronApplication | null;
  appPage: Page;
  reader: ReaderDriver;
}

export const test = base.extend<Fixtures>({
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'article-reader-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  failingClips: async ({}, use) => {
    await use(new Set<number>());
  },

  harness: async ({ userDataDir, failingClips }, use, testInfo) => {
    if (testInfo.project.name === 'electron') return use(null);
    const real = harnessSpeech();
    const speech: SpeechPort = {
      ...real,
      listVoices: () => real.listVoices(),
      exportWav: (...args) => real.exportWav(...args),
      cancel: () => real.cancel(),
      dispose: () => real.dispose(),
      clip: async (plan: ReadingPlan, text: string, rate: number, index: number): Promise<ClipResult> =>
        failingClips.has(index) ? { ok: false, message: 'The speech engine stopped unexpectedly (test).' } : real.clip(plan, text, rate, index),
    };
    const harness = await startHarness({ userDataDir, speech });
    await use(harness);
    await harness.close();
  },

  electronApp: async ({ userDataDir }, use, testInfo) => {
    if (testInfo.project.name !== 'electron') return use(null);
    const electron = electronBinary();
    if (!electron.path) console.log(`[electron] ${testInfo.title}: ${electron.reason}`);
    testInfo.skip(!electron.path, electron.reason);
    const app = await _electron.launch({
      executablePath: electron.path!,
      args: [APP_MAIN, `--user-data-dir=${userDataDir}`],
      env: { ...process.env, ARTICLE_READER_USER_DATA: userDataDir },
    });
    await use(app);
    await app.close();
  },

  appPage: async ({ page, electronApp }, use) => {
    await use(electronApp ? await electronApp.firstWindow() : page);
  },

  engine: async ({ failingClips, electronApp }, use, testInfo) => {
    testInfo.skip(electronApp !== null, 'engine failures are injected through the harness only');
    await use({
      fail: async (i) => void failingClips.add(i),
      heal: async (i) => void failingClips.delete(i),
    });
  },

  reader: async ({ appPage, harness, electronApp }, use) => {
    const menuCommand = async (command: Command) => {
      if (harness) {
        const delivered = await harness.command(command);
        if (delivered < 1) throw new Error(`menu command ${command} reached no page`);
      } else if (electronApp) {
        // Menu items carry the command as their id.
        await electronApp.evaluate(({ Menu }, id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.click(), command);
      }
    };
    await use(new ReaderDriver(appPage, { url: harness?.url ?? null, menuCommand }));
  },
});

export { expect } from '@playwright/test';
