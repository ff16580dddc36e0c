// Is the Electron binary installed? Decided from files only: node_modules/electron/path.txt
// names the executable inside node_modules/electron/dist/. Never `require('electron')`
// (it throws when the download failed, which is the normal case on machines without GitHub).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function electronBinary(): { path: string | null; reason: string } {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'Electron binary not installed (node_modules/electron/path.txt is missing; run `npm rebuild electron` where GitHub downloads work). Skipping.' };
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(exe)) return { path: null, reason: `Electron binary not installed (${exe} is missing). Skipping.` };
  return { path: exe, reason: '' };
}

export const APP_MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
