// axe-core: no WCAG 2.1 A/AA violations in the reading view (every theme, mid-playback so the
// highlight is on screen), in every panel, and in forced colours.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ReaderDriver } from './driver';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe's colour-contrast pass over a whole article is slow on a busy machine.
test.slow();

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `${what}: axe violations`).toEqual([]);
  // axe ran real checks on this page (a silent no-op would pass trivially).
  expect(results.passes.length, `${what}: axe passes`).toBeGreaterThan(10);
}

async function setTheme(reader: ReaderDriver, theme: string): Promise<void> {
  await reader.press('Control+Comma');
  const dialog = await reader.waitForDialog('Settings');
  await dialog.getByLabel('Theme').selectOption(theme);
  await expect(reader.page.locator('html')).toHaveAttribute('data-theme', theme);
  await reader.press('Escape');
  await reader.waitForNoDialog();
}

/** Highlight on screen: play into the first quote, then pause. */
async function highlightAQuote(reader: ReaderDriver): Promise<void> {
  await reader.press('Space');
  await reader.waitForPlayerState('playing');
  await reader.press('q');
  await expect(reader.currentQuoteFigure()).toHaveCount(1);
  await reader.waitForAudioProgress(0.1);
  await reader.press('Space');
  await reader.waitForPlayerState('paused');
}

for (const theme of ['light', 'dark', 'high-contrast', 'system'] as const) {
  test(`reading view has no WCAG 2.1 AA violations: ${theme} theme`, async ({ reader }) => {
    if (theme === 'system') await reader.page.emulateMedia({ colorScheme: 'dark' });
    await reader.open();
    await setTheme(reader, theme);
    await highlightAQuote(reader);
    await expectNoViolations(reader.page, `${theme} theme`);
  });
}

test('reading view has no violations in forced colours at 200% text', async ({ reader }) => {
  await reader.page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await reader.open();
  await reader.press('Control+Comma');
  const dialog = await reader.waitForDialog('Settings');
  await dialog.getByLabel('Text size').selectOption('2');
  await reader.press('Escape');
  await expect.poll(() => reader.page.evaluate(() => (globalThis as any).document.documentElement.style.fontSize)).toBe('200%');
  await highlightAQuote(reader);
  await expectNoViolations(reader.page, 'forced colours');
});

const PANELS: { name: string; key: string; title: string }[] = [
  { name: 'quote list', key: 'l', title: 'Quotes' },
  { name: 'article list', key: 'a', title: 'Articles' },
  { name: 'settings', key: 'Control+Comma', title: 'Settings' },
  { name: 'keyboard help', key: 'F1', title: 'Keyboard help' },
];

for (const panel of PANELS) {
  test(`${panel.name} panel is an accessible dialog with no violations`, async ({ reader }) => {
    await reader.open();
    const invoker = reader.page.getByRole('button', { name: 'Help' });
    await reader.tabTo(reader.page.getByRole('button', { name: 'Open' }));
    await reader.press('End');
    await expect(invoker).toBeFocused();
    await reader.press(panel.key);
    const dialog = await reader.waitForDialog(panel.title);
    // Modal, labelled, focus inside, and Tab / Shift+Tab go round inside it.
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    const inside = () => dialog.evaluate((d: any) => d.contains(d.ownerDocument.activeElement));
    expect(await inside()).toBe(true);
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await reader.press(key);
      expect(await inside(), `focus inside after ${key}`).toBe(true);
    }
    await expectNoViolations(reader.page, panel.name);
    for (const theme of ['dark', 'high-contrast']) {
      await reader.page.evaluate((t) => ((globalThis as any).document.documentElement.dataset.theme = t), theme);
      await expectNoViolations(reader.page, `${panel.name}, ${theme}`);
    }
    await reader.press('Escape');
    await reader.waitForNoDialog();
    await expect(invoker).toBeFocused();
  });
}

test('reading keys area (its hint shown) at 400% zoom has no violations', async ({ reader }) => {
  await reader.page.setViewportSize({ width: 320, height: 256 });
  await reader.open();
  await reader.press('Shift+Tab');
  const keys = reader.page.getByRole('toolbar', { name: 'Reading keys' });
  await expect(keys).toBeFocused();
  await expect(keys).toHaveAccessibleDescription(/Plain keys work here/);
  await expect(reader.page.locator('#reading-keys-hint')).toBeVisible();
  await expectNoViolations(reader.page, 'reading keys at 400%');
});
