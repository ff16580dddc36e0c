// macOS and Windows, through the `say` package: `say.export` to a temp WAV.
// Never on Linux: there `say` pastes the text into a Festival Scheme command (command
// injection) and its stop() kills pid+2. The constructor refuses, and the package is only
// loaded after that check.

import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Voice } from '../../core/contract';
import { clampRate, sanitizeSpeechText, type SpeechEngine, type Synthesis, type SynthesizeOptions } from './engine';
import { SpeechError } from './process';
import { estimateWordTimings } from './timings';
import { durationOf, encodeWav, normaliseWav, silence, WavError } from './wav';

export const SAY_PLATFORMS: readonly NodeJS.Platform[] = ['darwin', 'win32'];

interface SayInstance {
  child: ChildProcess | null;
  export(text: string, voice: string | null, speed: number, file: string, cb: (err: Error | string | null) => void): void;
  getInstalledVoices(cb: (err: Error | string | null, voices?: string[]) => void): void;
}
type SayModule = { Say: new (platform: string) => SayInstance };

// On Windows `say` builds a PowerShell command line (run through cmd.exe) with the voice
// and file name inside single quotes: only let through characters that cannot end the quote
// or mean anything to cmd.exe. "~" is allowed: Windows often gives %TEMP% as an 8.3 short
// name (C:\Users\JOHNSM~1\...). macOS gets its arguments without a shell: no check there.
const SAFE_VOICE = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,80}$/;
const SAFE_WINDOWS_PATH = /^[A-Za-z0-9 :\\/._~-]+$/;

/**
 * Where Windows speech can write its clip: the first of `candidates` (the temporary folder, then
 * C:\\ProgramData and C:\\Users\\Public, which every user may write to) whose path PowerShell's
 * command line can carry. A user named José has a temporary folder it cannot; null when none can.
 */
export function windowsClipFolder(candidates: readonly (string | undefined)[]): string | null {
  return candidates.find((c): c is string => !!c && SAFE_WINDOWS_PATH.test(`${c}\\article-reader-XXXXXX\\clip.wav`)) ?? null;
}

/** A fresh folder for one Windows clip: in the first folder of windowsClipFolder's list that can be named and written to. */
async function windowsClipDir(temp: string): Promise<string> {
  const candidates = [temp, process.env.ProgramData, process.env.PUBLIC];
  for (let rest = candidates; ; ) {
    const base = windowsClipFolder(rest);
    if (base === null) {
      throw new SpeechError('missing', `Windows speech cannot write its clips to the temporary folder ${temp} (its path has letters or signs PowerShell's command line cannot carry, or it cannot be written to), nor to a shared folder. Set the TEMP variable to a folder such as C:\\Temp, then restart Article Reader.`);
    }
    try {
      return await mkdtemp(join(base, 'article-reader-'));
    } catch {
      // A locked-down machine may refuse ProgramData: try the next folder.
      rest = rest.slice(rest.indexOf(base) + 1);
    }
  }
}

/** Gender and language of common system voices, which `say` does not report. */
const KNOWN: Record<string, ['female' | 'male', string]> = {
  Samantha: ['female', 'en-US'], Alex: ['male', 'en-US'], Fred: ['male', 'en-US'], Victoria: ['female', 'en-US'],
  Allison: ['female', 'en-US'], Ava: ['female', 'en-US'], Tom: ['male', 'en-US'], Susan: ['female', 'en-US'],
  Daniel: ['male', 'en-GB'], Kate: ['female', 'en-GB'], Serena: ['female', 'en-GB'], Oliver: ['male', 'en-GB'],
  Karen: ['female', 'en-AU'], Lee: ['male', 'en-AU'], Moira: ['female', 'en-IE'], Tessa: ['female', 'en-ZA'],
  Fiona: ['female', 'en-GB'], Rishi: ['male', 'en-IN'], Veena: ['female', 'en-IN'],
  'Microsoft David Desktop': ['male', 'en-US'], 'Microsoft Zira Desktop': ['female', 'en-US'],
  'Microsoft Mark': ['male', 'en-US'], 'Microsoft Hazel Desktop': ['female', 'en-GB'],
  'Microsoft George': ['male', 'en-GB'], 'Microsoft Susan': ['female', 'en-GB'],
};

export interface SayEngineOptions {
  platform?: NodeJS.Platform;
  timeoutMs?: number;
  tempDir?: string;
}

export class SayEngine implements SpeechEngine {
  readonly name = 'say';
  private readonly platform: NodeJS.Platform;
  private readonly live = new Set<ChildProcess>();
  private mod: Promise<SayModule> | null = null;
  private disposed = false;

  constructor(private readonly opts: SayEngineOptions = {}) {
    this.platform = opts.platform ?? process.platform;
    // Check the host too: a `platform` option must not smuggle say onto a Linux machine.
    for (const p of new Set([this.platform, process.platform])) {
      if (!SAY_PLATFORMS.includes(p)) throw new Error(`The say engine is not allowed on ${p}: it is unsafe outside macOS and Windows.`);
    }
  }

  private load(): Promise<SayModule> {
    this.mod ??= import('say').then((m) => ((m as { default?: unknown }).default ?? m) as SayModule);
    return this.mod;
  }

  async listVoices(): Promise<Voice[]> {
    const names = this.platform === 'darwin' ? await macVoices() : (await this.windowsVoices()).map((name) => ({ name, language: undefined }));
    return names
      .filter((n) => SAFE_VOICE.test(n.name))
      .map((n) => ({ id: n.name, name: n.name, language: n.language ?? KNOWN[n.name]?.[1] ?? 'en', gender: KNOWN[n.name]?.[0] ?? null, engine: this.name }));
  }

  private async windowsVoices(): Promise<string[]> {
    const say = await this.load();
    return new Promise((resolve, reject) => {
      new say.Say(this.platform).getInstalledVoices((err, v) => (err ? reject(new Error(String(err))) : resolve((v ?? []).map((n) => n.trim()))));
    });
  }

  async synthesize(text: string, opts: SynthesizeOptions): Promise<Synthesis> {
    if (this.disposed) throw new SpeechError('disposed', 'speech engine was shut down');
    const clean = sanitizeSpeechText(text);
    if (!/\S/.test(clean)) {
      const pcm = silence(50);
      return { wav: encodeWav(pcm), duration: durationOf(pcm), words: [], wordsEstimated: true };
    }
    // macOS passes the text as an argument, where a leading "-" would be an option, and obeys
    // [[embedded commands]] in it. Word times are estimated on `clean`, so this may shift.
    const spoken = this.platform === 'darwin' ? ` ${clean.replace(/\[\[/g, '[ [')}` : asciiFold(clean);
    const voice = opts.voice && SAFE_VOICE.test(opts.voice) ? opts.voice : null;
    const temp = this.opts.tempDir ?? tmpdir();
    const dir = this.platform === 'win32' ? await windowsClipDir(temp) : await mkdtemp(join(temp, 'article-reader-'));
    const file = join(dir, 'clip.wav');
    try {
      const say = await this.load();
      const instance = new say.Say(this.platform);
      await this.run(instance, spoken, voice, clampRate(opts.rate) / 175, file, opts.signal);
      let pcm;
      try {
        pcm = normaliseWav(await readFile(file));
      } catch (e) {
        if (e instanceof WavError || (e as NodeJS.ErrnoException).code === 'ENOENT') throw new SpeechError('bad-output', `say gave unusable audio: ${(e as Error).message}`);
        throw e;
      }
      return { wav: encodeWav(pcm), duration: durationOf(pcm), words: estimateWordTimings(clean, pcm), wordsEstimated: true };
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }

  /** One `Say` instance per job, so `instance.child` is this job's own process handle. */
  private run(instance: SayInstance, text: string, voice: string | null, speed: number, file: string, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let child: ChildProcess | null = null;
      let failure: SpeechError | null = null;
      const done = (err: Error | string | null) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (child) this.live.delete(child);
        if (failure) reject(failure);
        else if (err) reject(new SpeechError('crashed', `say failed: ${String(err instanceof Error ? err.message : err).trim()}`));
        else resolve();
      };
      const kill = (why: SpeechError) => {
        failure = why;
        if (!child?.pid) return;
        // Windows runs PowerShell under cmd.exe (shell: true): end the whole tree of *this* child.
        if (this.platform === 'win32') execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], () => {});
        else child.kill('SIGKILL');
      };
      const onAbort = () => kill(new SpeechError(this.disposed ? 'disposed' : 'cancelled', 'cancelled'));
      const timer = setTimeout(() => kill(new SpeechError('timeout', 'say did not finish in time')), this.opts.timeoutMs ?? 30_000 + text.length * 20);
      signal?.addEventListener('abort', onAbort, { once: true });
      instance.export(text, voice, speed, file, done);
      child = instance.child;
      if (child) this.live.add(child);
      if (signal?.aborted) onAbort();
    });
  }

  liveChildren(): number {
    return this.live.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const child of this.live) {
      if (this.platform === 'win32' && child.pid) execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], () => {});
      else child.kill('SIGKILL');
    }
  }
}

/**
 * Windows: `say` pipes the text to PowerShell, which decodes stdin with the console code
 * page, so anything beyond ASCII would be read out as mojibake. Fold to ASCII instead.
 */
export function asciiFold(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″«»]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/…/g, '...')
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/gu, ' ');
}

/** `say -v ?` lines: "Samantha            en_US    # Hello, my name is Samantha." */
function macVoices(): Promise<{ name: string; language?: string }[]> {
  return new Promise((resolve, reject) => {
    execFile('say', ['-v', '?'], { timeout: 10_000 }, (err, stdout) => {
      if (err) return reject(err);
      resolve(
        stdout.split('\n').flatMap((line) => {
          const m = /^(.+?)\s+([a-z]{2,3}[_-][A-Za-z0-9]+)\s+#/.exec(line);
          return m ? [{ name: m[1]!.trim(), language: m[2]!.replace('_', '-') }] : [];
        }),
      );
    });
  });
}
