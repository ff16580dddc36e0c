import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackedOpenResult, ReaderEvent, WireEvent } from '../../../core/contract';
import { unpackNow } from '../../../core/packed';
import { ReaderService, SAMPLE_ARTICLE } from '../../../electron/services/reader-service';
import { fakeDialogs, fakeLoader, fakeSpeech, unpacked } from './fakes';

vi.mock('../../../core/plan/plan', async () => ({ buildPlan: (await import('./fakes')).fakePlan }));

let root: string;
let userData: string;
let content: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reader-service-'));
  userData = join(root, 'user');
  content = join(root, 'content');
  await mkdir(content, { recursive: true });
  await writeFile(join(content, SAMPLE_ARTICLE), 'Sample title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird.');
  await writeFile(join(content, 'b-article.md'), '# Bee heading\n\nBody.');
  await writeFile(join(content, 'notes.pdf'), 'not listed');
  await writeFile(join(root, 'secret.txt'), 'outside content');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function make(extra: { initialPath?: string | null } = {}) {
  const loader = fakeLoader();
  const speech = fakeSpeech();
  const dialogs = fakeDialogs();
  const service = await ReaderService.create({ userDataDir: userData, contentDir: content, loader, speech, dialogs, ...extra });
  return { service, loader, speech, dialogs };
}

function opened(packed: PackedOpenResult) {
  const r = unpacked(packed);
  if (!r.ok) throw new Error(`expected an article, got: ${r.message}`);
  return r.article;
}

describe('opening articles', () => {
  it('openInitial: the sample when nothing else is known', async () => {
    const { service } = await make();
    const a = opened(await service.openInitial());
    expect(a.name).toBe(SAMPLE_ARTICLE);
    expect(a.position).toBe(0);
    expect(a.plan.utterances).toHaveLength(4);
  });

  it('openInitial: the command-line file first, then the last article read', async () => {
    const file = join(root, 'cli.txt');
    await writeFile(file, 'From the command line.');
    const first = await make({ initialPath: file });
    expect(opened(await first.service.openInitial()).name).toBe('cli.txt');
    await first.service.close();

    const second = await make();
    expect(opened(await second.service.openInitial()).name).toBe('cli.txt');
    opened(await second.service.openArticle('b-article.md'));
    await second.service.close();

    const third = await make();
    expect(opened(await third.service.openInitial()).name).toBe('b-article.md');
  });

  it('openInitial: a tampered "last article" cannot point outside content/', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'reading-state.json'), JSON.stringify({ version: 1, last: { kind: 'content', id: '../secret.txt' }, positions: {} }));
    const { service, loader } = await make();
    expect(opened(await service.openInitial()).name).toBe(SAMPLE_ARTICLE);
    expect(loader.calls.some((c) => c.includes('secret'))).toBe(false);
  });

  it('openInitial: an unreadable command-line file falls back to the sample with a notice', async () => {
    const { service } = await make({ initialPath: join(root, 'missing.txt') });
    const a = opened(await service.openInitial());
    expect(a.name).toBe(SAMPLE_ARTICLE);
    expect(a.notices.join(' ')).toMatch(/missing\.txt/);
  });

  it('listArticles: text and Markdown files of content/, named by their first line', async () => {
    const { service } = await make();
    expect(await service.listArticles()).toEqual([
      { id: 'b-article.md', name: 'Bee heading' },
      { id: SAMPLE_ARTICLE, name: 'Sample title' },
    ]);
  });

  it.each(['../secret.txt', '..%2Fsecret.txt', '/etc/passwd', 'notes.pdf', '/tmp/secret.txt', 'B-ARTICLE.MD'])(
    'openArticle refuses %s (only listed ids)', async (id) => {
      const { service, loader } = await make();
      const r = await service.openArticle(id);
      expect(r.ok).toBe(false);
      expect(loader.calls).toEqual([]);
    },
  );

  it('openArticle rejects non-string ids', async () => {
    const { service } = await make();
    for (const bad of [null, 3, {}, ['b-article.md'], '', 'x'.repeat(300)]) await expect(service.openArticle(bad)).rejects.toThrow(/id/);
  });

  it('openFileDialog: cancelled, then a chosen file', async () => {
    const { service, dialogs } = await make();
    expect(await service.openFileDialog()).toEqual({ ok: false, message: 'cancelled' });
    dialogs.open.push(join(root, 'secret.txt'));
    expect(opened(await service.openFileDialog()).name).toBe('secret.txt');
  });

  it('openDropped: parses the bytes, shows only the base name, refuses oversized or non-byte payloads', async () => {
    const { service, loader } = await make();
    const a = opened(await service.openDropped('C:\\Users\\me\\dropped.txt', new TextEncoder().encode('Dropped text.')));
    expect(a.name).toBe('dropped.txt');
    expect(loader.calls).toEqual(['bytes:dropped.txt']);
    const big = await service.openDropped('big.txt', new Uint8Array(21 * 1024 * 1024));
    expect(big).toMatchObject({ ok: false, message: expect.stringMatching(/larger than/) });
    await expect(service.openDropped('x.txt', 'text, not bytes')).rejects.toThrow(/Uint8Array/);
    await expect(service.openDropped('x.txt', [1, 2, 3])).rejects.toThrow(/Uint8Array/);
    await expect(service.openDropped(5, new Uint8Array(1))).rejects.toThrow(/name/);
  });

  it('reports a loader failure as a message, not an exception', async () => {
    const { service } = await make();
    expect(await service.openDropped('empty.txt', new Uint8Array(0))).toEqual({ ok: false, message: 'empty.txt is empty' });
  });
});

describe('clips, positions, settings, export', () => {
  it('getClip validates the document id and the utterance index', async () => {
    const { service } = await make();
    const a = opened(await service.openInitial());
    const r = await service.getClip(a.docId, 1);
    expect(r.ok && r.clip.utterance).toBe(1);
    for (const bad of [-1, 1.5, 4, Number.NaN, '1', null, 1e20]) await expect(service.getClip(a.docId, bad)).rejects.toThrow(/utterance/);
    for (const bad of ['nope', 7, null, '../x', 'a'.repeat(65)]) await expect(service.getClip(bad, 0)).rejects.toThrow(/document|docId/);
  });

  it('getClip reports an engine failure as a result', async () => {
    const { service, speech } = await make();
    const a = opened(await service.openInitial());
    speech.fail = true;
    expect(await service.getClip(a.docId, 0)).toEqual({ ok: false, message: 'engine broke' });
  });

  it('stopSpeech cancels the speech of a known document only', async () => {
    const { service, speech } = await make();
    const a = opened(await service.openInitial());
    await service.stopSpeech(a.docId);
    expect(speech.cancelled).toBe(1);
    await expect(service.stopSpeech('not-a-doc')).rejects.toThrow();
    expect(speech.cancelled).toBe(1);
  });

  it('keeps a working voice list, and asks again while no engine works', async () => {
    const { service, speech } = await make();
    let calls = 0;
    let engine: string | null = null;
    speech.listVoices = async () => { calls++; return { engine, voices: [], problem: engine ? null : 'No speech engine found.' }; };
    expect((await service.listVoices()).engine).toBeNull();
    expect((await service.listVoices()).engine).toBeNull();
    expect(calls).toBe(2); // the failure was not kept
    engine = 'espeak-ng'; // installed meanwhile
    expect((await service.listVoices()).engine).toBe('espeak-ng');
    await service.listVoices();
    expect(calls).toBe(3); // the working list is kept
  });

  it('an engine installed after the article opened: the article is planned again with its voices, and the page told once', async () => {
    const { service, speech } = await make();
    const installed = speech.listVoices;
    speech.listVoices = async () => ({ engine: null, voices: [], problem: 'No speech engine found.' });
    const events: WireEvent[] = [];
    service.subscribe((e) => events.push(e));
    const a = opened(await service.openArticle(SAMPLE_ARTICLE));
    expect(a.plan.narratorVoice).toBe('default'); // no engine's voice to plan with
    speech.listVoices = installed;
    expect(await service.getClip(a.docId, 0)).toMatchObject({ ok: true });
    const replanned = () => events.filter((e): e is Extract<WireEvent, { type: 'replanned' }> => e.type === 'replanned');
    await vi.waitFor(() => expect(replanned()).toHaveLength(1));
    expect(replanned()[0]!.docId).toBe(a.docId);
    expect(unpackNow(replanned()[0]!.plan).narratorVoice).toBe('v1');
    await service.getClip(a.docId, 1);
    expect(replanned()).toHaveLength(1);
  });

  it('resumes where the reader stopped, also after a restart', async () => {
    const first = await make();
    const a = opened(await first.service.openInitial());
    await first.service.savePosition(a.docId, 2);
    await expect(first.service.savePosition(a.docId, 99)).rejects.toThrow(/range/);
    await first.service.close();
    const second = await make();
    expect(opened(await second.service.openInitial()).position).toBe(2);
    // The same text dropped in gets the same position (keyed by content, not by path).
    const dropped = opened(await second.service.openDropped('copy.txt', new TextEncoder().encode('Sample title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird.')));
    expect(dropped.position).toBe(2);
  });

  it('getSettings returns the stored settings and a start-up notice only once', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'settings.json'), 'garbage');
    const { service } = await make();
    expect((await service.getSettings()).notice).toMatch(/default settings/);
    expect((await service.getSettings()).notice).toBeNull();
  });

  it('updateSettings saves, re-plans the open document, and validates the patch', async () => {
    const { service, speech } = await make();
    const a = opened(await service.openInitial());
    const display = await service.updateSettings(a.docId, { theme: 'dark', fontScale: 2 });
    expect(display.settings.theme).toBe('dark');
    expect(display.plan && unpackNow(display.plan).narratorVoice).toBe('v1');
    const changed = await service.updateSettings(a.docId, { voice: 'v2', rate: 300 });
    expect(changed.plan && unpackNow(changed.plan).narratorVoice).toBe('v2');
    await service.getClip(a.docId, 0);
    expect(speech.synthesized.at(-1)).toEqual({ text: 'Sample title', rate: 300 });
    expect((await service.updateSettings(null, { rate: 200 })).plan).toBeNull();
    expect((await service.getSettings()).settings).toMatchObject({ theme: 'dark', voice: 'v2', rate: 200 });
    await expect(service.updateSettings(a.docId, 'rate=9')).rejects.toThrow(/object/);
    await expect(service.updateSettings(a.docId, null)).rejects.toThrow(/object/);
    await expect(service.updateSettings('../../etc', {})).rejects.toThrow(/docId/);
  });

  it('exportAudio: cancelled, then saved with progress events', async () => {
    const { service, dialogs, speech } = await make();
    const a = opened(await service.openInitial());
    const events: WireEvent[] = [];
    service.subscribe((e) => events.push(e));
    expect(await service.exportAudio(a.docId)).toEqual({ ok: false, cancelled: true });
    dialogs.save.push(join(root, 'out.wav'));
    expect(await service.exportAudio(a.docId)).toEqual({ ok: true, path: join(root, 'out.wav'), seconds: 4 });
    expect(speech.exported).toEqual([join(root, 'out.wav')]);
    expect(events.at(-1)).toEqual({ type: 'export-progress', done: 4, total: 4 });
  });

  it('keeps only a few documents open', async () => {
    const { service, speech } = await make();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(opened(await service.openArticle('b-article.md')).docId);
    await service.getClip(ids[5]!, 0);
    await expect(service.getClip(ids[0]!, 0)).rejects.toThrow(/unknown document/);
    expect(speech.synthesized).toHaveLength(1);
    await service.close();
    expect(speech.disposed).toBe(1);
  });
});
