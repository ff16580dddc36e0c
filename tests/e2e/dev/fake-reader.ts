// DEV ONLY: window.reader for renderer iteration while core/ is a stub. Injected by
// dev/preview.ts with page.addInitScript; audio comes from real espeak-ng through an
// exposed Playwright binding. Settings persist in localStorage.
import type { ClipResult, ReaderApi, ReaderEvent, Settings, SettingsState, WordTiming } from '../../../core/contract';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../core/settings';
import { fakeModel, fakePlan } from './fake-article';

declare const __FAKE_SOURCE__: string;
declare function __fakeClip(text: string, voice: string, rate: number): Promise<{ wav: string; duration: number } | { error: string }>;

const w = globalThis as unknown as { reader: ReaderApi; __fakeFail?: Set<number>; __fakeEmit?: (e: ReaderEvent) => void; localStorage: Storage };
const model = fakeModel(__FAKE_SOURCE__);
const load = (): Settings => mergeSettings({ ...DEFAULT_SETTINGS }, JSON.parse(w.localStorage.getItem('fake-settings') ?? '{}')).settings;
let settings = load();
let plan = fakePlan(model, settings);
const listeners = new Set<(e: ReaderEvent) => void>();
w.__fakeEmit = (e) => listeners.forEach((l) => l(e));
w.__fakeFail = new Set();

const article = () => ({ docId: 'doc1', name: 'idlib-bloody-week.txt', model, plan, position: Number(w.localStorage.getItem('fake-pos') ?? 0), notices: [] });

w.reader = {
  openInitial: async () => ({ ok: true, article: article() }),
  listArticles: async () => [{ id: 'idlib', name: 'idlib-bloody-week.txt' }, { id: 'broken', name: 'broken.txt' }],
  openArticle: async (id) => (id === 'broken' ? { ok: false, message: 'The file is not UTF-8 text.' } : { ok: true, article: article() }),
  openFileDialog: async () => ({ ok: false, message: 'cancelled' }),
  openDropped: async (name) => ({ ok: false, message: `${name}: unsupported file type` }),
  getSettings: async (): Promise<SettingsState> => ({ settings, notice: null }),
  async updateSettings(_docId, patch) {
    settings = mergeSettings(settings, patch).settings;
    w.localStorage.setItem('fake-settings', JSON.stringify(settings));
    plan = fakePlan(model, settings);
    return { settings, plan };
  },
  listVoices: async () => ({ engine: 'espeak-ng', problem: null, voices: [
    { id: 'en-gb', name: 'English (GB)', language: 'en-GB', gender: null, engine: 'espeak-ng' },
    { id: 'en-us', name: 'English (US)', language: 'en-US', gender: null, engine: 'espeak-ng' },
  ] }),
  async getClip(_docId, i): Promise<ClipResult> {
    const u = plan.utterances[i];
    if (!u) return { ok: false, message: 'no such utterance' };
    if (w.__fakeFail!.has(i)) return { ok: false, message: 'espeak-ng exited with code 1.' };
    const rate = settings.rate;
    const r = await __fakeClip(u.text, u.voice, rate);
    if ('error' in r) return { ok: false, message: r.error };
    const wav = Uint8Array.from(atob(r.wav), (c) => c.charCodeAt(0));
    // Estimated word times: proportional to word length over the clip.
    const words: WordTiming[] = [];
    const re = /\S+/g;
    const slice = model.text.slice(u.start, u.end);
    let m: RegExpExecArray | null;
    const found: { start: number; end: number }[] = [];
    while ((m = re.exec(slice))) found.push({ start: u.start + m.index, end: u.start + m.index + m[0].length });
    const total = found.reduce((n, x) => n + x.end - x.start + 1, 0) || 1;
    let t = 0.08;
    const speech = Math.max(0.1, r.duration - 0.2);
    for (const f of found) {
      words.push({ ...f, time: t });
      t += ((f.end - f.start + 1) / total) * speech;
    }
    return { ok: true, clip: { utterance: i, wav, duration: r.duration, rate, words, wordsEstimated: true } };
  },
  savePosition: async (_d, i) => void w.localStorage.setItem('fake-pos', String(i)),
  exportAudio: async () => ({ ok: false, cancelled: true }),
  onEvent(l) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
