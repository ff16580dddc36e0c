// The speech host process with the real libespeak-ng (forked from source through tsx), and
// stand-in hosts and engines that hang: real processes, counted in /proc, never mocks.
import { getEventListeners } from 'node:events';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { buildPlan } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { createSpeech } from '../../../electron/services/speech-adapter';
import { ClipCache } from '../../../electron/speech/clip-cache';
import { SpeechError } from '../../../electron/speech/engine';
import { forkLauncher, SpeechHost, type HostProcess } from '../../../electron/speech/host-client';
import { sourceHostLauncher } from '../../../electron/speech/host-entry';
import { codePointOffsets, LibEspeakEngine, MAX_PIECE_CHARS, synthesisPieces, wordTimings } from '../../../electron/speech/lib-engine';
import { wordRanges } from '../../../electron/speech/timings';
import { decodeWav } from '../../../electron/speech/wav';
import { descendants, espeakLibraryPath, eventually, fakeEngine, hasEspeak, longPlan, running, tempDir } from './helpers';

const libPath = espeakLibraryPath();
if (!libPath) console.warn('speech host tests skipped: libespeak-ng.so.1 is not installed (Debian/Ubuntu: sudo apt install libespeak-ng1)');
const SAMPLE = new URL('../../../content/idlib-bloody-week.txt', import.meta.url);
/** Runs `use` with an engine on a fresh host from source, and shuts the host down after. */
async function withHostEngine(use: (engine: LibEspeakEngine, host: SpeechHost) => Promise<void>): Promise<void> {
  const host = new SpeechHost(sourceHostLauncher(), { startMs: 20_000 });
  const engine = new LibEspeakEngine(host);
  try {
    await use(engine, host);
  } finally {
    engine.dispose();
  }
}
const words = (text: string, timings: readonly { start: number; end: number }[]) => timings.map((w) => text.slice(w.start, w.end));

describe('word positions from the library', () => {
  it('counts code points, as the library does, and maps them back to UTF-16 ranges', () => {
    const text = 'Emoji 😀 then café';
    expect(codePointOffsets(text)).toHaveLength([...text].length + 1);
    // The library reports "then" at code point 8 (0-based): after the emoji, which is two UTF-16 units.
    const w = wordTimings(text, [{ pos: 0, len: 5, sample: 0 }, { pos: 8, len: 4, sample: 22050 }, { pos: 8, len: 4, sample: 30000 }, { pos: 13, len: 4, sample: 44100 }], 22050, 0.5);
    expect(words(text, w)).toEqual(['Emoji', 'then', 'café']);
    expect(w.map((x) => x.time)).toEqual([0, 0.5, 1.5]);
  });

  it('widens each event to the word on screen and drops pieces of a word already highlighted', () => {
    // What libespeak-ng 1.51 reports for this text: "four" for "four-year-old", "3.5" then ".5 ", "U" for "U.S.".
    const text = "four-year-old, 3.5 U.S. dollars";
    const w = wordTimings(text, [{ pos: 0, len: 4, sample: 0 }, { pos: 15, len: 3, sample: 100 }, { pos: 16, len: 3, sample: 200 }, { pos: 19, len: 1, sample: 300 }, { pos: 24, len: 7, sample: 400 }], 100, 0);
    expect(words(text, w)).toEqual(['four-year-old', '3.5', 'U.S', 'dollars']);
    expect(w.map((x) => x.time)).toEqual([0, 1, 3, 4]);
  });

  it('gives words the library runs together a time between their neighbours', () => {
    // libespeak-ng reports no event for "are" in "There are half".
    const text = 'There are half';
    const w = wordTimings(text, [{ pos: 0, len: 5, sample: 0 }, { pos: 10, len: 4, sample: 1000 }], 1000, 0);
    expect(words(text, w)).toEqual(['There', 'are', 'half']);
    expect(w[1]!.time).toBeGreaterThan(0.5);
    expect(w[1]!.time).toBeLessThan(1);
  });
});

describe.skipIf(!libPath)('speech host (real libespeak-ng)', () => {
  it('speaks the sample article with exact word events that map to the right words', () => withHostEngine(async (engine) => {
    const model = parseArticle(readFileSync(SAMPLE, 'utf8'));
    const plan = buildPlan(model, DEFAULT_SETTINGS, await engine.listVoices());
    const cache = new ClipCache({ engine, ahead: 0 });
    cache.setPlan(plan, model.text, 175);
    const spoken = plan.utterances.filter((u) => u.kind !== 'label').slice(0, 12);
    for (const u of spoken) {
      const r = await cache.get(u.index);
      if (!r.ok) throw new Error(r.message);
      expect(r.clip.wordsEstimated).toBe(false);
      // Each highlight is a whole word of this utterance (it starts where a word starts), in
      // reading order, and together they cover the letters on screen.
      const ranges = r.clip.words;
      const letter = /[\p{L}\p{N}\p{S}]/u;
      for (const [i, w] of ranges.entries()) {
        expect(w.start, u.text).toBeGreaterThanOrEqual(u.start);
        expect(w.end, u.text).toBeLessThanOrEqual(u.end);
        expect(letter.test(model.text[w.start]!) && !letter.test(model.text[w.start - 1] ?? ' '), `${model.text.slice(w.start, w.end)} in ${u.text}`).toBe(true);
        if (i > 0) expect(w.start).toBeGreaterThanOrEqual(ranges[i - 1]!.end);
        if (i > 0) expect(w.time).toBeGreaterThan(ranges[i - 1]!.time);
      }
      const letters = [...model.text.slice(u.start, u.end).matchAll(/[\p{L}\p{N}]/gu)].map((m) => m.index + u.start);
      const covered = letters.filter((at) => ranges.some((w) => at >= w.start && at < w.end));
      expect(covered.length / letters.length, u.text).toBeGreaterThan(0.95);
      expect(wordRanges(model.text.slice(u.start, u.end)).length).toBeGreaterThan(0);
      expect(r.clip.words.at(-1)!.time).toBeLessThan(r.clip.duration);
      // Leading silence trimmed: sound starts within 10 ms of the clip start.
      const pcm = decodeWav(r.clip.wav);
      expect(pcm.samples.findIndex((s) => Math.abs(s) > 300)).toBeLessThan(0.01 * pcm.sampleRate);
    }
  }), 120_000);

  it('leaves no abort listener on a signal shared by many requests once they are done (an export\'s hundreds of passages)', () => withHostEngine(async (engine) => {
    const signal = new AbortController().signal;
    for (let i = 0; i < 12; i++) await engine.synthesize(`Passage ${i}.`, { voice: 'en-gb', rate: 175, signal });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  }), 60_000);

  it('reads [[phonemes]] and SSML as the characters on screen', () => withHostEngine(async (engine) => {
    const voice = { voice: 'en-gb', rate: 175 };
    const literal = await engine.synthesize("Say [[h@l'oU]] now.", voice);
    const hello = await engine.synthesize('Say hello now.', voice);
    // Interpreted, the brackets would say "hello" in the same time as the plain word; read as
    // shown, the engine spells out the characters inside them, each a word of its own.
    expect(words("Say [[h@l'oU]] now.", literal.words)).toEqual(['Say', 'h', "l'oU", 'now']);
    expect(literal.duration).toBeGreaterThan(hello.duration * 1.4);
    const ssml = '<speak>Hi <break time="3s"/> there</speak>';
    const tags = await engine.synthesize(ssml, voice);
    expect(words(ssml, tags.words)).toEqual(expect.arrayContaining(['speak', 'Hi', 'break', 'time', 'there']));
  }), 60_000);

  it('survives hostile text: control characters, embedded commands, 1 MB of combining marks', () => withHostEngine(async (engine, host) => {
    expect(await engine.probe()).toBeNull();
    const pid = host.pid;
    for (const text of ['a\u0001V en-us b\u0001B1 c', 'NUL\u0000 bell\u0007 escape\u001b[31m red', 'lone \ud83d surrogate']) {
      const s = await engine.synthesize(text, { voice: 'en-gb', rate: 250 });
      expect(s.duration, JSON.stringify(text)).toBeGreaterThan(0.2);
    }
    const marks = 'a' + '\u0301'.repeat(500_000);
    const s = await engine.synthesize(marks, { voice: 'en-gb', rate: 175 });
    expect(s.duration).toBeGreaterThan(0.1);
    // Still the same host, still speaking.
    expect(host.pid).toBe(pid);
    expect((await engine.synthesize('Still here.', { voice: 'en-gb', rate: 175 })).duration).toBeGreaterThan(0.5);
  }), 120_000);

  it('a host killed mid-article is started again and speaks the same sentence', () => withHostEngine(async (engine, host) => {
    const { text, plan } = longPlan(6);
    const long = Array(60).fill('The minister said the hospital had been struck three times in a single week.').join(' ');
    plan.utterances[3] = { ...plan.utterances[3]!, text: long };
    const cache = new ClipCache({ engine, ahead: 0 });
    cache.setPlan(plan, text, 175);
    for (let i = 0; i < 3; i++) expect((await cache.get(i)).ok).toBe(true);
    const first = host.pid!;
    const pending = cache.get(3);
    // Kill it while it works on sentence 3 (the library is synthesising minutes of audio).
    await new Promise((r) => setTimeout(r, 150));
    process.kill(first, 'SIGKILL');
    const r = await pending;
    if (!r.ok) throw new Error(r.message);
    expect(r.clip.utterance).toBe(3);
    expect(r.clip.duration).toBeGreaterThan(60);
    expect(host.starts).toBe(2);
    expect(host.pid).not.toBe(first);
    expect(running(first)).toBe(false);
    expect((await cache.get(4)).ok).toBe(true);
  }), 120_000);
});

/** A stand-in host: answers like the real one, then hangs on synthesis after starting a child of its own. */
function hangingHost(dir: string): string {
  const script = join(dir, 'hanging-host.cjs');
  writeFileSync(script, `
    const { spawn } = require('node:child_process');
    process.on('disconnect', () => process.exit(0));
    process.on('message', (m) => {
      if (m.type === 'voices') return process.send({ id: m.id, type: 'voices', voices: [{ id: 'en-gb', name: 'English', gender: null }] });
      spawn('sleep', ['60'], { stdio: 'ignore' });
      const until = Date.now() + 60000;
      while (Date.now() < until) {} // stuck in the C library, as far as anyone can tell
    });
    process.send({ type: 'ready', version: 'stand-in', sampleRate: 22050 });
  `);
  return script;
}

describe('an engine that hangs or goes away', () => {
  it('a hung host is reported within 5 s and leaves no process behind', async () => {
    const dir = tempDir('hung-host-');
    const host = new SpeechHost(forkLauncher(hangingHost(dir)));
    const engine = new LibEspeakEngine(host);
    expect(await engine.probe()).toBeNull();
    const t0 = Date.now();
    const job = engine.synthesize('Hello there.', { voice: 'en-gb', rate: 175 }).catch((e: unknown) => e);
    let tree: { pid: number; comm: string }[] = [];
    await eventually(() => (tree = descendants(host.pid)).some((p) => p.comm === 'sleep'));
    const pids = [host.pid!, ...tree.map((p) => p.pid)];
    expect(tree.map((p) => p.comm)).toContain('sleep');
    const err = await job;
    expect(err).toBeInstanceOf(SpeechError);
    expect((err as SpeechError).kind).toBe('timeout');
    expect((err as SpeechError).message).toMatch(/stopped responding/);
    expect(Date.now() - t0).toBeLessThan(5000);
    // The host and the child it started are gone: the whole process group was killed.
    expect(await eventually(() => pids.every((p) => !running(p)))).toBe(true);
    engine.dispose();
  }, 30_000);

  it.skipIf(!hasEspeak)('a hung command-line engine is reported within 5 s; Escape ends an engine and its children at once', async () => {
    const dir = tempDir('hung-cli-');
    // `sleep` as a child of the shell (no exec): killing only the direct child would leave it running.
    const speech = createSpeech({ command: fakeEngine(dir, 'sleep 60; true'), host: null });
    const { text, plan } = longPlan(3);
    const before = new Set(descendants().map((p) => p.pid));
    const started = () => descendants().filter((p) => !before.has(p.pid));
    try {
      const t0 = Date.now();
      const hung = speech.clip(plan, text, 175, 0);
      let tree: { pid: number; comm: string }[] = [];
      await eventually(() => (tree = started()).some((p) => p.comm === 'sleep'));
      const r = await hung;
      expect(r).toEqual({ ok: false, message: expect.stringMatching(/did not respond.*no output for 3 s/) });
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(await eventually(() => tree.every((p) => !running(p.pid)))).toBe(true);

      // Stop (Escape) while the engine works: cancelled, and its process group ends now.
      const pending = speech.clip(plan, text, 175, 1);
      await eventually(() => (tree = started()).some((p) => p.comm === 'sleep'));
      expect(tree.length).toBeGreaterThanOrEqual(2);
      speech.cancel();
      expect(await pending).toEqual({ ok: false, message: 'Speech was cancelled.' });
      expect(await eventually(() => tree.every((p) => !running(p.pid)), 1000)).toBe(true);
    } finally {
      speech.dispose();
    }
  }, 30_000);

  it.skipIf(!hasEspeak)('an engine installed while the app runs is used without a restart', async () => {
    const dir = tempDir('late-engine-');
    const command = join(dir, 'espeak-ng');
    const speech = createSpeech({ command, host: null, retryMs: 0, osRelease: 'ID=debian\n' });
    const { text, plan } = longPlan(2);
    try {
      expect(await speech.listVoices()).toMatchObject({ engine: null, problem: expect.stringMatching(/apt install espeak-ng/) });
      expect(await speech.clip(plan, text, 175, 0)).toMatchObject({ ok: false });
      symlinkSync(spawnPath('espeak-ng'), command);
      expect((await speech.listVoices()).engine).toBe('espeak-ng');
      expect((await speech.clip(plan, text, 175, 0)).ok).toBe(true);
    } finally {
      speech.dispose();
    }
  }, 30_000);

  it.skipIf(!libPath)('a speech library that appears while the app runs is used without a restart', async () => {
    const dir = tempDir('late-lib-');
    const lib = join(dir, 'libespeak-ng.so.1');
    // No command-line engine either: only the library can speak here.
    const speech = createSpeech({ host: sourceHostLauncher([`--espeak-lib=${lib}`]), hostOptions: { startMs: 20_000 }, command: join(dir, 'no-espeak'), retryMs: 0 });
    const { text, plan } = longPlan(2);
    try {
      expect((await speech.listVoices()).engine).toBeNull();
      symlinkSync(libPath!, lib);
      const list = await speech.listVoices();
      expect(list.engine).toBe('espeak-ng');
      const r = await speech.clip(plan, text, 175, 0);
      if (!r.ok) throw new Error(r.message);
      expect(r.clip.wordsEstimated).toBe(false); // the library's word events, not the command line's estimate
    } finally {
      speech.dispose();
    }
  }, 60_000);
});

function spawnPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      readFileSync(join(dir, name));
      return join(dir, name);
    } catch { /* next */ }
  }
  throw new Error(`${name} is not on PATH`);
}

// The library blocks the host's event loop for a whole synthesis. Is a heartbeat sent from
// inside it seen by the app? With child_process.fork, yes (below). Electron's utilityProcess
// has never run here, so long passages are synthesised in bounded pieces, which stay far
// inside the watchdog's limit even when no heartbeat gets through.
describe('long passages and the watchdog', () => {
  it('cuts a long passage after a sentence or clause, else at a space, never inside a surrogate pair, covering it in order', () => {
    const sentence = 'The minister said the hospital had been struck three times in a single week. ';
    const text = sentence.repeat(20);
    const pieces = synthesisPieces(text, 200);
    expect(pieces.map((p) => text.slice(p.start, p.end)).join('')).toBe(text);
    for (const p of pieces.slice(0, -1)) {
      expect(p.end - p.start).toBeLessThanOrEqual(200);
      expect(text.slice(p.start, p.end)).toMatch(/week\. $/);
    }
    // No sentence end in reach: after a comma, else a space.
    const clauses = 'first, second, third, fourth and so on without a full stop at all '.repeat(10);
    for (const p of synthesisPieces(clauses, 100).slice(0, -1)) expect(clauses.slice(p.start, p.end)).toMatch(/, $/);
    const words = 'word '.repeat(100);
    for (const p of synthesisPieces(words, 52).slice(0, -1)) expect(words.slice(p.start, p.end)).toMatch(/word $/);
    // No space at all: cut at the limit, but not between the halves of an emoji.
    const emoji = 'x' + '😀'.repeat(30);
    const cut = synthesisPieces(emoji, 10);
    expect(cut.map((p) => emoji.slice(p.start, p.end)).join('')).toBe(emoji);
    for (const p of cut) expect(emoji.slice(p.start, p.end)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    expect(synthesisPieces('Short.', 200)).toEqual([{ start: 0, end: 6 }]);
  });

  it.skipIf(!libPath)('speaks a passage of several minutes in pieces no longer than the limit, with no heartbeat seen, on one host; its words still map onto the passage', async () => {
    const requests: number[] = [];
    let heartbeats = 0;
    const launch = sourceHostLauncher();
    // A transport that delivers nothing while a synthesis runs: every heartbeat is dropped.
    const deaf = (): HostProcess => {
      const p = launch();
      return {
        get pid() { return p.pid; },
        send: (r) => { if (r.type === 'synth') requests.push(r.text.length); p.send(r); },
        onMessage: (f) => p.onMessage((m) => { if (m.type === 'alive') heartbeats++; else f(m); }),
        onExit: (f) => p.onExit(f),
        kill: () => p.kill(),
      };
    };
    const host = new SpeechHost(deaf, { startMs: 20_000 });
    const engine = new LibEspeakEngine(host);
    try {
      const passage = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1}: the council said that 1,250 families, 37 schools and the hospital on Main Street were without power.`).join(' ');
      const s = await engine.synthesize(passage, { voice: 'en-gb', rate: 175 });
      expect(host.starts).toBe(1);
      expect(requests.length).toBeGreaterThanOrEqual(Math.ceil(passage.length / MAX_PIECE_CHARS));
      expect(Math.max(...requests)).toBeLessThanOrEqual(MAX_PIECE_CHARS);
      expect(s.duration).toBeGreaterThan(120);
      // Every word of the passage in order, with times that only go forward across the cuts.
      const said = words(passage, s.words);
      expect(said.filter((w) => w === 'council')).toHaveLength(40);
      expect(said.at(-1)).toBe('power');
      for (let i = 1; i < s.words.length; i++) expect(s.words[i]!.time).toBeGreaterThanOrEqual(s.words[i - 1]!.time);
      expect(s.words.at(-1)!.time).toBeLessThan(s.duration);
      console.log(`long passage: ${requests.length} host calls, ${heartbeats} heartbeats dropped, ${s.duration.toFixed(1)} s of audio`);
    } finally {
      engine.dispose();
    }
  }, 120_000);

  it('over child_process.fork, heartbeats sent while the host is stuck in a synchronous call reach the watchdog', async () => {
    const dir = tempDir('busy-host-');
    const script = join(dir, 'busy-host.cjs');
    // Like the library: 2.5 s inside one synchronous call, a heartbeat every 200 ms from inside it.
    writeFileSync(script, `
      process.on('disconnect', () => process.exit(0));
      process.on('message', (m) => {
        const until = Date.now() + 2500;
        let beat = Date.now();
        while (Date.now() < until) {
          if (Date.now() - beat >= 200) { beat = Date.now(); process.send({ type: 'alive', id: m.id }); }
        }
        process.send({ id: m.id, type: 'audio', samples: new Int16Array(22050), sampleRate: 22050, words: [], truncated: false, voiceFound: true });
      });
      process.send({ type: 'ready', version: 'stand-in', sampleRate: 22050 });
    `);
    // A 1 s stall limit: without the heartbeats getting through, this call would be killed as hung.
    const host = new SpeechHost(forkLauncher(script), { stallMs: 1000 });
    try {
      const m = await host.request({ type: 'synth', text: 'x', voice: 'en-gb', rate: 175, maxSamples: 22050 }, 'audio');
      expect(m.samples.length).toBe(22050);
      expect(host.starts).toBe(1);
    } finally {
      host.dispose();
    }
  }, 30_000);
});
