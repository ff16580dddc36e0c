// Markdown saved by web clippers (MarkDownload, Obsidian Web Clipper, Joplin) opens with YAML front matter: the page's
// title, author, address, tags and dates, between "---" lines. It is the clip's record, not the article's text; its
// title and author are the article's title and byline.
import { parse as parseYaml } from 'yaml';
import { textWithoutTags } from './html-text';

export interface FrontMatter {
  title: string | null;
  byline: string | null;
  /** A page saved by a clipper (the record names its address): its text is a web page's, furniture and all. */
  clip: boolean;
}

/** Fields of a clipper's or a static site's record: a block without one of them is text set between two rules. */
const KNOWN_FIELD = /^(?:title|author|authors|byline|creator|source|url|link|created|date|published|updated|tags|description|excerpt|categories|layout|slug|draft)$/i;
/** Fields that give a saved page's address. */
const ADDRESS_FIELD = /^(?:source|url|link)$/i;

/** Front matter is short: a block longer than this is no clipper's record (and is not parsed). */
const MAX_FRONT_MATTER = 8_000;
const OPENING = /^---[ \t]*\n/;
const CLOSING = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** The front matter's title and byline, and the text after it; `meta` null when the text has none (then `body` is the text). */
export function splitFrontMatter(source: string): { meta: FrontMatter | null; body: string } {
  const none = { meta: null, body: source };
  if (!OPENING.test(source)) return none;
  const rest = source.slice(source.indexOf('\n') + 1);
  const close = CLOSING.exec(rest.slice(0, MAX_FRONT_MATTER));
  if (!close) return none;
  let data: unknown;
  try {
    // (A hostile block cannot blow up: the yaml package caps alias expansion.)
    data = parseYaml(rest.slice(0, close.index), { prettyErrors: false });
  } catch {
    return none;
  }
  // A "---" rule at the top of an ordinary text is no front matter: it must be a record of fields a record has
  // ("WARNING: This story contains …" between two rules parses as a field too, but of no record).
  if (!data || typeof data !== 'object' || Array.isArray(data)) return none;
  const record = data as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!keys.some((k) => KNOWN_FIELD.test(k))) return none;
  const field = (...names: string[]) => names.map((k) => nameOf(record[k])).find((v) => v !== null) ?? null;
  return {
    meta: { title: field('title'), byline: field('author', 'authors', 'byline', 'creator'), clip: keys.some((k) => ADDRESS_FIELD.test(k) && nameOf(record[k]) !== null) },
    body: rest.slice(close.index + close[0].length),
  };
}

/** A field's text: a string, the names of a list ("author: [A, B]"), or a person's "name". */
function nameOf(value: unknown): string | null {
  // (Obsidian Web Clipper writes people as links to notes: "[[Harriet Lowe]]".)
  // Markup in a field is no part of the words ('title: "Storm <b>warning</b>"'), as raw HTML in the body is not.
  if (typeof value === 'string') return textWithoutTags(value.replace(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g, '$1')) || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((v): v is string => v !== null);
    return names.length ? names.join(' and ') : null;
  }
  if (value && typeof value === 'object' && 'name' in value) return nameOf((value as { name: unknown }).name);
  return null;
}
