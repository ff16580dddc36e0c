// Child process for extract-bench.ts: one DOM implementation (argv[2]: linkedom | jsdom), every
// page given (argv[3..]) parsed and run through Readability `runs` times. Prints
// {pages: [{file, ms: [..], text}], startup_ms, rss_mb, heap_mb} on its last stdout line.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Readability } from '@mozilla/readability';
import { decodePage } from '../electron/articles/page-charset';

const [lib, runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg);
const t0 = performance.now();
type MakeDoc = (html: string) => unknown;
let makeDoc: MakeDoc;
if (lib === 'jsdom') {
  // No @types/jsdom (its DOM types would leak into the Node-side type check): loosely typed.
  const name = 'jsdom';
  const { JSDOM } = (await import(name)) as { JSDOM: new (html: string) => { window: { document: unknown } } };
  makeDoc = (html) => new JSDOM(html).window.document; // scripts are not run and resources not loaded (jsdom's defaults)
} else {
  const { parseHTML } = await import('linkedom');
  makeDoc = (html) => parseHTML(html).document;
}
const startup = performance.now() - t0;
let peak = process.memoryUsage().rss;
const pages = files.map((file) => {
  const html = decodePage(readFileSync(file)).text;
  const ms: number[] = [];
  let text = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = new Readability(makeDoc(html) as never).parse();
    ms.push(performance.now() - t);
    text = (r?.textContent ?? '').replace(/\s+/g, ' ').trim();
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { file: basename(file), ms, text };
});
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
process.stdout.write(JSON.stringify({ pages, startup_ms: Math.round(startup), rss_mb: mb(peak), heap_mb: mb(process.memoryUsage().heapUsed) }) + '\n');
