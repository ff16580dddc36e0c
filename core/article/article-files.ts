/** The extensions of the files opened as articles: what the open dialog (and the harness's file chooser) offers. */
export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'mdown', 'mkd', 'html', 'htm'] as const;
