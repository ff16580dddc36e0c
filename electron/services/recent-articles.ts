// Recently opened files, links and pastes, for the article list (A). Beside the reading
// state in the user-data folder: `recent-articles.json` lists them, and `recent/<id>.json`
// keeps each link's and paste's article (its blocks, the extracted text only), so a pasted
// or fetched article reopens, and resumes, without the clipboard or the network. A file
// opened from disk is reopened from its path.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawBlock } from '../../core/article/blocks';
import type { ArticleModel, RecentEntry } from '../../core/contract';
import { CoalescingWriter, keepCopy, keptSentence, readJsonFile, removeStaleTemps, writeJsonAtomic } from './json-file';

export const RECENT_FILE = 'recent-articles.json';
export const RECENT_DIR = 'recent';
export const MAX_RECENT = 20;
/** A kept copy larger than this is not kept (the entry stays, pointing at its link). */
const MAX_COPY_CHARS = 4 * 1024 * 1024;

export type RecentSource =
  | { kind: 'file'; path: string | null }
  | { kind: 'link'; url: string }
  | { kind: 'paste' };

interface RecentRecord extends RecentEntry {
  path?: string;
  url?: string;
  /** A copy of the article is in recent/<id>.json. */
  copy: boolean;
}

/** What the list keeps of an article just opened (electron/services/article-loader.ts's PreparedArticle has it). */
export interface KeptArticle {
  text: string;
  title: string | null;
  format: ArticleModel['format'];
  blocks: RawBlock[] | null;
}

export interface StoredArticle {
  format: ArticleModel['format'];
  blocks: RawBlock[];
}

const ID = /^[a-f0-9]{24}$/;
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** The model's blocks as the parser's input, so a kept copy parses to the same text (and reading position). */
export function blocksOf(model: ArticleModel): RawBlock[] {
  return model.blocks.map((b) => ({
    kind: b.kind,
    text: b.text,
    ...(b.level !== undefined ? { level: b.level } : {}),
    ...(b.inBlockquote ? { inBlockquote: true } : {}),
    ...(b.credit ? { creditAt: b.credit.start - b.start } : {}),
  }));
}

function isRecord(v: unknown): v is RecentRecord {
  const r = v as RecentRecord;
  return !!r && typeof r === 'object' && typeof r.id === 'string' && ID.test(r.id) && ['file', 'link', 'paste'].includes(r.kind)
    && typeof r.name === 'string' && typeof r.detail === 'string' && typeof r.openedAt === 'number'
    && (r.path === undefined || typeof r.path === 'string') && (r.url === undefined || typeof r.url === 'string') && typeof r.copy === 'boolean';
}

function isStored(v: unknown): v is StoredArticle {
  const s = v as StoredArticle;
  return !!s && ['text', 'markdown', 'html'].includes(s.format) && Array.isArray(s.blocks)
    && s.blocks.every((b) => b && typeof b.text === 'string' && ['title', 'byline', 'heading', 'paragraph', 'caption', 'list-item'].includes(b.kind)
      && (b.creditAt === undefined || (Number.isInteger(b.creditAt) && b.creditAt >= 0 && b.creditAt <= b.text.length))
      && (b.level === undefined || (Number.isInteger(b.level) && b.level >= 1 && b.level <= 6)));
}

const when = (ms: number) => new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export class RecentArticles {
  private entries: RecentRecord[] = [];
  private readonly writer: CoalescingWriter;
  /** The list file could not be kept aside: leave it untouched, record nothing until restart. */
  private readOnly = false;
  private notice: string | null = null;
  /** Copies being written whose entry is not in the list yet: prune must not take them. */
  private readonly writing = new Set<string>();

  private constructor(private readonly dir: string) {
    this.writer = new CoalescingWriter(join(dir, RECENT_FILE), () => ({ version: 1, entries: this.entries }));
  }

  /**
   * A list we cannot use (damaged, or a newer version's) is kept as recent-articles.json.<time>.bak
   * (as the reading state is) and the list starts afresh, with one notice.
   */
  static async open(dir: string): Promise<RecentArticles> {
    const store = new RecentArticles(dir);
    const file = join(dir, RECENT_FILE);
    await removeStaleTemps(file);
    const read = await readJsonFile(file);
    if (read.kind === 'missing') return store;
    const value = read.kind === 'ok' ? (read.value as { version?: unknown; entries?: unknown } | null) : null;
    const version = value?.version;
    const newer = typeof version === 'number' && version > 1;
    if (value && !newer && Array.isArray(value.entries)) {
      store.entries = value.entries.filter(isRecord).slice(0, MAX_RECENT);
      return store;
    }
    const problem = read.kind === 'bad' ? read.reason : newer ? `came from a newer version of Article Reader (format ${String(version)})` : 'was not in a known format';
    const kept = await keepCopy(file, newer ? 'copy' : 'move');
    store.readOnly = kept === null;
    store.notice = `Your list of recent articles ${problem}, so it starts afresh. ${keptSentence(kept)}`;
    return store;
  }

  /** The problem found at start-up, returned once. */
  takeNotice(): string | null {
    const n = this.notice;
    this.notice = null;
    return n;
  }

  list(): RecentEntry[] {
    return this.entries.map(({ id, kind, name, detail, openedAt }) => ({ id, kind, name, detail, openedAt }));
  }

  get(id: string): (RecentEntry & { path?: string; url?: string; copy: boolean }) | null {
    return this.entries.find((e) => e.id === id) ?? null;
  }

  /**
   * Records an article just opened; links and pastes keep a copy of their text. `model.blocks`
   * is that copy (blocksOf), prepared in the parse worker; null when none is wanted.
   */
  async add(source: RecentSource, model: KeptArticle, name: string): Promise<string> {
    const openedAt = Date.now();
    const key = source.kind === 'file' ? `file:${source.path ?? ''}:${source.path ? '' : model.text}` : source.kind === 'link' ? `link:${source.url}` : `paste:${model.text}`;
    const id = hash(key);
    const title = (model.title ?? name).slice(0, 160);
    // (The list says "Pasted:" before a paste's detail: the detail is when.)
    const detail = source.kind === 'link' ? source.url : source.kind === 'file' ? (source.path ?? name) : when(openedAt);
    if (this.readOnly) return id;
    const copy = model.blocks !== null && (source.kind !== 'file' || source.path === null) && model.text.length <= MAX_COPY_CHARS;
    this.writing.add(id);
    try {
      if (copy) {
        await mkdir(join(this.dir, RECENT_DIR), { recursive: true });
        const stored: StoredArticle = { format: model.format, blocks: model.blocks! };
        await writeJsonAtomic(join(this.dir, RECENT_DIR, `${id}.json`), stored);
      }
      const record: RecentRecord = {
        id, kind: source.kind, name: title, detail: detail.slice(0, 300), openedAt, copy,
        ...(source.kind === 'file' && source.path ? { path: source.path } : {}),
        ...(source.kind === 'link' ? { url: source.url } : {}),
      };
      this.entries = [record, ...this.entries.filter((e) => e.id !== id)].slice(0, MAX_RECENT);
    } finally {
      this.writing.delete(id);
    }
    await this.writer.write();
    await this.prune();
    return id;
  }

  /** The kept copy of a link's or paste's article, or null when it is gone or damaged. */
  async stored(id: string): Promise<StoredArticle | null> {
    if (!ID.test(id)) return null;
    try {
      const value: unknown = JSON.parse(await readFile(join(this.dir, RECENT_DIR, `${id}.json`), 'utf8'));
      return isStored(value) ? value : null;
    } catch {
      return null;
    }
  }

  async forget(id: string): Promise<void> {
    if (this.readOnly) return;
    this.entries = this.entries.filter((e) => e.id !== id);
    await this.writer.write();
    await this.prune();
  }

  /** Copies no entry refers to any more (dropped off the end of the list, or forgotten). */
  private async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(join(this.dir, RECENT_DIR));
    } catch {
      return;
    }
    // Decided after reading the folder: an article opened meanwhile is in the list or being written.
    const keep = new Set([...this.entries.filter((e) => e.copy).map((e) => e.id), ...this.writing].map((id) => `${id}.json`));
    await Promise.all(names.filter((n) => !keep.has(n) && /^[a-f0-9]{24}\.json$/.test(n)).map((n) => rm(join(this.dir, RECENT_DIR, n), { force: true })));
  }

  flush(): Promise<void> {
    return this.readOnly ? Promise.resolve() : this.writer.write();
  }
}
