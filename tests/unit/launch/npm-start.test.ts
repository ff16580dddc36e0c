// `npm start` on a machine without Electron's binary, end to end: a copy of the project, a
// stand-in Electron release on 127.0.0.1 (ELECTRON_MIRROR), the real npm, the real build and
// Electron's own install.js. The stand-in records how it was launched.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_VERSION, projectCopy, startMirror, type Mirror, type StandInRecord } from './stand-in-electron';

const supported = process.platform === 'linux' && process.arch === 'x64';
if (!supported) console.log(`[npm start] the stand-in Electron release is linux-x64 only; skipped on ${process.platform}-${process.arch}`);
const isRoot = process.getuid?.() === 0;
/** Chromium refuses root without it (what `npm start` says is tested below). */
const sandboxFlag = isRoot ? ['--no-sandbox'] : [];
let dir: string;
let app: string;
let mirror: Mirror;

/** The environment of a user's shell: none of npm's variables from the run that started vitest. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|INIT_CWD$|ELECTRON_)/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function npmStart(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['--prefix', app, 'start', '--', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Our own lines: without npm's banner and error footer and the build's summary. */
const ownLines = (text: string) => text.split('\n').filter((l) => l.trim() && !/^(npm (error|warn)|> |build: )/.test(l.trim()));

beforeAll(async () => {
  if (!supported) return;
  dir = await mkdtemp(join(tmpdir(), 'article-reader-npm-start-'));
  app = await projectCopy(join(dir, 'app'));
  mirror = await startMirror();
}, 120_000);

afterAll(async () => {
  await mirror?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(supported)('npm start without Electron installed', () => {
  it('says in one line why the download failed and how to retry, when the mirror cannot be reached', async () => {
    const closed = await startMirror();
    await closed.close(); // a port nothing listens on: as offline as 127.0.0.1 gets
    const r = await npmStart(dir, sandboxFlag, userEnv({ ELECTRON_MIRROR: closed.url, electron_use_remote_checksums: '1', electron_config_cache: join(dir, 'cache-offline') }));
    expect(r.code).not.toBe(0);
    const problems = ownLines(r.stderr).filter((l) => !l.startsWith('Getting Electron'));
    expect(problems).toHaveLength(1);
    const host = new URL(closed.url).host.replace(/\./g, '\\.');
    expect(problems[0]).toMatch(new RegExp(`^Electron ${ELECTRON_VERSION} could not be downloaded from ${host} \\(.*fetch failed.*\\)\\..*run npm start again`));
    expect(existsSync(join(app, 'node_modules/electron/path.txt'))).toBe(false);
  }, 120_000);

  it('refuses an archive whose checksum does not match SHASUMS256.txt', async () => {
    const tampered = await startMirror({ tamperedChecksums: true });
    try {
      const r = await npmStart(dir, sandboxFlag, userEnv({ ELECTRON_MIRROR: tampered.url, electron_use_remote_checksums: '1', electron_config_cache: join(dir, 'cache-tampered') }));
      expect(r.code).not.toBe(0);
      expect(ownLines(r.stderr).at(-1)).toMatch(/could not be downloaded from 127\.0\.0\.1:\d+ \(.*checksum.*did not match/i);
      expect(existsSync(join(app, 'node_modules/electron/path.txt'))).toBe(false);
    } finally {
      await tampered.close();
    }
  }, 120_000);

  it('downloads Electron through install.js, then launches it on the app with the article resolved against where npm start ran', async () => {
    const elsewhere = join(dir, 'my articles');
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'story.md'), '# A story\n\nA paragraph.\n');
    const record = join(dir, 'launched.json');
    const flags = ['--lang=en-GB', ...sandboxFlag];
    const env = userEnv({
      ELECTRON_MIRROR: mirror.url,
      electron_use_remote_checksums: '1',
      electron_config_cache: join(dir, 'cache'),
      STANDIN_RECORD: record,
      ELECTRON_RUN_AS_NODE: '1', // some editors' terminals set it; Electron would start as plain Node
    });
    const r = await npmStart(elsewhere, [...flags, 'story.md'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Getting Electron ${ELECTRON_VERSION}`);
    expect(r.stderr).toContain(`Electron ${ELECTRON_VERSION} is installed.`);
    expect(mirror.requests).toEqual([`/v${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-linux-x64.zip`, `/v${ELECTRON_VERSION}/SHASUMS256.txt`]);

    const launched = JSON.parse(await readFile(record, 'utf8')) as StandInRecord;
    expect(launched.argv).toEqual([`${app}/`, ...flags, join(elsewhere, 'story.md')]);
    expect(launched.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
    expect(launched.env.INIT_CWD).toBe(elsewhere);

    // The second start finds the binary: no download, straight to the app (the last article: no argument).
    await rm(record);
    const again = await npmStart(dir, sandboxFlag, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('Getting Electron');
    expect(mirror.requests).toHaveLength(2);
    const second = JSON.parse(await readFile(record, 'utf8')) as StandInRecord;
    expect(second.argv).toEqual([`${app}/`, ...sandboxFlag]);
  }, 180_000);

  it.runIf(isRoot)('as root without --no-sandbox, says in one line what to do instead of starting', async () => {
    const r = await npmStart(dir, [], userEnv({ STANDIN_RECORD: join(dir, 'root.json') }));
    expect(r.code).not.toBe(0);
    const lines = ownLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/does not start as root.*Run npm start as your own user/);
    expect(existsSync(join(dir, 'root.json'))).toBe(false);
  }, 120_000);
});

if (supported && !isRoot) console.log('[npm start] the root test needs uid 0: skipped (electronArguments covers the rule in launch-plan.test.ts)');
