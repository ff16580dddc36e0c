// Sandboxed preload (bundled to dist/electron/preload.cjs): exposes exactly one object,
// `window.reader` (a ReaderBridge: the ReaderApi with article and plan replies packed),
// whose methods can reach only the fixed channels below.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ReaderBridge, ReaderEvent } from '../core/contract';
import { EVENT_CHANNEL, INVOKE_CHANNELS as C } from './main/channels';

// Replies holding an article or a plan come packed and go to the page as they are: strings
// cross the contextBridge without a copy, and the page decodes them a piece at a time.
const reader: ReaderBridge = {
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
