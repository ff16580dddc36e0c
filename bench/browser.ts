// The Chromium every browser bench drives: the tests' choice of binary (CHROMIUM_PATH or the
// first installed), with autoplay allowed so audio starts without a click.
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_PATH } from '../tests/chromium-path';

const ARGS = ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--disable-background-networking'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
