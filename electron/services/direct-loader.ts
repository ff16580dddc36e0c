// The article loader without a worker thread: the command line and tests, where one article
// is read and nothing else is waiting. The app uses the worker (worker-loader.ts).
import { parseBlocks } from '../../core/article/parse';
import { loadArticleBytes, loadArticleFile, loadPasted } from '../articles/load-article';
import type { ArticleLoader } from './article-loader';

export function createDirectLoader(): ArticleLoader {
  return {
    loadFile: (path) => loadArticleFile(path),
    loadBytes: async (name, bytes, hint) => loadArticleBytes(name, bytes, hint),
    loadPaste: async (html, text) => loadPasted(html, text),
    loadBlocks: async (blocks, format) => ({ ok: true, model: parseBlocks(blocks, format), notices: [] }),
  };
}
