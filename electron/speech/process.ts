// Runs engine processes. Each run owns its ChildProcess handle and kills through it: never a
// shell, never a pid computed from another pid (the `say` package's stop() kills pid+2).

import { spawn, type ChildProcess } from 'node:child_process';

export type SpeechErrorKind = 'missing' | 'timeout' | 'cancelled' | 'crashed' | 'bad-output' | 'disposed';

export class SpeechError extends Error {
  constructor(readonly kind: SpeechErrorKind, message: string) {
    super(message);
    this.name = 'SpeechError';
  }
}

/** Failures worth a fresh process: the next one may well succeed. */
export const isRetryable = (e: unknown): boolean =>
  e instanceof SpeechError && (e.kind === 'timeout' || e.kind === 'crashed' || e.kind === 'bad-output');

export interface RunOptions {
  /** Written to stdin, then stdin is closed. */
  input?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Stops an engine that streams garbage forever. */
  maxBytes?: number;
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
        child = spawn(command, args, { shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] });
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
        opts.signal?.removeEventListener('abort', onAbort);
        this.live.delete(child);
        if (result instanceof SpeechError) reject(result);
        else resolve(result);
      };
      // Kill through our own handle; the 'exit' handler settles once the OS has reaped it.
      const stop = (why: SpeechError) => {
        failure ??= why;
        if (exited) {
          // A grandchild may still hold the pipes open; do not wait for it.
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish(failure);
        } else {
          child.kill('SIGKILL');
        }
      };
      const onAbort = () => stop(new SpeechError('cancelled', 'cancelled'));
      this.live.set(child, stop);
      const timer = setTimeout(() => stop(new SpeechError('timeout', `${label} did not finish within ${Math.round(opts.timeoutMs / 1000)} s`)), opts.timeoutMs);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.onSpawn?.(child);

      child.stdout!.on('data', (d: Buffer) => {
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
