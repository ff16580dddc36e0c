import type { ArticleModel, Settings, Voice } from '../contract';

export interface Cast {
  narratorVoice: string;
  speakerVoices: Record<string, string>;
  /** For quotes nobody could be found to have said: distinct from the narrator, shared. */
  unattributedVoice: string;
}

/** Engines with no voice list (or none installed) still get a plan: the engine picks its default. */
export const DEFAULT_VOICE = 'default';

const primaryLanguage = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * One narrator voice; each speaker a distinct voice of the narrator's language, matched to
 * the speaker's gender where both are known, in order of first appearance so a given article
 * always sounds the same.
 */
export function castVoices(model: ArticleModel, settings: Settings, voices: readonly Voice[]): Cast {
  const english = voices.filter((v) => primaryLanguage(v.language) === 'en');
  const narrator =
    voices.find((v) => v.id === settings.voice) ??
    english.find((v) => /^en[-_]gb$/i.test(v.language) && !v.id.includes('+')) ??
    english[0] ??
    voices[0];
  const narratorVoice = narrator?.id ?? settings.voice ?? DEFAULT_VOICE;
  const speakerVoices: Record<string, string> = {};
  if (!narrator || !settings.speakerVoices) {
    for (const s of model.speakers) speakerVoices[s.id] = narratorVoice;
    return { narratorVoice, speakerVoices, unattributedVoice: narratorVoice };
  }
  const pool = voices.filter((v) => v.id !== narrator.id && primaryLanguage(v.language) === primaryLanguage(narrator.language));
  if (pool.length === 0) {
    for (const s of model.speakers) speakerVoices[s.id] = narratorVoice;
    return { narratorVoice, speakerVoices, unattributedVoice: narratorVoice };
  }
  const used = new Set<string>();
  const pick = (gender: Voice['gender']): string => {
    const fresh = pool.filter((v) => !used.has(v.id));
    const choice = (gender ? fresh.find((v) => v.gender === gender) : undefined) ?? fresh.find((v) => v.gender !== null && v.gender !== narrator.gender) ?? fresh[0];
    // More speakers than voices: reuse, in order, rather than fall back to the narrator.
    const voice = choice ?? pool[used.size % pool.length]!;
    used.add(voice.id);
    return voice.id;
  };
  for (const s of model.speakers) speakerVoices[s.id] = pick(s.gender);
  const unattributed = pool.filter((v) => !used.has(v.id)).pop() ?? pool[pool.length - 1]!;
  return { narratorVoice, speakerVoices, unattributedVoice: unattributed.id };
}
