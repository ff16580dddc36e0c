// Text aimed at the speech engine, end to end: article file -> loader -> model -> plan ->
// ReaderService.getClip -> real espeak-ng (createSpeech + ClipCache). Audio comes out and
// nothing in the text becomes a command, an option, or markup (no marker file is created).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReadingPlan } from '../../../core/contract';
import { createDirectLoader } from '../../../electron/services/direct-loader';
import { ReaderService } from '../../../electron/services/reader-service';
import { createSpeech } from '../../../electron/services/speech-adapter';
import { ClipCache } from '../../../electron/speech/clip-cache';
import { EspeakEngine } from '../../../electron/speech/espeak';
import { hasEspeak } from '../speech/helpers';

const run = randomUUID().slice(0, 8);
const marker = (what: string) => `/tmp/hardening-${run}-${what}`;
const MARKERS = ['festival', 'shell', 'backtick', 'evil.wav', 'ssml.wav'].map(marker);
const made: string[] = [];
afterAll(async () => {
  for (const m of MARKERS) await rm(m, { force: true });
  for (const d of made) await rm(d, { recursive: true, force: true });
});

const PROSE = 'The council met again on Tuesday and agreed the plan for the new bridge. ';
const ARTICLE = [
  'Injection attempts',
  `He typed x") (system "touch ${marker('festival')}") (" into the form.`,
  `<speak><audio src="file:///etc/passwd"/><break time="10s"/></speak> was pasted too.`,
  `-w ${marker('evil.wav')}`,
  `Then $(touch ${marker('shell')}) and \`touch ${marker('backtick')}\` and; touch ${marker('shell')} | tee ${marker('shell')}`,
  `--stdout -w ${marker('ssml.wav')} -m`,
  // Past the loader's 8 KB binary sniff, so NUL and control characters reach the parser.
  PROSE.repeat(130).trim(),
  'Bell\u0007 escape\u001b[31m red NUL\u0000 back\u0008space form\u000cfeed end.',
].join('\n\n');

describe.skipIf(!hasEspeak)('hostile text through the article pipeline to espeak-ng', () => {
  it('speaks every utterance of a hostile article and creates no files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hardening-speech-'));
    made.push(dir);
    const path = join(dir, 'injection.txt');
    await writeFile(path, ARTICLE);
    const speech = createSpeech();
    const service = await ReaderService.create({
      userDataDir: dir,
      contentDir: join(dir, 'none'),
      loader: createDirectLoader(),
      speech,
      dialogs: { openArticle: async () => path, saveAudio: async () => null },
    });
    try {
      const opened = await service.openFileDialog();
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      const { plan, model, docId } = opened.article;
      // The hostile strings reached the plan intact (bar control characters, now spaces).
      const spoken = model.text;
      expect(spoken).toContain(`x") (system "touch ${marker('festival')}") ("`);
      expect(spoken).toContain('<speak><audio src="file:///etc/passwd"/>');
      expect(spoken).toContain(`-w ${marker('evil.wav')}`);
      expect(spoken).toContain(`$(touch ${marker('shell')})`);
      expect(model.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);

      const hostile = plan.utterances.filter((u) => /touch|speak|-w |Bell|--stdout|system/.test(u.text));
      expect(hostile.length).toBeGreaterThanOrEqual(5);
      for (const u of hostile) {
        const r = await service.getClip(docId, u.index);
        expect(r.ok, `${u.text}: ${r.ok ? '' : r.message}`).toBe(true);
        if (!r.ok) continue;
        expect(Buffer.from(r.clip.wav.subarray(0, 4)).toString('latin1')).toBe('RIFF');
        expect(r.clip.duration).toBeGreaterThan(0.3);
      }
      // The SSML was read as text, not obeyed: no 10 s break, and the words took time to say.
      const ssml = hostile.find((u) => u.text.includes('<speak>'))!;
      const ssmlClip = await service.getClip(docId, ssml.index);
      expect(ssmlClip.ok && ssmlClip.clip.duration).toBeGreaterThan(1.5);
    } finally {
      await service.close();
    }
    for (const m of MARKERS) expect(existsSync(m), m).toBe(false);
  }, 120_000);

  it('ClipCache with a plan carrying raw NUL and control characters (no parser in front) still gets audio', async () => {
    const engine = new EspeakEngine();
    const cache = new ClipCache({ engine, ahead: 0 });
    const texts = [
      `a\u0000b\u0007c -w ${marker('evil.wav')} \u001b]0;title\u0007 end`,
      `-w ${marker('evil.wav')}`,
      `x") (system "touch ${marker('festival')}") ("`,
    ];
    let at = 0;
    const articleText = texts.join('\n\n');
    const plan: ReadingPlan = {
      narratorVoice: 'en-gb', speakerVoices: {},
      utterances: texts.map((text, index) => {
        const u = { index, kind: 'narration' as const, text, speakerId: null, voice: 'en-gb', block: index, sentence: index, quote: null, start: at, end: at + text.length };
        at += text.length + 2;
        return u;
      }),
    };
    try {
      cache.setPlan(plan, articleText, 175);
      for (const u of plan.utterances) {
        const r = await cache.get(u.index);
        expect(r.ok, r.ok ? '' : r.message).toBe(true);
        expect(r.ok && r.clip.duration).toBeGreaterThan(0.2);
      }
    } finally {
      cache.dispose();
      engine.dispose();
    }
    for (const m of MARKERS) expect(existsSync(m), m).toBe(false);
  }, 60_000);
});
