import type { Clip, ReadingPlan, Settings, VoiceList } from '../../core/contract';

/** Audio for one reading plan; synthesises a few utterances ahead of the one asked for. */
export interface ClipSource {
  get(index: number): Promise<Clip>;
  /** Stop background synthesis (the plan changed or the document was dropped). */
  dispose(): void;
}

/**
 * What ReaderService needs from speech. electron/speech/ provides the engines; the adapter in
 * speech-adapter.ts fits them to this, and tests use a fake.
 */
export interface SpeechPort {
  listVoices(): Promise<VoiceList>;
  clips(plan: ReadingPlan, settings: Settings): ClipSource;
  exportWav(plan: ReadingPlan, settings: Settings, file: string, onProgress: (done: number, total: number) => void): Promise<{ seconds: number }>;
}
