// Entry point: find the page's elements, wait for window.reader, start the app.

import { Announcer } from './announcer';
import { ReaderApp } from './app';
import { installDropTarget } from './drop-target';
import { installPasteTarget } from './paste-target';
import { waitForReader } from './reader-api';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
}

async function main(): Promise<void> {
  const announcer = new Announcer(byId('announcer'), byId('alert'));
  let reader;
  try {
    reader = await waitForReader();
  } catch (e) {
    announcer.error(e instanceof Error ? e.message : String(e));
    return;
  }
  const app = new ReaderApp(reader, {
    article: byId('article'),
    notices: byId('notices'),
    playButton: byId<HTMLButtonElement>('btn-play'),
    statusState: byId('status-state'),
    statusRate: byId('status-rate'),
    statusTiming: byId('status-timing'),
    toolbar: byId('toolbar'),
    header: byId('header'),
  }, announcer);
  installDropTarget(byId('drop-overlay'), (name, bytes) => void app.openDropped(name, bytes), (url) => void app.openLink(url), (message) => announcer.error(message));
  installPasteTarget((html, text) => void app.openPasted(html, text));
  await app.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void main());
else void main();
