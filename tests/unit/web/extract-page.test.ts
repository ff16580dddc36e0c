// Saved and pasted web pages through the real loader: the article's structure, its charset,
// and hostile pages (script, handlers, subresources, refresh, deep nesting, broken markup):
// nothing runs, nothing is fetched, and a page without an article says so in one sentence.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticleBytes, loadPasted } from '../../../electron/articles/load-article';
import { markupDepth, PARSE_MAX_DEPTH } from '../../../electron/articles/extract-page';
import { decodePage } from '../../../electron/articles/page-charset';

const enc = (s: string) => new TextEncoder().encode(s);
const para = (n: number) => `<p>Paragraph ${n} of the story, long enough to read as running text for anyone who opens it.</p>`;
const open = (html: string, name = 'page.html') => {
  const r = loadArticleBytes(name, enc(html));
  if (!r.ok) throw new Error(r.message);
  return r.model;
};
const kinds = (m: ReturnType<typeof open>) => m.blocks.map((b) => `${b.kind}${b.level && b.kind === 'heading' ? b.level : ''}${b.inBlockquote ? ' (quote)' : ''}: ${b.text}`);

describe('the article of a saved page', () => {
  const page = `<!doctype html><html><head><title>Flood defences finished a year late | The Daily Example</title>
    <meta name="author" content="Priya Shah"></head><body>
    <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
    <main><article><h1>Flood defences finished a year late</h1>
    ${para(1)}${para(2)}
    <h2>What went wrong</h2>${para(3)}
    <h3>The contractor</h3>${para(4)}
    <ul><li>The wall is 2km long.</li><li>It cost £12m.</li></ul>
    <blockquote><p>We will never again let a town wait this long.</p><cite>Helen Morris, Safer Streets campaign</cite></blockquote>
    <figure><img src="wall.jpg" alt=""><figcaption>The new wall at high tide <span class="credit">Jane Doe/PA</span></figcaption></figure>
    ${para(5)}</article></main><footer>© 2026 Example Media</footer></body></html>`;
  const model = open(page);

  it('keeps title, byline, headings with their levels, lists, block quotes and captions', () => {
    expect(model.format).toBe('html');
    expect(kinds(model)).toEqual([
      'title: Flood defences finished a year late',
      'byline: By Priya Shah',
      `paragraph: Paragraph 1 of the story, long enough to read as running text for anyone who opens it.`,
      `paragraph: Paragraph 2 of the story, long enough to read as running text for anyone who opens it.`,
      'heading2: What went wrong',
      `paragraph: Paragraph 3 of the story, long enough to read as running text for anyone who opens it.`,
      'heading3: The contractor',
      `paragraph: Paragraph 4 of the story, long enough to read as running text for anyone who opens it.`,
      'list-item: The wall is 2km long.',
      'list-item: It cost £12m.',
      'paragraph (quote): We will never again let a town wait this long.',
      'paragraph: — Helen Morris, Safer Streets campaign',
      'caption: The new wall at high tide Credit: Jane Doe/PA',
      `paragraph: Paragraph 5 of the story, long enough to read as running text for anyone who opens it.`,
    ]);
  });

  it('keeps the caption\'s credit as its own range', () => {
    const caption = model.blocks.find((b) => b.kind === 'caption')!;
    expect(model.text.slice(caption.credit!.start, caption.credit!.end)).toBe('Credit: Jane Doe/PA');
  });

  it('reads a saved page whatever its extension, never its markup', () => {
    const asText = open(page, 'saved.txt');
    expect(asText.format).toBe('html');
    expect(asText.text).not.toContain('<');
  });

  it('takes the byline from JSON-LD when the page shows none', () => {
    const m = open(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens","author":[{"@type":"Person","name":"Ana Costa"},{"@type":"Person","name":"Ben Ito"}]}</script></head>
      <body><article>${para(1)}${para(2)}${para(3)}</article></body></html>`);
    expect(m.title).toBe('Bridge reopens');
    expect(m.byline).toBe('By Ana Costa and Ben Ito');
  });

  it('names every author when <meta name="author"> holds only the first of those JSON-LD lists', () => {
    const m = open(`<html><head><meta name="author" content="Ana Costa"><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Costa"},{"@type":"Person","name":"Ben Ito"}]}</script></head>
      <body><article><h1>Bridge reopens</h1>${para(1)}${para(2)}${para(3)}</article></body></html>`);
    expect(m.byline).toBe('By Ana Costa and Ben Ito');
  });

  it('reads a byline marked only by a test id', () => {
    const m = open(`<html><head><meta name="author" content="Ana Costa"></head><body><article><h1>Bridge reopens</h1>
      <div data-testid="AuthorByline">By <a href="/a">Ana Costa</a> and <a href="/b">Ben Ito</a></div>${para(1)}${para(2)}${para(3)}</article></body></html>`);
    expect(m.byline).toBe('By Ana Costa and Ben Ito');
  });
});

describe('speech marked with <q>', () => {
  it('reads the quotation marks the browser would show, so the quote has its speaker', () => {
    const m = open(`<html><body><article><h1>Bridge reopens</h1>${para(1)}<p><q>It is good to have our bridge back,</q> said Mayor Ana Costa. <q>We thank everyone.</q></p>${para(2)}${para(3)}</article></body></html>`);
    expect(m.text).toContain('“It is good to have our bridge back,” said Mayor Ana Costa. “We thank everyone.”');
    expect(m.quotes.map((q) => m.speakers.find((s) => s.id === q.speakerId)?.name)).toEqual(['Mayor Ana Costa']);
  });
});

describe('a page whose scripts would write the article in', () => {
  it('reads the article from its JSON-LD articleBody when none of it is in the markup', () => {
    const body = ['The harbour tunnel will close for six weekends from January.', '"We have planned extra ferries," said Mark Ellis, the operations director.', 'Bus routes 12 and 14 will be diverted.'].join('\n\n');
    const m = open(`<html><head><title>Harbour tunnel to close | Coast Daily</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour tunnel to close', author: { name: 'Ivy Chen' }, articleBody: body })}</script></head>
      <body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`);
    expect(kinds(m)).toEqual(['title: Harbour tunnel to close', 'byline: By Ivy Chen', ...body.split('\n\n').map((t) => `paragraph: ${t}`)]);
    expect(m.speakers.map((s) => s.name)).toEqual(['Mark Ellis']);
  });

  it('decodes entities in a plain articleBody, and reads it past a lone placeholder line', () => {
    const body = ['It&#8217;s the first closure in the tunnel&#39;s history, the authority said on Monday morning.', 'Bus routes 12 and 14 will be diverted over the bridge for the six weekends of the work.', 'Ferries will run every twenty minutes from the north pier, and cyclists may use the bridge lane.', 'The lighting was installed when the tunnel opened in 1986 and has failed twice this year.'].join('\n\n');
    const m = open(`<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Tunnel to close', articleBody: body })}</script></head><body><main><p>Loading the latest news…</p></main></body></html>`);
    expect(m.text).toContain('It’s the first closure in the tunnel\'s history');
    expect(m.text).not.toContain('Loading the latest news');
  });

  it('prefers the article in the markup when there is one', () => {
    const m = open(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"A different summary."}</script></head><body><article><h1>Bridge</h1>${para(1)}${para(2)}${para(3)}</article></body></html>`);
    expect(m.text).not.toContain('A different summary');
  });
});

describe('an old-style page laid out with <br> and <font>', () => {
  const m = open(`<html><head><title>Mayor rejects bus lane plan - Riverside Gazette</title></head><body><table><tr><td class="story">
    <font size="5"><b>Mayor rejects bus lane plan</b></font><br><i>By Carla Mendes, Staff Writer</i><br>Posted: Nov 29, 2026<br><br>
    ${para(1).slice(3, -4)}<br><br>${para(2).slice(3, -4)}<br><br>${para(3).slice(3, -4)}<br><br>
    <img src="bus.jpg"><br><small>A bus on Main Street on Thursday. (Gazette photo / Ken Ortiz)</small></td></tr></table></body></html>`);

  it('reads the bold headline once, as the title, and drops a date set apart by one <br>', () => {
    expect(kinds(m).slice(0, 3)).toEqual(['title: Mayor rejects bus lane plan', 'byline: By Carla Mendes, Staff Writer', `paragraph: ${para(1).slice(3, -4)}`]);
  });

  it('keeps a sentence that goes on after one <br> in the article whole, with its speaker', () => {
    const later = open(`<html><body><article><h1>Libraries to close</h1>${para(1)}${para(2)}
      <p>"We have no choice about this, none at all," said<br>Councillor Amy Ward, who leads the council.</p>${para(3)}</article></body></html>`);
    expect(kinds(later)).toContain('paragraph: "We have no choice about this, none at all," said Councillor Amy Ward, who leads the council.');
    expect(later.speakers.map((s) => s.name)).toEqual(['Councillor Amy Ward']);
  });

  it('reads a line ending in a local paper\'s photo credit as a caption', () => {
    expect(kinds(m).at(-1)).toBe('caption: A bus on Main Street on Thursday. (Gazette photo / Ken Ortiz)');
  });
});

describe('pull quotes', () => {
  const m = open(`<html><head><meta name="author" content="Lena Ortiz"></head><body><main><h1>Wildfire forces thousands to flee</h1>
    ${para(1)}<p>"If you wait, we may not be able to reach you," Fire Chief Antonio Marrone said.</p>
    <div class="pull-quote"><blockquote>"If you wait, we may not be able to reach you."</blockquote><div class="pull-quote__author">Antonio Marrone, fire chief</div></div>
    ${para(2)}${para(3)}</main></body></html>`);

  it("reads a pull quote (the article's own words again, set large) once, where the article has it", () => {
    expect(m.text.match(/If you wait/g)).toHaveLength(1);
    expect(m.text).not.toContain('Antonio Marrone, fire chief');
  });

  it('never takes the "author" of a quote for the byline of the article', () => {
    expect(m.byline).toBe('By Lena Ortiz');
  });
});

describe("the writer's bio box", () => {
  const page = (box: string) => open(`<html><head><title>Council approves skate park</title></head><body><main><article>
    <h1>Council approves skate park</h1>${box.startsWith('<div class="author-info">By') ? box : ''}${para(1)}${para(2)}
    ${box.startsWith('<div class="author-info">By') ? '' : box}</article></main></body></html>`);

  it('is not read after the article (a WordPress author box: the name as a heading, then a sentence about them)', () => {
    const m = page('<div class="author-info"><h2 class="author-title">Dana Whitfield</h2><p class="author-bio">Dana Whitfield covers local government for the Gazette. Reach her at dana@example.com.</p></div>');
    expect(m.text).not.toContain('covers local government');
    expect(m.blocks.filter((b) => b.text === 'Dana Whitfield')).toEqual([]);
    expect(m.text).toContain('Paragraph 2 of the story');
  });

  it('keeps a short box of that name at the top: it is the byline', () => {
    expect(page('<div class="author-info">By Dana Whitfield</div>').byline).toBe('By Dana Whitfield');
  });
});

describe('a BBC page saved or pasted', () => {
  // The byline's name and role are two spans a style sets on two lines; the figure's source and caption two labelled spans.
  const bbc = `<article><h1>Hospital waiting lists fall for first time in a year</h1>
    <div class="byline"><span>By Hugh Pym</span><span>Health editor, BBC News</span></div>
    ${para(1)}
    <figure><img src="x.jpg" alt=""><figcaption><span>Image source, Getty Images</span><span>Image caption, </span>Nurses on a ward at a London hospital</figcaption></figure>
    ${para(2)}${para(3)}</article>`;
  for (const [how, model] of [['saved', () => open(`<html><body>${bbc}</body></html>`)], ['pasted', () => {
    const r = loadPasted(bbc, null);
    if (!r.ok) throw new Error(r.message);
    return r.model;
  }]] as const) {
    it(`${how}: reads the byline's name and role apart, and the caption without its labels, its source as its credit`, () => {
      const m = model();
      expect(m.byline).toBe('By Hugh Pym, Health editor, BBC News');
      const caption = m.blocks.find((b) => b.kind === 'caption')!;
      expect(caption.text).toBe('Nurses on a ward at a London hospital Credit: Getty Images');
      expect(m.text.slice(caption.credit!.start, caption.credit!.end)).toBe('Credit: Getty Images');
    });
  }
});

it('leaves no separator at the end of a byline whose date is left out', () => {
  const m = open(`<html><body><main><article><h1>River levels rise</h1><p class="byline">By <a href="/j">Jane Okafor</a>, Environment Correspondent · <time>2 March 2024</time></p>${para(1)}${para(2)}${para(3)}</article></main></body></html>`);
  expect(m.byline).toBe('By Jane Okafor, Environment Correspondent');
});

it('reads an "author" box below the story as its text, not as the byline', () => {
  const m = open(`<html><body><article><h1>Hospital waiting lists fall</h1>${para(1)}${para(2)}${para(3)}
    <p class="author-note">Jane Doe is a <a href="/jd">health reporter</a> at the Gazette</p></article></body></html>`);
  expect(m.byline).toBeNull();
  expect(kinds(m)).toContain('paragraph: Jane Doe is a health reporter at the Gazette');
});

describe('photo captions outside the article body', () => {
  it('keeps the lead photo that stands between the headline and the body, before the first paragraph', () => {
    const m = open(`<html><body><main><article><h1>Port strike enters second day</h1>
      <figure><img src="a.jpg" alt=""><figcaption><span>Cranes stand idle at the container terminal.</span> <span>REUTERS/Jan Smit</span></figcaption></figure>
      <div class="article-body">${para(1)}${para(2)}${para(3)}${para(4)}</div></article></main>
      <aside><figure><img src="b.jpg"><figcaption>Another story's photo</figcaption></figure></aside></body></html>`);
    const caption = m.blocks.find((b) => b.kind === 'caption');
    expect(caption?.text).toBe('Cranes stand idle at the container terminal. REUTERS/Jan Smit');
    expect(m.text.slice(caption!.credit!.start, caption!.credit!.end)).toBe('REUTERS/Jan Smit');
    expect(kinds(m).indexOf(`caption: ${caption!.text}`)).toBe(kinds(m).findIndex((k) => k.startsWith('paragraph: Paragraph 1')) - 1);
    expect(m.text).not.toContain("Another story's photo");
  });

  it('puts back a lead photo that stands after the standfirst, between it and the story (Reach sites)', () => {
    const m = open(`<html><body><article><h1>Crossing still not fixed</h1><p class="sub-title">Parents say they have been left waiting for a tragedy after a council promised to install traffic lights</p>
      <figure><img src="a.jpg"><figcaption><span class="caption">The crossing on Mill Lane</span><span class="credit">(Image: Manchester Evening News)</span></figcaption></figure>
      <div class="article-body">${para(1)}${para(2)}${para(3)}${para(4)}</div></article></body></html>`);
    const caption = m.blocks.find((b) => b.kind === 'caption');
    expect(caption?.text).toBe('The crossing on Mill Lane (Image: Manchester Evening News)');
    expect(kinds(m).indexOf(`caption: ${caption!.text}`)).toBe(kinds(m).findIndex((k) => k.startsWith('paragraph: Paragraph 1')) - 1);
  });

  it('puts back no photo from a page without an article or main element (a rail cannot be told from a lead photo)', () => {
    const m = open(`<html><body><h1>Port strike enters second day</h1><figure><img src="a.jpg"><figcaption>Trending: a celebrity's new car</figcaption></figure>
      <div class="story">${para(1)}${para(2)}${para(3)}</div></body></html>`);
    expect(m.text).not.toContain('Trending');
  });

  it('puts back a lead photo marked only by classes, its credit (a figcaption of class credit) joined to its caption', () => {
    const m = open(`<html><body><main><h1>Wildfire forces thousands to flee</h1>
      <div class="image__lede"><div class="image"><img src="a.jpg"><div class="image__metadata"><div class="image__caption">Firefighters near Santa Clarita on Saturday.</div>
      <figcaption class="image__credit">Dana Lee/Getty Images</figcaption></div></div></div>
      <div class="article__content">${para(1)}${para(2)}${para(3)}${para(4)}</div></main></body></html>`);
    expect(kinds(m).slice(1, 3)).toEqual(['caption: Firefighters near Santa Clarita on Saturday. Credit: Dana Lee/Getty Images', `paragraph: ${para(1).slice(3, -4)}`]);
  });

  it('reads a caption marked by its class (<p class="imageCaption">) as a caption, not as text', () => {
    const m = open(`<html><body><article><h1>Neighbour saves two children</h1>${para(1)}
      <div class="mol-img-group"><img src="a.jpg"><p class="imageCaption">Gemma Hollis outside her home on Saturday</p></div>${para(2)}
      <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">Crews at the scene on Friday</p></div>${para(3)}</article></body></html>`);
    expect(m.blocks.filter((b) => b.kind === 'caption').map((b) => b.text)).toEqual(['Gemma Hollis outside her home on Saturday', 'Crews at the scene on Friday']);
  });
});

describe('character sets', () => {
  // “Café” — in windows-1252: 0x93 Caf 0xE9 0x94 0x97
  const w1252 = (head: string) => new Uint8Array([...enc(`<html><head>${head}</head><body><article><h1>Caf`), 0xe9, ...enc(' owners object</h1><p>'), 0x93, ...enc('We were never asked,'), 0x94, ...enc(' said Ms Lee '), 0x97, ...enc(` the owner of a caf`), 0xe9, ...enc(`.</p>${para(1)}${para(2)}</article></body></html>`)]);

  it('reads a windows-1252 page declared in a <meta>', () => {
    const r = loadArticleBytes('old.html', w1252('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'));
    expect(r.ok && r.model.title).toBe('Café owners object');
    expect(r.ok && r.model.blocks[1]!.text).toBe('“We were never asked,” said Ms Lee — the owner of a café.');
  });

  it('reads an undeclared page as windows-1252 when it is not UTF-8, and the header wins over the page', () => {
    const r = loadArticleBytes('old.html', w1252(''));
    expect(r.ok && r.model.title).toBe('Café owners object');
    expect(decodePage(enc('<meta charset="windows-1252"><p>Café</p>'), 'text/html; charset=utf-8').text).toContain('Café');
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<p>Café</p>')]), 'text/html; charset=iso-8859-1')).toMatchObject({ charset: 'utf-8', source: 'bom' });
  });
});

describe('hostile pages', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('runs no script, follows no handler or javascript: link, and fetches nothing the page refers to', async () => {
    const g = globalThis as { pwned?: boolean };
    const m = open(`<html><head><link rel="stylesheet" href="${base}/style.css"><script src="${base}/app.js"></script>
      <style>@import url("${base}/import.css"); body { background: url(${base}/bg.png) }</style>
      <meta http-equiv="refresh" content="5; url=${base}/refresh"></head>
      <body onload="globalThis.pwned = true" background="${base}/body.png"><article><h1>Council meets</h1>
      <p>The council met on <a href="javascript:globalThis.pwned=true">Tuesday</a> to discuss the budget for the coming year in detail.</p>
      <img src="${base}/photo.jpg" onerror="globalThis.pwned = true"><iframe src="${base}/frame.html"></iframe>
      <object data="${base}/obj.swf"></object><video poster="${base}/poster.jpg" src="${base}/v.mp4"></video>
      <script>globalThis.pwned = true; document.write('<p>injected paragraph</p>')</script>
      ${para(1)}${para(2)}</article></body></html>`);
    await new Promise((r) => setTimeout(r, 200)); // anything fetched would have arrived by now
    expect(requests).toEqual([]);
    expect(g.pwned).toBeUndefined();
    expect(m.text).not.toMatch(/pwned|injected|javascript:|<|@import/);
    expect(m.blocks[1]!.text).toBe('The council met on Tuesday to discuss the budget for the coming year in detail.');
  });

  it('says where a refresh-only page points instead of reading nothing', () => {
    const r = loadArticleBytes('moved.html', enc('<html><head><meta http-equiv="refresh" content="0; url=https://example.com/new"></head><body></body></html>'));
    expect(r).toEqual({ ok: false, message: 'This page only sends the browser on to another address (https://example.com/new); open that link instead.' });
  });

  it('gives one clear message for a page with no article, an empty page and a binary file named .html', () => {
    expect(loadArticleBytes('nav.html', enc('<html><body><nav><a>Home</a></nav><script>x()</script></body></html>'))).toEqual({ ok: false, message: 'No article text was found on this page.' });
    expect(loadArticleBytes('empty.html', enc('  \n'))).toEqual({ ok: false, message: 'empty.html is empty: there is no text to read.' });
    expect(loadArticleBytes('photo.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]))).toEqual({ ok: false, message: 'photo.html is not a web page (it contains binary data).' });
  });

  it('reads a page nested 100,000 deep (flattened, with a notice) instead of hanging the parser', () => {
    const html = `<html><body>${'<div><span>'.repeat(100_000)}<p>The only sentence, deep inside.</p>${'</span></div>'.repeat(100_000)}</body></html>`;
    expect(markupDepth(html)).toBeGreaterThan(PARSE_MAX_DEPTH);
    const r = loadArticleBytes('deep.html', enc(html));
    expect(r.ok && r.model.blocks.map((b) => b.text)).toEqual(['The only sentence, deep inside.']);
    expect(r.ok && r.notices[0]).toMatch(/nested unusually deeply/);
  });

  it('reads broken markup: unclosed and misnested tags, stray end tags, an unterminated comment', () => {
    const m = open(`<html><body><article><h1>Storm damage</h1><p>First paragraph <b>bold <i>both</b> italic</i> text that goes on for a while to be read.
      <p>Second paragraph</div></span> with stray end tags, also long enough to be read as a paragraph.<li>An item<li>Another item
      <p>Last words. <!-- never closed`);
    expect(m.title).toBe('Storm damage');
    expect(m.text).toContain('First paragraph bold both italic text');
    expect(m.text).toContain('Second paragraph with stray end tags');
    expect(m.text).not.toContain('never closed');
  });
});

describe('pasted content', () => {
  it('prefers the HTML, and reads the text when there is no HTML', () => {
    const html = loadPasted('<h1>Pier reopens</h1><p>The pier reopened on Saturday after a two-year repair.</p><p>"It is wonderful," said Jo Hart.</p>', 'Pier reopens\nThe pier reopened');
    expect(html.ok && html.model.format).toBe('html');
    expect(html.ok && html.model.title).toBe('Pier reopens');
    const text = loadPasted(null, 'Pier reopens\n\nThe pier reopened on Saturday after a two-year repair.\n\nShare\n\nAdvertisement');
    expect(text.ok && text.model.blocks.map((b) => b.text)).toEqual(['Pier reopens', 'The pier reopened on Saturday after a two-year repair.']);
  });

  it('reads a selected page (Ctrl+A, Ctrl+C) without its audio player or the byline element said twice', () => {
    const html = `<main><h1>A Kansas town runs out of water</h1><div class="byline"><p class="byline__name"><a href="/p">Ruth Alvarez</a></p></div>
      <div class="audio-module"><b>Heard on Morning Edition</b><span>4-Minute Listen</span><a>Listen</a><span>· 4:12</span></div>
      ${para(1)}${para(2)}</main>`;
    const r = loadPasted(html, 'A Kansas town runs out of water\nRuth Alvarez\nHeard on Morning Edition');
    if (!r.ok) throw new Error(r.message);
    expect(r.model.blocks.map((b) => `${b.kind}: ${b.text}`).slice(0, 3)).toEqual(['title: A Kansas town runs out of water', 'byline: By Ruth Alvarez', `paragraph: ${para(1).replace(/<\/?p>/g, '')}`]);
    expect(r.model.text).not.toContain('Heard on');
    // "By" in its own element, glued to the name and role as the selection's text has them (Reach sites).
    const reach = loadPasted(`<main><h1>Crossing still not fixed</h1><div class="author-information"><span>By</span><a href="/a">Laura Pennington</a><span class="role">Local Democracy Reporter</span></div>${para(1)}${para(2)}</main>`, 'x');
    if (!reach.ok) throw new Error(reach.message);
    expect(reach.model.blocks.filter((b) => b.text.includes('Pennington')).map((b) => b.kind)).toEqual(['byline']);
  });

  it('keeps names in a sentence whatever their class, and a byline box with a role and a date at the top', () => {
    const r = loadPasted(`<h1>Match report</h1><p>The winner came from <a class="player-link">Harry Kane</a>, and the shortlist, <span><a>Ann Bell</a>, <a>Tom Pike</a>, <a>Jo Lee</a></span>, was named.</p>${para(1)}`, 'x');
    if (!r.ok) throw new Error(r.message);
    expect(r.model.text).toContain('The winner came from Harry Kane, and the shortlist, Ann Bell, Tom Pike, Jo Lee, was named.');
    const byline = open(`<html><body><main><h1>Budget vote</h1><div class="author-details"><a>Dana Whitfield</a>, Senior City Hall Reporter <time>Published November 18, 2026 5:00 PM ET</time></div>${para(1)}${para(2)}</main></body></html>`);
    expect(byline.byline).toContain('Dana Whitfield');
    expect(byline.text.match(/Dana Whitfield/g)).toHaveLength(1);
  });

  it('drops a bar of links a site does not mark (Subscribe, Log In, e-Edition), never a sentence with links in it', () => {
    const html = `<div class="top-bar"><a>Subscribe</a><a>Log In</a><a>e-Edition</a></div><h1>Pier reopens</h1>
      <p>The pier reopened after <a>a repair</a> paid for by <a>the council</a> and <a>a lottery grant</a>.</p>${para(1)}
      <ul><li><a>News</a></li></ul><p><a>Read the council's report</a></p>`;
    const r = loadPasted(html, 'Pier reopens');
    if (!r.ok) throw new Error(r.message);
    expect(r.model.text).not.toMatch(/Subscribe|Log ?In|e-Edition/);
    expect(r.model.text).toContain('The pier reopened after a repair paid for by the council and a lottery grant.');
    expect(r.model.text).toContain("Read the council's report");
  });

  it('falls back to the text when the HTML holds almost none of it', () => {
    const r = loadPasted('<img src="x.png">', 'A title line\n\nA whole paragraph of pasted text that the HTML flavour did not carry.');
    expect(r.ok && r.model.format).toBe('text');
  });

  it('says so when the clipboard has nothing readable', () => {
    expect(loadPasted(null, '   ')).toEqual({ ok: false, message: 'The clipboard holds no text to read. Copy an article (or its link), then paste it.' });
  });
});
