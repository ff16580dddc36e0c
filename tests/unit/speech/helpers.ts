import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
export const hasEspeak = probe.status === 0;
export const hasSox = spawnSync('soxi', ['-h']).error === undefined;
if (!hasEspeak) console.warn('speech tests skipped: espeak-ng is not installed (Debian/Ubuntu: sudo apt install espeak-ng)');
if (!hasSox) console.warn('sox cross-checks skipped: sox is not installed (sudo apt install sox)');

export const tempDir = (prefix = 'speech-test-') => mkdtempSync(join(tmpdir(), prefix));

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
