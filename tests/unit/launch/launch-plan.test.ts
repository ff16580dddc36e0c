import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronInstallState, platformExecutable } from '../../../scripts/launch/electron-install.mjs';
import {
  absoluteArticlePath, downloadFailureLine, downloadSource, electronArguments, launchFailureHint, nodeVersionProblem,
} from '../../../scripts/launch/launch-plan.mjs';

describe('nodeVersionProblem', () => {
  it.each(['20.19.0', '20.20.2', '22.12.0', '23.0.0', '24.1.0'])('accepts Node %s', (v) => {
    expect(nodeVersionProblem(v)).toBeNull();
  });
  it.each(['18.20.4', '20.18.3', '20.0.0', '21.7.3', '22.0.0', '22.11.0'])('names the versions that work on Node %s', (v) => {
    expect(nodeVersionProblem(v)).toMatch(new RegExp(`22\\.12 or later.*20\\.19.*this is Node\\.js ${v.replace(/\./g, '\\.')}`));
  });
});

describe('electronArguments', () => {
  const base = { appDir: '/src/article-reader', initCwd: '/home/ann/news', uid: 1000, platform: 'linux' };

  it('puts the app folder first and resolves the article against the folder npm start ran in', () => {
    expect(electronArguments({ ...base, args: ['story.md'] })).toEqual({ ok: true, args: ['/src/article-reader', '/home/ann/news/story.md'] });
    expect(electronArguments({ ...base, args: ['../old/a.txt'] })).toEqual({ ok: true, args: ['/src/article-reader', '/home/ann/old/a.txt'] });
  });

  it('passes flags through untouched and keeps absolute paths', () => {
    expect(electronArguments({ ...base, args: ['--enable-logging', '/tmp/x.md'] })).toEqual({ ok: true, args: ['/src/article-reader', '--enable-logging', '/tmp/x.md'] });
  });

  it('with no article, starts the app alone (it reopens the last article)', () => {
    expect(electronArguments({ ...base, args: [] })).toEqual({ ok: true, args: ['/src/article-reader'] });
  });

  it('as root on Linux refuses with one line, unless --no-sandbox was asked for', () => {
    const refused = electronArguments({ ...base, uid: 0, args: ['a.md'] });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^Article Reader: Electron does not start as root.*own user.*--no-sandbox/);
    expect(!refused.ok && refused.message).not.toContain('\n');
    expect(electronArguments({ ...base, uid: 0, args: ['--no-sandbox', 'a.md'] })).toEqual({ ok: true, args: ['/src/article-reader', '--no-sandbox', '/home/ann/news/a.md'] });
    expect(electronArguments({ ...base, uid: 0, platform: 'darwin', args: [] }).ok).toBe(true);
  });
});

describe('absoluteArticlePath', () => {
  it('turns a file:// URL (a .desktop file\'s %U) into a path', () => {
    expect(absoluteArticlePath(pathToFileURL('/home/ann/My News/a b.md').href, '/x')).toBe('/home/ann/My News/a b.md');
  });
  it('resolves relative paths and keeps absolute ones', () => {
    expect(absoluteArticlePath('a.md', '/home/ann')).toBe('/home/ann/a.md');
    expect(absoluteArticlePath('/srv/a.md', '/home/ann')).toBe('/srv/a.md');
  });
});

describe('launchFailureHint', () => {
  const where = { sandboxHelper: '/src/app/node_modules/electron/dist/chrome-sandbox' };
  it('explains the AppArmor-blocked sandbox with the command that fixes it', () => {
    const stderr = '[1:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc:166] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I\'m aborting now. You need to make sure that /src/app/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.';
    const hint = launchFailureHint(stderr, where);
    expect(hint).toMatch(/AppArmor.*sudo chown root:root "\/src\/app\/node_modules\/electron\/dist\/chrome-sandbox" && sudo chmod 4755 /);
    expect(launchFailureHint('No usable sandbox! If you are running on Ubuntu 23.10+ ...', where)).toBe(hint);
  });
  it('explains root, a missing library and a missing display', () => {
    expect(launchFailureHint('[FATAL:electron_main_delegate.cc] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.', where)).toMatch(/as root/);
    expect(launchFailureHint('electron: error while loading shared libraries: libnss3.so: cannot open shared object file', where)).toMatch(/libnss3\.so.*sudo apt install/);
    expect(launchFailureHint('[ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY', where)).toMatch(/no display.*npm run harness/);
  });
  it('says nothing about failures it does not recognise', () => {
    expect(launchFailureHint('Segmentation fault', where)).toBeNull();
  });
});

describe('downloadFailureLine', () => {
  it('gives the first line of the error, where from, and how to retry, in one line', () => {
    const stack = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n    at async FetchDownloader.download (file:///x/FetchDownloader.js:46:30)\n';
    const line = downloadFailureLine(stack, '45.4.1', {});
    expect(line).toBe('Electron 45.4.1 could not be downloaded from GitHub (TypeError: fetch failed). Check the network connection (ELECTRON_MIRROR sets a mirror), then run npm start again; meanwhile `npm run harness` opens the app in a browser.');
    expect(downloadFailureLine('HTTPError: Response code 404 (Not Found) for https://m.example/v45.4.1/x.zip', '45.4.1', { ELECTRON_MIRROR: 'https://m.example/electron/' }))
      .toMatch(/from m\.example \(HTTPError: Response code 404/);
  });
  it('names the mirror from the environment or .npmrc', () => {
    expect(downloadSource({ npm_config_electron_mirror: 'https://npmmirror.com/mirrors/electron/' })).toBe('npmmirror.com');
    expect(downloadSource({})).toBe('GitHub');
  });
});

describe('electronInstallState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'electron-pkg-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const install = async (version: string, exe = 'electron') => {
    await mkdir(join(dir, 'dist'), { recursive: true });
    await writeFile(join(dir, 'dist', 'version'), version);
    await writeFile(join(dir, 'path.txt'), exe);
    await writeFile(join(dir, 'dist', exe), '');
  };

  it('is not installed after npm install (no dist/, no path.txt)', () => {
    expect(electronInstallState(dir, { platform: 'linux', env: {} })).toEqual({ installed: false, version: '45.4.1' });
  });
  it('finds the binary install.js unpacked', async () => {
    await install('v45.4.1');
    expect(electronInstallState(dir, { platform: 'linux', env: {} })).toEqual({ installed: true, binary: join(dir, 'dist', 'electron'), version: '45.4.1' });
  });
  it('is not installed when the binary is from another Electron version (the package was upgraded)', async () => {
    await install('44.0.0');
    expect(electronInstallState(dir, { platform: 'linux', env: {} }).installed).toBe(false);
  });
  it('follows ELECTRON_OVERRIDE_DIST_PATH as Electron does', async () => {
    await install('45.4.1');
    const other = join(dir, 'custom');
    await mkdir(other);
    await writeFile(join(other, 'electron'), '');
    expect(electronInstallState(dir, { platform: 'linux', env: { ELECTRON_OVERRIDE_DIST_PATH: other } })).toMatchObject({ installed: true, binary: join(other, 'electron') });
  });
  it('names the executable per platform as install.js does', () => {
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('linux')).toBe('electron');
  });
});
