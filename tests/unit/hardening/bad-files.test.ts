// Bad files through the CLI's loader (loadArticleFile) and through ReaderService, as the user
// meets them: huge, one enormous line, invalid UTF-8, gone before it is read, rewritten while
// being read. (10,000 unbalanced quote marks and deep nesting: tests/unit/article/parse-properties.test.ts.)
import * as realFs from 'node:fs/promises';
import { mkdtemp, rename, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import type { OpenResult } from '../../../core/contract';
import type { ArticleLoader } from '../../../electron/services/article-loader';
import { createDirectLoader } from '../../../electron/services/direct-loader';
import { ReaderService } from '../../../electron/services/reader-service';
import { createWorkerLoader } from '../../../electron/services/worker-loader';
import { fakeSpeech, unpacked } from '../services/fakes';

// A pass-through spy on the loader's file reads, with hooks to make a file vanish or change
// between the size check (stat) and the read.
const fsHooks = vi.hoisted(() => ({
  reads: [] as string[],
  beforeRead: new Map<string, () => Promise<void>>(),
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (async (path: unknown, ...rest: unknown[]) => {
    const p = String(path);
    fsHooks.reads.push(p);
    const hook = fsHooks.beforeRead.get(p);
    if (hook) {
      fsHooks.beforeRead.delete(p);
      await hook();
    }
    return (orig.readFile as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof orig.readFile;
  return { ...orig, readFile, default: { ...orig, readFile } };
});

const { loadArticleFile } = await import('../../../electron/articles/load-article');
const { MAX_ARTICLE_BYTES } = await import('../../../core/article/size-limit');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hardening-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  fsHooks.reads.length = 0;
  fsHooks.beforeRead.clear();
});

/** The service with the real (in-process) loader, opening `path` as the open dialog would. */
async function openThroughService(path: string, loader?: ArticleLoader): Promise<OpenResult> {
  const userDataDir = await mkdtemp(join(dir, 'user-'));
  const service = await ReaderService.create({
    userDataDir,
    contentDir: join(dir, 'content-none'),
    loader: loader ?? createDirectLoader(),
    speech: fakeSpeech(),
    dialogs: { openArticle: async () => path, saveAudio: async () => null },
  });
  try {
    return unpacked(await service.openFileDialog());
  } finally {
    await service.close();
  }
}

describe('a 50 MB file', () => {
  it('is refused from its size alone, with a clear message, without reading it', async () => {
    const path = join(dir, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024); // sparse: no disk or memory cost to make
    const heapBefore = process.memoryUsage().arrayBuffers;

    const cli = await loadArticleFile(path);
    expect(cli).toEqual({ ok: false, message: 'huge.txt is too large to read as an article (50.0 MB; the limit is 16.0 MB).' });
    const viaService = await openThroughService(path);
    expect(viaService).toEqual(cli);

    // The size was checked before reading: the 50 MB never came into memory.
    expect(fsHooks.reads.filter((p) => p === path)).toEqual([]);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(40 * 1024 * 1024);
  });

  it('is still refused when it grows past the limit between the size check and the read', async () => {
    const path = join(dir, 'grows.txt');
    await writeFile(path, 'A short article.\n');
    fsHooks.beforeRead.set(path, () => truncate(path, MAX_ARTICLE_BYTES + 1024 * 1024));
    const r = await loadArticleFile(path);
    expect(r).toEqual({ ok: false, message: 'grows.txt is too large to read as an article (17.0 MB; the limit is 16.0 MB).' });
  });
});

describe('one 1 MB line', () => {
  // A 1 MB article on one line once took minutes (Intl.Segmenter is superlinear on long strings;
  // core/article/sentences.ts now segments in windows). Both paths must give the whole model.
  const sentence = 'The convoy reached the town before dawn and the doctors began work at once. ';
  const line = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length)).trim();
  const worker = join(process.cwd(), 'dist', 'electron', 'parse-worker.cjs');

  it.skipIf(!existsSync(worker))('completes through the service (worker loader): a model of the whole line', async () => {
    const path = join(dir, 'one-line.txt');
    await writeFile(path, line);
    const loader = createWorkerLoader(worker, 15_000);
    try {
      const r = await openThroughService(path, loader);
      expect(r.ok && r.article.model.text).toBe(line);
    } finally {
      await loader.close();
    }
  }, 30_000);

  it('parses in the CLI loader to one paragraph holding the whole line', async () => {
    const path = join(dir, 'one-line.txt');
    await writeFile(path, line);
    const cli = await loadArticleFile(path);
    expect(cli.ok && cli.model.text).toBe(line);
    expect(cli.ok && cli.model.blocks).toHaveLength(1);
  });
});

describe('invalid UTF-8', () => {
  it('is read with replacement characters and a notice', async () => {
    const path = join(dir, 'latin1.txt');
    // "Café owner said the shelling continued." in Latin-1: 0xE9 is not valid UTF-8 there.
    await writeFile(path, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owner said the shelling continued all night.\n')]));
    const cli = await loadArticleFile(path);
    expect(cli.ok && cli.notices).toEqual(['latin1.txt is not valid UTF-8; unreadable characters were replaced.']);
    expect(cli.ok && cli.model.text).toBe('Caf\ufffd owner said the shelling continued all night.');
    const viaService = await openThroughService(path);
    expect(viaService.ok && viaService.article.notices).toEqual(['latin1.txt is not valid UTF-8; unreadable characters were replaced.']);
  });
});

describe('a file that vanishes between listing and opening', () => {
  it('gives a clear message from the CLI loader, even between the size check and the read', async () => {
    const path = join(dir, 'gone.md');
    await writeFile(path, '# Gone\n\nSoon.\n');
    fsHooks.beforeRead.set(path, () => unlink(path));
    expect(await loadArticleFile(path)).toEqual({ ok: false, message: 'Cannot read gone.md: it does not exist.' });
    expect(await loadArticleFile(path)).toEqual({ ok: false, message: 'Cannot read gone.md: it does not exist.' });
  });

  it('gives a clear message from the service when a listed article is deleted before it is opened', async () => {
    const contentDir = await mkdtemp(join(dir, 'content-'));
    await writeFile(join(contentDir, 'listed.md'), '# Listed\n\nHere for now.\n');
    const userDataDir = await mkdtemp(join(dir, 'user-'));
    const inner = createDirectLoader();
    // The file goes after the service has checked the listing, just before the loader opens it.
    const loader: ArticleLoader = { ...inner, loadFile: async (p, planning) => (await unlink(p), inner.loadFile(p, planning)) };
    const service = await ReaderService.create({
      userDataDir, contentDir, loader, speech: fakeSpeech(), dialogs: { openArticle: async () => null, saveAudio: async () => null },
    });
    try {
      expect((await service.listArticles()).map((a) => a.id)).toEqual(['listed.md']);
      expect(await service.openArticle('listed.md')).toEqual({ ok: false, message: 'Cannot read listed.md: it does not exist.' });
      // Gone from the list now, and asking again is refused cleanly.
      expect(await service.listArticles()).toEqual([]);
      expect(await service.openArticle('listed.md')).toEqual({ ok: false, message: 'That article is not in the article list.' });
    } finally {
      await service.close();
    }
  });
});

describe('a file that changes while being read', () => {
  const A = '# Version A\n\nThe first version had one paragraph.\n';
  const B = '# Version B\n\n"The second version," she said, "is longer."\n\nAnd it has a second paragraph that the first one did not.\n';

  it('is read as one whole version when it is replaced between the size check and the read', async () => {
    const path = join(dir, 'changing.md');
    await writeFile(path, A);
    fsHooks.beforeRead.set(path, async () => {
      await writeFile(`${path}.new`, B);
      await rename(`${path}.new`, path);
    });
    const r = await loadArticleFile(path);
    expect(r.ok).toBe(true);
    expect(r.ok && r.model).toEqual(parseArticle(B, { format: 'markdown' }));
  });

  it('never crashes while a writer keeps rewriting it, and every model is one of the versions', async () => {
    const path = join(dir, 'rewritten.md');
    await writeFile(path, A);
    const models = [parseArticle(A, { format: 'markdown' }), parseArticle(B, { format: 'markdown' })];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await writeFile(`${path}.tmp`, i % 2 ? A : B);
        await rename(`${path}.tmp`, path); // how editors save: whole versions only
      }
    })();
    try {
      for (let i = 0; i < 40; i++) {
        const r = await loadArticleFile(path);
        expect(r.ok).toBe(true);
        if (r.ok) expect(models).toContainEqual(r.model);
      }
    } finally {
      writing = false;
      await writer;
    }
  });

  it('gives a model or a clear message (never a throw) when the bytes are rewritten in place', async () => {
    const path = join(dir, 'in-place.md');
    await writeFile(path, B);
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) await realFs.writeFile(path, i % 2 ? A : B); // truncate + write: a reader can see a torn file
    })();
    try {
      for (let i = 0; i < 40; i++) {
        const r = await loadArticleFile(path);
        if (r.ok) expect(r.model.text.length).toBeGreaterThan(0);
        else expect(r.message).toMatch(/^(in-place\.md is empty: there is no text to read\.|Cannot read in-place\.md: .+)$/);
      }
    } finally {
      writing = false;
      await writer;
    }
  });
});
