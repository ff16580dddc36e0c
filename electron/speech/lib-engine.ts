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

/**
 * The longest text one host call synthesises. The library runs synchronously, so the host's
 * event loop is blocked for the whole call: the watchdog's heartbeat is sent from inside the
 * library's callback, which the fork transport delivers at once and Electron's utilityProcess
 * port should (ParentPort::postMessage writes to its mojo pipe before returning), but the
 * latter has never run here. Bounded calls make the design safe either way: the slowest text
 * measured (CJK, every character named: 660 ms per 1,000 characters on 2 busy cores) stays
 * far inside the 3 s stall limit at 500 characters, heartbeat or none.
 */
export const MAX_PIECE_CHARS = 500;

/** Something espeak-ng says: a piece of a long passage without any (a run of combining marks) is skipped. */
const SPEAKABLE = /[\p{L}\p{N}\p{S}]/u;

/**
 * Where a long passage is cut for synthesis (UTF-16 ranges, covering it in order): after a
 * sentence or clause mark and its space in the second half of the window, else after the last
 * space, else (no space at all) at the window's end, never inside a surrogate pair.
 */
export function synthesisPieces(text: string, max = MAX_PIECE_CHARS): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    let cut = -1;
    for (const m of window.matchAll(/[.!?;:,\u2013\u2014)\]"\u201d]\s+/g)) if (m.index >= max / 2) cut = m.index + m[0].length;
    if (cut < 0) {
      const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\u00a0'));
      cut = space > 0 ? space + 1 : max;
    }
    const code = text.charCodeAt(start + cut - 1);
    if (cut === max && code >= 0xd800 && code <= 0xdbff) cut--;
    out.push({ start, end: start + cut });
    start += cut;
  }
  out.push({ start, end: text.length });
  return out;
}

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
    const pieces = synthesisPieces(clean);
    const budget = MAX_CLIP_SECONDS * SAMPLE_RATE;
    const parts: Int16Array[] = [];
    const words: HostWord[] = [];
    let samples = 0;
    let sampleRate = SAMPLE_RATE;
    let codePoints = 0;
    for (const { start, end } of pieces) {
      const text = clean.slice(start, end);
      const base = codePoints;
      codePoints += [...text].length;
      if (pieces.length > 1 && !SPEAKABLE.test(text)) continue;
      const m = await this.host.request({ type: 'synth', text, voice, rate: clampRate(opts.rate), maxSamples: budget - samples }, 'audio', opts.signal);
      if (m.truncated) throw new SpeechError('too-long', `it would take more than ${MAX_CLIP_SECONDS / 60} minutes to say in one piece`);
      // Positions and samples of a later piece count from the passage's start.
      for (const w of m.words) words.push({ pos: w.pos + base, len: w.len, sample: w.sample + samples });
      parts.push(m.samples);
      samples += m.samples.length;
      sampleRate = m.sampleRate;
    }
    if (samples === 0) throw new SpeechError('bad-output', 'the speech host returned no audio');
    const all = parts.length === 1 ? parts[0]! : new Int16Array(samples);
    if (parts.length > 1) parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
    const { pcm, trimmed } = trimLeadingSilence({ sampleRate, samples: all });
    const out = resample(pcm, SAMPLE_RATE);
    return { wav: encodeWav(out), duration: durationOf(out), words: wordTimings(clean, words, sampleRate, trimmed), wordsEstimated: false };
  }

  /** The host process, while it runs. */
  liveChildren(): number {
    return this.host.pid ? 1 : 0;
  }

  dispose(): void {
    this.host.dispose();
  }
}
