// End-to-end tests. Two projects:
//  - chromium: Debian Chromium (Playwright cannot download browsers here) against the test
//    harness (harness/server.ts: the real services and espeak-ng behind HTTP). Always runs.
//  - screen-reader: Orca reading the app in Chromium under Xvfb (tests/screen-reader/).
//  - electron: the packaged app through Playwright's _electron, when the Electron binary is
//    installed; otherwise every test in it is skipped with the reason printed.
// Build first: `node scripts/build.mjs && npx playwright test --project=chromium`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './tests/chromium-path';
import { electronBinary } from './tests/e2e/electron-binary';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const electron = electronBinary();
if (!electron.path && process.argv.some((a) => a.includes('electron'))) console.log(`electron project: ${electron.reason}`);

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 3,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1100, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      testMatch: ['e2e/**/*.spec.ts'],
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
    {
      // A real screen reader (Orca) under Xvfb, driven by real key presses (tests/screen-reader/).
      // It launches its own Chromium on its own display; skipped with the reason printed when
      // Orca and its helpers are not installed.
      name: 'screen-reader',
      testMatch: ['screen-reader/**/*.spec.ts'],
    },
    {
      name: 'electron',
      testMatch: ['e2e/**/*.spec.ts', 'security/**/*.spec.ts'],
      metadata: { electron },
      // The app window comes from _electron; the `page` fixture still needs a launchable browser.
      use: { launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } },
    },
  ],
});
