// espeak-ng's command line: the Linux engine when libespeak-ng cannot be loaded in the speech
// host (lib-engine.ts). Spawned with an argument array (no shell) and the text on stdin, so
// nothing in an article can become an option or a command. No `-m`: markup in article text is
// read as text, never interpreted; and `[[` is broken up (see cliSafeText), because the
// command line always reads `[[...]]` as phonemes.

import type { ChildProcess } from 'node:child_process';
import type { Voice } from '../../core/contract';
import { clampRate, sanitizeSpeechText, type SpeechEngine, type Synthesis, type SynthesizeOptions } from './engine';
import { ChildSet, SpeechError } from './process';
import { estimateWordTimings } from './timings';
import { durationOf, encodeWav, normaliseWav, silence, trimLeadingSilence, WavError } from './wav';

export interface EspeakOptions {
  /** The binary; tests point this at stand-in scripts to exercise process handling. */
  command?: string;
  /** Per synthesis; default 15 s plus 10 ms per character. */
  timeoutMs?: number;
  /** No output for this long: hung (default 3 s, so the listener hears of it within 5 s). */
  stallMs?: number;
  onSpawn?: (child: ChildProcess) => void;
}

const VARIANTS: readonly [string, 'female' | 'male', string][] = [
  ['f1', 'female', 'female 1'], ['f2', 'female', 'female 2'], ['f3', 'female', 'female 3'], ['f4', 'female', 'female 4'],
  ['m1', 'male', 'male 1'], ['m2', 'male', 'male 2'], ['m3', 'male', 'male 3'], ['m4', 'male', 'male 4'],
];

/** Also bars anything that could read as an option, although -v takes the next argument whole. */
const VOICE_ID = /^[a-z0-9][a-z0-9_.-]{0,40}(\+[a-z0-9_]{1,20})?$/i;

/** "en-gb-x-rp" -> "en-GB-x-rp" */
export function bcp47(tag: string): string {
  return tag.split('-').map((p, i) => (i > 0 && p.length === 2 && /^[a-z]+$/i.test(p) ? p.toUpperCase() : p)).join('-');
}

/**
 * Parses `espeak-ng --voices=en`. MBROLA voices (mb/...) are left out: they need a separate
 * binary and voice files that are rarely installed, and fail at synthesis time without them.
 */
export function parseVoiceTable(table: string): { id: string; name: string; gender: 'female' | 'male' | null }[] {
  const seen = new Set<string>();
  const out: { id: string; name: string; gender: 'female' | 'male' | null }[] = [];
  for (const line of table.split('\n').slice(1)) {
    const m = /^\s*\d+\s+(\S+)\s+\S*\/([MF-])\s+(\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const [, lang, g, name, file] = m as unknown as [string, string, string, string, string];
    if (lang === 'variant' || file.startsWith('mb/') || !lang.startsWith('en') || seen.has(lang) || !VOICE_ID.test(lang)) continue;
    seen.add(lang);
    out.push({ id: lang, name: name.replace(/_/g, ' '), gender: g === 'F' ? 'female' : g === 'M' ? 'male' : null });
  }
  return out;
}

/** Same length (word offsets still line up): `[[` becomes ` [`, so `[[h@l'oU]]` is read as the characters shown, not as phonemes. */
export function cliSafeText(text: string): string {
  return sanitizeSpeechText(text).replace(/\[(?=\[)/g, ' ');
}

export const STALL_MS = 3000;

/** Voice list rows -> each voice and its eight variants (the same ids on every espeak-ng path). */
export function withVariants(voices: readonly { id: string; name: string; gender: 'female' | 'male' | null }[], engine: string): Voice[] {
  const out: Voice[] = [];
  for (const v of voices) {
    const language = bcp47(v.id);
    out.push({ id: v.id, name: v.name, language, gender: v.gender, engine });
    for (const [variant, gender, label] of VARIANTS) out.push({ id: `${v.id}+${variant}`, name: `${v.name}, ${label}`, language, gender, engine });
  }
  return out;
}

/** A voice id from `ids` for `voice`: settings may name another engine's voice (synced from a Mac). */
export function pickVoice(voice: string | null, ids: readonly string[] | null): string {
  if (voice && VOICE_ID.test(voice) && (!ids || ids.includes(voice))) return voice;
  return ['en-gb', 'en-us', 'en'].find((id) => ids?.includes(id)) ?? ids?.[0] ?? 'en';
}

export class EspeakEngine implements SpeechEngine {
  readonly name = 'espeak-ng';
  private readonly command: string;
  private readonly children = new ChildSet();
  private voices: Promise<Voice[]> | null = null;

  constructor(private readonly opts: EspeakOptions = {}) {
    this.command = opts.command ?? 'espeak-ng';
    this.children.onSpawn = opts.onSpawn ?? null;
  }

  /** Null when the binary runs; otherwise why not. */
  async probe(): Promise<string | null> {
    try {
      const r = await this.children.run(this.command, ['--version'], { timeoutMs: this.opts.stallMs ?? STALL_MS });
      return r.code === 0 && /espeak/i.test(r.stdout.toString()) ? null : `${this.command} --version failed`;
    } catch (e) {
      return (e as Error).message;
    }
  }

  listVoices(): Promise<Voice[]> {
    this.voices ??= this.children.run(this.command, ['--voices=en'], { timeoutMs: 10_000, stallMs: this.opts.stallMs ?? STALL_MS })
      .then((r) => withVariants(parseVoiceTable(r.stdout.toString('utf8')), this.name));
    this.voices.catch(() => { this.voices = null; });
    return this.voices;
  }

  /** A voice this engine has: settings may name another engine's voice (synced from a Mac). */
  async resolveVoice(voice: string | null): Promise<string> {
    return pickVoice(voice, (await this.listVoices().catch(() => null))?.map((v) => v.id) ?? null);
  }

  async synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis> {
    const clean = cliSafeText(text);
    if (!/\S/.test(clean)) {
      // espeak-ng writes nothing at all (not even a header) for empty input.
      const pcm = silence(50);
      return { wav: encodeWav(pcm), duration: durationOf(pcm), words: [], wordsEstimated: true };
    }
    const voice = await this.resolveVoice(opts.voice);
    const args = ['--stdout', '--stdin', '-b', '1', '-v', voice, '-s', String(clampRate(opts.rate))];
    const timeoutMs = this.opts.timeoutMs ?? 15_000 + clean.length * 10;
    const r = await this.children.run(this.command, args, { input: clean, timeoutMs, stallMs: this.opts.stallMs ?? STALL_MS, signal: opts.signal, maxBytes: 256 << 20 });
    if (r.code !== 0) {
      const why = r.stderr.trim().split('\n').pop() || `exit code ${r.code}`;
      throw new SpeechError('crashed', `${this.name} failed: ${why}`);
    }
    let pcm;
    try {
      pcm = trimLeadingSilence(normaliseWav(r.stdout)).pcm;
    } catch (e) {
      if (e instanceof WavError) throw new SpeechError('bad-output', `${this.name} gave unusable audio: ${e.message}`);
      throw e;
    }
    return { wav: encodeWav(pcm), duration: durationOf(pcm), words: estimateWordTimings(clean, pcm), wordsEstimated: true };
  }

  liveChildren(): number {
    return this.children.count;
  }

  dispose(): void {
    this.children.killAll();
  }
}
