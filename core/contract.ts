// The one contract between the Node side (main process, preload, test harness) and the
// renderer. Types only: every importer uses `import type`, so nothing here can pull Node or
// DOM code across the boundary.

// ---------------------------------------------------------------------------------------
// Article model. Every range is [start, end) into ArticleModel.text, the normalised plain
// text of the article (blocks joined by "\n\n"), so the renderer can highlight exactly what
// is spoken: model.text.slice(r.start, r.end) === r.text wherever a range carries text.

export type BlockKind = 'title' | 'byline' | 'heading' | 'paragraph' | 'caption' | 'list-item';

export interface TextRange {
  start: number;
  end: number;
}

export interface Block extends TextRange {
  index: number;
  kind: BlockKind;
  text: string;
  /** Heading level 1-6 (Markdown); the title is level 1. */
  level?: number;
  /** Caption only: where "Credit: X" sits, so it can be skipped separately. */
  credit?: TextRange | null;
  /** Markdown `>` content: shown as a block quote even when it has no quote marks. */
  inBlockquote?: boolean;
  /** Indices into ArticleModel.sentences, in order. */
  sentences: number[];
}

export interface Sentence extends TextRange {
  index: number;
  block: number;
  text: string;
}

/** The quoted words of one block, without the quote marks. */
export interface QuotePart extends TextRange {
  block: number;
}

/** Where the text says who is speaking, relative to the quote. */
export type AttributionPlace = 'before' | 'after' | 'inside' | 'continued' | 'nearby';

export interface Quote {
  index: number;
  speakerId: string | null;
  /** The quoted words; parts of a multi-paragraph quote (or of one interrupted by its attribution) joined with a space. */
  text: string;
  parts: QuotePart[];
  blocks: number[];
  /** Embedded in narration (`He added he is "determined to ..."`), not a full utterance. */
  partial: boolean;
  attribution: AttributionPlace | null;
  /** How the attribution refers to the speaker: by name ("Dr Tarakji said:"), by pronoun ("She said:"), by description ("the minister said"). */
  mention: 'name' | 'pronoun' | 'description' | null;
}

export interface Speaker {
  id: string;
  /** Full name as first given ("Dr Ahmad Tarakji"), or a description-name ("Khaled's mother"). */
  name: string;
  /** Role or description where given ("president of SAMS"). */
  description: string | null;
  gender: 'female' | 'male' | null;
  /** Every place the text refers to this speaker by name. */
  mentions: TextRange[];
}

export interface ArticleModel {
  /** 'html': a web page, a link or pasted HTML, its article extracted from the page. */
  format: 'text' | 'markdown' | 'html';
  title: string | null;
  byline: string | null;
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  quotes: Quote[];
  speakers: Speaker[];
}

// ---------------------------------------------------------------------------------------
// Settings

export type Verbosity = 'off' | 'smart' | 'always';
/** What the app announces (live region) while its own voice is reading: off (answers and errors only), brief, full. */
export type AnnounceWhileReading = 'off' | 'brief' | 'full';
export type Theme = 'system' | 'light' | 'dark' | 'high-contrast';
export type HighlightStyle = 'sentence-and-word' | 'sentence' | 'off';

export interface Settings {
  version: 1;
  /** Narrator voice id from listVoices(); null: the engine's default English voice. */
  voice: string | null;
  /** Words per minute. */
  rate: number;
  verbosity: Verbosity;
  /** Give each quoted speaker a voice of their own. */
  speakerVoices: boolean;
  readCaptions: boolean;
  readCredits: boolean;
  /** Short tones at the start and end of each quote. */
  earcons: boolean;
  /** Switch voice for a partial quote inside a narration sentence. */
  voicePartialQuotes: boolean;
  highlight: HighlightStyle;
  /** Text size multiplier, 1 to 3. */
  fontScale: number;
  theme: Theme;
  // Screen-reader use (issue 13).
  /** Announcements while the app's voice reads: only what the voice does not say (brief), everything, or nothing but answers and errors. */
  announceWhileReading: AnnounceWhileReading;
  /** Quote navigation (Q, the quote list) includes partial quotes, the few quoted words inside a narration sentence. */
  navigatePartialQuotes: boolean;
}

// ---------------------------------------------------------------------------------------
// Reading plan: what is spoken, in order, in which voice, highlighting which range.

export type UtteranceKind = 'label' | 'title' | 'byline' | 'narration' | 'quote' | 'caption';

export interface Utterance extends TextRange {
  index: number;
  kind: UtteranceKind;
  /** What the engine says (labels: "Professor David Nott:"). */
  text: string;
  speakerId: string | null;
  voice: string;
  block: number;
  /** The sentence highlighted while this plays (null for labels). */
  sentence: number | null;
  /** The quote this utterance speaks or introduces. */
  quote: number | null;
  /** Caption credit ("Credit: ITV News"), skippable on its own. */
  credit?: boolean;
  /** Earcon to play before (quote start) or after (quote end) this utterance. */
  earconBefore?: boolean;
  earconAfter?: boolean;
  /** A spoken cue label ("Photo caption.") before a caption or its credit (issue 13). */
  cue?: 'caption' | 'credit';
}

export interface ReadingPlan {
  narratorVoice: string;
  /** speakerId -> voice id */
  speakerVoices: Record<string, string>;
  utterances: Utterance[];
}

// ---------------------------------------------------------------------------------------
// Speech

export interface Voice {
  /** What engines take: "en-gb", "en-gb+f3", "Samantha". */
  id: string;
  name: string;
  /** BCP 47 language tag, e.g. "en-GB". */
  language: string;
  gender: 'female' | 'male' | null;
  engine: string;
}

export interface WordTiming extends TextRange {
  /** Seconds from the start of the clip (at playbackRate 1). */
  time: number;
}

export interface Clip {
  utterance: number;
  /** RIFF WAV bytes. */
  wav: Uint8Array;
  /** Seconds, at playbackRate 1. */
  duration: number;
  /** The rate (words per minute) it was synthesised at. */
  rate: number;
  words: WordTiming[];
  /** True when word times are estimated (from lengths), not reported by the engine. */
  wordsEstimated: boolean;
}

export interface VoiceList {
  engine: string | null;
  voices: Voice[];
  /** Set when no engine works: what to install on this OS. */
  problem: string | null;
}

// ---------------------------------------------------------------------------------------
// The bridge: what the preload exposes as `window.reader`, and what the test harness
// implements over HTTP against the same main-process services.

export type Command =
  | 'play-pause' | 'stop'
  | 'next-sentence' | 'previous-sentence'
  | 'next-paragraph' | 'previous-paragraph'
  | 'next-quote' | 'previous-quote'
  | 'next-speaker' | 'previous-speaker'
  | 'quote-list' | 'article-list'
  | 'faster' | 'slower' | 'where-am-i'
  | 'open' | 'export' | 'settings' | 'help'
  // Screen-reader use (issue 13): headings, sleep timer.
  | 'next-heading' | 'previous-heading' | 'sleep-timer'
  // Web pages, links and pasted text (issue 10)
  | 'open-link' | 'paste-article';

export interface OpenedArticle {
  /** Document id, valid for this session. */
  docId: string;
  /** File name shown to the user. */
  name: string;
  model: ArticleModel;
  plan: ReadingPlan;
  /** Utterance index to resume from (0 for a new article). */
  position: number;
  /** Non-fatal notes about the input (e.g. "invalid UTF-8 replaced"). */
  notices: string[];
  /**
   * Big articles (issue 12): only the article's first part, shown and read at once while the
   * rest is parsed; an 'article-completed' event with the same docId brings the whole.
   */
  partial?: boolean;
}

/** The whole of an article opened `partial`, or why it could not be read past its first part. */
export type ArticleCompletion =
  | {
    ok: true;
    docId: string;
    model: ArticleModel;
    plan: ReadingPlan;
    /** The whole begins exactly as the part shown (core/article/preview.ts): the page adds the rest. */
    extendsShown: boolean;
    notices: string[];
  }
  | { ok: false; docId: string; message: string };

export type OpenResult = { ok: true; article: OpenedArticle } | { ok: false; message: string };

export interface ArticleEntry {
  id: string;
  name: string;
}

/** A recently opened file, link or paste (the article list's "Recent" group). */
export interface RecentEntry {
  id: string;
  kind: 'file' | 'link' | 'paste';
  /** The article's title, else the file or link name. */
  name: string;
  /** Where it came from: a path, a web address, or when it was pasted. */
  detail: string;
  /** When it was last opened (ms since 1970). */
  openedAt: number;
}

export interface SettingsState {
  settings: Settings;
  /** Set once when the settings file was corrupt or unreadable and defaults were used. */
  notice: string | null;
}

export type ClipResult = { ok: true; clip: Clip } | { ok: false; message: string };

export type ExportResult =
  | { ok: true; path: string; seconds: number }
  | { ok: false; message: string }
  | { ok: false; cancelled: true };

export type ReaderEvent =
  | { type: 'command'; command: Command }
  | { type: 'export-progress'; done: number; total: number }
  | { type: 'engine'; message: string }
  // Launch (issue 9): a file handed to the running app, by a second launch or the OS
  // (file manager, macOS open-file), already opened; the reader shows it like openArticle's.
  | { type: 'opened'; result: OpenResult }
  // Big articles (issue 12): the whole of an article that opened with its first part.
  | { type: 'article-completed'; completion: ArticleCompletion }
  // A speech engine found after the article was planned without one: the plan with its voices.
  | { type: 'replanned'; docId: string; plan: ReadingPlan };

export interface ReaderApi {
  /** The file given on the command line, else the last article read, else the bundled sample. */
  openInitial(): Promise<OpenResult>;
  listArticles(): Promise<ArticleEntry[]>;
  openArticle(id: string): Promise<OpenResult>;
  /** Native open dialog; `{ok:false, message:'cancelled'}` when dismissed. */
  openFileDialog(): Promise<OpenResult>;
  /** Drag and drop: the renderer reads the dropped file and sends its bytes. */
  openDropped(name: string, bytes: Uint8Array): Promise<OpenResult>;
  getSettings(): Promise<SettingsState>;
  /** Saves and returns the new settings, and the re-planned reading of the open document. */
  updateSettings(docId: string | null, patch: Partial<Settings>): Promise<{ settings: Settings; plan: ReadingPlan | null }>;
  listVoices(): Promise<VoiceList>;
  /** Audio for one utterance; also synthesises the next few ahead. */
  getClip(docId: string, utterance: number): Promise<ClipResult>;
  savePosition(docId: string, utterance: number): Promise<void>;
  exportAudio(docId: string): Promise<ExportResult>;
  /** Stops a running export (exportAudio then resolves `{ok:false, cancelled:true}`); nothing when none runs. */
  cancelExport(): Promise<void>;
  // --- web pages, links and pasted text (issue 10) ---
  /** Fetches a web page (http or https only) in the main process and opens its article. */
  openUrl(url: string): Promise<OpenResult>;
  /** Opens what the renderer's paste event carried: its HTML when that holds an article, else its text. */
  openPasted(html: string | null, text: string | null): Promise<OpenResult>;
  /** Edit > Paste article: the main process reads the clipboard (the renderer has no clipboard permission). */
  openClipboard(): Promise<OpenResult>;
  /** Recently opened files, links and pastes, newest first. */
  listRecent(): Promise<RecentEntry[]>;
  /** Reopens a recent entry (a link or paste from its kept copy, a file from disk). */
  openRecent(id: string): Promise<OpenResult>;
  /** Removes an entry (and its kept copy) from the recent list. */
  forgetRecent(id: string): Promise<void>;
  /** Menu commands and background events; returns an unsubscribe function. */
  onEvent(listener: (event: ReaderEvent) => void): () => void;

  // --- speech (issue 12/9) ---
  /** Stop: ends all synthesis for this reading, and every engine process working on it. */
  stopSpeech(docId: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Big articles (issue 12): replies that carry a whole model or plan cross the bridge packed
// (core/packed.ts), because decoding megabytes of objects in one go stalls the process that
// does it. window.reader is a ReaderBridge: the ReaderApi with those replies packed.
// renderer/reader-api.ts unpacks them a piece at a time and gives the app a plain ReaderApi.

/** A value as JSON text: `head` with its big arrays left empty, their elements in `pieces`. */
export interface Packed<T> {
  head: string;
  /** Per array: JSON array texts of consecutive elements, in order. */
  pieces: { [K in keyof T]?: string[] };
  /** Type only (never set): what the value unpacks to. */
  readonly packedType?: T;
}

export interface PackedArticle extends Omit<OpenedArticle, 'model' | 'plan'> {
  model: Packed<ArticleModel>;
  plan: Packed<ReadingPlan>;
}

export type PackedOpenResult = { ok: true; article: PackedArticle } | { ok: false; message: string };

export interface PackedSettingsUpdate {
  settings: Settings;
  plan: Packed<ReadingPlan> | null;
}

/** A ReaderApi reply as it crosses the bridge. */
export type OnTheWire<R> = [R] extends [OpenResult] ? PackedOpenResult : [R] extends [{ settings: Settings; plan: ReadingPlan | null }] ? PackedSettingsUpdate : R;

/** A ReaderEvent as it crosses the bridge: an article handed to the running app comes packed. */
export type WireEvent =
  | Exclude<ReaderEvent, { type: 'opened' | 'article-completed' | 'replanned' }>
  | { type: 'opened'; result: PackedOpenResult }
  | { type: 'article-completed'; completion: PackedCompletion }
  | { type: 'replanned'; docId: string; plan: Packed<ReadingPlan> };

export type PackedCompletion =
  | (Omit<Extract<ArticleCompletion, { ok: true }>, 'model' | 'plan'> & { model: Packed<ArticleModel>; plan: Packed<ReadingPlan> })
  | Extract<ArticleCompletion, { ok: false }>;

/** What the preload exposes as `window.reader`, and the harness bridge implements. */
export type ReaderBridge = {
  [K in Exclude<keyof ReaderApi, 'onEvent'>]: ReaderApi[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<OnTheWire<R>> : ReaderApi[K];
} & {
  onEvent(listener: (event: WireEvent) => void): () => void;
};
