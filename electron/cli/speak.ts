// `speak --out FILE.wav [--rate WPM] [--voice V] ARTICLE`: the whole article as one WAV file,
// with cue markers per paragraph and quote.

import type { ArticleModel, ReadingPlan, Settings, Voice } from '../../core/contract';
import { buildPlan } from '../../core/plan/plan';
import { DEFAULT_SETTINGS, RATE_MAX, RATE_MIN } from '../../core/settings';
import { loadArticleSource } from '../articles/load-article';
import { createSpeechEngine, type EngineChoice } from '../speech/create-engine';
import { sourceHostLauncher } from '../speech/host-entry';
import { exportPlan } from '../speech/export';

export interface SpeakIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  isTTY: boolean;
}

/** What runSpeak uses from the rest of the app; tests replace parts. */
export interface SpeakDeps {
  loadArticle(path: string): Promise<{ ok: true; model: ArticleModel; notices: string[] } | { ok: false; message: string }>;
  buildPlan(model: ArticleModel, settings: Settings, voices: readonly Voice[]): ReadingPlan;
  createEngine(): Promise<EngineChoice>;
}

const defaultDeps: SpeakDeps = { loadArticle: loadArticleSource, buildPlan, createEngine: () => createSpeechEngine({ host: sourceHostLauncher() }) };

export const SPEAK_USAGE = `Usage: speak --out FILE.wav [--rate WPM] [--voice VOICE] ARTICLE

Reads ARTICLE (plain text or Markdown) aloud into one WAV file, with a distinct voice per
quoted speaker and a cue marker at each paragraph and quote.

  --out FILE.wav   where to write the audio (required)
  --rate WPM       words per minute, ${RATE_MIN} to ${RATE_MAX} (default ${DEFAULT_SETTINGS.rate})
  --voice VOICE    narrator voice id, e.g. en-gb or en-us+f3 (default: the engine's English voice)
`;

type Parsed = { help: true } | { help?: false; out: string; rate: number | null; voice: string | null; article: string };

function parseArgs(argv: readonly string[]): Parsed | string {
  const args = argv[0] === 'speak' ? argv.slice(1) : [...argv];
  let out: string | null = null;
  let rate: number | null = null;
  let voice: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') { files.push(...args.slice(i + 1)); break; }
    if (arg === '-h' || arg === '--help') return { help: true };
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--out' || name === '-o' || name === '--rate' || name === '--voice') {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') return `${name} needs a value.`;
      if (name === '--rate') {
        rate = Number(value);
        if (!/^\d+(\.\d+)?$/.test(value) || rate < RATE_MIN || rate > RATE_MAX) return `--rate must be words per minute from ${RATE_MIN} to ${RATE_MAX}, not "${value}".`;
      } else if (name === '--voice') voice = value;
      else out = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `Unknown option ${arg}.`;
    } else {
      files.push(arg);
    }
  }
  if (!out) return 'Missing --out FILE.wav.';
  if (files.length !== 1) return files.length ? 'Give exactly one ARTICLE.' : 'Missing ARTICLE.';
  return { out, rate, voice, article: files[0]! };
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const pct = total ? Math.round((done / total) * 100) : 100;
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total}`;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

export async function runSpeak(argv: string[], io: SpeakIo, deps: Partial<SpeakDeps> = {}): Promise<number> {
  const use = { ...defaultDeps, ...deps };
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.stderr(`speak: ${parsed}\n\n${SPEAK_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(SPEAK_USAGE);
    return 0;
  }

  const choice = await use.createEngine();
  if (!choice.engine) {
    io.stderr(`speak: ${choice.problem ?? 'No speech engine is available.'}\n`);
    return 1;
  }
  const engine = choice.engine;
  try {
    const loaded = await use.loadArticle(parsed.article);
    if (!loaded.ok) {
      io.stderr(`speak: ${loaded.message}\n`);
      return 1;
    }
    for (const notice of loaded.notices) io.stderr(`speak: note: ${notice}\n`);

    const voices = await engine.listVoices().catch(() => [] as Voice[]);
    if (parsed.voice !== null && voices.length && !voices.some((v) => v.id === parsed.voice)) {
      const some = voices.filter((v) => !v.id.includes('+')).map((v) => v.id).join(', ');
      io.stderr(`speak: Unknown voice "${parsed.voice}". Voices include: ${some} (add +f1..+f4 or +m1..+m4 for variants).\n`);
      return 2;
    }
    const settings: Settings = { ...DEFAULT_SETTINGS, rate: Math.round(parsed.rate ?? DEFAULT_SETTINGS.rate), voice: parsed.voice };
    const plan = use.buildPlan(loaded.model, settings, voices);
    if (!plan.utterances.length) {
      io.stderr(`speak: There is nothing to read in ${parsed.article}.\n`);
      return 1;
    }

    let drawn = false;
    const result = await exportPlan({
      engine, plan, articleText: loaded.model.text, rate: settings.rate, outPath: parsed.out,
      onProgress: io.isTTY ? (done, total) => { drawn = true; io.stderr(progressBar(done, total)); } : undefined,
    });
    if (drawn) io.stderr('\n');
    if (!result.ok) {
      io.stderr(`speak: ${'message' in result ? result.message : 'Cancelled.'}\n`);
      return 1;
    }
    io.stdout(`Wrote ${result.path} (${clock(result.seconds)}, ${plan.utterances.length} passages)\n`);
    return 0;
  } catch (e) {
    io.stderr(`speak: ${(e as Error).message}\n`);
    return 1;
  } finally {
    engine.dispose();
  }
}
