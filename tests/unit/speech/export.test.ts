import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EspeakEngine } from '../../../electron/speech/espeak';
import { EARCON_GAP_MS, exportPlan, PARAGRAPH_GAP_MS } from '../../../electron/speech/export';
import { earcon, parseWavHeader, readCues, SAMPLE_RATE, wavDuration } from '../../../electron/speech/wav';
import { fakeEngine, hasEspeak, hasSox, samplePlan, soxDuration, tempDir } from './helpers';

describe.skipIf(!hasEspeak)('exportPlan (real espeak-ng)', () => {
  it('writes one WAV: the clips, paragraph gaps and earcons, with cue points per paragraph and quote', async () => {
    const engine = new EspeakEngine();
    const { text, plan } = samplePlan();
    const dir = tempDir();
    const outPath = join(dir, 'article.wav');
    const progress: [number, number][] = [];
    const result = await exportPlan({ engine, plan, articleText: text, rate: 200, outPath, onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toMatchObject({ ok: true, path: outPath });

    const wav = new Uint8Array(readFileSync(outPath));
    expect(parseWavHeader(wav)).toMatchObject({ format: 1, channels: 1, sampleRate: SAMPLE_RATE, bitsPerSample: 16 });
    const seconds = wavDuration(wav);
    if (result.ok) expect(result.seconds).toBeCloseTo(seconds, 5);
    if (hasSox) expect(soxDuration(outPath)).toBeCloseTo(seconds, 3);

    // Each utterance on its own (espeak-ng is deterministic) + the gaps the plan calls for.
    let clips = 0;
    for (const u of plan.utterances) clips += (await engine.synthesize(u.text, { voice: u.voice, rate: 200 })).duration;
    const paragraphs = new Set(plan.utterances.map((u) => u.block)).size;
    const earconSeconds = earcon('start').samples.length / SAMPLE_RATE + EARCON_GAP_MS / 1000;
    const expected = clips + ((paragraphs - 1) * PARAGRAPH_GAP_MS) / 1000 + 2 * earconSeconds;
    expect(seconds).toBeCloseTo(expected, 2);

    const cues = readCues(wav);
    expect(cues.map((c) => c.label)).toEqual([
      'Title 1: Hospitals under fire',
      'Paragraph 2: Doctors in Idlib say the bombing has not…',
      'Paragraph 3',
      'Quote 1: Dr Ahmad Tarakji',
      'Paragraph 4: The ministry did not respond.',
    ]);
    const samples = cues.map((c) => c.sample);
    expect(samples[0]).toBe(0);
    expect([...samples].sort((a, b) => a - b)).toEqual(samples);
    expect(samples.at(-1)!).toBeLessThan(seconds * SAMPLE_RATE);

    expect(progress[0]).toEqual([0, plan.utterances.length]);
    expect(progress.at(-1)).toEqual([plan.utterances.length, plan.utterances.length]);
    expect(readdirSync(dir)).toEqual(['article.wav']); // no temp file left behind
    expect(engine.liveChildren()).toBe(0);
  });

  it('leaves an existing file untouched and no temp file when synthesis fails', async () => {
    const dir = tempDir();
    const outPath = join(dir, 'article.wav');
    writeFileSync(outPath, 'previous export');
    const engine = new EspeakEngine({ command: fakeEngine(dir, 't=$(cat); case "$t" in *ministry*) exit 1 ;; esac; printf "%s" "$t" | espeak-ng "$@"') });
    const { text, plan } = samplePlan();
    const result = await exportPlan({ engine, plan, articleText: text, rate: 175, outPath, attempts: 2 });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Passage 7 of 8: The speech engine \(espeak-ng\) failed 2 times/) });
    expect(readFileSync(outPath, 'utf8')).toBe('previous export');
    expect(readdirSync(dir).sort()).toEqual(['article.wav', 'fake-espeak-ng']);
    expect(engine.liveChildren()).toBe(0);
  });

  it('can be cancelled', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine();
    const { text, plan } = samplePlan();
    const ac = new AbortController();
    const outPath = join(dir, 'a.wav');
    const result = await exportPlan({ engine, plan, articleText: text, rate: 175, outPath, signal: ac.signal, onProgress: (d) => { if (d === 2) ac.abort(); } });
    expect(result).toEqual({ ok: false, cancelled: true });
    expect(existsSync(outPath)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an export longer than a WAV file can hold, leaving no file behind', async () => {
    const { text, plan } = samplePlan();
    const dir = tempDir();
    const outPath = join(dir, 'long.wav');
    // A limit of 2 s of audio stands in for WAV's 4 GiB (about 27 hours).
    const result = await exportPlan({ engine: new EspeakEngine(), plan, articleText: text, rate: 175, outPath, maxDataBytes: 2 * 2 * SAMPLE_RATE });
    expect(result).toEqual({ ok: false, message: 'This article is too long to export as one audio file (a WAV file holds at most 2 seconds at this quality); nothing was saved.' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports an unwritable destination in one line', async () => {
    const { text, plan } = samplePlan();
    const result = await exportPlan({ engine: new EspeakEngine(), plan, articleText: text, rate: 175, outPath: join(tempDir(), 'missing-dir', 'a.wav') });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Cannot write .*a\.wav: ENOENT/) });
  });
});
