// libespeak-ng through koffi. Loaded only inside the speech host process (speech-host.ts):
// the library is GPL C code fed hostile text, it keeps one global synthesis callback, and a
// crash in it must cost that process only. The project stays MIT: the system's library is
// loaded at run time, never bundled.
//
// Flags are espeakCHARS_UTF8 | espeakENDPAUSE and nothing else: without espeakPHONEMES the
// library reads `[[h@l'oU]]` as the characters on screen, and without espeakSSML it reads
// tags as text. (The espeak-ng command line always sets espeakPHONEMES.)

import koffi, { type LibraryHandle } from 'koffi';

/** One word as the library reports it: 0-based code point offset and length into the text given, and where its audio starts. */
export interface LibWord {
  pos: number;
  len: number;
  sample: number;
}

export interface LibSynthesis {
  samples: Int16Array;
  sampleRate: number;
  words: LibWord[];
  /** Synthesis was stopped at `maxSamples`. */
  truncated: boolean;
}

export interface LibVoice {
  /** The language tag the command line shows and takes (`-v en-gb`): our voice id. */
  id: string;
  name: string;
  gender: 'female' | 'male' | null;
  /** The library's voice file ("gmw/en"), which espeak_SetVoiceByName finds. */
  identifier: string;
}

export interface EspeakLibrary {
  readonly version: string;
  readonly sampleRate: number;
  /** English voices, in the order `espeak-ng --voices=en` lists them. MBROLA voices left out. */
  voices(): LibVoice[];
  /** `en-gb` or `en-gb+f3`; false when the library has no such voice. */
  setVoice(id: string): boolean;
  setRate(wordsPerMinute: number): void;
  /** `onChunk` runs every 50 ms of audio made (the host's heartbeat). */
  synth(text: string, opts: { maxSamples: number; onChunk?: () => void }): LibSynthesis;
}

export const LIBRARY_NAMES: readonly string[] = ['libespeak-ng.so.1', 'libespeak-ng.so'];

const AUDIO_OUTPUT_SYNCHRONOUS = 2;
const INITIALIZE_DONT_EXIT = 0x8000;
const CHARS_UTF8 = 1;
const ENDPAUSE = 0x1000;
const POS_CHARACTER = 1;
const PARAM_RATE = 1;
const EVENT_LIST_TERMINATED = 0;
const EVENT_WORD = 1;
const CHUNK_MS = 50;

/** Loads and initialises the library; throws with a readable message when it cannot. */
export function loadEspeakLibrary(names: readonly string[] = LIBRARY_NAMES): EspeakLibrary {
  let lib: LibraryHandle | null = null;
  const tried: string[] = [];
  for (const name of names) {
    try {
      lib = koffi.load(name);
      break;
    } catch (e) {
      tried.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (!lib) throw new Error(`libespeak-ng could not be loaded (${tried.join('; ')})`);

  // Struct and prototype names are global to koffi: a name per load keeps a second load (tests) apart.
  const tag = `_${Math.random().toString(36).slice(2, 8)}`;
  const EVENT = koffi.struct(`espeak_EVENT${tag}`, {
    type: 'int', unique_identifier: 'uint', text_position: 'int', length: 'int', audio_position: 'int', sample: 'int',
    user_data: 'void *', id: koffi.union({ number: 'int', name: 'const char *', string: koffi.array('char', 8) }),
  });
  const VOICE = koffi.struct(`espeak_VOICE${tag}`, {
    name: 'const char *', languages: 'void *', identifier: 'const char *', gender: 'uchar', age: 'uchar', variant: 'uchar', xx1: 'uchar', score: 'int', spare: 'void *',
  });
  const Callback = koffi.proto(`int SynthCallback${tag}(int16_t *wav, int numsamples, espeak_EVENT${tag} *events)`);
  const Initialize = lib.func('int espeak_Initialize(int output, int buflength, const char *path, int options)');
  const Info = lib.func('const char *espeak_Info(void *path)');
  const SetSynthCallback = lib.func(`void espeak_SetSynthCallback(SynthCallback${tag} *cb)`);
  const Synth = lib.func('int espeak_Synth(const void *text, size_t size, uint position, int position_type, uint end_position, uint flags, void *uid, void *user_data)');
  const SetParameter = lib.func('int espeak_SetParameter(int parameter, int value, int relative)');
  const SetVoiceByName = lib.func('int espeak_SetVoiceByName(const char *name)');
  const ListVoices = lib.func(`void *espeak_ListVoices(espeak_VOICE${tag} *spec)`);

  const sampleRate = Initialize(AUDIO_OUTPUT_SYNCHRONOUS, CHUNK_MS, null, INITIALIZE_DONT_EXIT) as number;
  if (!(sampleRate > 0)) throw new Error(`libespeak-ng did not initialise (code ${sampleRate}): is espeak-ng-data installed?`);
  const version = String(Info(null) ?? 'unknown');

  // The one synthesis in progress; the callback (global in the library) writes into it.
  let job: { chunks: Int16Array[]; samples: number; words: LibWord[]; max: number; truncated: boolean; onChunk?: () => void } | null = null;
  const eventSize = koffi.sizeof(EVENT);
  const callback = koffi.register((wav: unknown, count: number, events: unknown) => {
    const j = job;
    if (!j) return 1;
    for (let i = 0; ; i++) {
      const e = koffi.decode(events, i * eventSize, EVENT) as { type: number; text_position: number; length: number; sample: number };
      if (e.type === EVENT_LIST_TERMINATED) break;
      if (e.type === EVENT_WORD && e.text_position > 0 && e.length > 0) j.words.push({ pos: e.text_position - 1, len: e.length, sample: e.sample });
    }
    if (count > 0 && wav) {
      const take = Math.min(count, j.max - j.samples);
      if (take > 0) j.chunks.push(new Int16Array(koffi.view(wav, take * 2).slice(0)));
      j.samples += take;
      if (take < count) {
        j.truncated = true;
        return 1; // stop this synthesis
      }
    }
    j.onChunk?.();
    return 0;
  }, koffi.pointer(Callback));
  SetSynthCallback(callback);

  let voiceList: LibVoice[] | null = null;
  const voices = (): LibVoice[] => {
    if (voiceList) return voiceList;
    // With a language in the spec the library sorts by its fit to "en", as `--voices=en` does.
    const list = ListVoices({ name: null, languages: Buffer.from('en\0'), identifier: null, gender: 0, age: 0, variant: 0, xx1: 0, score: 0, spare: null });
    const out: LibVoice[] = [];
    const seen = new Set<string>();
    for (let i = 0; list && i < 1000; i++) {
      const p = koffi.decode(list, i * koffi.sizeof('void *'), 'void *');
      if (!p) break;
      const v = koffi.decode(p, VOICE) as { name: string | null; languages: unknown; identifier: string | null; gender: number };
      if (!v.identifier || !v.languages || v.identifier.startsWith('mb/')) continue;
      // languages: <priority byte><tag>\0 ... \0; the first tag names the voice.
      const bytes = Buffer.from(koffi.decode(v.languages, koffi.array('uint8', 48)) as number[]);
      const end = bytes.indexOf(0, 1);
      const id = bytes.subarray(1, end < 0 ? bytes.length : end).toString('latin1');
      if (!id.startsWith('en') || id === 'variant' || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, name: (v.name ?? id).replace(/_/g, ' '), gender: v.gender === 2 ? 'female' : v.gender === 1 ? 'male' : null, identifier: v.identifier });
    }
    return (voiceList = out);
  };

  return {
    version,
    sampleRate,
    voices,
    setVoice(id) {
      const [lang, variant] = id.split('+', 2) as [string, string | undefined];
      const voice = voices().find((v) => v.id === lang);
      if (!voice) return false;
      return SetVoiceByName(variant ? `${voice.identifier}+${variant}` : voice.identifier) === 0;
    },
    setRate(wpm) {
      SetParameter(PARAM_RATE, wpm, 0);
    },
    synth(text, opts) {
      const bytes = Buffer.from(`${text}\0`, 'utf8');
      job = { chunks: [], samples: 0, words: [], max: opts.maxSamples, truncated: false, onChunk: opts.onChunk };
      try {
        const status = Synth(bytes, bytes.length, 0, POS_CHARACTER, 0, CHARS_UTF8 | ENDPAUSE, null, null) as number;
        if (status !== 0 && !job.truncated) throw new Error(`espeak_Synth failed (code ${status})`);
        const samples = new Int16Array(job.samples);
        let at = 0;
        for (const c of job.chunks) { samples.set(c, at); at += c.length; }
        return { samples, sampleRate, words: job.words, truncated: job.truncated };
      } finally {
        job = null;
      }
    },
  };
}
