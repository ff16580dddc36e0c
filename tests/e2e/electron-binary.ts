// Is the Electron binary installed? Decided from files only, by the same rule `npm start` uses
// (scripts/launch/electron-install.mjs). Never `require('electron')`: it starts a download,
// and on machines without GitHub access that fails (the normal case in CI).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronInstallState } from '../../scripts/launch/electron-install.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function electronBinary(): { path: string | null; reason: string } {
  const state = electronInstallState(join(ROOT, 'node_modules', 'electron'));
  if (state.installed) return { path: state.binary, reason: '' };
  return { path: null, reason: `Electron ${state.version}'s binary is not installed (\`npm start\` downloads it where GitHub or ELECTRON_MIRROR is reachable). Skipping.` };
}

export const APP_MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
