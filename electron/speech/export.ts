// A whole reading plan to one WAV file, with a cue marker at each paragraph and quote so
// players with chapter support can jump around it. The file is streamed (memory stays at a
// few clips), written under a temporary name and renamed into place when complete.

import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportResult, ReadingPlan, Utterance } from '../../core/contract';
import { failureMessage, synthesizeWithRetry } from './clip';
import type { SpeechEngine, Synthesis } from './engine';
import { SpeechError } from './process';
import { cueChunks, decodeWav, earcon, pcmBytes, resample, SAMPLE_RATE, silence, wavHeader, type CueMarker, type Pcm } from './wav';

export interface ExportOptions {
  engine: SpeechEngine;
  plan: ReadingPlan;
  articleText: string;
  rate: number;
  outPath: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Engine processes at once. */
  concurrency?: number;
  attempts?: number;
  /** Most audio bytes the file may hold; WAV's 32-bit sizes by default (tests pass less). */
  maxDataBytes?: number;
}

/** WAV sizes are 32-bit: the header, and room for the cue chunks written after the data, must fit too. */
export const MAX_WAV_DATA_BYTES = 0xffffffff - 44 - 16 * 1024 * 1024;

/** Silence between paragraphs, and around an earcon. */
export const PARAGRAPH_GAP_MS = 350;
export const EARCON_GAP_MS = 60;

const KIND_NAMES: Record<Utterance['kind'], string> = {
  title: 'Title', byline: 'Byline', narration: 'Paragraph', quote: 'Paragraph', caption: 'Caption', label: 'Paragraph',
};

function shorten(s: string, max = 48): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:]+$/, '')}…`;
}

/** The markers an utterance starts, given the one before it. */
export function cuesFor(u: Utterance, prev: Utterance | null, blockNumber: number): string[] {
  const out: string[] = [];
  if (!prev || prev.block !== u.block) {
    out.push(u.kind === 'label' ? `${KIND_NAMES[u.kind]} ${blockNumber}` : `${KIND_NAMES[u.kind]} ${blockNumber}: ${shorten(u.text)}`);
  }
  if (u.quote !== null && (!prev || prev.quote !== u.quote)) {
    out.push(u.kind === 'label' ? `Quote ${u.quote + 1}: ${shorten(u.text.replace(/:\s*$/, ''))}` : `Quote ${u.quote + 1}`);
  }
  return out;
}

/**
 * Runs `work` for 0..count-1 with `limit` at once, handing results to `use` in order. On a
 * failure, calls `halt` and waits for the work still running, so no engine process outlives it.
 */
async function inOrder<T>(
  count: number, limit: number, work: (i: number) => Promise<T>, use: (r: T, i: number) => Promise<void>, halt: () => void,
): Promise<void> {
  const pending: Promise<T>[] = [];
  const launch = (i: number) => { const p = work(i); p.catch(() => {}); pending.push(p); };
  for (let i = 0; i < Math.min(limit, count); i++) launch(i);
  try {
    for (let i = 0; i < count; i++) {
      const r = await pending[i]!;
      if (i + limit < count) launch(i + limit);
      await use(r, i);
    }
  } catch (e) {
    halt();
    await Promise.allSettled(pending);
    throw e;
  }
}

export async function exportPlan(opts: ExportOptions): Promise<ExportResult> {
  const { plan, engine } = opts;
  const list = plan.utterances;
  const attempts = opts.attempts ?? 3;
  const tmp = join(dirname(opts.outPath), `.${basename(opts.outPath)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const file = await open(tmp, 'wx').catch((e: Error) => e);
  if (file instanceof Error) return { ok: false, message: `Cannot write ${opts.outPath}: ${file.message}` };

  const cues: CueMarker[] = [];
  let samples = 0;
  let position = 44; // after the header, rewritten at the end
  const maxData = opts.maxDataBytes ?? MAX_WAV_DATA_BYTES;
  const write = async (pcm: Pcm) => {
    const bytes = pcmBytes(resample(pcm, SAMPLE_RATE));
    if (position - 44 + bytes.length > maxData) throw new AudioTooLongError(maxData);
    await file.write(bytes, 0, bytes.length, position);
    position += bytes.length;
    samples += bytes.length / 2;
  };
  // Local abort so a failure stops the synthesis still running ahead.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let blockNumber = 0;
  let failedAt = Infinity;

  try {
    if (!list.length) throw new Error('There is nothing to read in this article.');
    opts.onProgress?.(0, list.length);
    await inOrder<Synthesis>(
      list.length,
      Math.max(1, opts.concurrency ?? 2),
      (i) => synthesizeWithRetry(engine, list[i]!.text, list[i]!.voice || null, opts.rate, { attempts, signal: stop.signal })
        .catch((e: unknown) => { failedAt = Math.min(failedAt, i); throw e; }),
      async (s, i) => {
        if (stop.signal.aborted) throw new SpeechError('cancelled', 'cancelled');
        const u = list[i]!;
        const prev = list[i - 1] ?? null;
        if (prev && prev.block !== u.block) await write(silence(PARAGRAPH_GAP_MS));
        if (!prev || prev.block !== u.block) blockNumber++;
        for (const label of cuesFor(u, prev, blockNumber)) cues.push({ sample: samples, label });
        if (u.earconBefore) { await write(earcon('start')); await write(silence(EARCON_GAP_MS)); }
        await write(decodeWav(s.wav));
        if (u.earconAfter) { await write(silence(EARCON_GAP_MS)); await write(earcon('end')); }
        opts.onProgress?.(i + 1, list.length);
      },
      () => stop.abort(),
    );
    const tail = cueChunks(cues);
    await file.write(tail, 0, tail.length, position);
    const dataBytes = samples * 2;
    await file.write(wavHeader(dataBytes, SAMPLE_RATE, tail.length), 0, 44, 0);
    await file.sync();
    await file.close();
    await rename(tmp, opts.outPath);
    return { ok: true, path: opts.outPath, seconds: samples / SAMPLE_RATE };
  } catch (e) {
    stop.abort();
    await file.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    if (opts.signal?.aborted || (e instanceof SpeechError && e.kind === 'cancelled')) return { ok: false, cancelled: true };
    if (e instanceof SpeechError) return { ok: false, message: `Passage ${failedAt + 1} of ${list.length}: ${failureMessage(e, engine.name, attempts)}` };
    if (e instanceof AudioTooLongError) return { ok: false, message: e.message };
    return { ok: false, message: `Export failed: ${(e as Error).message}` };
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

class AudioTooLongError extends Error {
  constructor(maxBytes: number) {
    const hours = maxBytes / 2 / SAMPLE_RATE / 3600;
    super(`This article is too long to export as one audio file (a WAV file holds at most ${hours >= 1 ? `${Math.floor(hours)} hours` : `${Math.round(hours * 3600)} seconds`} at this quality); nothing was saved.`);
  }
}
