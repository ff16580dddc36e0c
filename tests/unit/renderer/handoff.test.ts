// When the player starts the next clip of continuous reading: inside the closing silence of the
// one playing, by the learnt start latency (renderer/player/handoff.ts). Clips are real
// espeak-ng output where espeak-ng is installed.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { encodeWav, silence, tone } from '../../../electron/speech/wav';
import { handoffLeadMs, nextStartLatency, trailingSilence } from '../../../renderer/player/handoff';
import { hasEspeak } from '../speech/helpers';

const sound = (ms: number) => tone(440, 440, ms).samples;
const clip = (...parts: Int16Array[]) => encodeWav({ sampleRate: 22050, samples: Int16Array.from(parts.flatMap((p) => [...p])) });

describe('trailing silence of a clip', () => {
  it('measures the silence after the last sound', () => {
    const wav = clip(sound(400), silence(250).samples);
    expect(trailingSilence(wav)).toBeCloseTo(0.25, 2);
    expect(trailingSilence(clip(sound(300)))).toBeLessThan(0.01);
  });

  it('is 0 for what is not a mono 16-bit WAV: nothing is cut from it', () => {
    expect(trailingSilence(new Uint8Array(0))).toBe(0);
    expect(trailingSilence(new TextEncoder().encode('RIFF....WAVEnot a wav file at all, just text'))).toBe(0);
    const float = clip(sound(100), silence(100).samples);
    new DataView(float.buffer).setUint16(20, 3, true); // format 3: float
    expect(trailingSilence(float)).toBe(0);
  });

  it.skipIf(!hasEspeak)('finds espeak-ng\'s end-of-sentence pause, shorter at a faster rate', () => {
    const say = (wpm: number) => new Uint8Array(execFileSync('espeak-ng', ['--stdout', '-s', String(wpm)], { input: 'The minister said the hospital had been struck three times.' }));
    const slow = trailingSilence(say(175));
    const fast = trailingSilence(say(450));
    expect(slow).toBeGreaterThan(0.15);
    expect(fast).toBeGreaterThan(0.02);
    expect(fast).toBeLessThan(slow);
  });
});
if (!hasEspeak) console.warn('handoff: espeak-ng clip test skipped: espeak-ng is not installed');

describe('how early the next clip starts', () => {
  it('by the start latency when the closing silence is longer', () => {
    expect(handoffLeadMs(70, 0.3, 1)).toBe(70);
  });

  it('never more than the closing silence (less a margin), at the playback rate', () => {
    // 50 ms of silence at 450 wpm: starting 70 ms early would cut the last word.
    expect(handoffLeadMs(70, 0.05, 1)).toBeLessThan(50);
    // Played at twice the speed, 100 ms of silence lasts 50 ms.
    expect(handoffLeadMs(70, 0.1, 2)).toBeLessThan(50);
    expect(handoffLeadMs(70, 0, 1)).toBe(0);
  });
});

describe('start latency learnt from the clock', () => {
  it('takes the first measure as it is, then moves halfway to each plausible one', () => {
    expect(nextStartLatency(null, 80)).toBe(80);
    expect(nextStartLatency(80, 60)).toBe(70);
    expect(nextStartLatency(70, 70)).toBe(70);
  });

  it('ignores a hiccup: negative, huge or not a number', () => {
    expect(nextStartLatency(70, -5)).toBe(70);
    expect(nextStartLatency(70, 2000)).toBe(70);
    expect(nextStartLatency(70, Number.NaN)).toBe(70);
    expect(nextStartLatency(null, -1)).toBeNull();
  });
});
