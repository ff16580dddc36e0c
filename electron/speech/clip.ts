// From an utterance to a Clip: synthesis with restarts, then word ranges moved into the article.

import type { Clip, ClipResult, Utterance } from '../../core/contract';
import { clampRate, type SpeechEngine, type Synthesis } from './engine';
import { isRetryable, SpeechError } from './process';
import { toSourceTimings } from './timings';

export interface RetryOptions {
  /** Tries in all, each in a fresh process. */
  attempts?: number;
  signal?: AbortSignal;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Each try is a new engine process, so an engine killed, crashed, hung or talking garbage
 * mid-article is simply restarted on the same text. Rejects with the last SpeechError.
 */
export async function synthesizeWithRetry(
  engine: SpeechEngine, text: string, voice: string | null, rate: number, opts: RetryOptions = {},
): Promise<Synthesis> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  for (let i = 1; ; i++) {
    try {
      return await engine.synthesize(text, { voice, rate, signal: opts.signal });
    } catch (e) {
      if (i >= attempts || !isRetryable(e) || opts.signal?.aborted) throw e;
      await pause(50 * i);
    }
  }
}

export function toClip(s: Synthesis, utterance: Utterance, articleText: string, rate: number): Clip {
  return {
    utterance: utterance.index,
    wav: s.wav,
    duration: s.duration,
    rate: clampRate(rate),
    words: toSourceTimings(s.words, utterance, articleText),
    wordsEstimated: s.wordsEstimated,
  };
}

/** One line for the user. */
export function failureMessage(e: unknown, engine: string, attempts: number): string {
  if (e instanceof SpeechError) {
    switch (e.kind) {
      case 'missing': return `The speech engine (${engine}) is not available: ${e.message}`;
      case 'cancelled': return 'Speech was cancelled.';
      case 'disposed': return 'The speech engine was shut down.';
      case 'timeout': return `The speech engine (${engine}) did not respond: ${e.message}.`;
      case 'too-long': return `This passage was skipped: ${e.message}.`;
      default: return `The speech engine (${engine}) failed ${attempts} times on this passage: ${e.message}`;
    }
  }
  return `Speech failed: ${(e as Error)?.message ?? String(e)}`;
}

export async function synthesizeClip(
  engine: SpeechEngine, utterance: Utterance, articleText: string, rate: number, opts: RetryOptions = {},
): Promise<ClipResult> {
  try {
    const s = await synthesizeWithRetry(engine, utterance.text, utterance.voice || null, rate, opts);
    return { ok: true, clip: toClip(s, utterance, articleText, rate) };
  } catch (e) {
    return { ok: false, message: failureMessage(e, engine.name, opts.attempts ?? 3) };
  }
}
