// Runs engine processes. Each run owns its ChildProcess handle and kills through it: never a
// shell, never a pid computed from another pid (the `say` package's stop() kills pid+2).

import { spawn, type ChildProcess } from 'node:child_process';

export type SpeechErrorKind = 'missing' | 'timeout' | 'cancelled' | 'crashed' | 'bad-output' | 'disposed' | 'too-long';

export class SpeechError extends Error {
  constructor(readonly kind: SpeechErrorKind, message: string) {
    super(message);
    this.name = 'SpeechError';
  }
}

/**
 * Kills a child and everything it started. Children are spawned `detached` on POSIX, which
 * makes each the leader of its own process group: a negative pid reaches the whole group.
 */
export function killProcessGroup(child: { pid?: number; kill(signal?: NodeJS.Signals): boolean }): void {
  if (process.platform !== 'win32' && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // Not a group leader (or already gone): fall back to the child itself.
    }
  }
  child.kill('SIGKILL');
}

/** "0.4", "3", "15": for messages. */
export const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/**
 * Failures worth a fresh process: the next one may well succeed. Not a timeout: a hung
 * engine is reported to the listener at once (within 5 s), who can press Space to try again,
 * rather than after three silent tries.
 */
export const isRetryable = (e: unknown): boolean =>
  e instanceof SpeechError && (e.kind === 'crashed' || e.kind === 'bad-output');

export interface RunOptions {
  /** Written to stdin, then stdin is closed. */
  input?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Stops an engine that streams garbage forever. */
  maxBytes?: number;
  /** No output for this long: the engine is hung (reported as a timeout). */
  stallMs?: number;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

/** The live children of one engine, so dispose() can kill them and tests can count them. */
export class ChildSet {
  /** Each live child with the function that stops its run. */
  private readonly live = new Map<ChildProcess, (why: SpeechError) => void>();
  private disposed = false;

  /** Called with each new child: for tests that kill a child mid-synthesis, and for logging. */
  onSpawn: ((child: ChildProcess) => void) | null = null;

  get count(): number {
    return this.live.size;
  }

  killAll(): void {
    this.disposed = true;
    for (const stop of [...this.live.values()]) stop(new SpeechError('disposed', 'speech engine was shut down'));
  }

  run(command: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
    const label = command.split(/[\\/]/).pop() ?? command;
    return new Promise<RunResult>((resolve, reject) => {
      if (this.disposed) return reject(new SpeechError('disposed', 'speech engine was shut down'));
      if (opts.signal?.aborted) return reject(new SpeechError('cancelled', 'cancelled'));

      let child: ChildProcess;
      try {
        // detached: its own process group, so a kill also ends anything it started.
        child = spawn(command, args, { shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
      } catch (e) {
        return reject(new SpeechError('missing', `${label} could not be started: ${(e as Error).message}`));
      }

      const chunks: Buffer[] = [];
      let bytes = 0;
      let stderr = '';
      let failure: SpeechError | null = null;
      let exited = false;
      let settled = false;

      const finish = (result: RunResult | SpeechError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(stall);
        opts.signal?.removeEventListener('abort', onAbort);
        this.live.delete(child);
        if (result instanceof SpeechError) reject(result);
        else resolve(result);
      };
      // Kill through our own handle; the 'exit' handler settles once the OS has reaped it.
      const stop = (why: SpeechError) => {
        failure ??= why;
        killProcessGroup(child); // grandchildren too, even once the child itself has exited
        if (exited) {
          // A grandchild may still hold the pipes open; do not wait for it.
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish(failure);
        }
      };
      const onAbort = () => stop(new SpeechError('cancelled', 'cancelled'));
      this.live.set(child, stop);
      const timer = setTimeout(() => stop(new SpeechError('timeout', `${label} did not finish within ${seconds(opts.timeoutMs)} s`)), opts.timeoutMs);
      let stall: ReturnType<typeof setTimeout> | undefined;
      const watch = () => {
        if (!opts.stallMs) return;
        clearTimeout(stall);
        stall = setTimeout(() => stop(new SpeechError('timeout', `${label} stopped responding (no output for ${seconds(opts.stallMs!)} s)`)), opts.stallMs);
      };
      watch();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.onSpawn?.(child);

      child.stdout!.on('data', (d: Buffer) => {
        watch();
        bytes += d.length;
        if (opts.maxBytes && bytes > opts.maxBytes) stop(new SpeechError('bad-output', `${label} produced more than ${opts.maxBytes} bytes`));
        else chunks.push(d);
      });
      child.stderr!.on('data', (d: Buffer) => { if (stderr.length < 4000) stderr += d.toString('utf8'); });
      // The engine may exit before reading all its input (EPIPE): its exit code tells us more.
      child.stdin!.on('error', () => {});
      child.on('error', (e: NodeJS.ErrnoException) => {
        finish(failure ?? new SpeechError(e.code === 'ENOENT' ? 'missing' : 'crashed', `${label}: ${e.message}`));
      });
      child.on('exit', (_code, signal) => {
        exited = true;
        if (failure) return stop(failure);
        if (signal) failure = new SpeechError('crashed', `${label} was killed by ${signal}`);
      });
      child.on('close', (code) => {
        if (failure) return finish(failure);
        finish({ stdout: Buffer.concat(chunks), stderr, code });
      });
      child.stdin!.end(opts.input ?? '');
    });
  }
}
