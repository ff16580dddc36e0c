import type { ArticleEntry, RecentEntry } from '../../core/contract';
import { el } from '../view/dom';
import { openPanel } from './dialog';

export interface ArticleListActions {
  openArticle(id: string): void;
  openFile(): void;
  // Web pages, links and pasted text (issue 10)
  recent: RecentEntry[];
  openRecent(id: string): void;
  /** `name` as the listener knows the entry, for saying it was removed. */
  forgetRecent(id: string, name: string): void;
  openLink(): void;
  paste(): void;
}

const KIND_TEXT: Record<RecentEntry['kind'], string> = { file: 'File', link: 'Web page', paste: 'Pasted' };

/** Recently opened files, links and pastes: open one, or remove it from the list (and its kept copy). */
function recentList(actions: ArticleListActions, close: () => void, currentName: string | null): HTMLElement | null {
  if (actions.recent.length === 0) return null;
  const list = el('ul', { className: 'article-choices recent-choices', attrs: { 'aria-labelledby': 'recent-heading' } });
  const named = new Map<string, number>();
  for (const entry of actions.recent) named.set(entry.name, (named.get(entry.name) ?? 0) + 1);
  for (const entry of actions.recent) {
    // Two entries of one title (the same story saved and pasted) are told apart by where they came from.
    const known = (named.get(entry.name) ?? 0) > 1 ? `${entry.name} (${KIND_TEXT[entry.kind]}: ${entry.detail})` : entry.name;
    const open = el('button', { className: 'article-choice', attrs: { type: 'button', 'data-recent': entry.id } },
      el('span', { className: 'recent-name', text: entry.name }),
      el('span', { className: 'recent-detail', text: `${KIND_TEXT[entry.kind]}: ${entry.detail}` }));
    if (entry.name === currentName) open.setAttribute('aria-current', 'true');
    open.addEventListener('click', () => {
      close();
      actions.openRecent(entry.id);
    });
    const forget = el('button', { className: 'recent-forget', text: 'Remove', attrs: { type: 'button', 'aria-label': `Remove ${known} from recent articles` } });
    const item = el('li', { className: 'recent-item' }, open, forget);
    forget.addEventListener('click', () => {
      actions.forgetRecent(entry.id, known);
      // Focus moves to the next entry (or the previous one), never to the page behind the dialog.
      const next = (item.nextElementSibling ?? item.previousElementSibling)?.querySelector<HTMLButtonElement>('.article-choice');
      item.remove();
      if (next) next.focus();
      else {
        // The last one gone: focus stays in the dialog, on what now stands in the list's place.
        const none = el('p', { text: 'No recent articles.', attrs: { tabindex: '-1' } });
        list.replaceWith(none);
        none.focus();
      }
    });
    list.append(item);
  }
  return list;
}

export function openArticleListPanel(entries: ArticleEntry[], currentName: string | null, actions: ArticleListActions): void {
  let first: HTMLButtonElement | null = null;
  openPanel({
    id: 'articles',
    title: 'Articles',
    initialFocus: () => first,
    build(body, panel) {
      const recent = recentList(actions, () => panel.close(), currentName);
      if (recent) {
        body.append(el('h3', { className: 'article-group', text: 'Recent', attrs: { id: 'recent-heading' } }), recent);
        first = recent.querySelector('button');
      }
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
      if (recent) body.append(el('h3', { className: 'article-group', text: 'Bundled articles' }));
      if (entries.length === 0) body.append(el('p', { text: 'No bundled articles.' }));
      else body.append(list);
      const openFile = el('button', { className: 'open-file', text: 'Open file…', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+O' } });
      openFile.addEventListener('click', () => {
        panel.close();
        actions.openFile();
      });
      const openLink = el('button', { className: 'open-link', text: 'Open link…', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+L' } });
      openLink.addEventListener('click', () => {
        panel.close();
        actions.openLink();
      });
      const paste = el('button', { className: 'paste-article', text: 'Paste article', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+V' } });
      paste.addEventListener('click', () => {
        panel.close();
        actions.paste();
      });
      first ??= openFile;
      body.append(el('p', { className: 'article-actions' }, openFile, openLink, paste),
        el('p', { className: 'panel-hint', text: 'You can also drop a file or a link onto the window, or press Ctrl+V to paste an article copied from a web page.' }));
    },
  });
}
