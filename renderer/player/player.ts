// Plays a reading plan utterance after utterance, and reports where it is on the audio clock
// (audio.currentTime), so the highlight cannot drift. Two <audio> elements ("decks") take
// turns: while one plays, the next clip is loaded and decoded in the other, so continuous
// reading moves on without a fetch or a decode in between, started from the clock so that it
// begins as the current one's closing silence ends (gapless; see handoff.ts).

import type { Clip, ClipResult, ReaderApi, ReadingPlan, Utterance, WordTiming } from '../../core/contract';
import { playEarcon } from './earcon';
import { handoffLeadMs, INITIAL_START_LATENCY_MS, nextStartLatency, trailingSilence } from './handoff';

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
  /** Continuous reading is about to go on to `index`: false stops there instead (the sleep timer). */
  next?(index: number): boolean;
}

/** One <audio> element and the clip loaded in it. */
interface Deck {
  readonly audio: HTMLAudioElement;
  clip: Clip | null;
  /** The utterance `clip` is for; -1 when empty. */
  index: number;
  url: string | null;
  /** Seconds of silence at the clip's end (the next clip may start inside it). */
  tail: number;
}

/**
 * Tests and diagnostics find the element that is playing (or that Space will play) by this id;
 * the other deck, holding the clip that comes next, has the second one.
 */
export const AUDIO_ID = 'reader-audio';
export const NEXT_AUDIO_ID = 'reader-audio-next';

/**
 * Chromium fires `ended` some 75 ms after a clip's audio clock reaches its end, and the next
 * element's sound starts 60-80 ms after its play() (headless, measured): waiting for `ended`
 * left a 0.1 s hole between sentences. The next clip is started from the clock instead, the
 * start latency before the current one ends (handoff.ts); `ended` remains the fallback (a
 * hidden window throttles timers). The handoff timer is set once this little is left.
 */
const HANDOFF_WINDOW_MS = 300;
/** Half a frame at 60 Hz: the highlight is updated once a frame (requestAnimationFrame). */
const HALF_FRAME_MS = 8;

export class Player {
  /** Both <audio> elements (the page puts them in the document, hidden). */
  readonly elements: readonly HTMLAudioElement[];
  private readonly decks: readonly [Deck, Deck];
  /** Which deck is current: the one playing, paused, or primed for Space. */
  private live = 0;
  private docId: string | null = null;
  private plan: ReadingPlan | null = null;
  private index = 0;
  private stateValue: PlayerState = 'stopped';
  /** Increments on every start/stop, so a late clip from an old request is ignored. */
  private generation = 0;
  private frame = 0;
  private handoff: ReturnType<typeof setTimeout> | null = null;
  /** From play() to the sound (see handoff.ts), learnt from the clock of each start; null until the first. */
  private learntLatency: number | null = null;
  /** The last play(): when, from which clip time, and whether its latency is still to be measured. */
  private started = { at: 0, from: 0, measuring: false };
  private rate = 175;
  private earcons = true;
  private readonly cache = new Map<number, Promise<ClipResult>>();

  constructor(private readonly reader: ReaderApi, private readonly events: PlayerEvents) {
    const deck = (): Deck => {
      const d: Deck = { audio: new Audio(), clip: null, index: -1, url: null, tail: 0 };
      const audio = d.audio;
      audio.preload = 'auto';
      audio.preservesPitch = true;
      audio.hidden = true;
      // Only the current deck's events count: the other one is loading what comes next.
      audio.addEventListener('ended', () => { if (d === this.deck) void this.onEnded(); });
      audio.addEventListener('timeupdate', () => { if (d === this.deck) this.tick(); });
      audio.addEventListener('error', () => {
        // The next clip did not load: emptied, it is made and loaded again when its turn comes.
        if (d !== this.deck) this.empty(d);
        else if (this.stateValue === 'playing' || this.stateValue === 'loading') this.fail('The audio for this sentence could not be played.');
      });
      return d;
    };
    this.decks = [deck(), deck()];
    this.elements = this.decks.map((d) => d.audio);
    this.name();
  }

  /** The element playing, paused, or primed for Space. */
  get audio(): HTMLAudioElement {
    return this.deck.audio;
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
    return this.deck.clip ? this.deck.clip.wordsEstimated : null;
  }

  private get deck(): Deck {
    return this.decks[this.live]!;
  }

  /** The deck that is not current: it holds the clip after the current one, loaded ahead. */
  private get spare(): Deck {
    return this.decks[1 - this.live]!;
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
    if (this.deck.clip) this.deck.index = this.index;
    // What was loaded ahead belongs to the old plan (another voice, rate or wording).
    this.empty(this.spare);
    if (this.stateValue === 'stopped') {
      this.releaseClip();
      this.prime();
    } else if (this.stateValue === 'playing' && this.docId !== null) {
      this.prefetch(this.docId, this.index + 1);
    }
  }

  setEarcons(on: boolean): void {
    this.earcons = on;
  }

  /** Words per minute. Applies to the playing clip at once (and to the one loaded ahead); later clips come at this rate. */
  setRate(rate: number): void {
    this.rate = rate;
    for (const d of this.decks) if (d.clip) this.applyRate(d);
  }

  togglePlay(): void {
    if (this.stateValue === 'playing' || this.stateValue === 'loading') this.pause();
    else this.play();
  }

  /** Resume if paused on the current clip, else start the current utterance. */
  play(): void {
    if (!this.plan || this.plan.utterances.length === 0) return;
    if (this.stateValue === 'paused' && this.deck.clip && this.deck.index === this.index) {
      this.setState('playing');
      void this.startAudio().catch(() => this.fail('Playback could not start.'));
      this.startClock();
      // A re-plan while paused emptied the spare deck: load what comes next again.
      if (this.docId !== null) this.prefetch(this.docId, this.index + 1);
      return;
    }
    void this.start(this.index);
  }

  pause(): void {
    if (this.stateValue === 'stopped' || this.stateValue === 'paused') return;
    this.audio.pause();
    this.stopClock();
    if (this.stateValue === 'loading' || this.deck.index !== this.index || this.starting) {
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
    this.empty(this.spare);
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
    // Primed while stopped (prime()) or loaded ahead in the spare deck: already decoded, so play() starts at once.
    this.take(index, clip);
    // A pause while play() is pending rejects it: pause() sees `starting` and cancels this start.
    this.starting = true;
    try {
      await this.startAudio();
    } catch (e) {
      if (generation !== this.generation) return;
      this.fail('Playback could not start.');
      return;
    } finally {
      this.starting = false;
    }
    if (generation !== this.generation) return;
    this.applyRate(this.deck);
    if (followOn) {
      this.events.word(null, false);
      this.events.utterance(index, utterance);
    }
    this.setState('playing');
    this.startClock();
    this.prefetch(docId, index + 1);
  }

  private get startLatency(): number {
    return this.learntLatency ?? INITIAL_START_LATENCY_MS;
  }

  private startAudio(): Promise<void> {
    this.started = { at: performance.now(), from: this.audio.currentTime, measuring: true };
    return this.audio.play();
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

  /** Makes the current deck hold `clip`, at its start: it may already (primed), or the spare may (loaded ahead). */
  private take(index: number, clip: Clip): void {
    const deck = this.deck;
    if (deck.clip === clip && deck.index === index && deck.url) {
      if (deck.audio.currentTime !== 0) deck.audio.currentTime = 0;
      return;
    }
    const spare = this.spare;
    if (spare.clip === clip && spare.index === index && spare.url) {
      this.live = 1 - this.live;
      this.name();
      this.empty(deck);
      if (this.audio.currentTime !== 0) this.audio.currentTime = 0;
      this.applyRate(this.deck);
      return;
    }
    this.fill(deck, index, clip);
  }

  private fill(deck: Deck, index: number, clip: Clip): void {
    this.empty(deck);
    deck.clip = clip;
    deck.index = index;
    deck.tail = trailingSilence(clip.wav);
    deck.url = URL.createObjectURL(new Blob([clip.wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
    deck.audio.src = deck.url;
    deck.audio.preservesPitch = true;
    // Diagnostics and tests: which utterance each element holds.
    deck.audio.dataset.utterance = String(index);
    this.applyRate(deck);
  }

  private applyRate(deck: Deck): void {
    if (!deck.clip) return;
    // playbackRate resets when a new source loads: the default rate carries it over.
    deck.audio.defaultPlaybackRate = this.rate / deck.clip.rate;
    deck.audio.playbackRate = this.rate / deck.clip.rate;
  }

  /** The id says which element is current (see AUDIO_ID). */
  private name(): void {
    this.deck.audio.id = AUDIO_ID;
    this.spare.audio.id = NEXT_AUDIO_ID;
  }

  /**
   * Instant play: while stopped, the clip at the current position is synthesised and loaded
   * into the <audio> element, so Space only has to start it.
   */
  private prime(): void {
    const { docId, plan, index, generation } = this;
    if (!plan || docId === null || !plan.utterances[index]) return;
    void Promise.all([this.fetchClip(docId, index), this.waking]).then(([r]) => {
      if (!r.ok || generation !== this.generation || this.stateValue !== 'stopped' || this.index !== index || this.deck.clip) return;
      this.take(index, r.clip);
    }, () => undefined);
  }

  /** The first play() of a page waits for the audio output to start (about 140 ms in Chromium): a short silence at open starts it early. */
  private waking: Promise<void> = Promise.resolve();

  private wake(): void {
    const audio = this.audio;
    const url = URL.createObjectURL(new Blob([silentWav(100) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
    audio.src = url;
    this.waking = audio.play().then(
      () => new Promise<void>((resolve) => {
        const done = () => { audio.removeEventListener('ended', done); resolve(); };
        audio.addEventListener('ended', done);
        setTimeout(done, 300); // never wait long for a silence
      }),
      () => undefined, // autoplay refused (a browser without a user gesture yet): nothing to wake
    ).finally(() => {
      URL.revokeObjectURL(url);
      if (audio.src === url) {
        audio.removeAttribute('src');
        audio.load();
      }
    });
  }

  /** Asks for the clip after the current one and, once it comes, loads it in the spare deck (decoded before it is needed). */
  private prefetch(docId: string, index: number): void {
    if (!this.plan || index >= this.plan.utterances.length) return;
    for (const key of this.cache.keys()) if (key < this.index) this.cache.delete(key);
    const p = this.fetchClip(docId, index);
    const generation = this.generation;
    p.then((r) => {
      if (!r.ok || generation !== this.generation || this.index !== index - 1 || this.stateValue === 'stopped') return;
      const spare = this.spare;
      if (spare.clip !== r.clip || spare.index !== index) this.fill(spare, index, r.clip);
    }, () => this.cache.delete(index));
  }

  /**
   * Continuous reading with the next clip loaded in the spare deck and no earcon between: set
   * a timer for the moment the next one must start (see HANDOFF_WINDOW_MS, handoff.ts).
   */
  private armHandoff(time: number): void {
    if (this.handoff || !this.plan) return;
    const audio = this.audio;
    const remaining = ((audio.duration - time) * 1000) / (audio.playbackRate || 1);
    if (!(remaining <= HANDOFF_WINDOW_MS)) return;
    const index = this.index;
    const spare = this.spare;
    if (spare.index !== index + 1 || spare.audio.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) return;
    if (this.earcons && (this.plan.utterances[index]?.earconAfter || this.plan.utterances[index + 1]?.earconBefore)) return;
    const generation = this.generation;
    const lead = handoffLeadMs(this.startLatency, this.deck.tail, audio.playbackRate);
    this.handoff = setTimeout(() => {
      this.handoff = null;
      if (generation === this.generation && index === this.index) void this.onEnded();
    }, Math.max(0, remaining - lead));
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
    if (this.events.next && !this.events.next(next)) {
      this.stop();
      this.jump(next);
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

  /** Empties the current deck. */
  private releaseClip(): void {
    this.empty(this.deck);
  }

  private empty(deck: Deck): void {
    deck.clip = null;
    deck.index = -1;
    deck.tail = 0;
    delete deck.audio.dataset.utterance;
    if (deck.url) {
      deck.audio.pause();
      deck.audio.removeAttribute('src');
      deck.audio.load();
      URL.revokeObjectURL(deck.url);
      deck.url = null;
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
    if (this.handoff) clearTimeout(this.handoff);
    this.handoff = null;
  }

  /** Word under the audio clock: the last word whose time has come. */
  private tick(): void {
    const clip = this.deck.clip;
    if (!clip || this.stateValue !== 'playing') return;
    const time = this.audio.currentTime;
    const now = performance.now();
    const rate = this.audio.playbackRate || 1;
    const s = this.started;
    // Once the clock runs steadily, its zero tells how long the sound took to start.
    if (s.measuring && time > s.from + 0.15) {
      s.measuring = false;
      this.learntLatency = nextStartLatency(this.learntLatency, now - ((time - s.from) * 1000) / rate - s.at);
    }
    // The clock moves a little before the sound starts: no word before the sound is due.
    // Ticks come once a frame: a word is shown at the frame nearest its start, not the one after.
    const early = s.measuring && now + HALF_FRAME_MS < s.at + this.startLatency;
    const heard = early ? s.from : time > 0 ? time + (HALF_FRAME_MS / 1000) * rate : 0;
    this.events.word(heard > 0 ? wordAt(clip.words, heard) : null, clip.wordsEstimated);
    this.armHandoff(time);
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
