// Electron is an optional dependency because its own postinstall downloads the binary from
// GitHub; where that is unreachable npm drops the whole package, types and launcher too.
// Unpack the registry tarball in its place (no binary) so type checking, the tests and
// `npm start`'s one-line explanation still work. `npm rebuild electron` fetches the binary later.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, renameSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = pkg.optionalDependencies?.electron;
const target = join(root, 'node_modules', 'electron');
if (!version || existsSync(join(target, 'package.json'))) process.exit(0);

const run = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
const work = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
const packed = run('npm', ['pack', `electron@${version}`, '--silent'], work);
const tarball = packed.stdout?.trim().split('\n').pop();
if (packed.status !== 0 || !tarball || run('tar', ['xzf', tarball], work).status !== 0) {
  console.warn('electron: the package could not be fetched; `npm start` will explain how to get Electron');
  process.exit(0);
}
mkdirSync(join(root, 'node_modules'), { recursive: true });
renameSync(join(work, 'package'), target);
rmSync(work, { recursive: true, force: true });
console.log(`electron: installed electron@${version} without its binary (download unavailable); tests run, \`npm start\` explains the rest`);
