// Fits electron/speech/ to the SpeechPort that ReaderService uses.
// INTERIM: a minimal espeak-ng port until electron/speech/ exports createSpeechEngine and its
// clip cache; then this file becomes a thin adapter over them.
import { spawn } from 'node:child_process';
import type { Clip, ReadingPlan, Settings, Voice, VoiceList, WordTiming } from '../../core/contract';
import type { ClipSource, SpeechPort } from './speech-port';
import { writeFile } from 'node:fs/promises';

function espeak(args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`espeak-ng exited with ${code}`))));
    child.stdin.end(input ?? '');
  });
}

function wavSeconds(wav: Buffer): number {
  const rate = wav.readUInt32LE(24);
  const bytesPerSec = wav.readUInt32LE(28);
  void rate;
  return Math.max(0, wav.length - 44) / bytesPerSec;
}

function estimateWords(text: string, start: number, duration: number): WordTiming[] {
  const words: WordTiming[] = [];
  for (const m of text.matchAll(/\S+/g)) words.push({ start: start + m.index, end: start + m.index + m[0].length, time: 0 });
  const total = text.length || 1;
  for (const w of words) w.time = ((w.start - start) / total) * duration;
  return words;
}

export function createSpeech(): SpeechPort {
  const synth = async (plan: ReadingPlan, settings: Settings, index: number): Promise<Clip> => {
    const u = plan.utterances[index]!;
    const text = u.text.replace(/[\0-\x1f]/g, ' ');
    const wav = await espeak(['--stdout', '-s', String(settings.rate), '-v', u.voice || 'en-gb', '--stdin'], text);
    const duration = wavSeconds(wav);
    return { utterance: index, wav: new Uint8Array(wav), duration, rate: settings.rate, words: estimateWords(text, u.start, duration), wordsEstimated: true };
  };
  return {
    async listVoices(): Promise<VoiceList> {
      const out = (await espeak(['--voices=en'])).toString('utf8');
      const voices: Voice[] = out.split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter((c) => c.length >= 5)
        .map((c) => ({ id: c[1]!, name: c[3]!, language: c[1]!, gender: c[2]!.endsWith('F') ? 'female' : c[2]!.endsWith('M') ? 'male' : null, engine: 'espeak-ng' }));
      return { engine: 'espeak-ng', voices, problem: null };
    },
    clips(plan, settings): ClipSource {
      const cache = new Map<number, Promise<Clip>>();
      const get = (i: number) => {
        let p = cache.get(i);
        if (!p) cache.set(i, (p = synth(plan, settings, i)));
        return p;
      };
      return {
        get(i) {
          for (let j = i + 1; j < Math.min(plan.utterances.length, i + 3); j++) void get(j).catch(() => undefined);
          return get(i);
        },
        dispose() { cache.clear(); },
      };
    },
    async exportWav(plan, settings, file, onProgress) {
      const total = plan.utterances.length;
      let seconds = 0;
      const parts: Buffer[] = [];
      for (let i = 0; i < total; i++) {
        const c = await synth(plan, settings, i);
        parts.push(Buffer.from(c.wav).subarray(44));
        seconds += c.duration;
        onProgress(i + 1, total);
      }
      const first = total ? Buffer.from((await synth(plan, settings, 0)).wav).subarray(0, 44) : Buffer.alloc(44);
      const data = Buffer.concat(parts);
      first.writeUInt32LE(36 + data.length, 4);
      first.writeUInt32LE(data.length, 40);
      await writeFile(file, Buffer.concat([first, data]));
      return { seconds };
    },
  };
}
