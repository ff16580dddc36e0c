import type { ArticleModel } from '../../core/contract';

/** Same shape as electron/articles/load-article.ts returns. */
export type LoadResult = { ok: true; model: ArticleModel; notices: string[] } | { ok: false; message: string };

/** Reads, decodes and parses an article. The real one runs in a worker thread. */
export interface ArticleLoader {
  loadFile(path: string): Promise<LoadResult>;
  loadBytes(name: string, bytes: Uint8Array): Promise<LoadResult>;
  close?(): Promise<void>;
}

/** A message to the parse worker. */
export type ParseJob = { kind: 'file'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array };
