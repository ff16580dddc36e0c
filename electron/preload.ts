// Sandboxed preload (bundled to dist/electron/preload.cjs): exposes exactly one object,
// `window.reader` (ReaderApi), whose methods can reach only the fixed channels below.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ReaderApi, ReaderEvent } from '../core/contract';
import { EVENT_CHANNEL, INVOKE_CHANNELS as C } from './main/channels';

const reader: ReaderApi = {
  openInitial: () => ipcRenderer.invoke(C.openInitial),
  listArticles: () => ipcRenderer.invoke(C.listArticles),
  openArticle: (id) => ipcRenderer.invoke(C.openArticle, id),
  openFileDialog: () => ipcRenderer.invoke(C.openFileDialog),
  openDropped: (name, bytes) => ipcRenderer.invoke(C.openDropped, name, bytes),
  getSettings: () => ipcRenderer.invoke(C.getSettings),
  updateSettings: (docId, patch) => ipcRenderer.invoke(C.updateSettings, docId, patch),
  listVoices: () => ipcRenderer.invoke(C.listVoices),
  getClip: (docId, utterance) => ipcRenderer.invoke(C.getClip, docId, utterance),
  savePosition: (docId, utterance) => ipcRenderer.invoke(C.savePosition, docId, utterance),
  exportAudio: (docId) => ipcRenderer.invoke(C.exportAudio, docId),
  openUrl: (url) => ipcRenderer.invoke(C.openUrl, url),
  openPasted: (html, text) => ipcRenderer.invoke(C.openPasted, html, text),
  openClipboard: () => ipcRenderer.invoke(C.openClipboard),
  listRecent: () => ipcRenderer.invoke(C.listRecent),
  openRecent: (id) => ipcRenderer.invoke(C.openRecent, id),
  forgetRecent: (id) => ipcRenderer.invoke(C.forgetRecent, id),
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
