import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, generateQuoteDense } from '../../../bench/gen';
import { rawBlocksOf } from '../../../core/article/parse';
import { PREVIEW_FROM_CHARS, previewBlockCount } from '../../../core/article/preview';
import type { ArticleModel } from '../../../core/contract';
import { unpackNow } from '../../../core/packed';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import type { Planning, PreparedArticle } from '../../../electron/services/article-loader';
import { createWorkerLoader } from '../../../electron/services/worker-loader';
import { node } from '../../../scripts/esbuild-options.mjs';

const planning: Planning = { settings: DEFAULT_SETTINGS, voices: [] };

let dir: string;
let worker: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parse-worker-'));
  worker = join(dir, 'parse-worker.cjs');
  // The same bundle scripts/build.mjs makes, built here so the test never touches dist/.
  await build({ ...node, entryPoints: ['electron/services/parse-worker.ts'], outfile: worker, logLevel: 'error' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parse worker', () => {
  it('keeps the parser\'s Unicode regular expressions as literals, not rebuilt by new RegExp() at each call', async () => {
    const bundle = await readFile(worker, 'utf8');
    // (`/^\\p{Lu}/u` inside a function, as the parser writes it, must not come out as `new RegExp("^\\\\p{Lu}", "u")`.)
    expect(bundle).toContain('/^\\p{Lu}/u');
    expect(bundle).not.toMatch(/new RegExp\("[^"]*\\\\p\{/);
  });

  it('loads a file and bytes off the main thread', async () => {
    const file = join(dir, 'a.txt');
    await writeFile(file, 'A title\n\nSome text.');
    const loader = createWorkerLoader(worker);
    const r = await loader.loadFile(file, planning);
    expect(r.ok).toBe(true);
    const b = await loader.loadBytes('b.md', new TextEncoder().encode('# Heading\n\nBody.'), planning);
    expect(b.ok && unpackNow(b.article.model).format).toBe('markdown');
  });

  it('plans in the worker too, and plans again from the packed model when the settings change', async () => {
    const loader = createWorkerLoader(worker);
    const text = 'Storm closes roads\n\nThe council said the roads would reopen.\n\n"We are doing all we can," said Ann Lee, the leader. "Please stay at home."';
    const r = await loader.loadBytes('storm.txt', new TextEncoder().encode(text), planning);
    if (!r.ok) throw new Error(r.message);
    const model = unpackNow(r.article.model) as ArticleModel;
    const plan = unpackNow(r.article.plan);
    expect(r.article.text).toBe(model.text);
    expect(r.article.key).toMatch(/^[0-9a-f]{32}$/);
    expect(plan.utterances.map((u) => u.kind)).toContain('quote');
    for (const u of plan.utterances) if (u.kind !== 'label') expect(model.text.slice(u.start, u.end)).toContain(u.text.slice(0, 5));
    const always = await loader.plan(r.article.model, { ...planning, settings: { ...DEFAULT_SETTINGS, verbosity: 'always' } });
    const off = await loader.plan(r.article.model, { ...planning, settings: { ...DEFAULT_SETTINGS, verbosity: 'off' } });
    if (!always.ok || !off.ok) throw new Error('re-plan failed');
    const labels = (p: typeof always) => unpackNow(p.plan).utterances.filter((u) => u.kind === 'label').length;
    expect(labels(always)).toBeGreaterThan(0);
    expect(labels(off)).toBe(0);
    await loader.close();
  });

  it('a big article: its first part comes out before the whole, which begins exactly as it (issue 12)', async () => {
    const loader = createWorkerLoader(worker);
    const text = generateArticle(PREVIEW_FROM_CHARS * 2, 5);
    const firsts: PreparedArticle[] = [];
    let wholeYet = false;
    const r = await loader.loadBytes('big.txt', new TextEncoder().encode(text), planning, undefined, (first) => {
      expect(wholeYet).toBe(false);
      firsts.push(first);
    });
    wholeYet = true;
    if (!r.ok) throw new Error(r.message);
    expect(firsts).toHaveLength(1);
    const first = unpackNow(firsts[0]!.model) as ArticleModel;
    const whole = unpackNow(r.article.model) as ArticleModel;
    expect(first.blocks.length).toBe(previewBlockCount(rawBlocksOf(text, 'text')));
    expect(whole.blocks.length).toBeGreaterThan(first.blocks.length * 5);
    expect(whole.text.startsWith(first.text)).toBe(true);
    // Its reading position is kept under the whole article's key.
    expect(firsts[0]!.key).toBe(r.article.key);
    expect(unpackNow(firsts[0]!.plan).utterances.length).toBeGreaterThan(10);
    expect(r.article.extendsPreview).toBe(true);
    // A short article comes whole, and only once.
    const small = await loader.loadBytes('small.txt', new TextEncoder().encode('Small\n\nOne paragraph.'), planning, undefined, () => firsts.push(firsts[0]!));
    expect(small.ok && small.article.extendsPreview).toBeUndefined();
    expect(firsts).toHaveLength(1);
    await loader.close();
  });

  it('an article too big to read in the time limit: a clear message, and the next article reads', async () => {
    const loader = createWorkerLoader(worker, 1000);
    // Warm first, so the parser's start-up does not count.
    expect((await loader.loadBytes('warm.txt', new TextEncoder().encode('Warm\n\nUp.'), planning)).ok).toBe(true);
    const huge = new TextEncoder().encode(generateQuoteDense(3_000_000, 4)); // ~110,000 quotes: seconds of parsing anywhere
    expect(await loader.loadBytes('huge.txt', huge, planning)).toEqual({ ok: false, message: 'Reading the article took longer than 1 second and was stopped.' });
    const next = await loader.loadBytes('next.txt', new TextEncoder().encode('Next\n\nStill works.'), planning);
    expect(next.ok && unpackNow(next.article.model).title).toBe('Next');
    await loader.close();
  });

  it('returns the loader’s message for a file it refuses', async () => {
    const r = await createWorkerLoader(worker).loadBytes('bin.txt', new Uint8Array([0, 1, 2, 0, 0]), planning);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/not a text file/) });
    const missing = await createWorkerLoader(worker).loadFile(join(dir, 'missing.txt'), planning);
    expect(missing.ok).toBe(false);
  });

  it('stops a parse that takes too long', async () => {
    const hang = join(dir, 'hang.cjs');
    await writeFile(hang, 'const { parentPort } = require("node:worker_threads"); parentPort.on("message", () => { for (;;) {} }); parentPort.postMessage({ ready: true });');
    const started = Date.now();
    const r = await createWorkerLoader(hang, 300).loadBytes('x.txt', new Uint8Array(1), planning);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/longer than/) });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reuses one worker, and replaces it after a timeout', async () => {
    const slowOnce = join(dir, 'slow-once.cjs');
    // Hangs on its first job only; a fresh worker (new module state) would hang again, so
    // the second answer proves the queue moved on to a new worker after terminating the first.
    await writeFile(slowOnce, `const { parentPort } = require('node:worker_threads');
      let n = 0; parentPort.on('message', (m) => { if (m.job.name === 'hang.txt') for (;;) {} parentPort.postMessage({ id: m.id, result: { ok: false, message: 'job ' + (++n) } }); });
      parentPort.postMessage({ ready: true });`);
    const loader = createWorkerLoader(slowOnce, 1500); // roomy for a busy 2-core machine
    const results = await Promise.all([loader.loadBytes('a.txt', new Uint8Array(1), planning), loader.loadBytes('b.txt', new Uint8Array(1), planning), loader.loadBytes('hang.txt', new Uint8Array(1), planning), loader.loadBytes('c.txt', new Uint8Array(1), planning)]);
    expect(results.map((r) => (r.ok ? 'ok' : r.message))).toEqual(['job 1', 'job 2', expect.stringMatching(/longer than/), 'job 1']);
    await loader.close();
  });

  it('counts a job’s time from when the worker is ready, and gives up on one that never starts', async () => {
    const slowStart = join(dir, 'slow-start.cjs');
    await writeFile(slowStart, `const { parentPort } = require('node:worker_threads');
      const until = Date.now() + 1200; while (Date.now() < until) {}
      parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, result: { ok: false, message: 'done' } }));
      parentPort.postMessage({ ready: true });`);
    expect(await createWorkerLoader(slowStart, 500).loadBytes('x.txt', new Uint8Array(1), planning)).toEqual({ ok: false, message: 'done' });
    const never = join(dir, 'never.cjs');
    await writeFile(never, 'require("node:worker_threads").parentPort.on("message", () => undefined)');
    expect(await createWorkerLoader(never, 500, 300).loadBytes('x.txt', new Uint8Array(1), planning)).toEqual({ ok: false, message: 'The article reader did not start.' });
  });

  it('reports a worker that crashes', async () => {
    const crash = join(dir, 'crash.cjs');
    await writeFile(crash, 'require("node:worker_threads").parentPort.on("message", () => { throw new Error("boom") })');
    expect(await createWorkerLoader(crash).loadBytes('x.txt', new Uint8Array(1), planning)).toMatchObject({ ok: false, message: expect.stringMatching(/boom/) });
    const quiet = join(dir, 'exit.cjs');
    await writeFile(quiet, 'require("node:worker_threads").parentPort.on("message", () => process.exit(3))');
    expect(await createWorkerLoader(quiet).loadBytes('x.txt', new Uint8Array(1), planning)).toMatchObject({ ok: false, message: expect.stringMatching(/stopped unexpectedly/) });
  });
});
