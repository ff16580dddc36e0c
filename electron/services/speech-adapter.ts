// electron/speech/ (engine choice, clip cache, export) behind the SpeechPort that
// ReaderService uses. A missing engine is reported in listVoices().problem and in each clip
// result, and never stops the app. A found engine is kept; a missing (or hung) one is looked
// for again on later calls, so an engine installed while the app runs is used without a restart.
import type { ClipResult, ExportResult, VoiceList } from '../../core/contract';
import { ClipCache } from '../speech/clip-cache';
import { createSpeechEngine, voiceList, type CreateEngineOptions, type EngineChoice } from '../speech/create-engine';
import { exportPlan } from '../speech/export';
import type { SpeechPort } from './speech-port';

export interface SpeechOptions extends CreateEngineOptions {
  /** After a failed search, wait this long before searching again (default 2 s). */
  retryMs?: number;
}

export function createSpeech(options: SpeechOptions = {}): SpeechPort {
  let choice: Promise<EngineChoice> | null = null;
  let failedAt = 0;
  let cache: ClipCache | null = null;
  let disposed = false;
  const retryMs = options.retryMs ?? 2000;
  const engine = (): Promise<EngineChoice> => {
    if (choice && !(failedAt && Date.now() - failedAt >= retryMs)) return choice;
    const next = createSpeechEngine(options).then((c) => {
      failedAt = c.engine ? 0 : Date.now();
      if (c.engine && disposed) c.engine.dispose();
      return c;
    });
    choice = next;
    return next;
  };
  const noEngine = (c: EngineChoice) => ({ ok: false as const, message: c.problem ?? 'No speech engine is available.' });

  return {
    async listVoices(): Promise<VoiceList> {
      return voiceList(await engine());
    },
    async clip(plan, articleText, rate, index): Promise<ClipResult> {
      const c = await engine();
      if (!c.engine || disposed) return noEngine(c);
      cache ??= new ClipCache({ engine: c.engine });
      cache.setPlan(plan, articleText, rate); // a no-op while the plan and rate stay the same
      return cache.get(index);
    },
    async exportWav(plan, articleText, rate, outPath, onProgress, signal): Promise<ExportResult> {
      const c = await engine();
      if (!c.engine || disposed) return noEngine(c);
      return exportPlan({ engine: c.engine, plan, articleText, rate, outPath, onProgress, ...(signal ? { signal } : {}) });
    },
    cancel() {
      cache?.cancelAll();
    },
    dispose() {
      disposed = true;
      cache?.dispose();
      void choice?.then((c) => c.engine?.dispose());
    },
  };
}
