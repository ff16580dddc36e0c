import { join } from 'node:path';
import { CoalescingWriter, keepCopy, keptSentence, readJsonFile, removeStaleTemps } from './json-file';

/** Where the last article came from, so the next start can reopen it. */
export type ArticleSource = { kind: 'file'; path: string } | { kind: 'content'; id: string }
  /** A link or paste kept in the recent list (electron/services/recent-articles.ts). */
  | { kind: 'recent'; id: string };

interface StateFile {
  version: 1;
  last: ArticleSource | null;
  /** Article key (hash of its text) -> character offset of the last utterance reached. */
  positions: Record<string, { offset: number; at: number }>;
}

const MAX_POSITIONS = 500;
export const STATE_FILE = 'reading-state.json';

/**
 * Last article and reading positions, in `<userData>/reading-state.json`. Positions are kept
 * as character offsets, not utterance indexes: a settings change re-plans the article and
 * shifts the indexes, but the text offset still finds the same place.
 */
export class ReadingState {
  private state: StateFile = { version: 1, last: null, positions: {} };
  private readonly writer: CoalescingWriter;
  private notice: string | null = null;
  /** True when the file on disk could not be copied: it must not be overwritten. */
  private readOnly = false;

  private constructor(private readonly file: string) {
    this.writer = new CoalescingWriter(file, () => this.state);
  }

  /**
   * A file we cannot use (damaged, or a newer version's) is kept as reading-state.json.<time>.bak
   * (see keepCopy) and reading starts afresh, with one notice.
   */
  static async open(dir: string): Promise<ReadingState> {
    const store = new ReadingState(join(dir, STATE_FILE));
    await removeStaleTemps(store.file);
    const read = await readJsonFile(store.file);
    if (read.kind === 'missing') return store;
    if (read.kind === 'ok' && isStateFile(read.value)) {
      store.state = sanitize(read.value);
      return store;
    }
    const version = read.kind === 'ok' ? (read.value as { version?: unknown } | null)?.version : undefined;
    const newer = typeof version === 'number' && version > 1;
    const problem = read.kind === 'bad' ? read.reason : newer ? `came from a newer version of Article Reader (format ${version})` : 'was not in a known format';
    const kept = await keepCopy(store.file, newer ? 'copy' : 'move');
    store.readOnly = kept === null;
    // A copied file is replaced at once, so the next start is quiet (the user is told once).
    if (kept && newer) await store.save().catch(() => undefined);
    store.notice = `Your reading positions file ${problem}, so the last article and reading positions start afresh. ${keptSentence(kept)}`;
    return store;
  }

  /** The problem found at start-up, returned once. */
  takeNotice(): string | null {
    const n = this.notice;
    this.notice = null;
    return n;
  }

  last(): ArticleSource | null {
    return this.state.last;
  }

  offset(key: string): number | null {
    return this.state.positions[key]?.offset ?? null;
  }

  async setLast(source: ArticleSource): Promise<void> {
    this.state.last = source;
    await this.save();
  }

  async setOffset(key: string, offset: number): Promise<void> {
    this.state.positions[key] = { offset, at: Date.now() };
    const keys = Object.keys(this.state.positions);
    if (keys.length > MAX_POSITIONS) {
      keys.sort((a, b) => this.state.positions[a]!.at - this.state.positions[b]!.at);
      for (const k of keys.slice(0, keys.length - MAX_POSITIONS)) delete this.state.positions[k];
    }
    await this.save();
  }

  flush(): Promise<void> {
    return this.save();
  }

  private async save(): Promise<void> {
    if (!this.readOnly) await this.writer.write();
  }
}

function isStateFile(v: unknown): v is StateFile {
  return typeof v === 'object' && v !== null && (v as StateFile).version === 1;
}

function sanitize(v: StateFile): StateFile {
  const last = v.last;
  const okLast =
    last && typeof last === 'object' &&
    ((last.kind === 'file' && typeof last.path === 'string') || ((last.kind === 'content' || last.kind === 'recent') && typeof last.id === 'string'));
  const positions: StateFile['positions'] = {};
  if (typeof v.positions === 'object' && v.positions !== null) {
    for (const [k, p] of Object.entries(v.positions)) {
      if (p && Number.isInteger(p.offset) && p.offset >= 0 && typeof p.at === 'number') positions[k] = { offset: p.offset, at: p.at };
    }
  }
  return { version: 1, last: okLast ? last : null, positions };
}
