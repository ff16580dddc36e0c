// One app, one set of files: the first instance holds Electron's single-instance lock (scoped
// to the user-data folder) and is the only writer of settings and reading positions. A later
// launch (a file opened from the file manager while the app runs) hands its article to the
// first and quits before it opens any store; macOS delivers files as `open-file` instead,
// possibly before `ready`. Plain logic over a narrow view of Electron's `app`, unit-tested
// with a fake one (tests/unit/launch/single-instance.test.ts).
import { isAbsolute } from 'node:path';
import { articleFromCommandLine } from './argv';

/** What a second instance sends to the first (Electron's `additionalData`). */
export interface HandOver {
  article: string | null;
}

/** The part of Electron's `app` this needs. */
export interface InstanceHost {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

const MAX_PATH = 4096;

/**
 * The article a second instance handed over: its additionalData when well formed (Electron
 * warns that argv may be reordered or extended), else its argv read against its folder.
 */
export function articleFromHandOver(data: unknown, argv: readonly string[], cwd: string, isPackaged: boolean): string | null {
  if (typeof data === 'object' && data !== null && 'article' in data) {
    const article = (data as { article: unknown }).article;
    if (article === null) return null;
    if (typeof article === 'string' && article.length <= MAX_PATH && isAbsolute(article) && !article.includes('\0')) return article;
  }
  return articleFromCommandLine(argv, isPackaged, cwd);
}

/**
 * Files to open, from the command line, later launches and the OS. Until the reader is ready
 * they wait (the newest wins as the first article); after that each one is delivered at once.
 */
export class ArticleInbox {
  private waiting: string[] = [];
  private deliver: ((path: string) => void) | null = null;

  push(path: string): void {
    if (this.deliver) this.deliver(path);
    else this.waiting.push(path);
  }

  /** The article to open first: the newest one that arrived before the reader was ready. */
  takeInitial(): string | null {
    const newest = this.waiting.pop() ?? null;
    this.waiting = [];
    return newest;
  }

  /** From now on files go straight to `deliver` (anything still waiting goes first). */
  connect(deliver: (path: string) => void): void {
    this.deliver = deliver;
    const waiting = this.waiting;
    this.waiting = [];
    for (const path of waiting) deliver(path);
  }
}

/**
 * Claims the single-instance lock. Returns null when another instance holds it: this one has
 * handed over its article and must quit without touching the user's files. Otherwise the
 * inbox of files to open, holding the command-line article. `toFront` brings the window up
 * when a later launch hands over.
 */
export function claimInstance(host: InstanceHost, argv: readonly string[], cwd: string, toFront: () => void): ArticleInbox | null {
  const inbox = new ArticleInbox();
  // Registered before `ready`: macOS sends the file that launched the app this way, early.
  host.on('open-file', (event, path) => {
    event.preventDefault();
    if (typeof path === 'string' && isAbsolute(path)) inbox.push(path);
  });
  const own = articleFromCommandLine(argv, host.isPackaged, cwd);
  const handOver: HandOver = { article: own };
  if (!host.requestSingleInstanceLock({ ...handOver })) return null;
  if (own) inbox.push(own);
  host.on('second-instance', (_event, otherArgv, otherCwd, data) => {
    toFront();
    const article = articleFromHandOver(data, Array.isArray(otherArgv) ? otherArgv : [], String(otherCwd), host.isPackaged);
    if (article) inbox.push(article);
  });
  return inbox;
}
