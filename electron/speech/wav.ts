// WAV reading and writing. Every clip the app handles is normalised to one format (mono,
// 16-bit PCM, 22050 Hz: what espeak-ng emits) so clips can be joined without conversion at
// playback or export time. Other engines' output (macOS `say` writes 32-bit float at 32 kHz)
// is converted once, when it comes out of the engine.

export const SAMPLE_RATE = 22050;

/** Mono 16-bit samples. */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

export interface WavInfo {
  /** 1 = integer PCM, 3 = IEEE float. */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataOffset: number;
  dataLength: number;
}

export interface CueMarker {
  /** Position in samples from the start of the data. */
  sample: number;
  label: string;
}

export class WavError extends Error {}

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

export function parseWavHeader(bytes: Uint8Array): WavInfo {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') throw new WavError('not a RIFF/WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataLength'> | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavError('truncated fmt chunk');
      let format = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format code starts the sub-format GUID.
      if (format === 0xfffe && size >= 40 && body + 26 <= bytes.length) format = view.getUint16(body + 24, true);
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt) throw new WavError('data chunk before fmt chunk');
      // Engines writing to a pipe cannot seek back to fix the size (espeak-ng writes
      // 0x7ffff000), so trust the bytes actually present.
      const frame = (fmt.channels * fmt.bitsPerSample) / 8;
      let length = Math.min(size, bytes.length - body);
      if (frame > 0) length -= length % frame;
      return { ...fmt, dataOffset: body, dataLength: length };
    }
    at = body + size + (size & 1);
  }
  throw new WavError(fmt ? 'no data chunk' : 'no fmt chunk');
}

function checkFormat(info: WavInfo): void {
  const ok =
    info.channels >= 1 && info.channels <= 8 && info.sampleRate >= 4000 && info.sampleRate <= 192000 &&
    ((info.format === 1 && [8, 16, 24, 32].includes(info.bitsPerSample)) || (info.format === 3 && [32, 64].includes(info.bitsPerSample)));
  if (!ok) throw new WavError(`unsupported WAV format (code ${info.format}, ${info.bitsPerSample} bit, ${info.channels} ch, ${info.sampleRate} Hz)`);
}

/** Any supported WAV (int 8-32 bit, float 32/64, any channel count) -> mono 16-bit at its own rate. */
export function decodeWav(bytes: Uint8Array): Pcm {
  const info = parseWavHeader(bytes);
  checkFormat(info);
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.dataLength);
  const width = info.bitsPerSample / 8;
  const frames = Math.floor(info.dataLength / (width * info.channels));
  const out = new Int16Array(frames);
  const read = (at: number): number => {
    if (info.format === 3) return (width === 4 ? view.getFloat32(at, true) : view.getFloat64(at, true)) * 32767;
    switch (width) {
      case 1: return (view.getUint8(at) - 128) * 256;
      case 2: return view.getInt16(at, true);
      case 3: return ((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) >> 16;
      default: return view.getInt32(at, true) / 65536;
    }
  };
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < info.channels; c++) sum += read((f * info.channels + c) * width);
    const v = Math.round(sum / info.channels);
    out[f] = Number.isFinite(v) ? Math.max(-32768, Math.min(32767, v)) : 0;
  }
  return { sampleRate: info.sampleRate, samples: out };
}

/** Linear interpolation: plenty for speech, and keeps this dependency-free. */
export function resample(pcm: Pcm, sampleRate: number): Pcm {
  if (pcm.sampleRate === sampleRate || pcm.samples.length === 0) return { sampleRate, samples: pcm.samples };
  const ratio = pcm.sampleRate / sampleRate;
  const n = Math.max(1, Math.round(pcm.samples.length / ratio));
  const src = pcm.samples;
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const pos = i * ratio;
    const j = Math.floor(pos);
    const a = src[Math.min(j, src.length - 1)]!;
    const b = src[Math.min(j + 1, src.length - 1)]!;
    out[i] = Math.round(a + (b - a) * (pos - j));
  }
  return { sampleRate, samples: out };
}

/** Engine output -> the app's one clip format. Throws WavError on anything that is not a usable WAV. */
export function normaliseWav(bytes: Uint8Array, sampleRate = SAMPLE_RATE): Pcm {
  return resample(decodeWav(bytes), sampleRate);
}

export const durationOf = (pcm: Pcm): number => pcm.samples.length / pcm.sampleRate;

export function wavDuration(bytes: Uint8Array): number {
  const info = parseWavHeader(bytes);
  return info.dataLength / ((info.channels * info.bitsPerSample) / 8) / info.sampleRate;
}

/** The 44-byte header of a mono 16-bit file; `extraBytes` counts chunks written after the data. */
export function wavHeader(dataBytes: number, sampleRate: number, extraBytes = 0): Uint8Array {
  const h = new Uint8Array(44);
  const v = new DataView(h.buffer);
  const put = (at: number, s: string) => { for (let i = 0; i < 4; i++) h[at + i] = s.charCodeAt(i); };
  put(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes + (dataBytes & 1) + extraBytes, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  put(36, 'data');
  v.setUint32(40, dataBytes, true);
  return h;
}

export function pcmBytes(pcm: Pcm): Uint8Array {
  const s = pcm.samples;
  // WAV is little-endian; so is every platform Electron runs on, but do not depend on it.
  const out = new Uint8Array(s.length * 2);
  const v = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) v.setInt16(i * 2, s[i]!, true);
  return out;
}

export function encodeWav(pcm: Pcm, cues: readonly CueMarker[] = []): Uint8Array {
  const data = pcmBytes(pcm);
  const extra = cues.length ? cueChunks(cues) : new Uint8Array(0);
  const head = wavHeader(data.length, pcm.sampleRate, extra.length);
  const out = new Uint8Array(head.length + data.length + extra.length);
  out.set(head, 0);
  out.set(data, head.length);
  out.set(extra, head.length + data.length);
  return out;
}

/**
 * `cue ` chunk plus a `LIST`/`adtl` chunk of `labl` names: the markers that Audacity, ocenaudio
 * and most players with chapter support show. Append after the data chunk.
 */
export function cueChunks(cues: readonly CueMarker[]): Uint8Array {
  const enc = new TextEncoder();
  const labels = cues.map((c) => enc.encode(c.label.replace(/\0/g, '')));
  const cueSize = 4 + 24 * cues.length;
  const lablSizes = labels.map((l) => 4 + l.length + 1);
  const listSize = 4 + lablSizes.reduce((sum, s) => sum + 8 + s + (s & 1), 0);
  const out = new Uint8Array(8 + cueSize + 8 + listSize);
  const v = new DataView(out.buffer);
  const put = (at: number, s: string) => { for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i); };
  put(0, 'cue ');
  v.setUint32(4, cueSize, true);
  v.setUint32(8, cues.length, true);
  cues.forEach((c, i) => {
    const at = 12 + i * 24;
    v.setUint32(at, i + 1, true); // cue id
    v.setUint32(at + 4, c.sample, true); // play order position
    put(at + 8, 'data');
    v.setUint32(at + 12, 0, true);
    v.setUint32(at + 16, 0, true);
    v.setUint32(at + 20, c.sample, true);
  });
  let at = 8 + cueSize;
  put(at, 'LIST');
  v.setUint32(at + 4, listSize, true);
  put(at + 8, 'adtl');
  at += 12;
  labels.forEach((l, i) => {
    const size = lablSizes[i]!;
    put(at, 'labl');
    v.setUint32(at + 4, size, true);
    v.setUint32(at + 8, i + 1, true);
    out.set(l, at + 12); // followed by the NUL already in the zeroed buffer
    at += 8 + size + (size & 1);
  });
  return out;
}

/** Reads back cue markers (for tests and for tools that import exported files). */
export function readCues(bytes: Uint8Array): CueMarker[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const positions = new Map<number, number>();
  const labels = new Map<number, string>();
  const walk = (from: number, to: number) => {
    let at = from;
    while (at + 8 <= to) {
      const id = ascii(bytes, at);
      const size = view.getUint32(at + 4, true);
      const body = at + 8;
      if (id === 'cue ') {
        const n = view.getUint32(body, true);
        for (let i = 0; i < n && body + 4 + i * 24 + 24 <= to; i++) {
          const c = body + 4 + i * 24;
          positions.set(view.getUint32(c, true), view.getUint32(c + 20, true));
        }
      } else if (id === 'LIST' && ascii(bytes, body) === 'adtl') {
        walk(body + 4, Math.min(to, body + size));
      } else if (id === 'labl') {
        const text = bytes.subarray(body + 4, body + size);
        const nul = text.indexOf(0);
        labels.set(view.getUint32(body, true), new TextDecoder().decode(nul >= 0 ? text.subarray(0, nul) : text));
      }
      at = body + size + (size & 1);
    }
  };
  walk(12, bytes.length);
  return [...positions].map(([id, sample]) => ({ sample, label: labels.get(id) ?? '' }));
}

/**
 * Drops the silence an engine puts before the first sound (0 to 110 ms for espeak-ng, longest
 * after an opening quote mark), keeping `marginMs` so the onset is not clipped. Returns the
 * seconds removed: word times must move back by as much.
 */
export function trimLeadingSilence(pcm: Pcm, threshold = 300, marginMs = 5): { pcm: Pcm; trimmed: number } {
  const s = pcm.samples;
  let first = 0;
  while (first < s.length && Math.abs(s[first]!) <= threshold) first++;
  if (first >= s.length) return { pcm, trimmed: 0 }; // all quiet: leave it as it is
  const cut = Math.max(0, first - Math.round((marginMs / 1000) * pcm.sampleRate));
  if (cut === 0) return { pcm, trimmed: 0 };
  return { pcm: { sampleRate: pcm.sampleRate, samples: s.subarray(cut) }, trimmed: cut / pcm.sampleRate };
}

export function silence(ms: number, sampleRate = SAMPLE_RATE): Pcm {
  return { sampleRate, samples: new Int16Array(Math.max(0, Math.round((ms / 1000) * sampleRate))) };
}

/** A sine sweep with short fades, so it starts and ends without a click. */
export function tone(fromHz: number, toHz: number, ms: number, sampleRate = SAMPLE_RATE, volume = 0.25): Pcm {
  const n = Math.round((ms / 1000) * sampleRate);
  const fade = Math.min(Math.round(0.008 * sampleRate), Math.floor(n / 2));
  const out = new Int16Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const hz = fromHz + ((toHz - fromHz) * i) / Math.max(1, n - 1);
    phase += (2 * Math.PI * hz) / sampleRate;
    const env = Math.min(1, i / Math.max(1, fade), (n - 1 - i) / Math.max(1, fade));
    out[i] = Math.round(Math.sin(phase) * env * volume * 32767);
  }
  return { sampleRate, samples: out };
}

/** Quote start rises, quote end falls: told apart without looking. */
export function earcon(kind: 'start' | 'end', sampleRate = SAMPLE_RATE): Pcm {
  return kind === 'start' ? tone(660, 990, 90, sampleRate) : tone(990, 660, 90, sampleRate);
}

/** Joins clips; a clip at another sample rate is resampled to the first one's (or `sampleRate`). */
export function concatPcm(parts: readonly Pcm[], sampleRate = parts[0]?.sampleRate ?? SAMPLE_RATE): Pcm {
  const same = parts.map((p) => resample(p, sampleRate));
  const out = new Int16Array(same.reduce((n, p) => n + p.samples.length, 0));
  let at = 0;
  for (const p of same) { out.set(p.samples, at); at += p.samples.length; }
  return { sampleRate, samples: out };
}

export function concatWavs(wavs: readonly Uint8Array[], sampleRate = SAMPLE_RATE): Uint8Array {
  return encodeWav(concatPcm(wavs.map((w) => decodeWav(w)), sampleRate));
}
