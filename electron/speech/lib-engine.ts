// espeak-ng through its library, in the speech host process (host-client.ts, speech-host.ts):
// no process start per sentence, and exact word times from the library's word events instead
// of estimates. The SpeechEngine interface is the command-line engine's, so the clip cache,
// export and the `say` engine on macOS/Windows do not change.

import type { Voice, WordTiming } from '../../core/contract';
import { clampRate, sanitizeSpeechText, type SpeechEngine, type Synthesis, type SynthesizeOptions } from './engine';
import { pickVoice, withVariants } from './espeak';
import type { HostWord } from './host-protocol';
import type { SpeechHost } from './host-client';
import { SpeechError } from './process';
import { wordRanges } from './timings';
import { durationOf, encodeWav, resample, SAMPLE_RATE, silence, trimLeadingSilence } from './wav';

/** One passage's audio is capped (a sentence of 20,000 words would otherwise fill memory). */
export const MAX_CLIP_SECONDS = 600;

/** UTF-16 index of each code point of `text` (plus one past the end): the library counts code points. */
export function codePointOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    out.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  out.push(text.length);
  return out;
}

/**
 * The library's word events -> word timings over `text` (UTF-16 ranges, seconds). Its start
 * positions are exact, its lengths are not ("four-year-old" is reported as "four", "U.S." as
 * "U", "1,200" as three pieces): each event is widened to the whole word on screen that holds
 * it, and later events inside the same word are dropped. `shift` is the leading silence
 * trimmed off the audio.
 */
/** A dash or quote mark the library reports as a word but says nothing for: not highlighted. */
const SILENT = /^[\p{P}\p{Z}\s]*$/u;

export function wordTimings(text: string, words: readonly HostWord[], sampleRate: number, shift: number): WordTiming[] {
  const at = codePointOffsets(text);
  const last = at.length - 1;
  const screen = wordRanges(text);
  const out: WordTiming[] = [];
  let k = 0;
  for (const w of words) {
    let start = at[Math.min(w.pos, last)]!;
    let end = at[Math.min(w.pos + w.len, last)]!;
    while (k < screen.length && screen[k]!.end <= start) k++;
    const word = screen[k];
    if (word && word.start <= start) ({ start, end } = word);
    if (end <= start || (out.length && start < out[out.length - 1]!.end) || SILENT.test(text.slice(start, end))) continue;
    out.push({ start, end, time: Math.max(0, Math.round((w.sample / sampleRate - shift) * 1000) / 1000) });
  }
  return withSkippedWords(out, screen);
}

/**
 * The library reports no event for some short words it runs into the next ("are" in "There
 * are half", "the" in "in the Emergency Room"). Those words share the time between the two
 * reported words around them, by length, so the highlight does not stand still on them.
 */
function withSkippedWords(events: WordTiming[], screen: readonly { start: number; end: number }[]): WordTiming[] {
  const out: WordTiming[] = [];
  let k = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    out.push(e);
    const next = events[i + 1];
    if (!next) break;
    while (k < screen.length && screen[k]!.start < e.end) k++;
    const between: { start: number; end: number }[] = [];
    for (; k < screen.length && screen[k]!.end <= next.start; k++) between.push(screen[k]!);
    if (!between.length) continue;
    const weight = (r: { start: number; end: number }) => r.end - r.start + 1;
    const total = weight(e) + between.reduce((sum, r) => sum + weight(r), 0);
    let t = e.time + ((next.time - e.time) * weight(e)) / total;
    for (const r of between) {
      out.push({ start: r.start, end: r.end, time: Math.round(t * 1000) / 1000 });
      t += ((next.time - e.time) * weight(r)) / total;
    }
  }
  return out;
}

export class LibEspeakEngine implements SpeechEngine {
  readonly name = 'espeak-ng';
  private voices: Promise<Voice[]> | null = null;

  constructor(private readonly host: SpeechHost) {}

  /** Null when the host started and loaded the library; otherwise why not. */
  probe(): Promise<string | null> {
    return this.host.probe();
  }

  listVoices(): Promise<Voice[]> {
    this.voices ??= this.host.request({ type: 'voices' }, 'voices').then((m) => withVariants(m.voices, this.name));
    this.voices.catch(() => { this.voices = null; });
    return this.voices;
  }

  async synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis> {
    const clean = sanitizeSpeechText(text);
    if (!/\S/.test(clean)) {
      const pcm = silence(50);
      return { wav: encodeWav(pcm), duration: durationOf(pcm), words: [], wordsEstimated: false };
    }
    const ids = (await this.listVoices().catch(() => null))?.map((v) => v.id) ?? null;
    const voice = pickVoice(opts.voice, ids);
    const m = await this.host.request(
      { type: 'synth', text: clean, voice, rate: clampRate(opts.rate), maxSamples: MAX_CLIP_SECONDS * SAMPLE_RATE },
      'audio',
      opts.signal,
    );
    if (m.truncated) throw new SpeechError('too-long', `it would take more than ${MAX_CLIP_SECONDS / 60} minutes to say in one piece`);
    if (m.samples.length === 0) throw new SpeechError('bad-output', 'the speech host returned no audio');
    const { pcm, trimmed } = trimLeadingSilence({ sampleRate: m.sampleRate, samples: m.samples });
    const out = resample(pcm, SAMPLE_RATE);
    return { wav: encodeWav(out), duration: durationOf(out), words: wordTimings(clean, m.words, m.sampleRate, trimmed), wordsEstimated: false };
  }

  /** The host process, while it runs. */
  liveChildren(): number {
    return this.host.pid ? 1 : 0;
  }

  dispose(): void {
    this.host.dispose();
  }
}
