import type { Voice, WordTiming } from '../../core/contract';

export { SpeechError, isRetryable, type SpeechErrorKind } from './process';

export interface SynthesizeOptions {
  /** Engine voice id from listVoices(); null or unknown: the engine's default English voice. */
  voice: string | null;
  /** Words per minute. */
  rate: number;
  signal?: AbortSignal;
}

/** One utterance's audio. Word ranges index the text given to synthesize(), not the article. */
export interface Synthesis {
  /** Mono 16-bit PCM WAV at SAMPLE_RATE (see wav.ts). */
  wav: Uint8Array;
  duration: number;
  words: WordTiming[];
  wordsEstimated: boolean;
}

export interface SpeechEngine {
  /** "espeak-ng", "say". */
  readonly name: string;
  listVoices(): Promise<Voice[]>;
  /** Rejects with a SpeechError (see isRetryable). */
  synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis>;
  /** Engine processes still running: for tests and diagnostics. */
  liveChildren(): number;
  /** Kills every live child; later calls reject with kind 'disposed'. */
  dispose(): void;
}

/**
 * Text safe to hand to an engine, with the same length so word offsets still line up:
 * control characters (NUL included) become spaces, as do newline and tab, and lone
 * surrogates (which would not survive UTF-8 encoding) become U+FFFD.
 */
export function sanitizeSpeechText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Words per minute inside what engines accept (and what settings allow). */
export const clampRate = (rate: number): number => (Number.isFinite(rate) ? Math.round(Math.min(450, Math.max(80, rate))) : 175);
