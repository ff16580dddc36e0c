// Which Chromium the end-to-end and screen-reader tests drive (Playwright cannot download
// browsers here): CHROMIUM_PATH if set, else the first one installed under its usual names
// (Debian and Arch: chromium; Fedora and Ubuntu's snap shim: chromium-browser).
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH || CANDIDATES.find((p) => existsSync(p)) || CANDIDATES[0]!;
