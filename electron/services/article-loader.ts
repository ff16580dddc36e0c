import type { RawBlock } from '../../core/article/blocks';
import type { ArticleModel, Packed, ReadingPlan, Settings, Voice } from '../../core/contract';
import type { PageHint } from '../articles/load-article';

/** What planning needs besides the model: the reading settings and the installed voices. */
export interface Planning {
  settings: Settings;
  voices: Voice[];
}

/**
 * A parsed and planned article, packed (core/packed.ts) so that neither the main process nor
 * the page decodes it in one piece. The main process unpacks only the plan (speech needs it).
 */
export interface PreparedArticle {
  text: string;
  /** Hash of the text: the key for its reading position. */
  key: string;
  title: string | null;
  format: ArticleModel['format'];
  /** The parser's input again, for the recent list's kept copy (links, pastes, dropped files); null for a file on disk. */
  blocks: RawBlock[] | null;
  model: Packed<ArticleModel>;
  plan: Packed<ReadingPlan>;
  notices: string[];
  /** Planned with a working engine's voices (none were found: every speaker in one voice). */
  voiced: boolean;
  /** Set when the first part was sent ahead (`onPreview`): whether this article begins exactly as that part. */
  extendsPreview?: boolean;
}

/** Called with a big article's first part, parsed and planned alone, while the whole is parsed (core/article/preview.ts). */
export type OnPreview = (first: PreparedArticle) => void;

export type LoadResult = { ok: true; article: PreparedArticle } | { ok: false; message: string };

export type PlanResult = { ok: true; plan: Packed<ReadingPlan> } | { ok: false; message: string };

/** Reads, decodes, parses and plans an article. The real one runs in a worker thread. */
export interface ArticleLoader {
  loadFile(path: string, planning: Planning, onPreview?: OnPreview): Promise<LoadResult>;
  /** `hint`: a fetched page says what it is (HTML, text) and its charset. */
  loadBytes(name: string, bytes: Uint8Array, planning: Planning, hint?: PageHint, onPreview?: OnPreview): Promise<LoadResult>;
  /** Pasted content: HTML preferred, else text. */
  loadPaste(html: string | null, text: string | null, planning: Planning, onPreview?: OnPreview): Promise<LoadResult>;
  /** A kept copy of an article (recent links and pastes). */
  loadBlocks(blocks: RawBlock[], format: ArticleModel['format'], planning: Planning, onPreview?: OnPreview): Promise<LoadResult>;
  /** A new plan for an article it prepared (the settings changed). */
  plan(model: Packed<ArticleModel>, planning: Planning): Promise<PlanResult>;
  close?(): Promise<void>;
}

/** A message to the parse worker. */
export type ParseJob =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array; hint?: PageHint }
  | { kind: 'paste'; html: string | null; text: string | null }
  | { kind: 'blocks'; blocks: RawBlock[]; format: ArticleModel['format'] };

/** Everything the parse worker does: load and plan, or plan again. */
export type WorkerJob = (ParseJob | { kind: 'plan'; model: Packed<ArticleModel> }) & { planning: Planning; preview?: boolean };
