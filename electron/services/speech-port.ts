import type { ClipResult, ExportResult, ReadingPlan, VoiceList } from '../../core/contract';

/**
 * What ReaderService needs from speech. speech-adapter.ts fits electron/speech/ (engine, clip
 * cache, WAV export) to it; unit tests use a fake.
 */
export interface SpeechPort {
  listVoices(): Promise<VoiceList>;
  /** Audio for one utterance of `plan`; synthesises the next few ahead. Never rejects. */
  clip(plan: ReadingPlan, articleText: string, rate: number, index: number): Promise<ClipResult>;
  /** `signal` aborts a running export (the result is then `{ok:false, cancelled:true}`). */
  exportWav(plan: ReadingPlan, articleText: string, rate: number, outPath: string, onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<ExportResult>;
  /** Stop (Escape): drops queued synthesis and ends the engine processes working on it, with their children. */
  cancel(): void;
  /** Kill running engine processes (quit). */
  dispose(): void;
}
