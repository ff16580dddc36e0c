// Plays a reading plan on one <audio> element, utterance after utterance, and reports
// where it is on the audio clock (audio.currentTime), so the highlight cannot drift.

import type { Clip, ClipResult, ReaderApi, ReadingPlan, Utterance, WordTiming } from '../../core/contract';
import { playEarcon } from './earcon';

export type PlayerState = 'stopped' | 'loading' | 'playing' | 'paused';

export interface PlayerEvents {
  /** A new utterance is current (playing, or moved to while stopped). */
  utterance(index: number, utterance: Utterance): void;
  /** The word being spoken, or null. */
  word(word: WordTiming | null, estimated: boolean): void;
  state(state: PlayerState): void;
  /** The engine could not make this utterance; playback stopped there. */
  error(message: string, index: number): void;
  /** Reached the end of the plan. */
  finished(): void;
}

export class Player {
  readonly audio: HTMLAudioElement;
  private docId: string | null = null;
  private plan: ReadingPlan | null = null;
  private index = 0;
  private stateValue: PlayerState = 'stopped';
  /** Increments on every start/stop, so a late clip from an old request is ignored. */
  private generation = 0;
  private clip: Clip | null = null;
  private clipIndex = -1;
  private url: string | null = null;
  private frame = 0;
  private rate = 175;
  private earcons = true;
  private readonly cache = new Map<number, Promise<ClipResult>>();

  constructor(private readonly reader: ReaderApi, private readonly events: PlayerEvents) {
    this.audio = new Audio();
    this.audio.preload = 'auto';
    this.audio.preservesPitch = true;
    this.audio.addEventListener('ended', () => void this.onEnded());
    this.audio.addEventListener('timeupdate', () => this.tick());
    this.audio.addEventListener('error', () => {
      if (this.stateValue === 'playing' || this.stateValue === 'loading') this.fail('The audio for this sentence could not be played.');
    });
  }

  get state(): PlayerState {
    return this.stateValue;
  }

  get current(): number {
    return this.index;
  }

  get currentPlan(): ReadingPlan | null {
    return this.plan;
  }

  get wordsEstimated(): boolean | null {
    return this.clip ? this.clip.wordsEstimated : null;
  }

  /** A new document: stops, and sits at `position` without playing (its clip made and loaded, so Space plays at once). */
  load(docId: string, plan: ReadingPlan, position: number): void {
    this.plan = null; // nothing of the old document is primed by the stop
    this.stop();
    this.docId = docId;
    this.plan = plan;
    this.cache.clear();
    this.index = Math.max(0, Math.min(position, plan.utterances.length - 1));
    this.wake();
    this.prime();
  }

  /** A re-planned reading of the same document; the current clip keeps playing. */
  replacePlan(plan: ReadingPlan, index: number): void {
    this.plan = plan;
    this.cache.clear();
    this.index = Math.max(0, Math.min(index, plan.utterances.length - 1));
    if (this.clip) this.clipIndex = this.index;
    if (this.stateValue === 'stopped') {
      this.releaseClip();
      this.prime();
    }
  }

  setEarcons(on: boolean): void {
    this.earcons = on;
  }

  /** Words per minute. Applies to the playing clip at once; later clips come at this rate. */
  setRate(rate: number): void {
    this.rate = rate;
    if (this.clip) this.audio.playbackRate = this.rate / this.clip.rate;
  }

  togglePlay(): void {
    if (this.stateValue === 'playing' || this.stateValue === 'loading') this.pause();
    else this.play();
  }

  /** Resume if paused on the current clip, else start the current utterance. */
  play(): void {
    if (!this.plan || this.plan.utterances.length === 0) return;
    if (this.stateValue === 'paused' && this.clip && this.clipIndex === this.index) {
      this.setState('playing');
      void this.audio.play().catch(() => this.fail('Playback could not start.'));
      this.startClock();
      return;
    }
    void this.start(this.index);
  }

  pause(): void {
    if (this.stateValue === 'stopped' || this.stateValue === 'paused') return;
    this.audio.pause();
    this.stopClock();
    if (this.stateValue === 'loading' || this.clipIndex !== this.index || this.starting) {
      // Nothing of this utterance is audible yet (loading, or between clips): cancel, and start it again on play.
      this.generation++;
      this.releaseClip();
    }
    this.setState('paused');
  }

  /** Stops and stays on the current utterance: play starts it again from its beginning. */
  stop(): void {
    const busy = this.stateValue === 'loading' || this.stateValue === 'playing';
    this.generation++;
    this.audio.pause();
    this.stopClock();
    this.releaseClip();
    this.events.word(null, false);
    this.setState('stopped');
    // Ends the synthesis under way, and any engine process working on it (a hung one too);
    // then the current position is made ready again.
    if (busy && this.docId !== null) void this.reader.stopSpeech(this.docId).catch(() => undefined).finally(() => this.prime());
    else this.prime();
  }

  /** Moves to an utterance; keeps playing if playing. */
  jump(index: number, play?: boolean): void {
    if (!this.plan) return;
    const target = Math.max(0, Math.min(index, this.plan.utterances.length - 1));
    const playing = play ?? (this.stateValue === 'playing' || this.stateValue === 'loading');
    if (playing) {
      void this.start(target);
      return;
    }
    this.generation++;
    this.audio.pause();
    this.stopClock();
    this.releaseClip();
    this.index = target;
    // Paused stays paused (play starts the new place); stopped stays stopped.
    this.events.word(null, false);
    this.events.utterance(target, this.plan.utterances[target]!);
    this.prime();
  }

  /**
   * `followOn`: continuous reading. The highlight then moves when the new audio starts, so
   * it never runs ahead of the voice; after a jump it moves at once, to show where we went.
   */
  private starting = false;

  private async start(index: number, followOn = false): Promise<void> {
    const plan = this.plan;
    const docId = this.docId;
    if (!plan || docId === null) return;
    const generation = ++this.generation;
    this.audio.pause();
    this.stopClock();
    this.index = index;
    const utterance = plan.utterances[index];
    if (!utterance) return;
    if (!followOn) {
      this.setState('loading');
      this.events.word(null, false);
      this.events.utterance(index, utterance);
    }

    let result: ClipResult;
    try {
      result = await this.fetchClip(docId, index);
    } catch (e) {
      result = { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    if (generation !== this.generation) return;
    if (!result.ok) {
      this.cache.delete(index);
      this.fail(result.message);
      return;
    }
    if (this.earcons && utterance.earconBefore) {
      await playEarcon('start');
      if (generation !== this.generation) return;
    }
    const clip = result.clip;
    // Primed while stopped (prime()): already decoded in the element, so play() starts at once.
    if (this.clip === clip && this.clipIndex === index && this.url) {
      if (this.audio.currentTime !== 0) this.audio.currentTime = 0;
    } else {
      this.loadClip(index, clip);
    }
    // A pause while play() is pending rejects it: pause() sees `starting` and cancels this start.
    this.starting = true;
    try {
      await this.audio.play();
    } catch (e) {
      if (generation !== this.generation) return;
      this.fail('Playback could not start.');
      return;
    } finally {
      this.starting = false;
    }
    if (generation !== this.generation) return;
    this.audio.playbackRate = this.rate / clip.rate;
    if (followOn) {
      this.events.word(null, false);
      this.events.utterance(index, utterance);
    }
    this.setState('playing');
    this.startClock();
    this.prefetch(docId, index + 1);
  }

  private fetchClip(docId: string, index: number): Promise<ClipResult> {
    let pending = this.cache.get(index);
    if (!pending) {
      const p = this.reader.getClip(docId, index);
      pending = p;
      this.cache.set(index, p);
      // A failure (or a synthesis cancelled by stop) is asked for again next time, not replayed.
      p.then((r) => { if (!r.ok && this.cache.get(index) === p) this.cache.delete(index); }, () => { if (this.cache.get(index) === p) this.cache.delete(index); });
    }
    return pending;
  }

  private loadClip(index: number, clip: Clip): void {
    this.releaseClip();
    this.clip = clip;
    this.clipIndex = index;
    this.url = URL.createObjectURL(new Blob([clip.wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
    this.audio.src = this.url;
    this.audio.preservesPitch = true;
    // playbackRate resets when a new source loads; set it after and again once playing.
    this.audio.defaultPlaybackRate = this.rate / clip.rate;
    this.audio.playbackRate = this.rate / clip.rate;
  }

  /**
   * Instant play: while stopped, the clip at the current position is synthesised and loaded
   * into the <audio> element, so Space only has to start it.
   */
  private prime(): void {
    const { docId, plan, index, generation } = this;
    if (!plan || docId === null || !plan.utterances[index]) return;
    void Promise.all([this.fetchClip(docId, index), this.waking]).then(([r]) => {
      if (!r.ok || generation !== this.generation || this.stateValue !== 'stopped' || this.index !== index || this.clip) return;
      this.loadClip(index, r.clip);
    }, () => undefined);
  }

  /** The first play() of a page waits for the audio output to start (about 140 ms in Chromium): a short silence at open starts it early. */
  private waking: Promise<void> = Promise.resolve();

  private wake(): void {
    const url = URL.createObjectURL(new Blob([silentWav(100) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
    this.audio.src = url;
    this.waking = this.audio.play().then(
      () => new Promise<void>((resolve) => {
        const done = () => { this.audio.removeEventListener('ended', done); resolve(); };
        this.audio.addEventListener('ended', done);
        setTimeout(done, 300); // never wait long for a silence
      }),
      () => undefined, // autoplay refused (a browser without a user gesture yet): nothing to wake
    ).finally(() => {
      URL.revokeObjectURL(url);
      if (this.audio.src === url) {
        this.audio.removeAttribute('src');
        this.audio.load();
      }
    });
  }

  private prefetch(docId: string, index: number): void {
    if (!this.plan || index >= this.plan.utterances.length) return;
    for (const key of this.cache.keys()) if (key < this.index) this.cache.delete(key);
    const p = this.fetchClip(docId, index);
    p.catch(() => this.cache.delete(index));
  }

  private async onEnded(): Promise<void> {
    if (this.stateValue !== 'playing' || !this.plan) return;
    const generation = this.generation;
    this.stopClock();
    const utterance = this.plan.utterances[this.index];
    if (this.earcons && utterance?.earconAfter) {
      await playEarcon('end');
      if (generation !== this.generation) return;
    }
    const next = this.index + 1;
    if (next >= this.plan.utterances.length) {
      this.stop();
      this.index = 0;
      this.events.finished();
      return;
    }
    void this.start(next, true);
  }

  private fail(message: string): void {
    const index = this.index;
    this.stop();
    this.index = index;
    this.events.error(message, index);
  }

  private releaseClip(): void {
    this.clip = null;
    this.clipIndex = -1;
    if (this.url) {
      this.audio.removeAttribute('src');
      this.audio.load();
      URL.revokeObjectURL(this.url);
      this.url = null;
    }
  }

  private setState(state: PlayerState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.events.state(state);
  }

  private startClock(): void {
    this.stopClock();
    const loop = () => {
      this.tick();
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  private stopClock(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Word under the audio clock: the last word whose time has come. */
  private tick(): void {
    const clip = this.clip;
    if (!clip || this.stateValue !== 'playing') return;
    // play() resolves before the audio clock moves (tens of ms): the first word waits for the clock, not for play().
    const time = this.audio.currentTime;
    this.events.word(time > 0 ? wordAt(clip.words, time) : null, clip.wordsEstimated);
  }
}

/** Mono 16-bit silence as a WAV file. */
export function silentWav(ms: number, sampleRate = 22050): Uint8Array {
  const samples = Math.round((ms / 1000) * sampleRate);
  const bytes = new Uint8Array(44 + samples * 2);
  const v = new DataView(bytes.buffer);
  const put = (at: number, s: string) => { for (let i = 0; i < 4; i++) bytes[at + i] = s.charCodeAt(i); };
  put(0, 'RIFF'); v.setUint32(4, 36 + samples * 2, true); put(8, 'WAVE'); put(12, 'fmt ');
  v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true); v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true); put(36, 'data'); v.setUint32(40, samples * 2, true);
  return bytes;
}

/** Last word starting at or before `time` (seconds of clip time), or null before the first. */
export function wordAt(words: readonly WordTiming[], time: number): WordTiming | null {
  let lo = 0;
  let hi = words.length - 1;
  let found: WordTiming | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.time <= time) {
      found = words[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
