import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  concatPcm, concatWavs, cueChunks, decodeWav, earcon, encodeWav, normaliseWav, parseWavHeader, readCues,
  resample, SAMPLE_RATE, silence, tone, wavDuration, WavError,
} from '../../../electron/speech/wav';
import { hasSox, soxDuration, tempDir } from './helpers';

function floatWav(samples: number[], rate: number, channels = 1): Uint8Array {
  const data = samples.length * 4;
  const b = new Uint8Array(44 + data);
  const v = new DataView(b.buffer);
  b.set(new TextEncoder().encode('RIFF'), 0); v.setUint32(4, 36 + data, true);
  b.set(new TextEncoder().encode('WAVEfmt '), 8); v.setUint32(16, 16, true);
  v.setUint16(20, 3, true); v.setUint16(22, channels, true); v.setUint32(24, rate, true);
  v.setUint32(28, rate * 4 * channels, true); v.setUint16(32, 4 * channels, true); v.setUint16(34, 32, true);
  b.set(new TextEncoder().encode('data'), 36); v.setUint32(40, data, true);
  samples.forEach((s, i) => v.setFloat32(44 + i * 4, s, true));
  return b;
}

describe('wav', () => {
  it('round-trips 16-bit mono and reports duration', () => {
    const pcm = tone(440, 440, 500);
    const wav = encodeWav(pcm);
    const info = parseWavHeader(wav);
    expect(info).toMatchObject({ format: 1, channels: 1, sampleRate: SAMPLE_RATE, bitsPerSample: 16, dataOffset: 44 });
    expect(wavDuration(wav)).toBeCloseTo(0.5, 3);
    expect(decodeWav(wav).samples).toEqual(pcm.samples);
  });

  it('trusts the bytes present over a streaming header size (espeak-ng --stdout)', () => {
    const wav = encodeWav(silence(100));
    new DataView(wav.buffer).setUint32(40, 0x7ffff000, true);
    expect(parseWavHeader(wav).dataLength).toBe(wav.length - 44);
  });

  it('rejects garbage with a WavError', () => {
    expect(() => parseWavHeader(new TextEncoder().encode('this is not a wav at all'))).toThrow(WavError);
    expect(() => decodeWav(new Uint8Array(0))).toThrow(WavError);
    const noData = encodeWav(silence(10)).slice(0, 36);
    expect(() => parseWavHeader(noData)).toThrow(/no data chunk/);
  });

  it('converts float stereo at another rate (macOS say output) to the clip format', () => {
    const stereo = floatWav([0.5, -0.5, 1, 1, -2, -2, 0, 0], 32000, 2); // 4 frames; -2 clips
    const pcm = decodeWav(stereo);
    expect([...pcm.samples]).toEqual([0, 32767, -32768, 0]);
    const long = floatWav(Array.from({ length: 32000 }, (_, i) => Math.sin(i / 10) * 0.5), 32000);
    const out = normaliseWav(long);
    expect(out.sampleRate).toBe(SAMPLE_RATE);
    expect(out.samples.length).toBe(SAMPLE_RATE);
  });

  it('concatenates, resampling a mismatched clip', () => {
    const a = silence(100);
    const b = resample(tone(500, 500, 100), 44100);
    const joined = concatPcm([a, b]);
    expect(joined.sampleRate).toBe(SAMPLE_RATE);
    expect(joined.samples.length).toBeCloseTo(2 * 2205, -1);
    const wav = concatWavs([encodeWav(a), encodeWav(tone(300, 300, 250))]);
    expect(wavDuration(wav)).toBeCloseTo(0.35, 2);
  });

  it('makes silence and distinct, click-free earcons', () => {
    expect(silence(1000).samples.length).toBe(SAMPLE_RATE);
    const start = earcon('start').samples;
    const end = earcon('end').samples;
    expect(start.length).toBeGreaterThan(1000);
    expect(Math.abs(start[0]!)).toBeLessThan(200);
    expect(Math.abs(start[start.length - 1]!)).toBeLessThan(200);
    expect(Math.max(...start)).toBeGreaterThan(4000);
    expect(start).not.toEqual(end);
  });

  it('writes cue points with labels that read back', () => {
    const cues = [{ sample: 0, label: 'Title: Idlib' }, { sample: 2205, label: 'Quote 1: Dr Ahmad Tarakji — “odd” ✓' }, { sample: 4410, label: 'x' }];
    const wav = encodeWav(silence(300), cues);
    expect(readCues(wav)).toEqual(cues);
    expect(wavDuration(wav)).toBeCloseTo(0.3, 3);
    expect(cueChunks(cues).length % 2).toBe(0);
  });

  it.skipIf(!hasSox)('agrees with soxi on duration, cue chunks included', () => {
    const file = join(tempDir(), 'check.wav');
    writeFileSync(file, encodeWav(concatPcm([tone(440, 440, 700), silence(300)]), [{ sample: 100, label: 'Paragraph 1' }]));
    expect(soxDuration(file)).toBeCloseTo(1.0, 3);
  });
});
