// Fast bundle of every runnable piece (no type checking: `npm run typecheck` does that).
//   renderer/main.ts          -> dist/renderer/app.js (+ index.html, *.css copied)
//   electron/main.ts          -> dist/electron/main.cjs
//   electron/preload.ts       -> dist/electron/preload.cjs   (sandboxed: everything bundled)
//   electron/services/parse-worker.ts -> dist/electron/parse-worker.cjs
//   electron/speech/speech-host.ts    -> dist/electron/speech-host.cjs (koffi stays external: native)
//   harness/client/bridge.ts  -> dist/harness/bridge.js      (test harness's window.reader)
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as options from './esbuild-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = (...p) => join(root, ...p);
// --out=DIR builds elsewhere (tests use it so they never race a build of the shared dist/).
const outArg = process.argv.find((a) => a.startsWith('--out='));
const dist = outArg ? outArg.slice(6) : r('dist');
const d = (...p) => join(dist, ...p);
const watch = process.argv.includes('--watch');
const started = Date.now();

const sourcemap = 'linked';
const node = { ...options.node, sourcemap };
const browser = { ...options.browser, sourcemap };
const preload = { ...options.preload, sourcemap };

const jobs = [];
const skipped = [];
const entry = (file, options) => (existsSync(r(file)) ? jobs.push({ entryPoints: [r(file)], ...options }) : skipped.push(file));

entry('renderer/main.ts', { ...browser, outfile: d('renderer/app.js') });
entry('electron/main.ts', { ...node, outfile: d('electron/main.cjs') });
entry('electron/preload.ts', { ...preload, outfile: d('electron/preload.cjs') });
// linkedom tries require('canvas') and falls back to its own shim; we ship no canvas, so the
// bundle takes the shim directly instead of carrying a require of a package that is not there.
entry('electron/services/parse-worker.ts', { ...node, alias: { canvas: './node_modules/linkedom/commonjs/canvas-shim.cjs' }, outfile: d('electron/parse-worker.cjs') });
entry('harness/client/bridge.ts', { ...browser, outfile: d('harness/bridge.js') });
// The speech host process; koffi loads a platform .node file, so it is required at run time.
entry('electron/speech/speech-host.ts', { ...node, external: [...node.external, 'koffi'], outfile: d('electron/speech-host.cjs') });

await rm(d('renderer'), { recursive: true, force: true });
await mkdir(d('renderer'), { recursive: true });

async function copyStatic() {
  if (!existsSync(r('renderer'))) return;
  for (const name of await readdir(r('renderer'))) {
    if (name === 'index.html' || name.endsWith('.css')) await copyFile(r('renderer', name), join(dist, 'renderer', name));
  }
}

if (watch) {
  const { context } = await import('esbuild');
  for (const job of jobs) await (await context(job)).watch();
  await copyStatic();
  console.log('build: watching (static files are copied at start only)');
} else {
  try {
    await Promise.all([...jobs.map((job) => build(job)), copyStatic()]);
  } catch {
    process.exit(1); // esbuild has already printed the errors
  }
  for (const file of skipped) console.log(`build: skipped ${file} (not written yet)`);
  console.log(`build: ${jobs.length} bundles in ${Date.now() - started} ms -> ${outArg ? dist : 'dist/'}`);
}
