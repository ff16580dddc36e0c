import type { AnnounceWhileReading, HighlightStyle, Settings, Theme, Verbosity } from './contract';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: 1,
  voice: null,
  rate: 175,
  verbosity: 'smart',
  speakerVoices: true,
  readCaptions: true,
  readCredits: false,
  earcons: false,
  voicePartialQuotes: false,
  highlight: 'sentence-and-word',
  fontScale: 1,
  theme: 'system',
  announceWhileReading: 'brief',
  navigatePartialQuotes: true,
});

export const RATE_MIN = 80;
export const RATE_MAX = 450;
export const RATE_STEP = 25;

const VERBOSITY: readonly Verbosity[] = ['off', 'smart', 'always'];
const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'high-contrast'];
const HIGHLIGHTS: readonly HighlightStyle[] = ['sentence-and-word', 'sentence', 'off'];
const ANNOUNCE_WHILE_READING: readonly AnnounceWhileReading[] = ['off', 'brief', 'full'];

const oneOf = <T>(allowed: readonly T[], v: unknown): v is T => allowed.includes(v as T);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Keeps the valid fields of untrusted input (a settings file, an IPC payload) over `base`.
 * Returns the merged settings and the names of fields that were rejected.
 */
export function mergeSettings(base: Settings, input: unknown): { settings: Settings; rejected: string[] } {
  const out: Settings = { ...base };
  const rejected: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings: out, rejected: input === undefined ? [] : ['(not an object)'] };
  }
  for (const [key, v] of Object.entries(input as Record<string, unknown>)) {
    switch (key) {
      case 'version':
        break;
      case 'voice':
        if (v === null || (typeof v === 'string' && v.length > 0 && v.length <= 200 && !/[\0-\x1f]/.test(v))) out.voice = v;
        else rejected.push(key);
        break;
      case 'rate':
        if (typeof v === 'number' && Number.isFinite(v)) out.rate = Math.round(clamp(v, RATE_MIN, RATE_MAX));
        else rejected.push(key);
        break;
      case 'fontScale':
        if (typeof v === 'number' && Number.isFinite(v)) out.fontScale = clamp(v, 1, 3);
        else rejected.push(key);
        break;
      case 'verbosity':
        if (oneOf(VERBOSITY, v)) out.verbosity = v; else rejected.push(key);
        break;
      case 'theme':
        if (oneOf(THEMES, v)) out.theme = v; else rejected.push(key);
        break;
      case 'highlight':
        if (oneOf(HIGHLIGHTS, v)) out.highlight = v; else rejected.push(key);
        break;
      case 'announceWhileReading':
        if (oneOf(ANNOUNCE_WHILE_READING, v)) out.announceWhileReading = v; else rejected.push(key);
        break;
      case 'navigatePartialQuotes':
      case 'speakerVoices':
      case 'readCaptions':
      case 'readCredits':
      case 'earcons':
      case 'voicePartialQuotes':
        if (typeof v === 'boolean') out[key] = v; else rejected.push(key);
        break;
      default:
        rejected.push(key);
    }
  }
  return { settings: out, rejected };
}
