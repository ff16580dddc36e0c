// Everything the renderer can ask for (the ReaderApi of core/contract.ts), as plain Node. The
// Electron main process and the test harness are thin transports over one of these.
import { createHash, randomUUID } from 'node:crypto';
import { open as openFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  ArticleEntry, ArticleModel, ClipResult, ExportResult, OpenResult, ReaderEvent, ReadingPlan, Settings,
  SettingsState, VoiceList,
} from '../../core/contract';
import { buildPlan } from '../../core/plan/plan';
import type { ArticleLoader, LoadResult } from './article-loader';
import { ReadingState, type ArticleSource } from './reading-state';
import { SettingsStore } from './settings-store';
import type { SpeechPort } from './speech-port';
import { PayloadError, bytesArg, displayName, docIdArg, indexArg, nullableDocIdArg, plainObjectArg, shortStringArg } from './validate';

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

export interface ReaderServiceOptions {
  userDataDir: string;
  /** The bundled articles (content/). */
  contentDir: string;
  /** An article path given on the command line. */
  initialPath?: string | null;
  loader: ArticleLoader;
  speech: SpeechPort;
  dialogs: Dialogs;
}

interface Doc {
  id: string;
  name: string;
  /** Hash of the article text: the key for its reading position. */
  key: string;
  model: ArticleModel;
  plan: ReadingPlan;
}

export class ReaderService {
  private readonly docs = new Map<string, Doc>();
  private readonly listeners = new Set<(e: ReaderEvent) => void>();
  private voices: Promise<VoiceList> | null = null;
  /** Launch: a file handed over before the page asked for its first article replaces initialPath. */
  private handedOver: string | null = null;
  private initialOpening: Promise<OpenResult> | null = null;
  /** The export running now, so cancelExport can stop it. */
  private exportRun: AbortController | null = null;

  private constructor(
    private readonly opts: ReaderServiceOptions,
    private readonly settings: SettingsStore,
    private readonly state: ReadingState,
  ) {}

  static async create(opts: ReaderServiceOptions): Promise<ReaderService> {
    const [settings, state] = await Promise.all([SettingsStore.open(opts.userDataDir), ReadingState.open(opts.userDataDir)]);
    return new ReaderService(opts, settings, state);
  }

  // --- events --------------------------------------------------------------------------

  subscribe(listener: (e: ReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ReaderEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // One broken transport must not stop the others.
      }
    }
  }

  // --- opening articles ----------------------------------------------------------------

  openInitial(): Promise<OpenResult> {
    this.initialOpening = this.openFirst();
    return this.initialOpening;
  }

  /**
   * A file handed to the running app (a second launch, the OS). Before the page has asked for
   * its first article it becomes that article; after, it is opened and sent as an event, once
   * the first article is out (so the page never shows them in the wrong order).
   */
  async handOver(path: string): Promise<void> {
    if (!this.initialOpening) {
      this.handedOver = path;
      return;
    }
    await this.initialOpening.catch(() => undefined);
    this.emit({ type: 'opened', result: await this.openSource({ kind: 'file', path }) });
  }

  private async openFirst(): Promise<OpenResult> {
    const notices: string[] = [];
    const tried = new Set<string>();
    const attempt = async (source: ArticleSource): Promise<OpenResult | null> => {
      const label = source.kind === 'file' ? source.path : source.id;
      if (tried.has(label)) return null;
      tried.add(label);
      const r = await this.openSource(source);
      if (r.ok) {
        r.article.notices.unshift(...notices);
        return r;
      }
      notices.push(`Could not open ${basename(label)}: ${r.message}`);
      return null;
    };
    const initialPath = this.handedOver ?? this.opts.initialPath;
    this.handedOver = null;
    if (initialPath) {
      const r = await attempt({ kind: 'file', path: initialPath });
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

  async openArticle(id: unknown): Promise<OpenResult> {
    const name = shortStringArg(id, 'id');
    // Only a name the listing returned: never a path built from what the renderer sent.
    const listed = await this.listArticles();
    if (!listed.some((a) => a.id === name)) return { ok: false, message: 'That article is not in the article list.' };
    return this.openSource({ kind: 'content', id: name });
  }

  async openFileDialog(): Promise<OpenResult> {
    const path = await this.opts.dialogs.openArticle();
    if (!path) return { ok: false, message: 'cancelled' };
    return this.openSource({ kind: 'file', path });
  }

  async openDropped(name: unknown, bytes: unknown): Promise<OpenResult> {
    const shown = displayName(shortStringArg(name, 'name', 4096));
    let data: Uint8Array;
    try {
      data = bytesArg(bytes);
    } catch (e) {
      if (e instanceof PayloadError && bytes instanceof Uint8Array) return { ok: false, message: `${shown}: ${e.message}.` };
      throw e;
    }
    return this.finishOpen(shown, await this.opts.loader.loadBytes(shown, data), null);
  }

  private async openSource(source: ArticleSource): Promise<OpenResult> {
    // A content id (from the list, or from reading-state.json) names a file in content/, never a path.
    if (source.kind === 'content' && (basename(source.id) !== source.id || source.id.startsWith('.'))) {
      return { ok: false, message: 'That article is not in the article list.' };
    }
    const path = source.kind === 'file' ? source.path : join(this.opts.contentDir, source.id);
    const name = basename(path);
    let result: LoadResult;
    try {
      result = await this.opts.loader.loadFile(path);
    } catch (e) {
      result = { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    return this.finishOpen(name, result, source);
  }

  private async finishOpen(name: string, result: LoadResult, source: ArticleSource | null): Promise<OpenResult> {
    if (!result.ok) return result;
    const model = result.model;
    let plan: ReadingPlan;
    try {
      plan = await this.plan(model, this.settings.get());
    } catch (e) {
      return { ok: false, message: `The reading of ${name} could not be prepared: ${e instanceof Error ? e.message : String(e)}` };
    }
    const doc: Doc = { id: randomUUID(), name, key: textKey(model.text), model, plan };
    this.docs.set(doc.id, doc);
    for (const old of [...this.docs.keys()].slice(0, Math.max(0, this.docs.size - MAX_DOCS))) this.docs.delete(old);
    if (source) await this.state.setLast(source).catch(() => undefined);
    return { ok: true, article: { docId: doc.id, name, model, plan, position: this.resumeIndex(doc), notices: [...result.notices] } };
  }

  private resumeIndex(doc: Doc): number {
    const offset = this.state.offset(doc.key);
    if (offset === null) return 0;
    const i = doc.plan.utterances.findIndex((u) => u.start >= offset);
    return i < 0 ? 0 : i;
  }

  // --- settings ------------------------------------------------------------------------

  async getSettings(): Promise<SettingsState> {
    // Launch: one notice for both files, shown and announced once (the renderer keeps it up).
    const notices = [this.settings.takeNotice(), this.state.takeNotice()].filter((n): n is string => n !== null);
    return { settings: this.settings.get(), notice: notices.length ? notices.join(' ') : null };
  }

  async updateSettings(docId: unknown, patch: unknown): Promise<{ settings: Settings; plan: ReadingPlan | null }> {
    const id = nullableDocIdArg(docId);
    const before = this.settings.get();
    const { settings } = await this.settings.update(plainObjectArg(patch, 'settings'));
    if (PLAN_KEYS.some((k) => before[k] !== settings[k])) {
      // Re-plan every open document so a later getClip never mixes old and new voices.
      for (const doc of this.docs.values()) {
        try {
          doc.plan = await this.plan(doc.model, settings);
        } catch {
          // Keep the previous plan: reading on with old settings beats not reading.
        }
      }
    }
    return { settings, plan: id ? (this.docs.get(id)?.plan ?? null) : null };
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
      return await this.opts.speech.clip(doc.plan, doc.model.text, this.settings.get().rate, index);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
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
    const path = await this.opts.dialogs.saveAudio(doc.name.replace(/\.[^.]*$/, '') + '.wav');
    if (!path) return { ok: false, cancelled: true };
    // One export at a time: a new one cancels the one before.
    this.exportRun?.abort();
    const run = new AbortController();
    this.exportRun = run;
    try {
      return await this.opts.speech.exportWav(doc.plan, doc.model.text, this.settings.get().rate, path, (done, total) =>
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
    await Promise.all([this.state.flush().catch(() => undefined), this.opts.loader.close?.().catch(() => undefined)]);
  }

  private doc(docId: unknown): Doc {
    const doc = this.docs.get(docIdArg(docId));
    if (!doc) throw new PayloadError('unknown document (open it again)');
    return doc;
  }

  private async plan(model: ArticleModel, settings: Settings): Promise<ReadingPlan> {
    return buildPlan(model, settings, (await this.listVoices()).voices);
  }
}

function textKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
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
