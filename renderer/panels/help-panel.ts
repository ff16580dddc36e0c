import { KEY_BINDINGS } from '../keymap';
import { el } from '../view/dom';
import { openPanel } from './dialog';

export function openHelpPanel(): void {
  openPanel({
    id: 'help',
    title: 'Keyboard help',
    build(body) {
      body.append(el('p', { text: 'Every command has a plain key and a second form with modifiers. Use the second form when a screen reader in browse mode takes the plain key. Keys do nothing while you are in a form field or a dialog.' }));
      const table = el('table', { className: 'keys' });
      table.append(el('caption', { className: 'visually-hidden', text: 'Keyboard commands' }));
      const head = el('thead', {}, el('tr', {},
        el('th', { text: 'Command', attrs: { scope: 'col' } }),
        el('th', { text: 'Key', attrs: { scope: 'col' } }),
        el('th', { text: 'Other keys', attrs: { scope: 'col' } })));
      const tbody = el('tbody');
      for (const b of KEY_BINDINGS) {
        const [main, ...others] = b.keys;
        tbody.append(el('tr', {},
          el('th', { text: b.description, attrs: { scope: 'row' } }),
          el('td', {}, el('kbd', { text: main ?? '' })),
          el('td', {}, ...others.flatMap((k, i) => [i > 0 ? document.createTextNode(', ') : null, el('kbd', { text: k })]))));
      }
      tbody.append(el('tr', {}, el('th', { text: 'Close a panel', attrs: { scope: 'row' } }), el('td', {}, el('kbd', { text: 'Escape' })), el('td')));
      table.append(head, tbody);
      body.append(el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Keyboard commands' } }, table));
    },
  });
}
