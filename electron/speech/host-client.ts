// The app's end of the speech host (speech-host.ts): starts the process on first use, sends one
// request at a time, and watches it. A host that dies is started again on the next request
// (the caller retries the same sentence); a host that stops giving signs of life for
// `stallMs` is killed with its whole process group and the request fails at once, so the
// listener hears within seconds that speech is not coming.

import { fork } from 'node:child_process';
import type { HostCall, HostMessage, HostRequest } from './host-protocol';
import { killProcessGroup, seconds, SpeechError } from './process';

/** A started host process, whatever started it (child_process.fork, Electron's utilityProcess). */
export interface HostProcess {
  readonly pid: number | undefined;
  send(request: HostRequest): void;
  onMessage(listener: (message: HostMessage) => void): void;
  onExit(listener: (why: string) => void): void;
  /** Kills the process and anything it started. */
  kill(): void;
}

export type HostLauncher = () => HostProcess;

/** A cancelled synthesis normally ends within milliseconds; one still running after this is stuck. */
const CANCEL_GRACE_MS = 300;

/** child_process.fork of the host script: the command line, the harness and tests. */
export function forkLauncher(script: string, opts: { execArgv?: string[]; args?: string[] } = {}): HostLauncher {
  return () => {
    const child = fork(script, opts.args ?? [], {
      execArgv: opts.execArgv ?? [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Its own process group, so a kill reaches anything it started.
      detached: process.platform !== 'win32',
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => { if (stderr.length < 2000) stderr += d.toString('utf8'); });
    child.unref(); // an idle host must not keep the app (or a test) running
    (child as unknown as { channel?: { unref(): void } }).channel?.unref();
    return {
      get pid() { return child.pid; },
      send: (m) => { if (child.connected) child.send(m); },
      onMessage: (f) => void child.on('message', (m) => f(m as HostMessage)),
      onExit: (f) => {
        child.once('error', (e) => f(`could not start: ${e.message}`));
        child.once('exit', (code, signal) => f(signal ? `killed by ${signal}` : `exited with code ${code}${stderr.trim() ? `: ${stderr.trim().split('\n').pop()}` : ''}`));
      },
      kill: () => killProcessGroup(child),
    };
  };
}

export interface SpeechHostOptions {
  /** No sign of life for this long while a request runs: the host is hung. */
  stallMs?: number;
  /** How long a new host may take to load the library. */
  startMs?: number;
}

interface Pending {
  request: HostRequest;
  resolve(m: HostMessage): void;
  reject(e: SpeechError): void;
  signal?: AbortSignal;
}

type HostState =
  | { kind: 'stopped' }
  | { kind: 'starting'; proc: HostProcess; ready: Promise<void> }
  | { kind: 'ready'; proc: HostProcess; version: string };

export class SpeechHost {
  private state: HostState = { kind: 'stopped' };
  private readonly queue: Pending[] = [];
  private active: Pending | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private disposed = false;
  private readonly stallMs: number;
  private readonly startMs: number;
  /** Host processes started so far (tests check restarts). */
  starts = 0;

  constructor(private readonly launch: HostLauncher, opts: SpeechHostOptions = {}) {
    this.stallMs = opts.stallMs ?? 3000;
    this.startMs = opts.startMs ?? 5000;
  }

  get pid(): number | undefined {
    return this.state.kind === 'stopped' ? undefined : this.state.proc.pid;
  }

  /** Whether the library loads: null when it does, else why not. The process stays up when it does. */
  async probe(): Promise<string | null> {
    try {
      await this.start();
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  request<K extends HostMessage['type']>(request: HostCall, expect: K, signal?: AbortSignal): Promise<Extract<HostMessage, { type: K }>> {
    if (this.disposed) return Promise.reject(new SpeechError('disposed', 'speech engine was shut down'));
    if (signal?.aborted) return Promise.reject(new SpeechError('cancelled', 'cancelled'));
    return new Promise<HostMessage>((resolve, reject) => {
      // (The listener goes when the request settles: one signal may cover a whole export's hundreds of requests.)
      const onAbort = () => this.abort(pending);
      const settled = () => signal?.removeEventListener('abort', onAbort);
      const pending: Pending = {
        request: { ...request, id: this.nextId++ } as HostRequest,
        resolve: (m) => (settled(), resolve(m)),
        reject: (e) => (settled(), reject(e)),
        signal,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(pending);
      void this.pump();
    }).then((m) => {
      if (m.type === 'error') throw new SpeechError('crashed', `speech host: ${m.message}`);
      if (m.type !== expect) throw new SpeechError('bad-output', `speech host answered ${m.type} to ${request.type}`);
      return m as Extract<HostMessage, { type: K }>;
    });
  }

  /** Stops the host and everything it started; the next request starts a new one. */
  restart(why: string): void {
    this.stop(new SpeechError('crashed', why));
  }

  dispose(): void {
    this.disposed = true;
    for (const p of this.queue.splice(0)) p.reject(new SpeechError('disposed', 'speech engine was shut down'));
    this.stop(new SpeechError('disposed', 'speech engine was shut down'));
  }

  private start(): Promise<void> {
    if (this.disposed) return Promise.reject(new SpeechError('disposed', 'speech engine was shut down'));
    if (this.state.kind === 'ready') return Promise.resolve();
    if (this.state.kind === 'starting') return this.state.ready;
    let proc: HostProcess;
    try {
      proc = this.launch();
    } catch (e) {
      return Promise.reject(new SpeechError('missing', `the speech host could not be started: ${(e as Error).message}`));
    }
    this.starts++;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill();
        reject(new SpeechError('timeout', `the speech host did not start within ${seconds(this.startMs)} s`));
      }, this.startMs);
      proc.onMessage((m) => {
        if (this.state.kind === 'stopped' || this.state.proc !== proc) return;
        if (m.type === 'ready') {
          clearTimeout(timer);
          this.state = { kind: 'ready', proc, version: m.version };
          resolve();
        } else if (m.type === 'unavailable') {
          clearTimeout(timer);
          reject(new SpeechError('missing', m.message));
        } else {
          this.onMessage(m);
        }
      });
      proc.onExit((why) => {
        clearTimeout(timer);
        reject(new SpeechError('missing', `the speech host stopped before it was ready (${why})`));
        if (this.state.kind !== 'stopped' && this.state.proc === proc) this.stop(new SpeechError('crashed', `the speech host ${why}`));
      });
    });
    this.state = { kind: 'starting', proc, ready };
    ready.catch(() => {
      if (this.state.kind !== 'stopped' && this.state.proc === proc) {
        this.state = { kind: 'stopped' };
        proc.kill();
      }
    });
    return ready;
  }

  private async pump(): Promise<void> {
    if (this.active || !this.queue.length) return;
    try {
      await this.start();
    } catch (e) {
      for (const p of this.queue.splice(0)) p.reject(e as SpeechError);
      return;
    }
    if (this.active || this.state.kind !== 'ready') return;
    const next = this.queue.shift();
    if (!next) return;
    this.active = next;
    this.watch();
    this.state.proc.send(next.request);
  }

  private onMessage(m: HostMessage): void {
    const active = this.active;
    if (!active || !('id' in m) || m.id !== active.request.id) return;
    if (m.type === 'alive') return this.watch();
    this.clearWatch();
    this.active = null;
    active.resolve(m);
    void this.pump();
  }

  private watch(): void {
    this.clearWatch();
    this.timer = setTimeout(() => {
      this.stop(new SpeechError('timeout', `the speech engine stopped responding (nothing for ${seconds(this.stallMs)} s) and was shut down`));
    }, this.stallMs);
  }

  private clearWatch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A request nobody waits for any more: dropped from the queue; a running one is left to finish (milliseconds) unless it hangs. */
  private abort(p: Pending): void {
    const at = this.queue.indexOf(p);
    if (at >= 0) this.queue.splice(at, 1);
    p.reject(new SpeechError('cancelled', 'cancelled'));
    if (p === this.active) {
      // Stop (Escape) ends the process too when it is stuck rather than finishing.
      const proc = this.state.kind === 'stopped' ? null : this.state.proc;
      setTimeout(() => {
        if (this.active === p && this.state.kind !== 'stopped' && this.state.proc === proc) this.restart('cancelled while not responding');
      }, CANCEL_GRACE_MS).unref();
    }
  }

  private stop(why: SpeechError): void {
    this.clearWatch();
    const state = this.state;
    this.state = { kind: 'stopped' };
    if (state.kind !== 'stopped') state.proc.kill();
    const active = this.active;
    this.active = null;
    active?.reject(why);
    if (!this.disposed) void this.pump();
  }
}
