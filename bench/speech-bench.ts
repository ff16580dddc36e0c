// Speech figures on the service path (parse -> buildPlan -> ClipCache.get), real espeak-ng.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReadingPlan, Voice } from '../core/contract';
import { parseArticle } from '../core/article/parse';
import { buildPlan } from '../core/plan/plan';
import { DEFAULT_SETTINGS } from '../core/settings';
import { ClipCache } from '../electron/speech/clip-cache';
import { createSpeechEngine, voiceList } from '../electron/speech/create-engine';
import { builtHostLauncher } from '../electron/speech/host-entry';
import type { SpeechEngine } from '../electron/speech/engine';
import { LibEspeakEngine } from '../electron/speech/lib-engine';
import { log, max, median, round, sleep } from './stats';

export const SAMPLE = fileURLToPath(new URL('../content/idlib-bloody-week.txt', import.meta.url));

export interface SpeechResult {
  /** Which engine made the clips: "libespeak-ng (speech host)" or "espeak-ng command line". */
  engine: string;
  first_audio_ms: number;
  raw_engine_ms: number;
  first_audio_ratio: number;
  open_ms: number;
  jump_ms: number;
  jump_detail: { from: number; to: number; prefetch_wait_ms: number };
  gap_ms: { median: number; max: number; per_sentence: number[] };
  naive_gap_ms: { median: number; max: number; per_sentence: number[] };
}

/** espeak-ng alone: one process, --stdout, text on stdin like the app. */
export function rawEspeak(text: string, voice: string | null, rate: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const args = ['--stdout', '-s', String(rate), ...(voice ? ['-v', voice] : [])];
    const child = spawn('espeak-ng', args, { stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`espeak-ng exit ${code}`))));
    child.stdin.end(text);
  });
}

function open(voices: readonly Voice[]): { plan: ReadingPlan; text: string; ms: number } {
  const t = performance.now();
  const model = parseArticle(readFileSync(SAMPLE, 'utf8'), { format: 'text' });
  const plan = buildPlan(model, { ...DEFAULT_SETTINGS }, voices);
  return { plan, text: model.text, ms: performance.now() - t };
}

export async function benchSpeech(): Promise<SpeechResult> {
  // The app's engine: the speech host (libespeak-ng) from dist/, as the harness and Electron run it.
  const choice = await createSpeechEngine({ host: builtHostLauncher(fileURLToPath(new URL('../dist', import.meta.url))) });
  if (!choice.engine) throw new Error(`no speech engine: ${choice.problem}`);
  const engine: SpeechEngine = choice.engine;
  const voices = (await voiceList(choice)).voices;
  const rate = DEFAULT_SETTINGS.rate;
  try {
    // --- first audio vs raw engine, alternated, median of 3 -------------------------------
    const first: number[] = [];
    const raw: number[] = [];
    const opens: number[] = [];
    let firstUtterance = '';
    for (let i = 0; i < 3; i++) {
      const { plan, text, ms } = open(voices);
      opens.push(ms);
      const u0 = plan.utterances[0]!;
      firstUtterance = u0.text;
      raw.push(await rawEspeak(u0.text, u0.voice || null, rate));
      await sleep(200);
      const cache = new ClipCache({ engine });
      const t = performance.now(); // "play"
      cache.setPlan(plan, text, rate);
      const r = await cache.get(0);
      first.push(performance.now() - t);
      if (!r.ok) throw new Error(r.message);
      cache.dispose();
      await sleep(300);
    }
    log(`first utterance: ${JSON.stringify(firstUtterance.slice(0, 80))}; first ${first.map((x) => round(x))} raw ${raw.map((x) => round(x))}`);

    // --- jump to next quote while playing --------------------------------------------------
    const { plan, text } = open(voices);
    const us = plan.utterances;
    const nextQuote = (k: number) => us.findIndex((u, i) => i > k && u.kind === 'quote');
    // An utterance whose next quote lies beyond the prefetch window (3 ahead): a real jump.
    let from = us.findIndex((_, k) => nextQuote(k) > k + 3);
    if (from < 0) from = 0;
    const to = nextQuote(from);
    let jump = NaN;
    let wait = 0;
    if (to > 0) {
      const cache = new ClipCache({ engine });
      cache.setPlan(plan, text, rate);
      const cur = await cache.get(from);
      if (!cur.ok) throw new Error(cur.message);
      wait = cur.clip.duration * 1000; // the listener hears utterance `from`; prefetch runs meanwhile
      void cache.get(from + 1); // the player prefetches the next clip once playing
      await sleep(wait);
      const t = performance.now();
      const r = await cache.get(to);
      jump = performance.now() - t;
      if (!r.ok) throw new Error(r.message);
      cache.dispose();
    }
    log(`jump ${from} -> ${to}: ${round(jump)} ms`);
    await sleep(300);

    // --- continuous reading: gaps over the first 15 utterances -------------------------------
    const n = Math.min(15, us.length);
    const gaps: number[] = [];
    {
      const cache = new ClipCache({ engine });
      cache.setPlan(plan, text, rate);
      const first0 = await cache.get(0);
      if (!first0.ok) throw new Error(first0.message);
      let duration = first0.clip.duration;
      for (let i = 1; i < n; i++) {
        // Playing clip i-1: the player asks for clip i as soon as i-1 starts (its prefetch).
        const pending = cache.get(i);
        let readyAt = NaN;
        void pending.then(() => { readyAt = performance.now(); });
        const endAt = performance.now() + duration * 1000;
        await sleep(duration * 1000);
        const r = await pending;
        if (!r.ok) throw new Error(r.message);
        gaps.push(Math.max(0, readyAt - endAt));
        duration = r.clip.duration;
        void cache.get(i); // clip i starts: the player calls getClip(i) again (memory hit) -> prefetch from i
      }
      cache.dispose();
    }
    log(`gaps: ${gaps.map((g) => round(g))}`);
    await sleep(300);
    const naive: number[] = [];
    for (let i = 1; i < n; i++) naive.push(await rawEspeak(us[i]!.text, us[i]!.voice || null, rate));
    log(`naive gaps: ${naive.map((g) => round(g))}`);

    const fa = median(first);
    const rw = median(raw);
    return {
      engine: engine instanceof LibEspeakEngine ? 'libespeak-ng (speech host)' : 'espeak-ng command line',
      first_audio_ms: round(fa),
      raw_engine_ms: round(rw),
      first_audio_ratio: round(fa / rw, 2),
      open_ms: round(median(opens)),
      jump_ms: round(jump),
      jump_detail: { from, to, prefetch_wait_ms: round(wait) },
      gap_ms: { median: round(median(gaps)), max: round(max(gaps)), per_sentence: gaps.map((g) => round(g)) },
      naive_gap_ms: { median: round(median(naive)), max: round(max(naive)), per_sentence: naive.map((g) => round(g)) },
    };
  } finally {
    engine.dispose();
  }
}
