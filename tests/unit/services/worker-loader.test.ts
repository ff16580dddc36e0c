import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerLoader } from '../../../electron/services/worker-loader';

let dir: string;
let worker: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parse-worker-'));
  worker = join(dir, 'parse-worker.cjs');
  // The same bundle scripts/build.mjs makes, built here so the test never touches dist/.
  await build({ entryPoints: ['electron/services/parse-worker.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: worker, logLevel: 'error' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parse worker', () => {
  it('loads a file and bytes off the main thread', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, 'A title\n\nSome text.');
    const loader = createWorkerLoader(worker);
    const r = await loader.loadFile(file);
    expect(r.ok).toBe(true);
    const b = await loader.loadBytes('b.md', new TextEncoder().encode('# Heading\n\nBody.'));
    expect(b.ok && b.model.format).toBe('markdown');
  });

  it('returns the loader’s message for a file it refuses', async () => {
    const r = await createWorkerLoader(worker).loadBytes('bin.txt', new Uint8Array([0, 1, 2, 0, 0]));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/not a text file/) });
    const missing = await createWorkerLoader(worker).loadFile(join(dir, 'missing.txt'));
    expect(missing.ok).toBe(false);
  });

  it('stops a parse that takes too long', async () => {
    const hang = join(dir, 'hang.cjs');
    await writeFile(hang, 'require("node:worker_threads").parentPort.on("message", () => { for (;;) {} })');
    const started = Date.now();
    const r = await createWorkerLoader(hang, 300).loadBytes('x.txt', new Uint8Array(1));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/longer than/) });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reuses one worker, and replaces it after a timeout', async () => {
    const slowOnce = join(dir, 'slow-once.cjs');
    // Hangs on its first job only; a fresh worker (new module state) would hang again, so
    // the second answer proves the queue moved on to a new worker after terminating the first.
    await writeFile(slowOnce, `const { parentPort } = require('node:worker_threads');
      let n = 0; parentPort.on('message', (m) => { if (m.job.name === 'hang.txt') for (;;) {} parentPort.postMessage({ id: m.id, result: { ok: false, message: 'job ' + (++n) } }); });`);
    const loader = createWorkerLoader(slowOnce, 1500); // roomy: worker start-up on a busy 2-core machine counts too
    const results = await Promise.all([loader.loadBytes('a.txt', new Uint8Array(1)), loader.loadBytes('b.txt', new Uint8Array(1)), loader.loadBytes('hang.txt', new Uint8Array(1)), loader.loadBytes('c.txt', new Uint8Array(1))]);
    expect(results.map((r) => (r.ok ? 'ok' : r.message))).toEqual(['job 1', 'job 2', expect.stringMatching(/longer than/), 'job 1']);
    await loader.close();
  });

  it('reports a worker that crashes', async () => {
    const crash = join(dir, 'crash.cjs');
    await writeFile(crash, 'require("node:worker_threads").parentPort.on("message", () => { throw new Error("boom") })');
    expect(await createWorkerLoader(crash).loadBytes('x.txt', new Uint8Array(1))).toMatchObject({ ok: false, message: expect.stringMatching(/boom/) });
    const quiet = join(dir, 'exit.cjs');
    await writeFile(quiet, 'require("node:worker_threads").parentPort.on("message", () => process.exit(3))');
    expect(await createWorkerLoader(quiet).loadBytes('x.txt', new Uint8Array(1))).toMatchObject({ ok: false, message: expect.stringMatching(/stopped unexpectedly/) });
  });
});
