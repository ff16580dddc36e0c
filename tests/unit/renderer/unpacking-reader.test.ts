// The page's side of the bridge: packed replies (an article's model and plan, a new plan)
// come out as plain values; everything else passes through untouched.
import { describe, expect, it, vi } from 'vitest';
import { generateArticle } from '../../../bench/gen';
import { parseArticle } from '../../../core/article/parse';
import type { ClipResult, ReaderBridge, ReaderEvent, WireEvent } from '../../../core/contract';
import { pack } from '../../../core/packed';
import { buildPlan } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { unpackingReader } from '../../../renderer/unpacking-reader';

const model = parseArticle(generateArticle(60_000, 9));
const plan = buildPlan(model, DEFAULT_SETTINGS, []);
const packedModel = pack(model, ['blocks', 'sentences', 'quotes', 'speakers']);
const packedPlan = pack(plan, ['utterances']);
const wav = new Uint8Array([82, 73, 70, 70]);
const clip: ClipResult = { ok: true, clip: { utterance: 0, wav, duration: 1, rate: 175, words: [], wordsEstimated: false } };
let unsubscribed = 0;
let emit: (event: WireEvent) => void = () => undefined;

const bridge = {
  openInitial: async () => ({ ok: true, article: { docId: 'd', name: 'a.txt', model: packedModel, plan: packedPlan, position: 3, notices: ['n'] } }),
  openArticle: async () => ({ ok: false, message: 'That article is not in the article list.' }),
  updateSettings: async () => ({ settings: DEFAULT_SETTINGS, plan: packedPlan }),
  getClip: async () => clip,
  savePosition: async () => undefined,
  exportAudio: async () => {
    throw new Error('disk full');
  },
  onEvent: (listener: (event: WireEvent) => void) => {
    emit = listener;
    return () => void unsubscribed++;
  },
} as unknown as ReaderBridge;

describe('the page’s reader over a bridge', () => {
  const reader = unpackingReader(bridge);

  it('unpacks an opened article and keeps its other fields', async () => {
    const r = await reader.openInitial();
    expect(r).toEqual({ ok: true, article: { docId: 'd', name: 'a.txt', model, plan, position: 3, notices: ['n'] } });
  });

  it('unpacks a new plan after a settings change', async () => {
    expect(await reader.updateSettings('d', { verbosity: 'off' })).toEqual({ settings: DEFAULT_SETTINGS, plan });
  });

  it('passes other replies, failures and functions through as they are', async () => {
    expect(await reader.openArticle('x')).toEqual({ ok: false, message: 'That article is not in the article list.' });
    const c = await reader.getClip('d', 0);
    expect(c).toBe(clip);
    expect(c.ok && c.clip.wav).toBe(wav);
    expect(await reader.savePosition('d', 1)).toBeUndefined();
    await expect(reader.exportAudio('d')).rejects.toThrow('disk full');
    reader.onEvent(() => undefined)();
    expect(unsubscribed).toBe(1);
  });

  it('unpacks the article of an "opened" event (a hand-over); other events pass as they are', async () => {
    const got: ReaderEvent[] = [];
    reader.onEvent((e) => got.push(e));
    emit({ type: 'opened', result: { ok: true, article: { docId: 'd', name: 'b.txt', model: packedModel, plan: packedPlan, position: 0, notices: [] } } });
    const progress = { type: 'export-progress', done: 1, total: 2 } as const;
    emit(progress);
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(got).toContainEqual({ type: 'opened', result: { ok: true, article: { docId: 'd', name: 'b.txt', model, plan, position: 0, notices: [] } } });
    expect(got).toContain(progress);
  });
});
