import type { RawBlock } from '../../core/article/blocks';
import type { ArticleModel } from '../../core/contract';
import type { PageHint } from '../articles/load-article';

/** Same shape as electron/articles/load-article.ts returns. */
export type LoadResult = { ok: true; model: ArticleModel; notices: string[] } | { ok: false; message: string };

/** Reads, decodes and parses an article. The real one runs in a worker thread. */
export interface ArticleLoader {
  loadFile(path: string): Promise<LoadResult>;
  /** `hint`: a fetched page says what it is (HTML, text) and its charset. */
  loadBytes(name: string, bytes: Uint8Array, hint?: PageHint): Promise<LoadResult>;
  /** Pasted content: HTML preferred, else text. */
  loadPaste(html: string | null, text: string | null): Promise<LoadResult>;
  /** A kept copy of an article (recent links and pastes). */
  loadBlocks(blocks: RawBlock[], format: ArticleModel['format']): Promise<LoadResult>;
  close?(): Promise<void>;
}

/** A message to the parse worker. */
export type ParseJob =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array; hint?: PageHint }
  | { kind: 'paste'; html: string | null; text: string | null }
  | { kind: 'blocks'; blocks: RawBlock[]; format: ArticleModel['format'] };
