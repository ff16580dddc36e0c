// @ts-check
// What `npm start` hands to Electron and what it tells the user when Electron cannot start,
// decided from plain data so every rule is unit-tested without Electron (tests/unit/launch/).
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Node.js lines on which Electron's installer runs: it require()s ES modules, which works
 * without a flag from 20.19 on the 20 line, from 22.12 on the 22 line and in every 23 and later
 * (21 never had it; @electron/get 5 and @electron-internal/extract-zip are ES modules).
 */
export const MIN_NODE_BY_MAJOR = new Map([[20, 19], [22, 12]]);

/**
 * @param {string} version process.versions.node
 * @returns {string | null} one line for the user, or null when this Node will do
 */
export function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const minMinor = MIN_NODE_BY_MAJOR.get(major);
  if (major >= 23 || (minMinor !== undefined && minor >= minMinor)) return null;
  return `Article Reader needs Node.js 22.12 or later (20.19 works too); this is Node.js ${version}. Install a newer Node.js, then run npm start again.`;
}

/**
 * A command-line argument as an absolute article path: a file:// URL (what Linux file
 * managers pass through a .desktop file's %U) or a path relative to `baseDir`; a web address as it is.
 * @param {string} arg
 * @param {string} baseDir
 */
export function absoluteArticlePath(arg, baseDir) {
  if (/^https?:\/\//i.test(arg)) return arg; // a link is fetched, not looked for on disk
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return resolve(baseDir, arg);
    }
  }
  return isAbsolute(arg) ? arg : resolve(baseDir, arg);
}

/**
 * @typedef {{ ok: true, args: string[] } | { ok: false, message: string }} LaunchPlan
 */

/**
 * Electron's arguments for `npm start -- [flags] [article]`: the app folder first, then the
 * user's flags as given and article paths made absolute against the folder `npm start` was
 * run in (npm's INIT_CWD; npm itself runs scripts in the project folder).
 * @param {{ appDir: string, args: readonly string[], initCwd: string, uid: number | null, platform: string }} o
 * @returns {LaunchPlan}
 */
export function electronArguments(o) {
  const args = o.args.map((a) => (a.startsWith('-') ? a : absoluteArticlePath(a, o.initCwd)));
  // Chromium aborts as root unless its sandbox is off; say so before a wall of log lines.
  if (o.platform === 'linux' && o.uid === 0 && !args.includes('--no-sandbox')) {
    return { ok: false, message: ROOT_MESSAGE };
  }
  return { ok: true, args: [o.appDir, ...args] };
}

const ROOT_MESSAGE =
  'Article Reader: Electron does not start as root (Chromium refuses to run its sandbox as root). Run npm start as your own user; only in a throwaway container or VM, `npm start -- --no-sandbox` starts it without the sandbox.';

/**
 * Electron exited with an error: one line that says what to do, for the start-up failures
 * users meet most (read from what Electron printed on stderr), or null.
 * @param {string} stderr
 * @param {{ sandboxHelper: string }} where chrome-sandbox next to the Electron binary
 * @returns {string | null}
 */
export function launchFailureHint(stderr, where) {
  if (/Running as root without --no-sandbox is not supported/.test(stderr)) return ROOT_MESSAGE;
  if (/No usable sandbox|SUID sandbox helper binary was found, but is not configured correctly/.test(stderr)) {
    const helper = JSON.stringify(where.sandboxHelper);
    return `Article Reader: Electron's sandbox is blocked here (Ubuntu 23.10 and later restrict it with AppArmor). Once, run: sudo chown root:root ${helper} && sudo chmod 4755 ${helper} — then npm start again.`;
  }
  const lib = /error while loading shared libraries: ([^\s:]+)/.exec(stderr);
  if (lib) {
    return `Article Reader: Electron needs the system library ${lib[1]}. On Debian/Ubuntu: sudo apt install libnss3 libatk-bridge2.0-0 libgtk-3-0 libgbm1 libasound2 — then npm start again.`;
  }
  if (/Missing X server or \$DISPLAY|cannot open display/i.test(stderr)) {
    return 'Article Reader: there is no display to open a window on. Start it from a desktop session (over SSH, use `npm run harness` and open the address it prints in a browser).';
  }
  return null;
}

/**
 * Electron's install.js failed: one line with the reason it printed and how to retry.
 * @param {string} stderr what install.js printed (it prints the error's stack)
 * @param {string} version
 * @param {Record<string, string | undefined>} env where the mirror setting is
 */
export function downloadFailureLine(stderr, version, env) {
  const first = stderr.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('at ')) ?? 'no reason given';
  const reason = first.length > 200 ? `${first.slice(0, 200)}…` : first;
  return `Electron ${version} could not be downloaded from ${downloadSource(env)} (${reason}). Check the network connection (ELECTRON_MIRROR sets a mirror), then run npm start again; meanwhile \`npm run harness\` opens the app in a browser.`;
}

/**
 * Where @electron/get downloads from: the mirror's host when one is set (environment or
 * .npmrc, which npm passes on as npm_config_electron_mirror), else GitHub.
 * @param {Record<string, string | undefined>} env
 */
export function downloadSource(env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR;
  if (!mirror) return 'GitHub';
  try {
    return new URL(mirror).host || mirror;
  } catch {
    return mirror;
  }
}
