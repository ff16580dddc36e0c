import type { ArticleModel, ReadingPlan, Settings, Voice } from '../contract';

/** Article model + settings + installed voices -> the utterances to speak, in order. */
export function buildPlan(model: ArticleModel, settings: Settings, voices: readonly Voice[]): ReadingPlan {
  void model; void settings; void voices;
  return { narratorVoice: '', speakerVoices: {}, utterances: [] };
}
