// Timing of the move from one clip to the next in continuous reading (player.ts). An <audio>
// element that is told to play reports currentTime > 0 at once, then its clock stands still
// until the sound really starts (in headless Chromium 60-90 ms after play(); other outputs
// differ): the start latency. The player learns it from the clock's steady state, starts the
// next clip that long before the current one ends (inside the current one's closing silence,
// never its words), and highlights no word before the sound is due.

/** Below this (of 32767) a sample counts as silence: espeak-ng's pauses are digital zeros or close. */
const SILENCE_LEVEL = 300;
/** Some of the closing silence is always kept: the end of a word's release can sit under the level. */
const TAIL_MARGIN_MS = 15;
/** The first guess, before any clip has been measured (60-90 ms measured in headless Chromium here). */
export const INITIAL_START_LATENCY_MS = 75;
/** A measure outside this is a hiccup (a busy machine, a stall), not the output's latency. */
const MAX_START_LATENCY_MS = 300;

/**
 * Seconds of silence at the end of a mono 16-bit PCM WAV (the engines' clips, wav.ts): the
 * pause espeak-ng leaves after a sentence. 0 when the file is not such a WAV.
 */
export function trailingSilence(wav: Uint8Array): number {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  if (wav.byteLength < 44 || view.getUint32(0, false) !== 0x52494646 || view.getUint32(8, false) !== 0x57415645) return 0;
  // Chunks after "WAVE": find "fmt " (mono, 16-bit) and "data".
  let at = 12;
  let rate = 0;
  while (at + 8 <= wav.byteLength) {
    const id = view.getUint32(at, false);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 0x666d7420 && body + 16 <= wav.byteLength) {
      if (view.getUint16(body, true) !== 1 || view.getUint16(body + 2, true) !== 1 || view.getUint16(body + 14, true) !== 16) return 0;
      rate = view.getUint32(body + 4, true);
    } else if (id === 0x64617461) {
      if (!rate) return 0;
      const end = Math.min(wav.byteLength, body + size) & ~1;
      let i = end - 2;
      while (i >= body && Math.abs(view.getInt16(i, true)) < SILENCE_LEVEL) i -= 2;
      return (end - 2 - i) / 2 / rate;
    }
    at = body + size + (size & 1);
  }
  return 0;
}

/** How long before the current clip's end the next one is started: the start latency, but never more than its closing silence allows. */
export function handoffLeadMs(startLatencyMs: number, tailSeconds: number, playbackRate: number): number {
  const tailMs = (tailSeconds * 1000) / (playbackRate > 0 ? playbackRate : 1) - TAIL_MARGIN_MS;
  return Math.max(0, Math.min(startLatencyMs, tailMs));
}

/**
 * The start latency after one more measure: `measuredMs` is the clock's steady-state zero
 * (wall time - currentTime / rate, once the clock runs) minus the moment play() was called.
 * `previousMs` is null before the first measure (then INITIAL_START_LATENCY_MS is used).
 */
export function nextStartLatency(previousMs: number | null, measuredMs: number): number | null {
  if (!Number.isFinite(measuredMs) || measuredMs < 0 || measuredMs > MAX_START_LATENCY_MS) return previousMs;
  return previousMs === null ? measuredMs : (previousMs + measuredMs) / 2;
}
