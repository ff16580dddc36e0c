// Everything the renderer can ask for (the ReaderApi of core/contract.ts), as plain Node. The
// Electron main process and the test harness are thin transports over one of these.
import { randomUUID } from 'node:crypto';
import { open as openFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  ArticleEntry, ArticleModel, ClipResult, ExportResult, Packed, PackedOpenResult, PackedSettingsUpdate, ReadingPlan, RecentEntry,
  Settings, SettingsState, VoiceList, WireEvent,
} from '../../core/contract';
import { fetchPage, isWebAddress, linkName, type FetchResult } from '../articles/fetch-page';
import { unpack, type UnpackOptions } from '../../core/packed';
import { exportFileName } from './export-name';
import { messageForPeople } from './user-message';
import type { ArticleLoader, LoadResult, OnPreview, Planning, PreparedArticle } from './article-loader';
import { ReadingState, type ArticleSource } from './reading-state';
import { RecentArticles, type RecentSource } from './recent-articles';
import { SettingsStore } from './settings-store';
import type { SpeechPort } from './speech-port';
import { MAX_PASTE_CHARS, PayloadError, bytesArg, displayName, docIdArg, indexArg, nullableDocIdArg, nullableTextArg, plainObjectArg, shortStringArg } from './validate';

export const SAMPLE_ARTICLE = 'idlib-bloody-week.txt';
const ARTICLE_FILE = /\.(txt|md|markdown|mdown|mkd)$/i;
/** Open documents kept in memory; older ones are dropped (the renderer shows one at a time). */
const MAX_DOCS = 4;
/** Settings the reading plan depends on. (The clip cache keys audio by voice, rate and text itself.) */
const PLAN_KEYS: readonly (keyof Settings)[] = ['voice', 'verbosity', 'speakerVoices', 'readCaptions', 'readCredits', 'earcons', 'voicePartialQuotes'];

export interface Dialogs {
  /** Native "open article" dialog: a path, or null when dismissed. */
  openArticle(): Promise<string | null>;
  /** Native "save audio" dialog: a path, or null when dismissed. */
  saveAudio(suggestedName: string): Promise<string | null>;
}

/** The system clipboard (Electron's `clipboard` in the main process; a test double in the harness). */
export interface ClipboardPort {
  read(): Promise<{ html: string | null; text: string | null }>;
}

export interface ReaderServiceOptions {
  userDataDir: string;
  /** The bundled articles (content/). */
  contentDir: string;
  /** An article path given on the command line. */
  initialPath?: string | null;
  loader: ArticleLoader;
  speech: SpeechPort;
  dialogs: Dialogs;
  /** Edit > Paste article reads it; without one, that command says the clipboard cannot be read. */
  clipboard?: ClipboardPort;
  /** Fetches "Open link…" pages; electron/articles/fetch-page.ts unless a test replaces it. */
  fetchPage?: (url: string) => Promise<FetchResult>;
}

interface Doc {
  id: string;
  name: string;
  /** Hash of the article text: the key for its reading position. */
  key: string;
  text: string;
  title: string | null;
  /** Never unpacked here: the worker re-plans from it, the page shows it. */
  model: Packed<ArticleModel>;
  plan: ReadingPlan;
  packedPlan: Packed<ReadingPlan>;
  /** Opened with its first part: settles once the whole is in (or could not be read). */
  whole: Promise<void> | null;
  /** Planned with the voices of a working engine; false while none was found (all in one voice). */
  voiced: boolean;
}

/** Plans arrive packed from the worker; decoding one gives the event loop back every few ms. */
const UNPACK_SLICES: UnpackOptions = { sliceMs: 8, now: () => performance.now(), yieldNow: () => new Promise((resolve) => setImmediate(resolve)) };

export class ReaderService {
  private readonly docs = new Map<string, Doc>();
  private readonly listeners = new Set<(e: WireEvent) => void>();
  private voices: Promise<VoiceList> | null = null;
  /** Launch: a file handed over before the page asked for its first article replaces initialPath. */
  private handedOver: string | null = null;
  private initialOpening: Promise<PackedOpenResult> | null = null;
  /** The export running now, so cancelExport can stop it. */
  private exportRun: AbortController | null = null;
  /** The document opened last: the one to reopen at the next start. */
  private latestDocId: string | null = null;
  /** Counts re-plans for new settings: a whole article parsed meanwhile is planned again. */
  private planVersion = 0;

  private constructor(
    private readonly opts: ReaderServiceOptions,
    private readonly settings: SettingsStore,
    private readonly state: ReadingState,
    private readonly recent: RecentArticles,
  ) {}

  static async create(opts: ReaderServiceOptions): Promise<ReaderService> {
    const [settings, state, recent] = await Promise.all([SettingsStore.open(opts.userDataDir), ReadingState.open(opts.userDataDir), RecentArticles.open(opts.userDataDir)]);
    return new ReaderService(opts, settings, state, recent);
  }

  // --- events --------------------------------------------------------------------------

  subscribe(listener: (e: WireEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: WireEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken transport must not stop the others.
      }
    }
  }

  // --- opening articles ----------------------------------------------------------------

  openInitial(): Promise<PackedOpenResult> {
    this.initialOpening = this.openFirst();
    return this.initialOpening;
  }

  /**
   * A file or link handed to the running app (a second launch, the OS). Before the page has
   * asked for its first article it becomes that article; after, it is opened and sent as an
   * event, once the first article is out (so the page never shows them in the wrong order).
   * Nobody waits for this call's answer, so a failure is sent as the event too.
   */
  async handOver(path: string): Promise<void> {
    if (!this.initialOpening) {
      this.handedOver = path;
      return;
    }
    await this.initialOpening.catch(() => undefined);
    let result: PackedOpenResult;
    try {
      result = isWebAddress(path) ? await this.openUrl(path) : await this.openSource({ kind: 'file', path });
    } catch (e) {
      result = { ok: false, message: messageForPeople(e) };
    }
    this.emit({ type: 'opened', result });
  }

  private async openFirst(): Promise<PackedOpenResult> {
    const notices: string[] = [];
    const tried = new Set<string>();
    const attempt = async (source: ArticleSource | { kind: 'link'; url: string }): Promise<PackedOpenResult | null> => {
      const label = source.kind === 'file' ? source.path : source.kind === 'link' ? source.url : source.id;
      if (tried.has(label)) return null;
      tried.add(label);
      const r = source.kind === 'link' ? await this.openUrl(source.url) : await this.openSource(source);
      if (r.ok) {
        r.article.notices.unshift(...notices);
        return r;
      }
      notices.push(`Could not open ${source.kind === 'link' ? label : source.kind === 'recent' ? (this.recent.get(label)?.name ?? 'the last article') : basename(label)}: ${r.message}`);
      return null;
    };
    const initialPath = this.handedOver ?? this.opts.initialPath;
    this.handedOver = null;
    if (initialPath) {
      const r = await attempt(isWebAddress(initialPath) ? { kind: 'link', url: initialPath } : { kind: 'file', path: initialPath });
      if (r) return r;
    }
    const last = this.state.last();
    if (last) {
      const r = await attempt(last);
      if (r) return r;
    }
    return (await attempt({ kind: 'content', id: SAMPLE_ARTICLE })) ?? { ok: false, message: notices.join(' ') };
  }

  async listArticles(): Promise<ArticleEntry[]> {
    let files: string[];
    try {
      files = (await readdir(this.opts.contentDir, { withFileTypes: true }))
        .filter((d) => d.isFile() && ARTICLE_FILE.test(d.name))
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b));
    } catch {
      return [];
    }
    return Promise.all(files.map(async (id) => ({ id, name: (await firstLine(join(this.opts.contentDir, id))) ?? id })));
  }

  async openArticle(id: unknown): Promise<PackedOpenResult> {
    const name = shortStringArg(id, 'id');
    // Only a name the listing returned: never a path built from what the renderer sent.
    const listed = await this.listArticles();
    if (!listed.some((a) => a.id === name)) return { ok: false, message: 'That article is not in the article list.' };
    return this.openSource({ kind: 'content', id: name });
  }

  async openFileDialog(): Promise<PackedOpenResult> {
    const path = await this.opts.dialogs.openArticle();
    if (!path) return { ok: false, message: 'cancelled' };
    return this.openSource({ kind: 'file', path });
  }

  async openDropped(name: unknown, bytes: unknown): Promise<PackedOpenResult> {
    const shown = displayName(shortStringArg(name, 'name', 4096));
    let data: Uint8Array;
    try {
      data = bytesArg(bytes);
    } catch (e) {
      if (e instanceof PayloadError && bytes instanceof Uint8Array) return { ok: false, message: `${shown}: ${e.message}.` };
      throw e;
    }
    const planning = await this.planning();
    return this.openLoaded(shown, (onPreview) => this.opts.loader.loadBytes(shown, data, planning, undefined, onPreview), null, { kind: 'file', path: null });
  }

  // --- web pages, links and pasted text ----------------------------------------------------

  async openUrl(url: unknown): Promise<PackedOpenResult> {
    const link = shortStringArg(url, 'url', 4096);
    const fetched = await (this.opts.fetchPage ?? fetchPage)(link);
    if (!fetched.ok) return { ok: false, message: fetched.message };
    const name = linkName(fetched.url);
    const planning = await this.planning();
    const hint = { format: fetched.format, contentType: fetched.contentType };
    return this.openLoaded(name, (onPreview) => this.opts.loader.loadBytes(name, fetched.bytes, planning, hint, onPreview), null, { kind: 'link', url: fetched.url });
  }

  async openPasted(html: unknown, text: unknown): Promise<PackedOpenResult> {
    const h = nullableTextArg(html, 'html');
    const t = nullableTextArg(text, 'text');
    // A copied address ("https://…" and nothing else) means "open this link".
    const single = t?.trim() ?? '';
    if (isWebAddress(single) && !/\s/.test(single) && (!h || !/<(?:p|h[1-6]|li|div|article)\b/i.test(h))) return this.openUrl(single);
    const planning = await this.planning();
    return this.openLoaded('Pasted article', (onPreview) => this.opts.loader.loadPaste(h, t, planning, onPreview), null, { kind: 'paste' });
  }

  async openClipboard(): Promise<PackedOpenResult> {
    if (!this.opts.clipboard) return { ok: false, message: 'The clipboard cannot be read here: press Ctrl+V to paste instead.' };
    const { html, text } = await this.opts.clipboard.read();
    // Too much HTML (a whole page's scripts): its text may still fit.
    const fits = (s: string | null) => (s !== null && s.length <= MAX_PASTE_CHARS ? s : null);
    if (!fits(html) && !fits(text) && (html || text)) return { ok: false, message: `The clipboard holds more than ${MAX_PASTE_CHARS / 1024 / 1024} MB of text, too much to read as one article.` };
    return this.openPasted(fits(html), fits(text));
  }

  async listRecent(): Promise<RecentEntry[]> {
    return this.recent.list();
  }

  async openRecent(id: unknown): Promise<PackedOpenResult> {
    return this.openSource({ kind: 'recent', id: shortStringArg(id, 'id', 64) });
  }

  async forgetRecent(id: unknown): Promise<void> {
    await this.recent.forget(shortStringArg(id, 'id', 64));
  }

  private async openRecentEntry(id: string): Promise<PackedOpenResult> {
    const entry = this.recent.get(id);
    if (!entry) return { ok: false, message: 'That article is no longer in the recent list.' };
    if (entry.path) return this.openSource({ kind: 'file', path: entry.path });
    const stored = entry.copy ? await this.recent.stored(id) : null;
    if (!stored) {
      if (entry.url) return this.openUrl(entry.url);
      return { ok: false, message: `The saved copy of ${entry.name} could not be read; paste or open it again.` };
    }
    const source: RecentSource = entry.kind === 'link' && entry.url ? { kind: 'link', url: entry.url } : entry.kind === 'paste' ? { kind: 'paste' } : { kind: 'file', path: null };
    const name = entry.kind === 'link' && entry.url ? linkName(entry.url) : entry.kind === 'paste' ? 'Pasted article' : entry.name;
    const planning = await this.planning();
    return this.openLoaded(name, (onPreview) => this.opts.loader.loadBlocks(stored.blocks, stored.format, planning, onPreview), { kind: 'recent', id }, source);
  }

  private async openSource(source: ArticleSource): Promise<PackedOpenResult> {
    if (source.kind === 'recent') return this.openRecentEntry(source.id);
    // A content id (from the list, or from reading-state.json) names a file in content/, never a path.
    if (source.kind === 'content' && (basename(source.id) !== source.id || source.id.startsWith('.'))) {
      return { ok: false, message: 'That article is not in the article list.' };
    }
    const path = source.kind === 'file' ? source.path : join(this.opts.contentDir, source.id);
    const name = basename(path);
    const planning = await this.planning();
    return this.openLoaded(name, (onPreview) => this.opts.loader.loadFile(path, planning, onPreview), source, source.kind === 'file' ? { kind: 'file', path: source.path } : null);
  }

  /**
   * Big articles (issue 12) open with their first part, sent by the worker while it parses the
   * whole (core/article/preview.ts): the page shows and reads it at once, and the whole follows
   * as an 'article-completed' event. An article with a reading position past that part waits
   * for the whole, so it resumes where it was left.
   */
  private async openLoaded(name: string, load: (onPreview: OnPreview) => Promise<LoadResult>, source: ArticleSource | null, recent: RecentSource | null): Promise<PackedOpenResult> {
    let sendFirst: OnPreview = () => undefined;
    const firstPart = new Promise<PreparedArticle>((resolve) => (sendFirst = resolve));
    const version = this.planVersion;
    const whole = load((first) => sendFirst(first)).catch((e: unknown): LoadResult => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
    const early = await Promise.race([whole, firstPart.then((first) => ({ first }))]);
    if (!('first' in early)) return this.finishOpen(name, early, source, recent);
    const offset = this.state.offset(early.first.key);
    if (offset !== null && offset >= early.first.text.length) return this.finishOpen(name, await whole, source, recent);
    const opened = await this.finishOpen(name, { ok: true, article: early.first }, null, null);
    if (!opened.ok) return opened;
    const doc = this.docs.get(opened.article.docId)!;
    doc.whole = whole.then((r) => this.complete(doc, r, version, source, recent));
    return { ok: true, article: { ...opened.article, partial: true } };
  }

  /** The whole of an article opened with its first part: kept for speech and export, remembered, sent to the page. */
  private async complete(doc: Doc, result: LoadResult, version: number, source: ArticleSource | null, recent: RecentSource | null): Promise<void> {
    if (!result.ok) {
      this.emit({ type: 'article-completed', completion: { ok: false, docId: doc.id, message: result.message } });
      return;
    }
    const { article } = result;
    try {
      // The settings changed while it was parsed: plan it as the first part was planned again.
      let packedPlan = article.plan;
      let voiced = article.voiced;
      if (version !== this.planVersion) {
        const planning = await this.planning();
        const r = await this.opts.loader.plan(article.model, planning);
        if (r.ok) [packedPlan, voiced] = [r.plan, planning.voices.length > 0];
      }
      const plan = await unpack(packedPlan, UNPACK_SLICES);
      Object.assign(doc, { text: article.text, title: article.title, model: article.model, plan, packedPlan, voiced });
      await this.remember(doc, article, source, recent);
      this.emit({ type: 'article-completed', completion: { ok: true, docId: doc.id, model: article.model, plan: packedPlan, extendsShown: article.extendsPreview === true, notices: [...article.notices] } });
    } catch (e) {
      this.emit({ type: 'article-completed', completion: { ok: false, docId: doc.id, message: e instanceof Error ? e.message : String(e) } });
    }
  }

  /** `source`: how to reopen it at the next start; `recent`: how it appears in the recent list (bundled articles do not). */
  private async finishOpen(name: string, result: LoadResult, source: ArticleSource | null, recent: RecentSource | null): Promise<PackedOpenResult> {
    if (!result.ok) return result;
    // Parsed and planned in the worker; only the plan is decoded here, for speech.
    const { article } = result;
    let plan: ReadingPlan;
    try {
      plan = await unpack(article.plan, UNPACK_SLICES);
    } catch (e) {
      return { ok: false, message: `The reading of ${name} could not be prepared: ${e instanceof Error ? e.message : String(e)}` };
    }
    const doc: Doc = { id: randomUUID(), name, key: article.key, text: article.text, title: article.title, model: article.model, plan, packedPlan: article.plan, whole: null, voiced: article.voiced };
    this.docs.set(doc.id, doc);
    for (const old of [...this.docs.keys()].slice(0, Math.max(0, this.docs.size - MAX_DOCS))) this.docs.delete(old);
    this.latestDocId = doc.id;
    await this.remember(doc, article, source, recent);
    return { ok: true, article: { docId: doc.id, name, model: article.model, plan: article.plan, position: this.resumeIndex(doc), notices: [...article.notices] } };
  }

  /** In the recent list, and the article to reopen at the next start (unless another was opened since). */
  private async remember(doc: Doc, article: PreparedArticle, source: ArticleSource | null, recent: RecentSource | null): Promise<void> {
    let last = source;
    if (recent) {
      const id = await this.recent.add(recent, article, doc.name).catch(() => null);
      if (id && !last) last = { kind: 'recent', id };
    }
    if (last && this.latestDocId === doc.id) await this.state.setLast(last).catch(() => undefined);
  }

  private resumeIndex(doc: Doc): number {
    const offset = this.state.offset(doc.key);
    if (offset === null) return 0;
    const i = doc.plan.utterances.findIndex((u) => u.start >= offset);
    return i < 0 ? 0 : i;
  }

  // --- settings ------------------------------------------------------------------------

  async getSettings(): Promise<SettingsState> {
    // Launch: one notice for all the files, shown and announced once (the renderer keeps it up).
    const notices = [this.settings.takeNotice(), this.state.takeNotice(), this.recent.takeNotice()].filter((n): n is string => n !== null);
    return { settings: this.settings.get(), notice: notices.length ? notices.join(' ') : null };
  }

  async updateSettings(docId: unknown, patch: unknown): Promise<PackedSettingsUpdate> {
    const id = nullableDocIdArg(docId);
    const before = this.settings.get();
    const { settings } = await this.settings.update(plainObjectArg(patch, 'settings'));
    if (PLAN_KEYS.some((k) => before[k] !== settings[k])) {
      // Re-plan every open document (in the worker) so a later getClip never mixes old and new voices.
      const planning = await this.planning();
      this.planVersion++;
      for (const doc of this.docs.values()) {
        try {
          const r = await this.opts.loader.plan(doc.model, planning);
          if (!r.ok) continue;
          doc.plan = await unpack(r.plan, UNPACK_SLICES);
          doc.packedPlan = r.plan;
          doc.voiced = planning.voices.length > 0;
        } catch {
          // Keep the previous plan: reading on with old settings beats not reading.
        }
      }
    }
    return { settings, plan: id ? (this.docs.get(id)?.packedPlan ?? null) : null };
  }

  // --- speech --------------------------------------------------------------------------

  listVoices(): Promise<VoiceList> {
    this.voices ??= this.opts.speech.listVoices().catch((e: unknown) => ({ engine: null, voices: [], problem: e instanceof Error ? e.message : String(e) }));
    // Only a working engine's list is kept: the user may install (or unstick) an engine meanwhile.
    void this.voices.then((list) => { if (!list.engine || list.problem) this.voices = null; });
    return this.voices;
  }

  async getClip(docId: unknown, utterance: unknown): Promise<ClipResult> {
    const doc = this.doc(docId);
    const index = indexArg(utterance);
    if (index >= doc.plan.utterances.length) throw new PayloadError('utterance is out of range');
    try {
      const clip = await this.opts.speech.clip(doc.plan, doc.text, this.settings.get().rate, index);
      if (clip.ok && !doc.voiced) void this.planWithVoices(doc);
      return clip;
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * An engine was installed (or came back) after `doc` was planned without one, so every speaker
   * had the narrator's voice: planned again with the engine's voices, and sent to the page.
   */
  private async planWithVoices(doc: Doc): Promise<void> {
    const planning = await this.planning();
    if (doc.voiced || planning.voices.length === 0) return;
    doc.voiced = true;
    await doc.whole;
    try {
      const r = await this.opts.loader.plan(doc.model, planning);
      if (!r.ok) return;
      doc.plan = await unpack(r.plan, UNPACK_SLICES);
      doc.packedPlan = r.plan;
      this.emit({ type: 'replanned', docId: doc.id, plan: r.plan });
    } catch {
      // The plan in one voice still reads.
    }
  }

  /** Stop (Escape): no more synthesis for this reading; engine processes working on it end, with their children. */
  async stopSpeech(docId: unknown): Promise<void> {
    this.doc(docId);
    this.opts.speech.cancel();
  }

  async savePosition(docId: unknown, utterance: unknown): Promise<void> {
    const doc = this.doc(docId);
    const index = indexArg(utterance);
    const u = doc.plan.utterances[index];
    if (!u) throw new PayloadError('utterance is out of range');
    await this.state.setOffset(doc.key, u.start);
  }

  async exportAudio(docId: unknown): Promise<ExportResult> {
    const doc = this.doc(docId);
    // The whole article, not only the part shown while it was parsed.
    await doc.whole;
    const path = await this.opts.dialogs.saveAudio(exportFileName(doc.title, doc.name));
    if (!path) return { ok: false, cancelled: true };
    // One export at a time: a new one cancels the one before.
    this.exportRun?.abort();
    const run = new AbortController();
    this.exportRun = run;
    try {
      return await this.opts.speech.exportWav(doc.plan, doc.text, this.settings.get().rate, path, (done, total) =>
        this.emit({ type: 'export-progress', done, total }), run.signal,
      );
    } catch (e) {
      return { ok: false, message: `The audio could not be saved: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      if (this.exportRun === run) this.exportRun = null;
    }
  }

  async cancelExport(): Promise<void> {
    this.exportRun?.abort();
  }

  /** Finish pending writes and stop background synthesis (app quit, harness close). */
  async close(): Promise<void> {
    this.exportRun?.abort();
    this.docs.clear();
    this.opts.speech.dispose();
    await Promise.all([this.state.flush().catch(() => undefined), this.recent.flush().catch(() => undefined), this.opts.loader.close?.().catch(() => undefined)]);
  }

  private doc(docId: unknown): Doc {
    const doc = this.docs.get(docIdArg(docId));
    if (!doc) throw new PayloadError('unknown document (open it again)');
    return doc;
  }

  /** What the worker plans with: the settings now, and the voices installed. */
  private async planning(): Promise<Planning> {
    return { settings: this.settings.get(), voices: (await this.listVoices()).voices };
  }
}

/** The article's first non-empty line, as a readable list entry instead of a file name. */
async function firstLine(path: string): Promise<string | null> {
  try {
    if ((await stat(path)).size === 0) return null;
    const handle = await openFile(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
      const line = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find(Boolean);
      return line ? line.replace(/\uFFFD+$/, '').slice(0, 160) : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
