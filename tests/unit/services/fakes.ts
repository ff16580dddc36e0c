// Fakes for ReaderService tests: an in-process loader, a speech port that records calls, and
// a planner (one utterance per paragraph) so these tests do not depend on core/ progress.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ArticleModel, Clip, ReadingPlan, Settings, Utterance, Voice } from '../../../core/contract';
import type { ArticleLoader, LoadResult } from '../../../electron/services/article-loader';
import type { Dialogs } from '../../../electron/services/reader-service';
import type { SpeechPort } from '../../../electron/services/speech-port';

export function fakeModel(source: string): ArticleModel {
  const text = source.trim().split(/\n\s*\n/).map((p) => p.trim()).join('\n\n');
  let at = 0;
  const blocks = text.split('\n\n').map((t, index) => {
    const b = { index, kind: 'paragraph' as const, text: t, start: at, end: at + t.length, sentences: [index] };
    at += t.length + 2;
    return b;
  });
  return { format: 'text', title: null, byline: null, text, blocks, sentences: blocks.map((b) => ({ index: b.index, block: b.index, text: b.text, start: b.start, end: b.end })), quotes: [], speakers: [] };
}

export function fakePlan(model: ArticleModel, settings: Settings, voices: readonly Voice[]): ReadingPlan {
  const voice = settings.voice ?? voices[0]?.id ?? 'default';
  const utterances: Utterance[] = model.blocks.map((b, index) => ({
    index, kind: 'narration', text: b.text, speakerId: null, voice, block: b.index, sentence: b.index, quote: null, start: b.start, end: b.end,
  }));
  return { narratorVoice: voice, speakerVoices: {}, utterances };
}

const decode = (name: string, bytes: Uint8Array): LoadResult => {
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return { ok: false, message: `${name} is empty` };
  return { ok: true, model: fakeModel(text), notices: [] };
};

export function fakeLoader(): ArticleLoader & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async loadFile(path) {
      calls.push(path);
      try {
        return decode(basename(path), await readFile(path));
      } catch {
        return { ok: false, message: `${basename(path)} could not be read` };
      }
    },
    async loadBytes(name, bytes) {
      calls.push(`bytes:${name}`);
      return decode(name, bytes);
    },
    async loadPaste(html, text) {
      calls.push('paste');
      return decode('Pasted article', new TextEncoder().encode(text ?? html ?? ''));
    },
    async loadBlocks(blocks) {
      calls.push('blocks');
      return { ok: true, model: fakeModel(blocks.map((b) => b.text).join('\n\n')), notices: [] };
    },
  };
}

export interface FakeSpeech extends SpeechPort {
  synthesized: { text: string; rate: number }[];
  disposed: number;
  cancelled: number;
  exported: string[];
  fail: boolean;
}

export function fakeSpeech(): FakeSpeech {
  const speech: FakeSpeech = {
    synthesized: [],
    disposed: 0,
    cancelled: 0,
    exported: [],
    fail: false,
    async listVoices() {
      return { engine: 'fake', voices: [{ id: 'v1', name: 'Voice one', language: 'en-GB', gender: null, engine: 'fake' }], problem: null };
    },
    async clip(plan, _text, rate, index) {
      if (speech.fail) throw new Error('engine broke');
      const u = plan.utterances[index]!;
      speech.synthesized.push({ text: u.text, rate });
      const clip: Clip = { utterance: index, wav: new Uint8Array([82, 73, 70, 70, index]), duration: 1, rate, words: [], wordsEstimated: true };
      return { ok: true, clip };
    },
    async exportWav(plan, _text, _rate, path, onProgress) {
      speech.exported.push(path);
      plan.utterances.forEach((_, i) => onProgress(i + 1, plan.utterances.length));
      return { ok: true, path, seconds: plan.utterances.length };
    },
    cancel() {
      speech.cancelled++;
    },
    dispose() {
      speech.disposed++;
    },
  };
  return speech;
}

export function fakeDialogs(): Dialogs & { open: (string | null)[]; save: (string | null)[] } {
  const d = {
    open: [] as (string | null)[],
    save: [] as (string | null)[],
    openArticle: async () => d.open.shift() ?? null,
    saveAudio: async () => d.save.shift() ?? null,
  };
  return d;
}
