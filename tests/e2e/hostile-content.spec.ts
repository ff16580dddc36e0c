// Hostile article content in the real renderer (chromium project: harness + Debian Chromium).
// Two independent layers are checked:
//  - the renderer builds the article with createElement/textContent, so markup in the text
//    (raw HTML, entity-encoded HTML, code spans) never becomes elements or attributes;
//  - the CSP (script-src 'self') refuses inline script even if something did inject it.
import fc from 'fast-check';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any */

const HOSTILE_MD = [
  '# Hostile article',
  '',
  '<script>window.__pwned=1</script>',
  '',
  '<img src=x onerror="window.__pwned=2">',
  '',
  'The safe paragraph stays visible. [click](javascript:window.__pwned=3) here.',
  '',
  '<iframe src="javascript:window.__pwned=4"></iframe>',
  '',
  '<svg><script>window.__pwned=5</script></svg>',
  '',
  '<style>p{display:none}</style>',
  '',
  '<a href="#" style="display:none">hidden</a>',
  '',
  // Markup that survives parsing as *text*: decoded entities and a code span. Rendered with
  // innerHTML these would become a live <img onerror> and <iframe>.
  'Entities: &lt;img src=x onerror="window.__pwned=6"&gt; stay text.',
  '',
  'Code: `<iframe src="javascript:window.__pwned=7"></iframe>` stays text.',
  '',
  '> Quoted <b onmouseover="window.__pwned=8">bold</b> words.',
  '',
].join('\n');

const FORBIDDEN_TAGS = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'style', 'link', 'meta', 'base', 'form', 'a', 'frame', 'template', 'video', 'source'];

/** Drops a file on the window as a user would, and waits until its title is shown. */
async function dropArticle(page: Page, article: Locator, name: string, text: string, title: string): Promise<void> {
  const drop = await page.evaluateHandle(([n, t]) => {
    const g = globalThis as any;
    const dt = new g.DataTransfer();
    dt.items.add(new g.File([new g.TextEncoder().encode(t)], n, { type: 'text/markdown' }));
    return dt;
  }, [name, text] as const);
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(article.locator('h1')).toHaveText(title);
  await expect(article).toHaveAttribute('aria-busy', 'false');
}

/** Everything in #article that could execute or load something. */
async function executableBits(article: Locator): Promise<string[]> {
  return article.evaluate((root: any, tags: string[]) => {
    const found: string[] = [];
    for (const tag of tags) for (const _ of root.querySelectorAll(tag)) found.push(`<${tag}>`);
    for (const el of [root, ...root.querySelectorAll('*')]) {
      for (const attr of el.attributes) {
        const name = String(attr.name).toLowerCase();
        const value = String(attr.value).replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${el.localName}[${name}]`);
        if (['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'style'].includes(name)) found.push(`${el.localName}[${name}=${attr.value}]`);
        if (/^(javascript|vbscript|data):/.test(value)) found.push(`${el.localName}[${name}=${attr.value}]`);
      }
    }
    return found;
  }, FORBIDDEN_TAGS);
}

test('hostile Markdown is shown as inert text: nothing runs, no executable elements or attributes', async ({ reader, page }) => {
  test.skip(test.info().project.name !== 'chromium', 'drives the harness in Chromium');
  await reader.open();
  await dropArticle(page, reader.article, 'hostile.md', HOSTILE_MD, 'Hostile article');

  // Give any image error handler / frame load a chance to fire before looking.
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();

  expect(await executableBits(reader.article)).toEqual([]);

  // The prose is there and visible (the <style> did not hide it)...
  await expect(reader.article.getByText('The safe paragraph stays visible.')).toBeVisible();
  await expect(reader.article.locator('p', { hasText: 'Quoted bold words.' })).toBeVisible();
  // ...and markup that is part of the text is shown as the characters it is.
  await expect(reader.article.getByText('<img src=x onerror="window.__pwned=6">', { exact: false })).toBeVisible();
  await expect(reader.article.getByText('<iframe src="javascript:window.__pwned=7"></iframe>', { exact: false })).toBeVisible();
  // Raw HTML blocks are dropped from the reading, not read out as source.
  await expect(reader.article).not.toContainText('__pwned=1');
  await expect(reader.article).not.toContainText('__pwned=5');
  await expect(reader.article).not.toContainText('display:none');
});

test('the CSP refuses inline script in the reading page, and reports the violation', async ({ reader, page }) => {
  test.skip(test.info().project.name !== 'chromium', 'drives the harness in Chromium');
  await reader.open();
  await dropArticle(page, reader.article, 'hostile.md', HOSTILE_MD, 'Hostile article');

  const outcome = await page.evaluate(async () => {
    const g = globalThis as any;
    const violations: { directive: string; blocked: string; disposition: string }[] = [];
    g.document.addEventListener('securitypolicyviolation', (e: any) =>
      violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, disposition: e.disposition }));
    const script = g.document.createElement('script');
    script.textContent = 'window.__cspInline = 1;';
    g.document.head.append(script);
    // A second route: an inline event handler attribute.
    const img = g.document.createElement('img');
    img.setAttribute('onerror', 'window.__cspHandler = 1');
    img.src = 'data:,not-an-image';
    g.document.body.append(img);
    for (let i = 0; i < 500 && violations.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    img.remove();
    return { inline: g.__cspInline, handler: g.__cspHandler, violations };
  });

  expect(outcome.inline).toBeUndefined();
  expect(outcome.handler).toBeUndefined();
  // Evidence that the CSP (not chance) stopped them: enforced script-src violations for inline code.
  expect(outcome.violations.length).toBeGreaterThanOrEqual(2);
  for (const v of outcome.violations) {
    expect(v.directive).toMatch(/^script-src/);
    expect(v.blocked).toBe('inline');
    expect(v.disposition).toBe('enforce');
  }
});

// A few fuzzed articles (fixed seed) through the real renderer: same fragment vocabulary as
// tests/unit/hardening/hostile-markdown.test.ts, kept small because each one is a page load.
const FRAGMENTS = [
  '<script>window.__pwned="s"</script>', '<img src=x onerror="window.__pwned=\'i\'">', '<svg onload="window.__pwned=\'v\'">',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">', '<a href="javascript:window.__pwned=\'a\'">x</a>', '<b onclick=alert(1)>b</b>',
  '&lt;img src=x onerror=window.__pwned=\'e\'&gt;', '&#60;script&#62;window.__pwned=\'n\'&#60;/script&#62;', '&#x3C;svg onload=alert(1)&#x3E;',
  '`<img src=x onerror=window.__pwned=\'c\'>`', '[link](javascript:window.__pwned=\'l\')', '![img](javascript:alert(1))',
  '<style>*{display:none}</style>', '"quoted <i onmouseover=alert(1)>speech</i>," she said.', 'Plain words.', '<!-- comment -->', ']]>', '<![CDATA[x]]>',
];
const fuzzArticle = fc.tuple(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 8 }),
).map(([blocks]) => blocks.map(([depth, parts]) => '> '.repeat(depth) + parts.join(' ')).join('\n\n'));

test('fuzzed hostile articles (fixed seed) never yield executable DOM', async ({ reader, page }) => {
  test.skip(test.info().project.name !== 'chromium', 'drives the harness in Chromium');
  await reader.open();
  const samples = fc.sample(fuzzArticle, { seed: 20240611, numRuns: 5 });
  for (const [i, body] of samples.entries()) {
    const title = `Fuzz sample ${i}`;
    await dropArticle(page, reader.article, `fuzz-${i}.md`, `# ${title}\n\nIntro words.\n\n${body}\n`, title);
    expect(await executableBits(reader.article), body).toEqual([]);
  }
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  expect(await page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
});
