// Sandboxed preload (bundled to dist/electron/preload.cjs): exposes exactly one object,
// `window.reader` (ReaderApi), whose methods can reach only the fixed channels below.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ReaderApi, ReaderEvent } from '../core/contract';
import { EVENT_CHANNEL, INVOKE_CHANNELS as C } from './main/channels';
import { invokeForPeople } from './main/ipc-errors';

/** One request; a failure rejects with the main process's message for people, nothing more. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method below gives the ReaderApi type
const invoke = (channel: string, ...args: unknown[]): Promise<any> => invokeForPeople(() => ipcRenderer.invoke(channel, ...args));

const reader: ReaderApi = {
  openInitial: () => invoke(C.openInitial),
  listArticles: () => invoke(C.listArticles),
  openArticle: (id) => invoke(C.openArticle, id),
  openFileDialog: () => invoke(C.openFileDialog),
  openDropped: (name, bytes) => invoke(C.openDropped, name, bytes),
  getSettings: () => invoke(C.getSettings),
  updateSettings: (docId, patch) => invoke(C.updateSettings, docId, patch),
  listVoices: () => invoke(C.listVoices),
  getClip: (docId, utterance) => invoke(C.getClip, docId, utterance),
  savePosition: (docId, utterance) => invoke(C.savePosition, docId, utterance),
  exportAudio: (docId) => invoke(C.exportAudio, docId),
  stopSpeech: (docId) => invoke(C.stopSpeech, docId),
  cancelExport: () => invoke(C.cancelExport),
  openUrl: (url) => invoke(C.openUrl, url),
  openPasted: (html, text) => invoke(C.openPasted, html, text),
  openClipboard: () => invoke(C.openClipboard),
  listRecent: () => invoke(C.listRecent),
  openRecent: (id) => invoke(C.openRecent, id),
  forgetRecent: (id) => invoke(C.forgetRecent, id),
  onEvent(listener) {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    // Pass only the event data: the IpcRendererEvent would hand the page `sender`.
    const wrapped = (_e: IpcRendererEvent, event: ReaderEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('reader', reader);
