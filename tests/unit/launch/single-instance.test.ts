// One app, one set of files: a second launch hands its article to the first and quits before
// it opens any store; the first opens it and comes to the front. Electron's `app` is replaced
// by a fake with its documented single-instance semantics (the lock is per user-data folder;
// the first instance gets `second-instance` with the other's argv, folder and additionalData,
// after a JSON round trip); the ReaderService, its stores and their files are real.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenResult, ReaderEvent } from '../../../core/contract';
import { ArticleInbox, articleFromHandOver, claimInstance, type InstanceHost } from '../../../electron/main/single-instance';
import { ReaderService } from '../../../electron/services/reader-service';
import { STATE_FILE } from '../../../electron/services/reading-state';
import { fakeDialogs, fakeLoader, fakeSpeech } from '../services/fakes';

vi.mock('../../../core/plan/plan', async () => ({ buildPlan: (await import('../services/fakes')).fakePlan }));

type Listener = (...args: never[]) => void;

/** Electron's lock table: one holder per user-data folder. */
class FakeMachine {
  readonly holders = new Map<string, FakeApp>();
}

class FakeApp implements InstanceHost {
  readonly listeners = new Map<string, Listener[]>();
  constructor(
    private readonly machine: FakeMachine,
    private readonly userData: string,
    readonly argv: string[],
    readonly cwd: string,
    readonly isPackaged = true,
  ) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const holder = this.machine.holders.get(this.userData);
    if (!holder) {
      this.machine.holders.set(this.userData, this);
      return true;
    }
    // Delivered to the first instance asynchronously, as a serialised message.
    const data = JSON.parse(JSON.stringify(additionalData ?? null));
    setTimeout(() => holder.emit('second-instance', {}, [...this.argv], this.cwd, data), 5);
    return false;
  }
}

let dir: string;
let userData: string;
let content: string;
let machine: FakeMachine;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'single-instance-'));
  userData = join(dir, 'user-data');
  content = join(dir, 'content');
  await mkdir(userData);
  await mkdir(content);
  await writeFile(join(content, 'idlib-bloody-week.txt'), 'Sample\n\nSample text.\n');
  machine = new FakeMachine();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) out[name] = `${(await stat(join(folder, name))).mtimeMs}:${await readFile(join(folder, name), 'utf8')}`;
  return out;
}

/** What electron/main.ts does with an instance that got the lock. */
async function primary(app: FakeApp, toFront: () => void) {
  const inbox = claimInstance(app, app.argv, app.cwd, toFront);
  if (!inbox) throw new Error('expected the lock');
  const service = await ReaderService.create({
    userDataDir: userData, contentDir: content, initialPath: inbox.takeInitial(), loader: fakeLoader(), speech: fakeSpeech(), dialogs: fakeDialogs(),
  });
  inbox.connect((path) => void service.handOver(path));
  const events: ReaderEvent[] = [];
  service.subscribe((e) => events.push(e));
  return { service, events };
}

const openedName = (r: OpenResult) => (r.ok ? r.article.name : `failed: ${r.message}`);

async function nextOpened(events: ReaderEvent[]): Promise<OpenResult> {
  await vi.waitFor(() => expect(events.some((e) => e.type === 'opened')).toBe(true), { timeout: 5000 });
  const i = events.findIndex((e) => e.type === 'opened');
  const [e] = events.splice(i, 1);
  return (e as Extract<ReaderEvent, { type: 'opened' }>).result;
}

describe('a second launch', () => {
  it('hands its file to the running app, which opens it and comes to the front; the second writes nothing', async () => {
    const toFront = vi.fn();
    const first = new FakeApp(machine, userData, ['/opt/Article Reader/article-reader'], '/');
    const { service, events } = await primary(first, toFront);
    expect(openedName(await service.openInitial())).toBe('idlib-bloody-week.txt');

    const downloads = join(dir, 'Downloads');
    await mkdir(downloads);
    await writeFile(join(downloads, 'story.md'), 'A story\n\nIts first paragraph.\n');
    const before = await snapshot(userData);
    const second = new FakeApp(machine, userData, ['/opt/Article Reader/article-reader', '--enable-logging', 'story.md'], downloads);
    const createService = vi.fn();
    const inbox = claimInstance(second, second.argv, second.cwd, () => createService());
    expect(inbox).toBeNull(); // main.ts quits here, before any store is opened
    expect(await snapshot(userData)).toEqual(before);

    expect(openedName(await nextOpened(events))).toBe('story.md');
    expect(toFront).toHaveBeenCalledTimes(1);
    expect(createService).not.toHaveBeenCalled();
    // The one writer recorded it as the last article.
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(userData, STATE_FILE), 'utf8')).last).toEqual({ kind: 'file', path: join(downloads, 'story.md') }));
    await service.close();
  });

  it('a handed-over link that cannot be opened reaches the page as a failed open, not as silence', async () => {
    const { service, events } = await primary(new FakeApp(machine, userData, ['/opt/ar/article-reader'], '/'), () => undefined);
    await service.openInitial();
    await service.handOver(`https://news.example/${'a'.repeat(5000)}`);
    const result = await nextOpened(events);
    expect(result.ok).toBe(false);
    expect(openedName(result)).toMatch(/^failed: \S/);
    await service.close();
  });

  it('with no file, only brings the running app to the front', async () => {
    const toFront = vi.fn();
    const { service, events } = await primary(new FakeApp(machine, userData, ['/opt/ar/article-reader'], '/'), toFront);
    await service.openInitial();
    expect(claimInstance(new FakeApp(machine, userData, ['/opt/ar/article-reader'], '/'), ['/opt/ar/article-reader'], '/', vi.fn())).toBeNull();
    await vi.waitFor(() => expect(toFront).toHaveBeenCalledTimes(1));
    expect(events.filter((e) => e.type === 'opened')).toEqual([]);
    await service.close();
  });

  it('during start-up (before the page asked for its first article), its file becomes that article', async () => {
    const first = new FakeApp(machine, userData, ['/opt/ar/article-reader'], '/');
    const { service, events } = await primary(first, vi.fn());
    await writeFile(join(dir, 'early.txt'), 'Early\n\nText.\n');
    expect(claimInstance(new FakeApp(machine, userData, ['/opt/ar/article-reader', 'early.txt'], dir), ['/opt/ar/article-reader', 'early.txt'], dir, vi.fn())).toBeNull();
    await new Promise((r) => setTimeout(r, 50)); // the hand-over arrives
    expect(openedName(await service.openInitial())).toBe('early.txt');
    expect(events.filter((e) => e.type === 'opened')).toEqual([]);
    await service.close();
  });

  it('another user-data folder is another app: both get the lock', () => {
    const a = new FakeApp(machine, join(dir, 'a'), ['/x/article-reader'], '/');
    const b = new FakeApp(machine, join(dir, 'b'), ['/x/article-reader'], '/');
    expect(claimInstance(a, a.argv, a.cwd, vi.fn())).not.toBeNull();
    expect(claimInstance(b, b.argv, b.cwd, vi.fn())).not.toBeNull();
  });
});

describe('macOS open-file', () => {
  it('before ready is the first article; later ones open in the running reader', async () => {
    const app = new FakeApp(machine, userData, ['/Applications/Article Reader.app/Contents/MacOS/Article Reader'], '/');
    const inbox = claimInstance(app, app.argv, app.cwd, vi.fn())!;
    await writeFile(join(dir, 'a.md'), 'A\n\nText a.\n');
    await writeFile(join(dir, 'b.md'), 'B\n\nText b.\n');
    const prevented = vi.fn();
    app.emit('open-file', { preventDefault: prevented }, join(dir, 'a.md'));
    expect(prevented).toHaveBeenCalled();
    const service = await ReaderService.create({
      userDataDir: userData, contentDir: content, initialPath: inbox.takeInitial(), loader: fakeLoader(), speech: fakeSpeech(), dialogs: fakeDialogs(),
    });
    const events: ReaderEvent[] = [];
    service.subscribe((e) => events.push(e));
    inbox.connect((p) => void service.handOver(p));
    expect(openedName(await service.openInitial())).toBe('a.md');
    app.emit('open-file', { preventDefault: vi.fn() }, join(dir, 'b.md'));
    expect(openedName(await nextOpened(events))).toBe('b.md');
    await service.close();
  });
});

describe('articleFromHandOver', () => {
  it('takes the absolute path the second instance sent', () => {
    expect(articleFromHandOver({ article: '/home/ann/a.md' }, ['/x/app', '--weird-order', 'b.md'], '/home/ann', true)).toBe('/home/ann/a.md');
    expect(articleFromHandOver({ article: null }, ['/x/app', 'b.md'], '/home/ann', true)).toBeNull();
  });
  it('falls back to its argv, read against its folder, when the data is not ours', () => {
    for (const data of [undefined, null, 'x', { article: 'relative.md' }, { article: 42 }, { article: '/a\0b' }, { article: `/${'x'.repeat(5000)}` }]) {
      expect(articleFromHandOver(data, ['/x/app', 'b.md'], '/home/ann', true), JSON.stringify(data)).toBe('/home/ann/b.md');
    }
  });
  it('understands a file manager\'s file:// URL', () => {
    expect(articleFromHandOver(undefined, ['/x/app', pathToFileURL('/home/ann/My News.md').href], '/', true)).toBe('/home/ann/My News.md');
  });
});

describe('ArticleInbox', () => {
  it('keeps the newest file that arrived before the reader was ready as the first article', () => {
    const inbox = new ArticleInbox();
    inbox.push('/a.md');
    inbox.push('/b.md');
    expect(inbox.takeInitial()).toBe('/b.md');
    const delivered: string[] = [];
    inbox.connect((p) => delivered.push(p));
    inbox.push('/c.md');
    expect(delivered).toEqual(['/c.md']);
  });
});
