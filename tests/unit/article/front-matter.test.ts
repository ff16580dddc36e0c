// Markdown saved by a web clipper: its front matter and the page furniture it keeps.
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../core/article/front-matter';
import { parseArticle } from '../../../core/article/parse';

const story = 'Bin collections across Birmingham will stop for two weeks from Monday after workers rejected the offer.';

describe('a web clipper\'s Markdown (MarkDownload, Obsidian Web Clipper)', () => {
  const clip = [
    '---', 'created: 2026-11-30T09:12:44 (UTC +00:00)', 'tags: [news, transport]', 'source: https://news.example.co.uk/news/uk-1', 'author: Harriet Lowe', '---', '',
    '# Bin strike to go ahead after talks collapse | Example News', '', '> ## Excerpt', '> Rubbish could pile up for a fortnight, unions warn.', '', '---', '',
    story, '', 'Unite officer Jake Moran said: "Our members have been left with no choice."', '',
    '[Share](https://twitter.com/intent/tweet?url=x) [Save](https://example.com/save)', '', '## Related Topics', '', '-   [Birmingham](https://example.com/t/b)', '-   [Strikes](https://example.com/t/s)',
  ].join('\n');

  it('reads the title (without the site\'s name) and the author from the front matter, and none of its fields', () => {
    const m = parseArticle(clip, { format: 'markdown' });
    expect(m.title).toBe('Bin strike to go ahead after talks collapse');
    expect(m.byline).toBe('By Harriet Lowe');
    expect(m.text).not.toMatch(/created|tags|source:|news\.example/);
  });

  it('drops the clipper\'s "Excerpt" label and the page furniture the clip kept (share links, "Related Topics" and its links)', () => {
    const m = parseArticle(clip, { format: 'markdown' });
    expect(m.blocks.map((b) => `${b.kind}: ${b.text}`)).toEqual([
      'title: Bin strike to go ahead after talks collapse', 'byline: By Harriet Lowe', 'paragraph: Rubbish could pile up for a fortnight, unions warn.',
      `paragraph: ${story}`, 'paragraph: Unite officer Jake Moran said: "Our members have been left with no choice."',
    ]);
  });

  it('takes a list of authors, or an author with a name', () => {
    expect(splitFrontMatter('---\ntitle: "Strike: what next"\nauthor:\n  - Ann Bell\n  - Jo Pike\n---\nText').meta).toEqual({ title: 'Strike: what next', byline: 'Ann Bell and Jo Pike', clip: false });
    expect(splitFrontMatter('---\nauthor: {name: Ann Bell}\n---\nText').meta?.byline).toBe('Ann Bell');
    // Obsidian Web Clipper: people as links to notes.
    expect(splitFrontMatter('---\ntitle: Bin strike\nauthor:\n  - "[[Harriet Lowe]]"\npublished: 2026-11-30\ntags:\n  - clippings\n---\nText').meta).toEqual({ title: 'Bin strike', byline: 'Harriet Lowe', clip: false });
  });

  it('reads markup in a field as no part of its words, and keeps a "<" that starts no tag', () => {
    expect(splitFrontMatter('---\ntitle: "Storm <b>warning</b> <script>x()</script>for Wales"\nauthor: "<a href=\'/p/1\'>Ann Bell</a>"\n---\nText').meta).toEqual({ title: 'Storm warning for Wales', byline: 'Ann Bell', clip: false });
    expect(splitFrontMatter('---\ntitle: Profits rise <5% as costs fall\n---\nText').meta?.title).toBe('Profits rise <5% as costs fall');
    // Angle brackets that are no tag stay; a tag between words leaves a space; entities are read.
    expect(splitFrontMatter('---\ntitle: "Vec<T> explained: x<y>z"\n---\nText').meta?.title).toBe('Vec<T> explained: x<y>z');
    expect(splitFrontMatter('---\ntitle: "Storm<br>warning &amp; floods"\n---\nText').meta?.title).toBe('Storm warning & floods');
  });

  it('reads a "---" rule at the top of an ordinary text, broken YAML and an alias bomb as text, losing nothing', () => {
    const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\nText';
    for (const text of ['---\nA rule, then a paragraph of the story.\n---\nMore.', '---\ntitle: [unclosed\n---\nText', bomb]) expect(splitFrontMatter(text), text).toEqual({ meta: null, body: text });
    expect(parseArticle('---\ntitle: [unclosed\n---\n\nBin strike\n\nText of the story goes here.', { format: 'markdown' }).text).toContain('title: [unclosed');
  });
});

describe('Markdown a person wrote is read as written (no page furniture rules)', () => {
  const kinds = (md: string) => parseArticle(md, { format: 'markdown' }).blocks.map((b) => `${b.kind}: ${b.text}`);
  it('keeps list items, headings and code that look like page furniture', () => {
    expect(kinds('# Teens and their phones\n\nThe five most used were:\n\n- YouTube\n- WhatsApp\n- Facebook\n- Email\n- Snapchat\n\n## Latest\n\n### Tuesday\'s vote\n\nThe vote was 32 to 10.\n\n## See also\n\n- How councils are funded'))
      .toEqual(['title: Teens and their phones', 'paragraph: The five most used were:', 'list-item: YouTube', 'list-item: WhatsApp', 'list-item: Facebook', 'list-item: Email', 'list-item: Snapchat',
        'heading: Latest', "heading: Tuesday's vote", 'paragraph: The vote was 32 to 10.', 'heading: See also', 'list-item: How councils are funded']);
  });
  it('keeps a note set between two rules, and a title with a dash, when the front matter names no page address', () => {
    expect(kinds('---\nWARNING: This story contains details of violence\n---\n\nPolice were called to the house.')).toEqual(['title: WARNING: This story contains details of violence', 'paragraph: Police were called to the house.']);
    expect(kinds('---\ntitle: Interest rates held - what it means for you\nauthor: Jane Doe\n---\n\nThe Bank held rates.')).toEqual(['title: Interest rates held - what it means for you', 'byline: By Jane Doe', 'paragraph: The Bank held rates.']);
  });
  it('never makes an opening block quote the title', () => {
    expect(kinds('> The only thing we have to fear is fear itself\n\nRoosevelt said it in 1933.')[0]).toBe('paragraph: The only thing we have to fear is fear itself');
  });
});
