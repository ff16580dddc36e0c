// What a listener feels in the real renderer (harness: real ReaderService, speech host,
// libespeak-ng; headless Debian Chromium):
//  - play_to_audio_ms: Space pressed -> the <audio> clock moving. `cold`: the first play after
//    the article opened; `warm`: play again after a pause. A fresh browser per run, median of 7.
//    Timed inside the page: from the keydown (capture phase, before the app sees it) to the
//    first poll (MessageChannel loop, well under 1 ms apart) that finds currentTime advanced.
//  - word_drift_ms: over 30 s of the sample, for each change of the word highlight, the gap
//    between when it changed and when that word's audio played: the clip's audio-clock zero
//    (wall time - currentTime/playbackRate, median over frames) plus the word's time from the
//    engine's events, read from the clip the page fetched. Largest gap.
//  - sentence_gap_ms: in the same 30 s, the silence the player adds between two clips of
//    continuous reading: the next clip's audio-clock zero minus the end of the one before
//    (its zero + duration / playbackRate). The clips' own pauses (espeak-ng's end of sentence)
//    are inside their durations, so 0 means the next sentence starts the moment the last one's
//    audio ends; below 0, it started inside the last one's closing silence (the player's
//    handoff, renderer/player/handoff.ts, never cuts words). Transitions with an earcon (a tone
//    meant to be heard between them) are reported apart. The element playing is found by its id (#reader-audio), which the player
//    moves to whichever of its two elements is current.
import type { Browser, Page } from '@playwright/test';
import { launchChromium } from './browser';
import { startHarness, type Harness } from '../harness/server';
import { log, max, median, round, sleep } from './stats';


export interface PlayResult {
  play_to_audio_ms: { cold: number; warm: number; cold_runs: number[]; warm_runs: number[] };
  word_drift_ms: number | null;
  word_drift_detail: { changes: number; median_ms: number; p95_ms: number; over_20_ms: number; late_max_ms: number; early_max_ms: number; seconds: number; words_estimated: boolean | null } | null;
  sentence_gap_ms: { median: number; max: number; transitions: number; per_transition: number[]; with_earcon: number[] } | null;
}

const MEASURE = `(() => {
  window.__armPlayToAudio = () => { window.__playToAudio = new Promise((resolve) => {
    const audio = () => document.getElementById('reader-audio');
    let t0 = 0, base = 0, at = null;
    const ch = new MessageChannel();
    // The element Space plays is the one named at the keydown; it is followed even if renamed.
    const poll = () => { if (!at.paused && at.currentTime > base) resolve(performance.now() - t0); else ch.port2.postMessage(0); };
    ch.port1.onmessage = poll;
    const onKey = (e) => {
      if (e.code !== 'Space') return;
      window.removeEventListener('keydown', onKey, true);
      t0 = performance.now();
      at = audio();
      base = at.currentTime;
      poll();
    };
    window.addEventListener('keydown', onKey, true);
  }); };
})();`;

/** Records clips as fetched (their word times), clip clock zeros, and word highlight changes. */
const DRIFT = `(() => {
  const B = (window.__drift = { clips: {}, zeros: {}, changes: [], played: [], earcons: null });
  const fetch0 = window.fetch;
  window.fetch = async (...args) => {
    const res = await fetch0(...args);
    if (String(args[0]).endsWith('/api/openInitial')) {
      // The plan travels packed (core/packed.ts): its utterances are JSON pieces. A hook must never break the app's fetch.
      try {
        const opened = await res.clone().json();
        const plan = opened && opened.ok ? opened.article.plan : null;
        const utterances = plan && plan.pieces ? plan.pieces.utterances.flatMap((p) => JSON.parse(p)) : plan ? plan.utterances : null;
        if (utterances) B.earcons = utterances.map((u) => [!!u.earconBefore, !!u.earconAfter]);
      } catch (e) { console.error('drift hook:', e); }
    }
    if (String(args[0]).endsWith('/api/getClip')) {
      const body = new Uint8Array(await res.clone().arrayBuffer());
      const n = new DataView(body.buffer).getUint32(0, true);
      const meta = JSON.parse(new TextDecoder().decode(body.subarray(4, 4 + n)));
      if (meta.ok) B.clips[meta.clip.utterance] = { words: meta.clip.words, estimated: meta.clip.wordsEstimated };
    }
    return res;
  };
  const frame = () => {
    const a = document.getElementById('reader-audio');
    if (a && !a.paused && a.currentTime > 0.02) {
      if (!B.zeros[a.currentSrc]) B.played.push({ src: a.currentSrc, utterance: Number(document.getElementById('article').dataset.utterance), duration: a.duration, rate: a.playbackRate || 1 });
      (B.zeros[a.currentSrc] ??= []).push(performance.now() - (a.currentTime * 1000) / (a.playbackRate || 1));
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener('DOMContentLoaded', () => {
    const article = document.getElementById('article');
    new MutationObserver(() => {
      const w = article.dataset.wordStart;
      const a = document.getElementById('reader-audio');
      if (w) B.changes.push({ t: performance.now(), word: Number(w), utterance: Number(article.dataset.utterance), src: a.currentSrc, rate: a.playbackRate });
    }).observe(article, { attributes: true, attributeFilter: ['data-word-start'] });
  });
})();`;

async function openReady(browser: Browser, harness: Harness, init: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(init);
  await page.goto(harness.url);
  await page.waitForSelector('.sentence', { timeout: 30_000 });
  // Opened as a listener finds it: the first clip made and loaded (not the 0.1 s wake-up silence).
  await page.waitForFunction(() => {
    const a = (globalThis as unknown as { document: { getElementById(id: string): { readyState: number; duration: number; paused: boolean } } }).document.getElementById('reader-audio');
    return a.readyState >= 4 && a.duration > 0.5 && a.paused;
  }, undefined, { timeout: 30_000 });
  await sleep(500);
  return page;
}

async function playToAudio(harness: Harness, runs: number): Promise<PlayResult['play_to_audio_ms']> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const browser = await launchChromium();
    try {
      const page = await openReady(browser, harness, MEASURE);
      type Armed = { __armPlayToAudio(): void; __playToAudio: Promise<number> };
      // Armed (listener in place) before the key is pressed, read after.
      const spaceToAudio = async () => {
        await page.evaluate(() => (globalThis as unknown as Armed).__armPlayToAudio());
        await page.keyboard.press('Space');
        return page.evaluate(() => (globalThis as unknown as Armed).__playToAudio);
      };
      cold.push(await spaceToAudio());
      await sleep(1500);
      await page.keyboard.press('Space'); // pause
      await sleep(1000);
      warm.push(await spaceToAudio());
      await page.keyboard.press('Escape');
    } finally {
      await browser.close();
    }
    log(`play_to_audio run ${i + 1}: cold ${round(cold.at(-1)!)} ms, warm ${round(warm.at(-1)!)} ms`);
  }
  return { cold: round(median(cold)), warm: round(median(warm)), cold_runs: cold.map((x) => round(x)), warm_runs: warm.map((x) => round(x)) };
}

interface DriftData {
  clips: Record<number, { words: { start: number; time: number }[]; estimated: boolean }>;
  zeros: Record<string, number[]>;
  changes: { t: number; word: number; utterance: number; src: string; rate: number }[];
  /** Clips in the order they were heard. */
  played: { src: string; utterance: number; duration: number; rate: number }[];
  /** Per utterance of the opened plan: [earconBefore, earconAfter]. */
  earcons: [boolean, boolean][] | null;
}

/** Silence added between consecutive clips: next clip's clock zero - (this clip's zero + its duration at its rate). */
function sentenceGaps(data: DriftData): PlayResult['sentence_gap_ms'] {
  const plain: number[] = [];
  const earcon: number[] = [];
  for (let i = 1; i < data.played.length; i++) {
    const a = data.played[i - 1]!;
    const b = data.played[i]!;
    if (b.utterance !== a.utterance + 1 || !Number.isFinite(a.duration)) continue;
    const gap = median(data.zeros[b.src]!) - (median(data.zeros[a.src]!) + (a.duration * 1000) / a.rate);
    const tone = !!(data.earcons?.[a.utterance]?.[1] || data.earcons?.[b.utterance]?.[0]);
    (tone ? earcon : plain).push(round(gap));
  }
  // The last clip heard was cut off by the end of the run: it has no transition after it.
  if (!plain.length) return null;
  return { median: round(median(plain)), max: round(max(plain)), transitions: plain.length, per_transition: plain, with_earcon: earcon };
}

async function wordDrift(harness: Harness, seconds: number): Promise<Pick<PlayResult, 'word_drift_ms' | 'word_drift_detail' | 'sentence_gap_ms'>> {
  const browser = await launchChromium();
  try {
    const page = await openReady(browser, harness, DRIFT);
    await page.keyboard.press('Space');
    await sleep(seconds * 1000);
    await page.keyboard.press('Escape');
    const data = await page.evaluate(() => (globalThis as unknown as { __drift: DriftData }).__drift);
    const gaps: number[] = [];
    let estimated: boolean | null = null;
    for (const c of data.changes) {
      const clip = data.clips[c.utterance];
      const zeros = data.zeros[c.src];
      const word = clip?.words.find((w) => w.start === c.word);
      if (!clip || !zeros?.length || !word) continue;
      estimated = clip.estimated;
      gaps.push(c.t - (median(zeros) + (word.time * 1000) / (c.rate || 1)));
    }
    const sentence_gap_ms = sentenceGaps(data);
    if (!gaps.length) return { word_drift_ms: null, word_drift_detail: null, sentence_gap_ms };
    const abs = gaps.map(Math.abs);
    return {
      sentence_gap_ms,
      word_drift_ms: round(max(abs)),
      word_drift_detail: { changes: gaps.length, median_ms: round(median(abs)), p95_ms: round([...abs].sort((a, b) => a - b)[Math.floor(abs.length * 0.95)]!), over_20_ms: abs.filter((x) => x > 20).length, late_max_ms: round(max(gaps)), early_max_ms: round(-Math.min(...gaps)), seconds, words_estimated: estimated },
    };
  } finally {
    await browser.close();
  }
}

export async function benchPlay(runs = 7, driftSeconds = 30): Promise<PlayResult> {
  const harness = await startHarness();
  try {
    const play = await playToAudio(harness, runs);
    log(`word drift: ${driftSeconds} s of the sample`);
    const drift = await wordDrift(harness, driftSeconds);
    return { play_to_audio_ms: play, ...drift };
  } finally {
    await harness.close();
  }
}
