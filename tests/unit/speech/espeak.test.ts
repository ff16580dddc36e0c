import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeClip, synthesizeWithRetry } from '../../../electron/speech/clip';
import { sanitizeSpeechText, SpeechError } from '../../../electron/speech/engine';
import { EspeakEngine, parseVoiceTable } from '../../../electron/speech/espeak';
import { decodeWav, parseWavHeader, wavDuration } from '../../../electron/speech/wav';
import { childStates, fakeEngine, hasEspeak, hasSox, soxDuration, soxRoughFrequency, tempDir } from './helpers';
import type { Utterance } from '../../../core/contract';

const SENTENCE = 'The minister said the hospital had been struck three times in a single week, and that doctors were working without power or clean water while the shelling continued through the night.';
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('sanitizeSpeechText', () => {
  it('keeps length and replaces control characters and lone surrogates', () => {
    const dirty = 'a\u0000b\u0007c\nd\te\u001bf\ud800g 😀';
    const clean = sanitizeSpeechText(dirty);
    expect(clean.length).toBe(dirty.length);
    expect(clean).toBe('a b c d e f\ufffdg 😀');
  });
});

describe('parseVoiceTable', () => {
  it('keeps espeak voices and drops MBROLA and variant rows', () => {
    const table = [
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)',
      ' 3  en-uk           --/M      english-mb-en1     mb/mb-en1            (en-gb 3)(en 2)',
      ' 5  variant         --/M      Storm              !v/Storm             (en-us 5)',
      ' 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)',
      ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
    ].join('\n');
    expect(parseVoiceTable(table)).toEqual([
      { id: 'en-gb', name: 'English (Great Britain)', gender: 'male' },
      { id: 'en-us', name: 'English (America)', gender: 'male' },
    ]);
  });
});

describe.skipIf(!hasEspeak)('EspeakEngine (real espeak-ng)', () => {
  it('lists English voices with female and male variants', async () => {
    const engine = new EspeakEngine();
    const voices = await engine.listVoices();
    const ids = voices.map((v) => v.id);
    expect(ids).toContain('en-gb');
    expect(ids).toContain('en-us+m4');
    expect(voices.find((v) => v.id === 'en-gb+f3')).toMatchObject({ language: 'en-GB', gender: 'female', engine: 'espeak-ng' });
    expect(voices.find((v) => v.id === 'en-us+m2')).toMatchObject({ language: 'en-US', gender: 'male' });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.startsWith('mb-') || id === 'variant')).toBe(false);
  });

  it('writes a 22050 Hz mono 16-bit WAV of plausible length, as soxi measures it', async () => {
    const engine = new EspeakEngine();
    const s = await engine.synthesize(SENTENCE, { voice: 'en-gb', rate: 175 });
    expect(parseWavHeader(s.wav)).toMatchObject({ format: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16 });
    const expected = (words(SENTENCE) / 175) * 60;
    expect(s.duration).toBeGreaterThan(expected * 0.6);
    expect(s.duration).toBeLessThan(expected * 1.6);
    expect(wavDuration(s.wav)).toBeCloseTo(s.duration, 5);
    if (hasSox) {
      const file = join(tempDir(), 'sentence.wav');
      writeFileSync(file, s.wav);
      expect(soxDuration(file)).toBeCloseTo(s.duration, 3);
    }
    // Estimated word times: one per word, in order, inside the clip.
    expect(s.wordsEstimated).toBe(true);
    expect(s.words).toHaveLength(words(SENTENCE));
    expect(SENTENCE.slice(s.words[0]!.start, s.words[0]!.end)).toBe('The');
    for (let i = 1; i < s.words.length; i++) expect(s.words[i]!.time).toBeGreaterThan(s.words[i - 1]!.time);
    expect(s.words.at(-1)!.time).toBeLessThan(s.duration);
    expect(engine.liveChildren()).toBe(0);
  });

  it('changes speed, not pitch, with the rate', async () => {
    const engine = new EspeakEngine();
    const slow = await engine.synthesize(SENTENCE, { voice: 'en-us', rate: 120 });
    const fast = await engine.synthesize(SENTENCE, { voice: 'en-us', rate: 300 });
    const ratio = slow.duration / fast.duration;
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(3.2);
    if (hasSox) {
      const dir = tempDir();
      writeFileSync(join(dir, 'slow.wav'), slow.wav);
      writeFileSync(join(dir, 'fast.wav'), fast.wav);
      const a = soxRoughFrequency(join(dir, 'slow.wav'));
      const b = soxRoughFrequency(join(dir, 'fast.wav'));
      expect(Math.abs(a - b) / a).toBeLessThan(0.15);
    }
  });

  it('reads hostile text as text: audio out, no file created, no command run', async () => {
    const dir = tempDir('hostile-');
    const hostile = [
      `x") (system "touch ${dir}/p") ("`,
      `$(touch ${dir}/x)`,
      `\`touch ${dir}/y\``,
      `; touch ${dir}/z; echo | touch ${dir}/z2 && touch ${dir}/z3`,
      'back\\slash \\\\ \\n \\x41 \\',
      '--help',
      `-w ${dir}/evil.wav`,
      `--stdout -w ${dir}/evil2.wav`,
      `<speak><audio src="file://${dir}/a.wav"/><break time="9s"/></speak>`,
      'NUL\u0000 bell\u0007 escape\u001b[31m red \u0085 \u2028 end',
      'Emoji 😀👩🏽‍⚕️🇸🇾 and lone \ud83d surrogate, RTL עברית العربية, 中文.',
      '"Quotes" \'single\' “curly” ‘more’',
    ];
    const engine = new EspeakEngine();
    for (const text of hostile) {
      const s = await engine.synthesize(text, { voice: 'en-gb', rate: 250 });
      expect(parseWavHeader(s.wav).sampleRate, text).toBe(22050);
      expect(s.duration, text).toBeGreaterThan(0.2);
    }
    // The markup was spoken, not obeyed: no 9-second break, and it takes as long as its words.
    const markup = await engine.synthesize(hostile[8]!, { voice: 'en-gb', rate: 250 });
    expect(markup.duration).toBeGreaterThan(2);
    expect(markup.duration).toBeLessThan(9);
    // A leading option is read out, not acted on: it is spoken like any other words.
    const help = await engine.synthesize('--help', { voice: 'en-gb', rate: 175 });
    expect(decodeWav(help.wav).samples.some((v) => Math.abs(v) > 1000)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    for (const name of ['p', 'x', 'y', 'z', 'evil.wav']) expect(existsSync(join(dir, name))).toBe(false);
    expect(existsSync(join(process.cwd(), 'evil.wav'))).toBe(false);
    expect(engine.liveChildren()).toBe(0);
  });

  it('reads [[phonemes]] as the characters shown, though the command line would take them as phonemes', async () => {
    const engine = new EspeakEngine();
    const literal = await engine.synthesize("Say [[h@l'oU]] now.", { voice: 'en-gb', rate: 175 });
    const hello = await engine.synthesize('Say hello now.', { voice: 'en-gb', rate: 175 });
    // Taken as phonemes it says "hello" in the same time; read as shown it spells out the characters.
    expect(literal.duration).toBeGreaterThan(hello.duration * 1.4);
  });

  it('falls back to the default English voice for an unknown or unsafe voice id', async () => {
    const engine = new EspeakEngine();
    for (const voice of ['Samantha', '-w /tmp/evil.wav', '', null]) {
      const s = await engine.synthesize('Hello there.', { voice, rate: 175 });
      expect(s.duration).toBeGreaterThan(0.3);
    }
  });

  it('returns a short silence for empty text without starting espeak-ng', async () => {
    let spawned = 0;
    const engine = new EspeakEngine({ onSpawn: () => spawned++ });
    const s = await engine.synthesize(' \n\u0000 ', { voice: 'en-gb', rate: 175 });
    expect(s.duration).toBeLessThan(0.1);
    expect(spawned).toBe(0);
  });

  it('restarts a child killed mid-synthesis; nothing is left running or unreaped', async () => {
    const killed: ChildProcess[] = [];
    const engine = new EspeakEngine({
      onSpawn: (child) => {
        if (child.spawnargs.includes('--stdout') && killed.length === 0) {
          killed.push(child);
          // Mid-synthesis: once audio has started to come out.
          child.stdout!.once('data', () => child.kill('SIGKILL'));
        }
      },
    });
    const text = Array(40).fill(SENTENCE).join(' ');
    const s = await synthesizeWithRetry(engine, text, 'en-gb', 300);
    expect(killed).toHaveLength(1);
    expect(killed[0]!.signalCode).toBe('SIGKILL');
    expect(s.duration).toBeGreaterThan(60);
    expect(engine.liveChildren()).toBe(0);
    expect(existsSync(`/proc/${killed[0]!.pid}`)).toBe(false);
    expect(childStates().filter((l) => l.trim().startsWith('Z'))).toEqual([]);
  });

  it('without retries, a killed child is a clear crash error', async () => {
    const engine = new EspeakEngine({ onSpawn: (child) => { if (child.spawnargs.includes('--stdout')) child.kill('SIGKILL'); } });
    const err = await engine.synthesize(SENTENCE, { voice: 'en-gb', rate: 175 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpeechError);
    expect((err as SpeechError).kind).toBe('crashed');
    expect((err as SpeechError).message).toMatch(/killed by SIGKILL/);
  });

  it('times out a hanging engine and kills it by its handle', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'exec sleep 30'), timeoutMs: 400 });
    const t0 = Date.now();
    const err = await engine.synthesize('Hello.', { voice: 'en-gb', rate: 175 }).catch((e: unknown) => e);
    expect((err as SpeechError).kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000); // not the 30 s of the sleep
    expect(engine.liveChildren()).toBe(0);
    // A hang is reported at once, in one clear message, without a second silent try.
    let spawned = 0;
    const counted = new EspeakEngine({ command: fakeEngine(dir, 'exec sleep 30'), timeoutMs: 400, onSpawn: (c) => { if (c.spawnargs.includes('--stdout')) spawned++; } });
    const u: Utterance = { index: 4, kind: 'narration', text: 'Hello.', speakerId: null, voice: 'en-gb', block: 0, sentence: 0, quote: null, start: 0, end: 6 };
    const r = await synthesizeClip(counted, u, 'Hello.', 175, { attempts: 3 });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/did not respond: fake-espeak-ng did not finish within 0\.4 s/) });
    expect(spawned).toBe(1);
    expect(counted.liveChildren()).toBe(0);
  });

  it('does not wait for a grandchild that keeps the pipes open', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'sleep 8'), timeoutMs: 300 });
    const t0 = Date.now();
    const err = await engine.synthesize('Hello.', { voice: 'en-gb', rate: 175 }).catch((e: unknown) => e);
    expect((err as SpeechError).kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(6000); // the orphaned sleep holds the pipe for 8 s
    expect(engine.liveChildren()).toBe(0);
  });

  it('retries garbage output and a crash, then succeeds with the real engine', async () => {
    const dir = tempDir();
    const count = join(dir, 'count');
    // 1st call: garbage; 2nd: crash by signal; 3rd: real espeak-ng.
    const script = `n=$(cat ${count} 2>/dev/null || echo 0); echo $((n+1)) > ${count}; ` +
      `if [ "$n" = 0 ]; then echo "this is not a wav"; exit 0; fi; if [ "$n" = 1 ]; then kill -SEGV $$; fi; exec espeak-ng "$@"`;
    const engine = new EspeakEngine({ command: fakeEngine(dir, script) });
    const s = await synthesizeWithRetry(engine, SENTENCE, 'en-gb', 175, { attempts: 3 });
    expect(s.duration).toBeGreaterThan(3);
    expect(engine.liveChildren()).toBe(0);
  });

  it('gives up on garbage after the set number of tries', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'printf "RIFF\\0\\0\\0\\0WAVEjunkjunk"; exit 0') });
    const err = await synthesizeWithRetry(engine, SENTENCE, 'en-gb', 175, { attempts: 3 }).catch((e: unknown) => e);
    expect((err as SpeechError).kind).toBe('bad-output');
    expect((err as SpeechError).message).toMatch(/unusable audio/);
  });

  it('reports a missing binary as missing, without retrying', async () => {
    let spawned = 0;
    const engine = new EspeakEngine({ command: join(tempDir(), 'no-such-espeak'), onSpawn: () => spawned++ });
    expect(await engine.probe()).toMatch(/ENOENT|no-such-espeak/);
    const err = await synthesizeWithRetry(engine, 'Hello.', 'en-gb', 175).catch((e: unknown) => e);
    expect((err as SpeechError).kind).toBe('missing');
  });

  it('dispose() kills all live children and refuses new work', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'exec sleep 30'), timeoutMs: 20_000 });
    const jobs = [1, 2, 3].map(() => engine.synthesize('Hello.', { voice: 'en-gb', rate: 175 }).catch((e: unknown) => e));
    while (engine.liveChildren() < 3) await new Promise((r) => setTimeout(r, 10));
    engine.dispose();
    const errors = await Promise.all(jobs);
    expect(errors.map((e) => (e as SpeechError).kind)).toEqual(['disposed', 'disposed', 'disposed']);
    expect(engine.liveChildren()).toBe(0);
    const late = await engine.synthesize('Hello.', { voice: 'en-gb', rate: 175 }).catch((e: unknown) => e);
    expect((late as SpeechError).kind).toBe('disposed');
  });

  it('cancels through an AbortSignal', async () => {
    const dir = tempDir();
    const engine = new EspeakEngine({ command: fakeEngine(dir, 'exec sleep 30'), timeoutMs: 20_000 });
    const ac = new AbortController();
    const job = engine.synthesize('Hello.', { voice: 'en-gb', rate: 175, signal: ac.signal }).catch((e: unknown) => e);
    while (engine.liveChildren() < 1) await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    expect(((await job) as SpeechError).kind).toBe('cancelled');
    expect(engine.liveChildren()).toBe(0);
  });
});
