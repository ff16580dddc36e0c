// npm run bench:extract   linkedom vs jsdom under Readability, on the saved pages of
// tests/fixtures/web and a generated 1.5 MB page: time per page (median), peak RSS of a fresh
// process that reads them all, and fidelity (do both DOMs give Readability the same article
// text?). The figures behind docs/web-extraction.md.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './child';
import { generateArticle } from './gen';
import { log, median } from './stats';

interface ChildResult { pages: { file: string; ms: number[]; text: string }[]; startup_ms: number; rss_mb: number; heap_mb: number }

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/web/', import.meta.url));
const RUNS = 5;

/** A news page of about 1.5 MB as sites send them: inline script and JSON, navigation, 300 paragraphs, figures, ads, related links. */
function bigPage(): string {
  const paras = generateArticle(300_000, 11).split(/\n\n+/);
  const body = paras.map((p, i) => `<p>${p.replace(/[<&]/g, ' ')}</p>${i % 12 === 5 ? '<div class="ad-slot"><p>Advertisement</p></div>' : ''}${i % 20 === 9 ? `<figure><img src="i${i}.jpg" alt=""><figcaption>Scene ${i} <span class="credit">Photograph: A. Person/Agency</span></figcaption></figure>` : ''}`).join('\n');
  const script = `<script>window.__DATA__=${JSON.stringify({ items: Array.from({ length: 4000 }, (_, i) => ({ id: i, title: `Story ${i}`, url: `/news/${i}` })) })}</script>`;
  const nav = `<nav><ul>${Array.from({ length: 200 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
  const related = `<aside class="related"><ul>${Array.from({ length: 100 }, (_, i) => `<li><a href="/r/${i}">Related story number ${i}</a></li>`).join('')}</ul></aside>`;
  return `<!doctype html><html><head><title>Big page</title>${script}<style>${'.x{color:red}'.repeat(20000)}</style></head><body>${nav}<main><article><h1>A long article</h1>${body}</article>${related}</main><footer>© Example</footer></body></html>`;
}

/** Markup a browser repairs by the HTML spec's rules: misnested and unclosed tags, a table with stray text, stray end tags. */
function brokenPage(): string {
  const p = (i: number) => `<p>Paragraph ${i} of a page with broken markup, which still has to be read in the right order by anyone.`;
  return `<html><head><title>Broken</title><body><article><h1>Storm damage across the county</h1>${p(1)}<p>${'<b>bold <i>both</b> italic</i> '.repeat(3)}text.
    <table><tr><td>cell</td>stray text in a row<tr><td>${p(2)}</td></table>${p(3)}</div></span>${p(4)}<ul><li>one<li>two<p>${p(5)}</ul>${p(6)}<font><p>${p(7)}</font>${p(8)}`;
}

const words = (s: string) => new Set(s.toLowerCase().split(/\W+/).filter(Boolean));
function overlap(a: string, b: string): number {
  const A = words(a), B = words(b);
  let both = 0;
  for (const w of A) if (B.has(w)) both++;
  return both / Math.max(1, new Set([...A, ...B]).size);
}

const dir = mkdtempSync(join(tmpdir(), 'extract-bench-'));
try {
  const big = join(dir, 'generated-1.5mb.html');
  writeFileSync(big, bigPage());
  const broken = join(dir, 'generated-broken-markup.html');
  writeFileSync(broken, brokenPage());
  const files = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).map((f) => join(FIXTURES, f)), big, broken];
  const results: Record<string, ChildResult | null> = {};
  for (const lib of ['linkedom', 'jsdom']) {
    log(`${lib}: ${files.length} pages × ${RUNS}`);
    results[lib] = await runChild<ChildResult>('./extract-child.ts', [lib, String(RUNS), ...files], 600_000);
  }
  const l = results.linkedom, j = results.jsdom;
  if (!l || !j) throw new Error('a child process failed');
  const rows = l.pages.map((p, i) => {
    const q = j.pages[i]!;
    return { page: p.file, linkedom_ms: Math.round(median(p.ms)), jsdom_ms: Math.round(median(q.ms)), same_text: p.text === q.text, word_overlap: Math.round(overlap(p.text, q.text) * 1000) / 1000 };
  });
  const result = {
    date: new Date().toISOString(),
    pages: rows,
    startup_ms: { linkedom: l.startup_ms, jsdom: j.startup_ms },
    peak_rss_mb: { linkedom: l.rss_mb, jsdom: j.rss_mb },
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log('page                                   linkedom ms  jsdom ms  same text  word overlap');
    for (const r of rows) console.log(`${r.page.padEnd(38)} ${String(r.linkedom_ms).padStart(11)} ${String(r.jsdom_ms).padStart(9)}  ${String(r.same_text).padEnd(9)}  ${r.word_overlap}`);
    console.log(`module load: linkedom ${l.startup_ms} ms, jsdom ${j.startup_ms} ms; peak RSS: linkedom ${l.rss_mb} MB, jsdom ${j.rss_mb} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
