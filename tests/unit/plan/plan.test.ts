import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import type { Settings, Voice } from '../../../core/contract';
import { buildPlan } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';

const sample = parseArticle(readFileSync(new URL('../../../content/idlib-bloody-week.txt', import.meta.url), 'utf8'));
// The shape espeak-ng's voice list takes (see electron/speech/espeak.ts): base voices and variants.
const voices: Voice[] = ['en-gb', 'en-us', 'en-gb-scotland'].flatMap((base) => [
  { id: base, name: base, language: base === 'en-us' ? 'en-US' : 'en-GB', gender: 'male' as const, engine: 'espeak-ng' },
  ...[1, 2, 3].map((n) => ({ id: `${base}+f${n}`, name: `${base} f${n}`, language: base === 'en-us' ? 'en-US' : 'en-GB', gender: 'female' as const, engine: 'espeak-ng' })),
  ...[1, 2, 3].map((n) => ({ id: `${base}+m${n}`, name: `${base} m${n}`, language: base === 'en-us' ? 'en-US' : 'en-GB', gender: 'male' as const, engine: 'espeak-ng' })),
]);
const plan = (patch: Partial<Settings> = {}, model = sample) => buildPlan(model, { ...DEFAULT_SETTINGS, ...patch }, voices);
const labels = (p = plan()) => p.utterances.filter((u) => u.kind === 'label').map((u) => u.text);

describe('reading plan for the sample article', () => {
  it('labels the pronoun-attributed quotes (the mother, Professor Nott)', () => {
    expect(labels()).toContain("Khalid's mother:");
    expect(labels()).toContain('Professor David Nott OBE:');
  });

  it('does not repeat a label right after "Dr Ahmad Tarakji, president of SAMS, said:"', () => {
    const u = plan().utterances;
    const i = u.findIndex((x) => x.kind === 'quote' && x.text.startsWith('The airstrikes'));
    expect(u[i - 1]!.kind).toBe('narration');
    expect(u[i - 1]!.text).toBe('Dr Ahmad Tarakji, president of SAMS, said:');
    expect(labels()).not.toContain('Dr Ahmad Tarakji:');
  });

  it('labels a quote again when it resumes after narration', () => {
    const u = plan().utterances;
    const i = u.findIndex((x) => x.kind === 'quote' && x.text.startsWith('We must do all we can'));
    expect(u[i - 1]!.kind).toBe('label');
    expect(u[i - 1]!.text).toBe('Hamish de Bretton-Gordon:');
    expect(u[i - 2]!.kind).toBe('narration');
  });

  it('gives each of the five speakers a stable voice different from the narrator and from each other', () => {
    const p = plan();
    const speakerVoices = Object.values(p.speakerVoices);
    expect(speakerVoices).toHaveLength(5);
    expect(new Set(speakerVoices).size).toBe(5);
    expect(speakerVoices).not.toContain(p.narratorVoice);
    expect(plan().speakerVoices).toEqual(p.speakerVoices);
    const mother = sample.speakers.find((s) => s.name.includes('mother'))!;
    expect(p.speakerVoices[mother.id]).toMatch(/\+f\d$/);
    for (const u of p.utterances.filter((x) => x.kind === 'quote')) expect(u.voice).toBe(p.speakerVoices[u.speakerId!]);
    for (const u of p.utterances.filter((x) => x.kind !== 'quote')) expect(u.voice).toBe(p.narratorVoice);
  });

  it('keeps partial quotes in the narrator voice inside their sentence unless asked', () => {
    const government = (q = plan()) => q.utterances.find((u) => u.text.includes('stop the horror'))!;
    expect(government().kind).toBe('narration');
    expect(government().text).toContain('to stop the horror and senseless attacks and help those suffering.');
    const switched = plan({ voicePartialQuotes: true });
    expect(government(switched).kind).toBe('quote');
    expect(government(switched).text).toBe('stop the horror and senseless attacks');
  });

  it('ties every utterance to a range of the text it highlights', () => {
    for (const u of plan().utterances) {
      expect(u.end).toBeGreaterThan(u.start);
      if (u.kind !== 'label') expect(sample.text.slice(u.start, u.end).replace(/["“”]/g, '').replace(/\s+/g, ' ').trim()).toBe(u.text);
      else expect(u.quote !== null || u.cue !== undefined, 'a label introduces a quote, or is a caption cue').toBe(true);
    }
  });
});

describe('verbosity', () => {
  it('off: no labels at all', () => expect(labels(plan({ verbosity: 'off' }))).toEqual([]));
  it('always: a label before every quote start and resumption, more than smart', () => {
    const always = labels(plan({ verbosity: 'always' }));
    expect(always).toContain('Dr Ahmad Tarakji:');
    expect(always.length).toBeGreaterThan(labels().length);
    const quoteStarts = new Set(plan().utterances.filter((u) => u.kind === 'quote').map((u) => u.quote)).size;
    expect(always.length).toBeGreaterThanOrEqual(quoteStarts);
  });
});

describe('captions and credits', () => {
  it('reads captions without credits by default, credits when asked, neither when captions are off', () => {
    const kinds = (p: ReturnType<typeof plan>) => p.utterances.filter((u) => u.kind === 'caption');
    expect(kinds(plan()).map((u) => u.text)).toEqual([
      "Khaled, who's five-years-old, was rescued from under the rubble of his home.",
      "Khaled's mum talks to the doctor at a hospital in Idlib.",
    ]);
    const withCredits = kinds(plan({ readCredits: true }));
    expect(withCredits.filter((u) => u.credit).map((u) => u.text)).toEqual(['Credit: ITV News', 'Credit: ITV News']);
    expect(kinds(plan({ readCaptions: false }))).toEqual([]);
  });
});

describe('voice casting', () => {
  it('per-speaker voices off: everyone in the narrator voice', () => {
    const p = plan({ speakerVoices: false });
    expect(new Set(p.utterances.map((u) => u.voice))).toEqual(new Set([p.narratorVoice]));
  });
  it('honours the chosen narrator voice and still keeps speakers distinct from it', () => {
    const p = plan({ voice: 'en-us' });
    expect(p.narratorVoice).toBe('en-us');
    expect(Object.values(p.speakerVoices)).not.toContain('en-us');
  });
  it('with no voices installed, a plan still comes out with the default voice', () => {
    const p = buildPlan(sample, DEFAULT_SETTINGS, []);
    expect(p.utterances.length).toBeGreaterThan(30);
    expect(new Set(p.utterances.map((u) => u.voice))).toEqual(new Set(['default']));
  });
  it('earcons mark the first and last utterance of each voiced quote', () => {
    const u = plan({ earcons: true }).utterances;
    const starts = u.filter((x) => x.earconBefore).length;
    const ends = u.filter((x) => x.earconAfter).length;
    expect(starts).toBe(5);
    expect(ends).toBe(5);
    expect(plan().utterances.some((x) => x.earconBefore || x.earconAfter)).toBe(false);
  });
});
