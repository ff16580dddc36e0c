// Pure part of the app:// protocol, unit-tested without Electron.
import { resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './channels';

/** Resolves a request path inside `root`, or null for anything outside it. */
export function fileForAppUrl(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  const file = resolve(root, '.' + path);
  return file.startsWith(resolve(root) + sep) ? file : null;
}
