import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { buildPlan } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { ClipCache } from '../../../electron/speech/clip-cache';
import { EspeakEngine } from '../../../electron/speech/espeak';
import { wavDuration } from '../../../electron/speech/wav';
import { fakeEngine, hasEspeak, longPlan, samplePlan, tempDir } from './helpers';

describe.skipIf(!hasEspeak)('ClipCache (real espeak-ng)', () => {
  it('prefetches ahead, so a jump to a prefetched utterance returns at once with no new synthesis', async () => {
    const engine = new EspeakEngine();
    const { text, plan } = longPlan(12);
    const cache = new ClipCache({ engine, ahead: 3 });
    cache.setPlan(plan, text, 200);
    const first = await cache.get(0);
    expect(first.ok).toBe(true);
    await cache.idle();
    expect(cache.stats.syntheses).toBe(4); // 0 and 1..3 ahead

    // Already settled: no process, no I/O, just the next microtask.
    let settled = false;
    const pending = cache.get(3).then((r) => { settled = true; return r; });
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(true);
    const third = await pending;
    expect(cache.stats.hits).toBe(1); // served from memory (4..6 have just started ahead)
    if (!third.ok) throw new Error(third.message);
    expect(third.clip.utterance).toBe(3);
    expect(third.clip.rate).toBe(200);
    expect(wavDuration(third.clip.wav)).toBeCloseTo(third.clip.duration, 5);
    // Word ranges point into the article text.
    expect(third.clip.words.map((w) => text.slice(w.start, w.end)).join(' ')).toBe('This is sentence number 4 of the article');
    await cache.idle();
    expect(cache.stats.syntheses).toBe(7); // 0..6, each once: 3 was not synthesized again
    expect(engine.liveChildren()).toBe(0);
  });

  it('maps quote words into the article and gives labels none', async () => {
    const engine = new EspeakEngine();
    const { text, plan } = samplePlan();
    const cache = new ClipCache({ engine });
    cache.setPlan(plan, text, 175);
    const label = await cache.get(3);
    const quote = await cache.get(4);
    if (!label.ok || !quote.ok) throw new Error('synthesis failed');
    expect(label.clip.words).toEqual([]);
    expect(label.clip.duration).toBeGreaterThan(0.5);
    expect(quote.clip.words.map((w) => text.slice(w.start, w.end))).toEqual(['We', 'have', 'no', 'power', 'and', 'no', 'water']);
    await cache.idle();
  });

  it('dedups requests in flight and identical passages', async () => {
    const engine = new EspeakEngine();
    const { text, plan } = longPlan(3);
    plan.utterances[2] = { ...plan.utterances[0]!, index: 2 }; // same words spoken twice
    const cache = new ClipCache({ engine, ahead: 0 });
    cache.setPlan(plan, text, 175);
    const [a, b] = await Promise.all([cache.get(0), cache.get(0)]);
    expect(a.ok && b.ok).toBe(true);
    expect(cache.stats.syntheses).toBe(1);
    const again = await cache.get(2);
    expect(again.ok && again.clip.utterance).toBe(2);
    expect(cache.stats.syntheses).toBe(1);
  });

  it('synthesizes again when the rate or voice changes, and not when nothing did', async () => {
    const engine = new EspeakEngine();
    const { text, plan } = longPlan(2);
    const cache = new ClipCache({ engine, ahead: 0 });
    cache.setPlan(plan, text, 175);
    const slow = await cache.get(0);
    cache.setPlan(plan, text, 175);
    await cache.get(0);
    expect(cache.stats.syntheses).toBe(1);

    cache.setPlan(plan, text, 350);
    const fast = await cache.get(0);
    expect(cache.stats.syntheses).toBe(2);
    if (!slow.ok || !fast.ok) throw new Error('synthesis failed');
    expect(fast.clip.rate).toBe(350);
    expect(fast.clip.duration).toBeLessThan(slow.clip.duration * 0.75);

    const female = { ...plan, utterances: plan.utterances.map((u) => ({ ...u, voice: 'en-us+f2' })) };
    cache.setPlan(female, text, 350);
    await cache.get(0);
    expect(cache.stats.syntheses).toBe(3);
  });

  it('cancels stale prefetches when the listener jumps far away, and runs at most 2 engines', async () => {
    const dir = tempDir();
    let maxLive = 0;
    const engine = new EspeakEngine({
      command: fakeEngine(dir, 'sleep 0.4; exec espeak-ng "$@"'),
      onSpawn: () => { maxLive = Math.max(maxLive, engine.liveChildren()); },
    });
    await engine.listVoices();
    const { text, plan } = longPlan(30);
    const cache = new ClipCache({ engine, ahead: 3, concurrency: 2 });
    cache.setPlan(plan, text, 175);
    const first = cache.get(0); // starts 0 alone; 1, 2 and 3 wait until someone waits for nothing
    const far = await cache.get(20);
    expect(far.ok).toBe(true);
    expect((await first).ok).toBe(true); // the utterance someone waits for is never cancelled
    await cache.idle();
    expect(cache.stats.cancelled).toBeGreaterThanOrEqual(3); // 1, 2 and 3 (queued)
    expect(cache.stats.syntheses).toBe(1 + 4); // 0, then 20..23
    expect(maxLive).toBeLessThanOrEqual(2);
    expect(engine.liveChildren()).toBe(0);
  });

  it('gives the clip the listener waits for the CPU to itself, then prefetches two at a time', async () => {
    const dir = tempDir();
    const liveAtSpawn: number[] = [];
    const engine = new EspeakEngine({
      command: fakeEngine(dir, 'sleep 0.3; exec espeak-ng "$@"'),
      onSpawn: () => { liveAtSpawn.push(engine.liveChildren()); },
    });
    await engine.listVoices();
    const { text, plan } = longPlan(8);
    const cache = new ClipCache({ engine, ahead: 3, concurrency: 2 });
    cache.setPlan(plan, text, 175);
    expect((await cache.get(0)).ok).toBe(true);
    await cache.idle();
    // Spawn 1 (the clip asked for) ran alone; the prefetches started only after it, two at once.
    expect(liveAtSpawn.slice(0, 2)).toEqual([1, 1]);
    expect(Math.max(...liveAtSpawn)).toBe(2);
    expect(cache.stats.syntheses).toBe(4);
  });

  it('prefetches where "next quote" and "next paragraph" land, so those jumps speak at once', async () => {
    const engine = new EspeakEngine();
    const model = parseArticle(readFileSync(new URL('../../../content/idlib-bloody-week.txt', import.meta.url), 'utf8'));
    const plan = buildPlan(model, DEFAULT_SETTINGS, await engine.listVoices());
    const cache = new ClipCache({ engine, ahead: 3 });
    cache.setPlan(plan, model.text, 175);
    const u = plan.utterances;
    const nextQuote = u.findIndex((x) => x.quote !== null);
    const nextParagraph = u.findIndex((x) => x.block !== u[0]!.block);
    expect(nextQuote).toBeGreaterThan(3);
    expect((await cache.get(0)).ok).toBe(true);
    await cache.idle();
    const hits = cache.stats.hits;
    expect((await cache.get(nextQuote)).ok).toBe(true);
    expect((await cache.get(nextParagraph)).ok).toBe(true);
    // Both served from memory, without waiting for an engine.
    expect(cache.stats.hits - hits).toBe(2);
    cache.dispose();
    engine.dispose();
  });

  it('keeps memory under the cap', async () => {
    const engine = new EspeakEngine();
    const { text, plan } = longPlan(10);
    const cache = new ClipCache({ engine, ahead: 0, maxBytes: 300_000 });
    cache.setPlan(plan, text, 175);
    for (let i = 0; i < 10; i++) expect((await cache.get(i)).ok).toBe(true);
    expect(cache.cachedBytes).toBeLessThanOrEqual(300_000);
    expect(cache.cachedBytes).toBeGreaterThan(0);
    await cache.get(0); // evicted long ago
    expect(cache.stats.syntheses).toBe(11);
  });

  it('turns repeated engine failure into a clear error result, and recovers on the next passage', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'case "$(cat)" in *broken*) echo garbage; exit 0 ;; esac; exit 3') });
    const { text, plan } = longPlan(2);
    plan.utterances[0] = { ...plan.utterances[0]!, text: 'this one is broken' };
    const cache = new ClipCache({ engine, ahead: 0, attempts: 2 });
    cache.setPlan(plan, text, 175);
    const r = await cache.get(0);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/espeak-ng.*failed 2 times.*unusable audio/) });
    expect(await cache.get(99)).toEqual({ ok: false, message: expect.stringMatching(/no passage 99/) });
  });

  it('dispose() cancels running work', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'exec sleep 30'), timeoutMs: 20_000 });
    await engine.listVoices();
    const { text, plan } = longPlan(5);
    const cache = new ClipCache({ engine });
    cache.setPlan(plan, text, 175);
    const pending = cache.get(0);
    while (engine.liveChildren() < 1) await new Promise((r) => setTimeout(r, 10));
    cache.dispose();
    expect(await pending).toEqual({ ok: false, message: 'Speech was cancelled.' });
    await cache.idle();
    expect(engine.liveChildren()).toBe(0);
  });
});
