// Packaging, for real: electron-builder (`--dir`, Linux x64) on a copy of the project, with
// Electron's zip from a stand-in release on 127.0.0.1 (ELECTRON_MIRROR). The packaged folder
// must hold everything the app loads at run time, with native modules and the parse worker
// outside app.asar, Electron itself outside it, and the fuses of package.json flipped.
import { listPackage } from '@electron/asar';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSE_SENTINEL, ROOT, projectCopy, startMirror, type Mirror } from './stand-in-electron';

const supported = process.platform === 'linux' && process.arch === 'x64';
if (!supported) console.log(`[packaging] the stand-in Electron release is linux-x64 only; skipped on ${process.platform}-${process.arch}`);

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  build: { electronFuses: Record<string, boolean> };
};
/** The native module the speech host uses; a stand-in until the project depends on it. */
const NATIVE = 'koffi';
const NATIVE_BINARY_PACKAGE = `@koromix/koffi-linux-x64`;

let dir: string;
let app: string;
let mirror: Mirror;
let out: string;
let resources: string;
let asarFiles: string[];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

/** A package with a .node file in a platform package, laid out as koffi 3 is. */
async function standInNativeModule(modules: string): Promise<void> {
  await mkdir(join(modules, NATIVE));
  await writeFile(join(modules, NATIVE, 'package.json'), JSON.stringify({ name: NATIVE, version: '3.0.0', main: 'index.cjs', optionalDependencies: { [NATIVE_BINARY_PACKAGE]: '3.0.0' } }));
  await writeFile(join(modules, NATIVE, 'index.cjs'), 'module.exports = {};\n');
  await mkdir(join(modules, NATIVE_BINARY_PACKAGE), { recursive: true });
  await writeFile(join(modules, NATIVE_BINARY_PACKAGE, 'package.json'), JSON.stringify({ name: NATIVE_BINARY_PACKAGE, version: '3.0.0', os: ['linux'], cpu: ['x64'] }));
  await writeFile(join(modules, NATIVE_BINARY_PACKAGE, 'koffi.node'), '\x7fELF stand-in');
  const copyPkg = JSON.parse(await readFile(join(app, 'package.json'), 'utf8'));
  copyPkg.dependencies[NATIVE] = '3.0.0';
  await writeFile(join(app, 'package.json'), JSON.stringify(copyPkg, null, 2));
}

beforeAll(async () => {
  if (!supported) return;
  dir = await mkdtemp(join(tmpdir(), 'article-reader-package-'));
  app = await projectCopy(join(dir, 'app'));
  if (!pkg.dependencies[NATIVE]) await standInNativeModule(join(app, 'node_modules'));
  mirror = await startMirror();
  const built = await run(process.execPath, ['scripts/build.mjs'], app, process.env);
  if (built.code !== 0) throw new Error(`build failed:\n${built.output}`);
  out = join(dir, 'release');
  const env = {
    ...process.env,
    ELECTRON_MIRROR: mirror.url,
    ELECTRON_BUILDER_CACHE: join(dir, 'builder-cache'),
    electron_config_cache: join(dir, 'electron-cache'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
  };
  const packed = await run(process.execPath, [join(app, 'node_modules/electron-builder/cli.js'), '--dir', '--linux', '--x64', `-c.directories.output=${out}`], app, env);
  if (packed.code !== 0) throw new Error(`electron-builder failed:\n${packed.output}`);
  resources = join(out, 'linux-unpacked', 'resources');
  asarFiles = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
}, 600_000);

afterAll(async () => {
  await mirror?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(supported)('the packaged app folder (electron-builder --dir)', () => {
  it('downloaded Electron from the mirror and checked it against the mirror\'s SHASUMS256.txt', () => {
    expect(mirror.requests.some((r) => r.endsWith('-linux-x64.zip'))).toBe(true);
    expect(mirror.requests.some((r) => r.endsWith('/SHASUMS256.txt'))).toBe(true);
    const exe = join(out, 'linux-unpacked', 'article-reader');
    expect(statSync(exe).mode & 0o111).not.toBe(0);
  });

  it('holds the main process, preload, renderer and package.json inside app.asar', async () => {
    for (const f of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/dist/renderer/app.js', '/dist/renderer/styles.css']) {
      expect(asarFiles, f).toContain(f);
    }
    expect(asarFiles.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(asarFiles.filter((f) => /^\/(dist\/harness|tests|scripts|core|renderer|electron)\//.test(f))).toEqual([]);
  });

  it('keeps Electron itself out of app.asar', () => {
    expect(asarFiles.filter((f) => /^\/node_modules\/(electron|@electron)\//.test(f) || f === '/node_modules/electron')).toEqual([]);
  });

  it('has every module the bundles require at run time', async () => {
    const bundles = (await readdir(join(app, 'dist', 'electron'))).filter((f) => f.endsWith('.cjs'));
    const required = new Set<string>();
    for (const b of bundles) {
      // require("x"), and import("x") for modules loaded only on some platforms (say).
      for (const m of (await readFile(join(app, 'dist', 'electron', b), 'utf8')).matchAll(/\b(?:require|import)\("([^".][^"]*)"\)/g)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!builtinModules.includes(name) && !name.startsWith('node:') && name !== 'electron') required.add(name);
      }
    }
    expect([...required]).toContain('say');
    for (const name of required) expect(asarFiles, name).toContain(`/node_modules/${name}/package.json`);
  });

  it('unpacks what cannot run from inside an asar: the parse worker and native modules', () => {
    const unpacked = join(resources, 'app.asar.unpacked');
    expect(existsSync(join(unpacked, 'dist/electron/parse-worker.cjs'))).toBe(true);
    expect(existsSync(join(unpacked, 'node_modules', NATIVE, 'package.json'))).toBe(true);
    const natives = asarFiles.filter((f) => f.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(0);
    for (const f of natives) expect(existsSync(join(unpacked, f)), f).toBe(true);
  });

  it('ships the bundled articles as resources next to app.asar', async () => {
    const bundled = (await readdir(join(ROOT, 'content'))).filter((f) => /\.(txt|md|markdown)$/.test(f));
    expect(bundled.length).toBeGreaterThan(0);
    expect((await readdir(join(resources, 'content'))).sort()).toEqual(bundled.sort());
  });

  it('flips the fuses package.json asks for (no ELECTRON_RUN_AS_NODE, only app.asar, integrity checked)', async () => {
    const binary = await readFile(join(out, 'linux-unpacked', 'article-reader'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    // @electron/fuses' V1 order.
    const order = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
    order.forEach((fuse, i) => {
      const wanted = pkg.build.electronFuses[fuse];
      if (wanted !== undefined) expect(wire[i], fuse).toBe(wanted ? '1' : '0');
    });
    expect(pkg.build.electronFuses.runAsNode).toBe(false);
    expect(pkg.build.electronFuses.resetAdHocDarwinSignature).toBe(true); // unsigned Apple-silicon builds still start
  });
});
