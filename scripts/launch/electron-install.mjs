// @ts-check
// Finding Electron's binary, and getting it with Electron's own install.js when it is missing.
// Electron 45 has no postinstall: its binary arrives the first time someone asks for it.
// install.js (through @electron/get) honours ELECTRON_MIRROR, electron_config_cache,
// electron_use_remote_checksums and the rest, so we run it rather than download ourselves.
// Never require('electron') from plain Node: that starts a download with no way to report it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFailureLine } from './launch-plan.mjs';

/**
 * The executable inside node_modules/electron/dist, as install.js names it.
 * @param {string} platform
 */
export function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Is the binary for this electron package installed? The same test as install.js's
 * isInstalled(): dist/version matches the package, path.txt names this platform's executable,
 * and that file exists.
 * @param {string} pkgDir node_modules/electron
 * @param {{ env?: Record<string, string | undefined>, platform?: string }} [o]
 * @returns {{ installed: true, binary: string, version: string } | { installed: false, version: string }}
 */
export function electronInstallState(pkgDir, o = {}) {
  const env = o.env ?? process.env;
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || o.platform || process.platform;
  const version = String(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version);
  const executable = platformExecutable(platform);
  const read = (/** @type {string} */ f) => {
    try {
      return readFileSync(join(pkgDir, f), 'utf8');
    } catch {
      return null;
    }
  };
  if (read('dist/version')?.replace(/^v/, '').trim() !== version || read('path.txt') !== executable) return { installed: false, version };
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(pkgDir, 'dist', executable);
  return existsSync(binary) ? { installed: true, binary, version } : { installed: false, version };
}

/** Size of the biggest file under `dir` (the archive being downloaded). */
function biggestFile(/** @type {string} */ dir) {
  let max = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) max = Math.max(max, statSync(join(entry.parentPath, entry.name)).size);
    }
  } catch {
    // The folder changes under us while @electron/get works; the next look will do.
  }
  return max;
}

/**
 * Runs install.js and reports progress on `out` (its own progress bar only appears after 30 s
 * and only on a terminal). It downloads into a private temporary folder, whose growth is the
 * progress. Resolves to null on success or one line saying what failed and how to retry.
 * @param {string} pkgDir
 * @param {{ env?: Record<string, string | undefined>, out?: NodeJS.WriteStream }} [o]
 * @returns {Promise<string | null>}
 */
export async function downloadElectron(pkgDir, o = {}) {
  const env = o.env ?? process.env;
  const out = o.out ?? process.stderr;
  const { version } = electronInstallState(pkgDir, { env });
  const scratch = mkdtempSync(join(tmpdir(), 'article-reader-electron-'));
  out.write(`Getting Electron ${version} (once, about 100 MB; ELECTRON_MIRROR and electron_config_cache are honoured)…\n`);
  const child = spawn(process.execPath, [join(pkgDir, 'install.js')], {
    // TMPDIR (TEMP/TMP on Windows) is where @electron/get downloads before it caches and unzips.
    env: { ...env, ELECTRON_GET_NO_PROGRESS: '1', TMPDIR: scratch, TEMP: scratch, TMP: scratch },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk.toString('utf8')).slice(-16_384);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let shown = -1;
  const tick = setInterval(() => {
    const mb = Math.floor(biggestFile(scratch) / 1_000_000);
    if (mb === shown) return;
    shown = mb;
    if (out.isTTY) out.write(`\r  ${mb} MB downloaded`);
    else if (mb > 0 && mb % 10 === 0) out.write(`  ${mb} MB downloaded\n`);
  }, 250);
  const code = await new Promise((done) => {
    child.once('error', (e) => {
      keep(Buffer.from(String(e)));
      done(1);
    });
    child.once('close', (c) => done(c ?? 1));
  });
  clearInterval(tick);
  if (out.isTTY && shown >= 0) out.write('\n');
  rmSync(scratch, { recursive: true, force: true });
  if (code === 0 && electronInstallState(pkgDir, { env }).installed) {
    out.write(`Electron ${version} is installed.\n`);
    return null;
  }
  return downloadFailureLine(output || `install.js exited with code ${code}`, version, env);
}
