// Words out of HTML that reached the text as it was written: raw HTML in Markdown, markup in a front matter field.

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** `&amp;`, `&#8217;`, `&#x2019;` as the characters they stand for (a control character or a lone surrogate as a space). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (all, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x') || lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0x1f && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return HTML_ENTITIES[lower] ?? all;
  });
}

/** An element whose contents are code or media, not words. */
const CODE_ELEMENT = /<(script|style|template|iframe|svg|object)\b[\s\S]*?<\/\1\s*>/gi;

/** A block of raw HTML (every tag is markup: marked gave it as HTML) as its words. */
export function stripHtml(html: string): string {
  return decodeEntities(html.replace(CODE_ELEMENT, ' ').replace(/<[^>]*>/g, ' '));
}

/** The tags a line of text may carry by mistake (a title copied with its markup); "x<y>z" or "Vec<T>" are no tags. */
const TEXT_TAG = /<\/?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|mark|p|q|s|small|span|strong|sub|sup|time|u|wbr)\b[^<>]*>/gi;

/** Plain text that may hold markup (a front matter field): its words, tags as spaces, code elements gone. */
export function textWithoutTags(text: string): string {
  return decodeEntities(text.replace(CODE_ELEMENT, ' ').replace(TEXT_TAG, ' ')).replace(/\s+/g, ' ').trim();
}
