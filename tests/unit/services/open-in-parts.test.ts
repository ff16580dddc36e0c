// A big article opens with its first part and is completed by an event (issue 12): the real
// parser and planner (loader-jobs), with the whole held back until the test lets it through.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/gen';
import { PREVIEW_FROM_CHARS } from '../../../core/article/preview';
import type { ArticleCompletion, PackedCompletion, WireEvent } from '../../../core/contract';
import { unpackNow } from '../../../core/packed';
import type { ArticleLoader, LoadResult } from '../../../electron/services/article-loader';
import { createDirectLoader } from '../../../electron/services/direct-loader';
import { ReaderService } from '../../../electron/services/reader-service';
import { fakeDialogs, fakeSpeech, unpacked } from './fakes';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'open-in-parts-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The real loader, but the whole article waits for `release()` (its first part does not); `fail` replaces it with a failure. */
function heldLoader(): ArticleLoader & { release(): void; fail: string | null } {
  const direct = createDirectLoader();
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const loader = {
    ...direct,
    fail: null as string | null,
    release: () => release(),
    async loadFile(path: string, planning: Parameters<ArticleLoader['loadFile']>[1], onPreview?: Parameters<ArticleLoader['loadFile']>[2]): Promise<LoadResult> {
      const whole = await direct.loadFile(path, planning, onPreview);
      await held;
      return loader.fail ? { ok: false, message: loader.fail } : whole;
    },
  };
  return loader;
}

async function setUp() {
  const loader = heldLoader();
  const speech = fakeSpeech();
  const dialogs = fakeDialogs();
  const service = await ReaderService.create({ userDataDir: join(root, 'user'), contentDir: root, loader, speech, dialogs });
  const completions: PackedCompletion[] = [];
  service.subscribe((e: WireEvent) => {
    if (e.type === 'article-completed') completions.push(e.completion);
  });
  const file = join(root, 'big.txt');
  await writeFile(file, generateArticle(PREVIEW_FROM_CHARS * 2, 9));
  const open = async () => {
    dialogs.open.push(file);
    const r = unpacked(await service.openFileDialog());
    if (!r.ok) throw new Error(r.message);
    return r.article;
  };
  const completed = async (): Promise<ArticleCompletion> => {
    await expect.poll(() => completions.length).toBeGreaterThan(0);
    const c = completions.shift()!;
    return c.ok ? { ...c, model: unpackNow(c.model), plan: unpackNow(c.plan) } : c;
  };
  return { service, loader, speech, dialogs, open, completed };
}

describe('a big article opens with its first part', () => {
  it('the first part at once, then the whole as an event; clips and positions reach the whole', async () => {
    const { service, loader, open, completed, speech } = await setUp();
    const first = await open();
    expect(first.partial).toBe(true);
    const last = first.plan.utterances.length;
    // Past the first part there is nothing yet to read.
    await expect(service.getClip(first.docId, last + 5)).rejects.toThrow(/out of range/);
    loader.release();
    const whole = await completed();
    if (!whole.ok) throw new Error(whole.message);
    expect(whole.docId).toBe(first.docId);
    expect(whole.extendsShown).toBe(true);
    expect(whole.model.blocks.length).toBeGreaterThan(first.model.blocks.length * 5);
    expect(whole.plan.utterances.slice(0, 3)).toEqual(first.plan.utterances.slice(0, 3));
    const end = whole.plan.utterances.length - 1;
    expect(await service.getClip(first.docId, end)).toMatchObject({ ok: true });
    expect(speech.synthesized.at(-1)!.text).toBe(whole.plan.utterances[end]!.text);
    // Reopened later, it resumes past the first part: so it waits for the whole.
    await service.savePosition(first.docId, end);
    const again = await open();
    expect(again.partial).toBeUndefined();
    expect(again.position).toBe(end);
  });

  it('an export asked for while the rest is parsed is of the whole article', async () => {
    const { service, loader, dialogs, open, completed } = await setUp();
    const first = await open();
    dialogs.save.push(join(root, 'big.wav'));
    const exporting = service.exportAudio(first.docId);
    loader.release();
    const whole = await completed();
    if (!whole.ok) throw new Error(whole.message);
    // The fake engine reports a second per utterance.
    expect(await exporting).toMatchObject({ ok: true, seconds: whole.plan.utterances.length });
  });

  it('the whole planned again when the settings changed while it was parsed', async () => {
    const { service, loader, open, completed } = await setUp();
    await open();
    await service.updateSettings(null, { verbosity: 'off' });
    loader.release();
    const whole = await completed();
    if (!whole.ok) throw new Error(whole.message);
    expect(whole.plan.utterances.filter((u) => u.kind === 'label')).toHaveLength(0);
  });

  it('when the rest cannot be read: a message, and the first part stays readable', async () => {
    const { service, loader, open, completed } = await setUp();
    const first = await open();
    loader.fail = 'Reading the article took longer than 15 seconds and was stopped.';
    loader.release();
    expect(await completed()).toEqual({ ok: false, docId: first.docId, message: loader.fail });
    expect(await service.getClip(first.docId, 0)).toMatchObject({ ok: true });
  });
});
