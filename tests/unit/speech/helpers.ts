import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
export const hasEspeak = probe.status === 0;
export const hasSox = spawnSync('soxi', ['-h']).error === undefined;
if (!hasEspeak) console.warn('speech tests skipped: espeak-ng is not installed (Debian/Ubuntu: sudo apt install espeak-ng)');
if (!hasSox) console.warn('sox cross-checks skipped: sox is not installed (sudo apt install sox)');

const made: string[] = [];
export const tempDir = (prefix = 'speech-test-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
// Registered in each test file that imports this module.
afterAll(() => { for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true }); });

/**
 * A stand-in engine binary: a shell script whose synthesis call (the one with --stdout) runs
 * `onSynthesize`; every other call (--version, --voices) goes to the real espeak-ng.
 */
export function fakeEngine(dir: string, onSynthesize: string): string {
  const path = join(dir, 'fake-espeak-ng');
  writeFileSync(path, `#!/bin/sh\ncase "$*" in\n  *--stdout*) ${onSynthesize} ;;\n  *) exec espeak-ng "$@" ;;\nesac\n`);
  chmodSync(path, 0o755);
  return path;
}

export function soxDuration(file: string): number {
  return Number(spawnSync('soxi', ['-D', file], { encoding: 'utf8' }).stdout.trim());
}

export function soxRoughFrequency(file: string): number {
  const r = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  return Number(/Rough\s+frequency:\s+(\d+)/.exec(r.stderr)?.[1]);
}

/** States of this process's children, to spot zombies ("Z"). */
export function childStates(): string[] {
  const r = spawnSync('ps', ['-o', 'stat=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.trim() && !/\bps$/.test(l.trim()));
}

import type { ReadingPlan, Utterance } from '../../../core/contract';

/** A small hand-made article and plan: title, narration, a labelled quote with earcons. */
export function samplePlan(voice = 'en-gb'): { text: string; plan: ReadingPlan } {
  const blocks = [
    'Hospitals under fire',
    'Doctors in Idlib say the bombing has not stopped. Three clinics closed this week.',
    '“We have no power and no water,” said Dr Ahmad Tarakji.',
    'The ministry did not respond. Aid groups asked for a ceasefire.',
  ];
  const text = blocks.join('\n\n');
  const at = (s: string) => text.indexOf(s);
  const u: Omit<Utterance, 'index'>[] = [];
  const range = (s: string, kind: Utterance['kind'], block: number, extra: Partial<Utterance> = {}) =>
    u.push({ kind, text: s, speakerId: null, voice, block, sentence: block, quote: null, start: at(s), end: at(s) + s.length, ...extra });
  range(blocks[0]!, 'title', 0);
  range('Doctors in Idlib say the bombing has not stopped.', 'narration', 1);
  range('Three clinics closed this week.', 'narration', 1);
  const q = 'We have no power and no water,';
  u.push({ kind: 'label', text: 'Dr Ahmad Tarakji:', speakerId: 's1', voice, block: 2, sentence: null, quote: 0, start: at(q), end: at(q) + q.length });
  range(q, 'quote', 2, { speakerId: 's1', voice: `${voice}+f3`, quote: 0, earconBefore: true, earconAfter: true });
  range('said Dr Ahmad Tarakji.', 'narration', 2);
  range('The ministry did not respond.', 'narration', 3);
  range('Aid groups asked for a ceasefire.', 'narration', 3);
  const utterances = u.map((x, index) => ({ ...x, index }));
  return { text, plan: { narratorVoice: voice, speakerVoices: { s1: `${voice}+f3` }, utterances } };
}

/** A plan of `n` distinct sentences in one paragraph each. */
export function longPlan(n: number, voice = 'en-us'): { text: string; plan: ReadingPlan } {
  const sentences = Array.from({ length: n }, (_, i) => `This is sentence number ${i + 1} of the article.`);
  const text = sentences.join('\n\n');
  let pos = 0;
  const utterances: Utterance[] = sentences.map((s, index) => {
    const start = pos;
    pos += s.length + 2;
    return { index, kind: 'narration', text: s, speakerId: null, voice, block: index, sentence: index, quote: null, start, end: start + s.length };
  });
  return { text, plan: { narratorVoice: voice, speakerVoices: {}, utterances } };
}

/** Every process below `root` (children, grandchildren...), from /proc via ps: for "nothing left behind". */
export function descendants(root = process.pid): { pid: number; comm: string }[] {
  const r = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,stat=,comm='], { encoding: 'utf8' });
  const rows = r.stdout.split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p.length >= 4)
    .map(([pid, ppid, stat, comm]) => ({ pid: Number(pid), ppid: Number(ppid), stat: stat!, comm: comm! }));
  const out: { pid: number; comm: string }[] = [];
  const walk = (parent: number) => {
    for (const row of rows) {
      if (row.ppid !== parent || row.comm === 'ps' || row.stat.startsWith('Z')) continue;
      out.push({ pid: row.pid, comm: row.comm });
      walk(row.pid);
    }
  };
  walk(root);
  return out;
}

/** Waits (polling, up to `ms`) until `check` holds; returns whether it did. For process exits, never for timing. */
export async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** The system's libespeak-ng file, or null. */
export function espeakLibraryPath(): string | null {
  const r = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
  return /libespeak-ng\.so\.1 \([^)]*\) => (\S+)/.exec(r.stdout ?? '')?.[1] ?? null;
}

/** Whether a process still runs (a zombie, dead but not yet reaped, does not count). */
export function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
