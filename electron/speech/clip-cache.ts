// Synthesizes a few utterances ahead of the listener so the next clip is ready when the
// current one ends.
//
// Entries are keyed by what is spoken (voice, rate, text), not by utterance index: a new
// plan, rate or voice simply asks for other keys, and re-planning that leaves an utterance
// unchanged (earcons on, say) reuses its audio. Old entries age out of the LRU.

import type { ClipResult, ReadingPlan, Utterance } from '../../core/contract';
import { failureMessage, synthesizeWithRetry, toClip } from './clip';
import { clampRate, type SpeechEngine, type Synthesis } from './engine';
import { SpeechError } from './process';

export interface ClipCacheOptions {
  engine: SpeechEngine;
  /** Utterances synthesized ahead of the one asked for. */
  ahead?: number;
  /** Engine processes at once (2 cores: the UI needs the rest). */
  concurrency?: number;
  /** Audio kept, in bytes (48 MiB: about 18 minutes). */
  maxBytes?: number;
  /** Tries per utterance before giving up (each in a fresh process). */
  attempts?: number;
}

interface Job {
  key: string;
  text: string;
  voice: string | null;
  rate: number;
  /** The utterance index it was last wanted for: decides whether it is stale. */
  index: number;
  /** get() calls waiting on it; a job with waiters is never cancelled as stale. */
  waiters: number;
  started: boolean;
  controller: AbortController;
  promise: Promise<Synthesis>;
  resolve(s: Synthesis): void;
  reject(e: unknown): void;
}

export class ClipCache {
  private readonly engine: SpeechEngine;
  private readonly ahead: number;
  private readonly concurrency: number;
  private readonly maxBytes: number;
  private readonly attempts: number;
  private plan: ReadingPlan | null = null;
  private text = '';
  private rate = 175;
  private position = 0;
  /** Likely jumps from the current position, prefetched beyond the window. */
  private targets = new Set<number>();
  private readonly store = new Map<string, Synthesis>(); // Map order = least recently used first
  private bytes = 0;
  private readonly jobs = new Map<string, Job>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  /** Engine jobs started (a job's retries count once) and get() calls served from memory. */
  readonly stats = { syntheses: 0, hits: 0, cancelled: 0 };

  constructor(opts: ClipCacheOptions) {
    this.engine = opts.engine;
    this.ahead = opts.ahead ?? 3;
    this.concurrency = Math.max(1, opts.concurrency ?? 2);
    this.maxBytes = opts.maxBytes ?? 48 << 20;
    this.attempts = opts.attempts ?? 3;
  }

  /** Call whenever the plan or settings may have changed; a no-op when nothing did. */
  setPlan(plan: ReadingPlan, articleText: string, rate: number): void {
    rate = clampRate(rate);
    if (plan === this.plan && articleText === this.text && rate === this.rate) return;
    this.plan = plan;
    this.text = articleText;
    this.rate = rate;
    for (const job of [...this.jobs.values()]) if (job.waiters === 0) this.cancel(job);
  }

  /** The clip for utterance `index`; also starts synthesizing the next few. */
  get(index: number): Promise<ClipResult> {
    const u = this.plan?.utterances[index];
    if (!u) return Promise.resolve({ ok: false, message: `There is no passage ${index} in this article.` });
    const { text, rate } = this;
    this.position = index;
    this.targets = new Set(this.jumpTargets(index));
    this.dropStale();

    const key = this.keyOf(u);
    const hit = this.store.get(key);
    if (hit) {
      this.store.delete(key);
      this.store.set(key, hit);
      this.stats.hits++;
      this.prefetch(index);
      return Promise.resolve({ ok: true, clip: toClip(hit, u, text, rate) });
    }
    const job = this.jobFor(key, u, index);
    job.waiters++;
    this.prefetch(index);
    return job.promise.then(
      (s): ClipResult => ({ ok: true, clip: toClip(s, u, text, rate) }),
      (e): ClipResult => ({ ok: false, message: failureMessage(e, this.engine.name, this.attempts) }),
    ).finally(() => { job.waiters--; });
  }

  /** Resolves when nothing is queued or running (tests; export after prefetch). */
  idle(): Promise<void> {
    if (this.running === 0 && this.jobs.size === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  get cachedBytes(): number {
    return this.bytes;
  }

  /** Stop (Escape): cancels all work, even clips someone waits for (they get "cancelled"); the audio made so far is kept. */
  cancelAll(): void {
    for (const job of [...this.jobs.values()]) this.cancel(job);
  }

  /** Cancels all work (running engine processes are killed) and forgets all audio. */
  dispose(): void {
    for (const job of [...this.jobs.values()]) this.cancel(job);
    this.store.clear();
    this.bytes = 0;
    this.plan = null;
  }

  private keyOf(u: Utterance): string {
    return `${u.voice || ''}\u0000${this.rate}\u0000${u.text}`;
  }

  private prefetch(index: number): void {
    const list = this.plan?.utterances ?? [];
    const wanted: number[] = [];
    for (let i = index + 1; i <= index + this.ahead && i < list.length; i++) wanted.push(i);
    // Then where "next paragraph" and "next quote" would land, so those jumps speak at once too.
    wanted.push(...this.targets);
    for (const i of wanted) {
      const key = this.keyOf(list[i]!);
      if (!this.store.has(key)) this.jobFor(key, list[i]!, i);
    }
    this.pump();
  }

  /** The first utterance of the next paragraph and of the next quote (its label and first words), beyond the window. */
  private jumpTargets(index: number): number[] {
    const list = this.plan?.utterances ?? [];
    const current = list[index];
    if (!current || this.ahead === 0) return []; // ahead 0: no prefetching at all
    const targets: number[] = [];
    const nextBlock = list.findIndex((u, i) => i > index && u.block !== current.block);
    if (nextBlock > 0) targets.push(nextBlock);
    const nextQuote = list.findIndex((u, i) => i > index && u.quote !== null && u.quote !== current.quote && (u.kind === 'quote' || u.kind === 'label'));
    if (nextQuote > 0) targets.push(nextQuote, ...(list[nextQuote]!.kind === 'label' && list[nextQuote + 1] ? [nextQuote + 1] : []));
    return targets.filter((i) => i > index + this.ahead);
  }

  private jobFor(key: string, u: Utterance, index: number): Job {
    const existing = this.jobs.get(key);
    if (existing) {
      existing.index = index;
      return existing;
    }
    let resolve!: (s: Synthesis) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Synthesis>((res, rej) => { resolve = res; reject = rej; });
    promise.catch(() => {}); // a cancelled prefetch has nobody waiting on it
    const job: Job = { key, text: u.text, voice: u.voice || null, rate: this.rate, index, waiters: 0, started: false, controller: new AbortController(), promise, resolve, reject };
    this.jobs.set(key, job);
    return job;
  }

  /** A prefetch the listener has jumped away from is only using a core. */
  private dropStale(): void {
    for (const job of [...this.jobs.values()]) {
      if (job.waiters === 0 && !this.targets.has(job.index) && (job.index < this.position || job.index > this.position + this.ahead)) this.cancel(job);
    }
  }

  private cancel(job: Job): void {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    this.stats.cancelled++;
    job.controller.abort();
    if (!job.started || job.waiters > 0) job.reject(new SpeechError('cancelled', 'cancelled'));
    this.checkIdle();
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      // Someone waiting first, then nearest to the listener.
      const rank = (j: Job) => (j.waiters > 0 ? 0 : 1e9) + Math.abs(j.index - this.position);
      let next: Job | null = null;
      for (const job of this.jobs.values()) if (!job.started && (!next || rank(job) < rank(next))) next = job;
      if (!next) break;
      // While the listener waits for a clip, a prefetch would only halve its CPU (2 cores):
      // prefetching resumes the moment that clip is ready, during its playback.
      if (next.waiters === 0 && [...this.jobs.values()].some((j) => j.started && j.waiters > 0)) break;
      this.start(next);
    }
  }

  private start(job: Job): void {
    job.started = true;
    this.running++;
    this.stats.syntheses++;
    synthesizeWithRetry(this.engine, job.text, job.voice, job.rate, { attempts: this.attempts, signal: job.controller.signal })
      .then(
        (s) => {
          this.put(job.key, s);
          job.resolve(s);
        },
        (e) => job.reject(e),
      )
      .finally(() => {
        this.running--;
        if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
        // Prefetching waits until the clip just made has been handed over (the get() caller's
        // continuations are microtasks; setImmediate runs after them), so starting the next
        // syntheses never delays the one the listener is waiting for.
        setImmediate(() => {
          this.pump();
          this.checkIdle();
        });
      });
  }

  private put(key: string, s: Synthesis): void {
    const old = this.store.get(key);
    if (old) { this.bytes -= old.wav.byteLength; this.store.delete(key); }
    this.store.set(key, s);
    this.bytes += s.wav.byteLength;
    for (const [k, v] of this.store) {
      if (this.bytes <= this.maxBytes || this.store.size <= 1) break;
      this.store.delete(k);
      this.bytes -= v.wav.byteLength;
    }
  }

  private checkIdle(): void {
    if (this.running !== 0 || this.jobs.size !== 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
