import type { ArticleEntry } from '../../core/contract';
import { el } from '../view/dom';
import { openPanel } from './dialog';

export function openArticleListPanel(entries: ArticleEntry[], currentName: string | null, actions: { openArticle(id: string): void; openFile(): void }): void {
  let first: HTMLButtonElement | null = null;
  openPanel({
    id: 'articles',
    title: 'Articles',
    initialFocus: () => first,
    build(body, panel) {
      const list = el('ul', { className: 'article-choices', attrs: { 'aria-label': 'Bundled articles' } });
      for (const entry of entries) {
        const button = el('button', { className: 'article-choice', text: entry.name, attrs: { type: 'button', 'data-article': entry.id } });
        if (entry.name === currentName) button.setAttribute('aria-current', 'true');
        button.addEventListener('click', () => {
          panel.close();
          actions.openArticle(entry.id);
        });
        first ??= button;
        list.append(el('li', {}, button));
      }
      if (entries.length === 0) body.append(el('p', { text: 'No bundled articles.' }));
      else body.append(list);
      const openFile = el('button', { className: 'open-file', text: 'Open file…', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+O' } });
      openFile.addEventListener('click', () => {
        panel.close();
        actions.openFile();
      });
      first ??= openFile;
      body.append(el('p', {}, openFile), el('p', { className: 'panel-hint', text: 'You can also drop a text or Markdown file onto the window.' }));
    },
  });
}
