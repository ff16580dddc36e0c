// IPC channel names, shared by the preload and the main process. Pure data: the sandboxed
// preload bundles it.
import type { ReaderApi } from '../../core/contract';

type Invokable = Exclude<keyof ReaderApi, 'onEvent'>;

export const INVOKE_CHANNELS: Readonly<Record<Invokable, string>> = Object.freeze({
  openInitial: 'reader:openInitial',
  listArticles: 'reader:listArticles',
  openArticle: 'reader:openArticle',
  openFileDialog: 'reader:openFileDialog',
  openDropped: 'reader:openDropped',
  getSettings: 'reader:getSettings',
  updateSettings: 'reader:updateSettings',
  listVoices: 'reader:listVoices',
  getClip: 'reader:getClip',
  savePosition: 'reader:savePosition',
  exportAudio: 'reader:exportAudio',
  // speech
  stopSpeech: 'reader:stopSpeech',
  // export
  cancelExport: 'reader:cancelExport',
  // Web pages, links and pasted text
  openUrl: 'reader:openUrl',
  openPasted: 'reader:openPasted',
  openClipboard: 'reader:openClipboard',
  listRecent: 'reader:listRecent',
  openRecent: 'reader:openRecent',
  forgetRecent: 'reader:forgetRecent',
});

/** Main -> renderer: ReaderEvent objects. */
export const EVENT_CHANNEL = 'reader:event';

/** The renderer's origin: a custom scheme, not file://, so "self" means only our files. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'reader';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
