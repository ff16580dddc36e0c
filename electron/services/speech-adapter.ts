// electron/speech/ (engine choice, clip cache, export) behind the SpeechPort that
// ReaderService uses. The engine is probed once, lazily: a missing engine is reported in
// listVoices().problem and in each clip result, and never stops the app.
import type { ClipResult, ExportResult, VoiceList } from '../../core/contract';
import { ClipCache } from '../speech/clip-cache';
import { createSpeechEngine, voiceList, type EngineChoice } from '../speech/create-engine';
import { exportPlan } from '../speech/export';
import type { SpeechPort } from './speech-port';

export function createSpeech(): SpeechPort {
  let choice: Promise<EngineChoice> | null = null;
  let cache: ClipCache | null = null;
  let disposed = false;
  const engine = () => (choice ??= createSpeechEngine());
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
    dispose() {
      disposed = true;
      cache?.dispose();
      void choice?.then((c) => c.engine?.dispose());
    },
  };
}
