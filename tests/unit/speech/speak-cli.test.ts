import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleModel, ReadingPlan } from '../../../core/contract';
import { runSpeak, SPEAK_USAGE, type SpeakDeps } from '../../../electron/cli/speak';
import { readCues, wavDuration } from '../../../electron/speech/wav';
import { hasEspeak, samplePlan, tempDir } from './helpers';

function capture(isTTY = false) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => { out.stdout += s; }, stderr: (s: string) => { out.stderr += s; }, isTTY } };
}

// The article parser and planner belong to others; these tests fix them to a known plan.
const { text, plan } = samplePlan();
const model = { format: 'text', title: null, byline: null, text, blocks: [], sentences: [], quotes: [], speakers: [] } as ArticleModel;
const fixed: Partial<SpeakDeps> = {
  loadArticle: async (path) => (existsSync(path) ? { ok: true, model, notices: [] } : { ok: false, message: `Cannot read ${path}: it does not exist.` }),
  buildPlan: (_m, settings): ReadingPlan => ({ ...plan, utterances: plan.utterances.map((u) => ({ ...u, voice: settings.voice ?? u.voice })) }),
};

describe('speak command: usage', () => {
  it('exits 2 with usage text on bad usage', async () => {
    for (const argv of [[], ['article.txt'], ['--out'], ['--out', 'a.wav'], ['--out', 'a.wav', 'x', 'y'], ['--bogus', '--out', 'a.wav', 'x'], ['--out', 'a.wav', '--rate', 'fast', 'x'], ['--out', 'a.wav', '--rate', '9000', 'x']]) {
      const { out, io } = capture();
      expect(await runSpeak(argv, io, fixed), argv.join(' ')).toBe(2);
      expect(out.stderr).toMatch(/^speak: .+\n\nUsage: speak --out FILE\.wav/);
      expect(out.stdout).toBe('');
    }
  });

  it('prints usage for --help', async () => {
    const { out, io } = capture();
    expect(await runSpeak(['--help'], io, fixed)).toBe(0);
    expect(out.stdout).toBe(SPEAK_USAGE);
  });

  it('exits 1 with the install hint when there is no engine', async () => {
    const { out, io } = capture();
    const problem = 'No speech engine found. Install espeak-ng: sudo apt install espeak-ng';
    const code = await runSpeak(['--out', 'a.wav', 'x.txt'], io, { ...fixed, createEngine: async () => ({ engine: null, problem }) });
    expect(code).toBe(1);
    expect(out.stderr).toBe(`speak: ${problem}\n`);
  });
});

describe.skipIf(!hasEspeak)('speak command (real espeak-ng)', () => {
  it('writes the WAV with cue markers; no progress bar when stderr is not a terminal', async () => {
    const dir = tempDir();
    const article = join(dir, 'article.txt');
    writeFileSync(article, text);
    const file = join(dir, 'out.wav');
    const { out, io } = capture(false);
    expect(await runSpeak(['--out', file, '--rate', '250', '--voice', 'en-us', article], io, fixed)).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Wrote .*out\.wav \(0:\d\d, 8 passages\)\n$/);
    const wav = new Uint8Array(readFileSync(file));
    expect(wavDuration(wav)).toBeGreaterThan(5);
    expect(readCues(wav).length).toBe(5);
  });

  it('draws a progress bar on a terminal', async () => {
    const dir = tempDir();
    const article = join(dir, 'a.txt');
    writeFileSync(article, text);
    const { out, io } = capture(true);
    expect(await runSpeak(['speak', `--out=${join(dir, 'o.wav')}`, article], io, fixed)).toBe(0);
    expect(out.stderr).toMatch(/^\r\[-+\]\s+0% 0\/8.*\r\[#{30}\] 100% 8\/8\n$/s);
  });

  it('exits 1 with one line for a missing article, 2 for an unknown voice', async () => {
    const dir = tempDir();
    let c = capture();
    expect(await runSpeak(['--out', join(dir, 'o.wav'), join(dir, 'nope.txt')], c.io, fixed)).toBe(1);
    expect(c.out.stderr).toMatch(/^speak: Cannot read .*nope\.txt: it does not exist\.\n$/);
    writeFileSync(join(dir, 'a.txt'), text);
    c = capture();
    expect(await runSpeak(['--out', join(dir, 'o.wav'), '--voice', 'Samantha', join(dir, 'a.txt')], c.io, fixed)).toBe(2);
    expect(c.out.stderr).toMatch(/^speak: Unknown voice "Samantha"\. Voices include: en-gb, en-us/);
    expect(existsSync(join(dir, 'o.wav'))).toBe(false);
  });

  it('works end to end with the real article loader and planner', async () => {
    const dir = tempDir();
    const article = join(dir, 'a.md');
    writeFileSync(article, '# Night shift\n\nThe ward was quiet. “We carry on,” said Dr Sara Khan.\n');
    const { out, io } = capture();
    const code = await runSpeak(['--out', join(dir, 'o.wav'), article], io);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(wavDuration(new Uint8Array(readFileSync(join(dir, 'o.wav'))))).toBeGreaterThan(1);
  });
});
