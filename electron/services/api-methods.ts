// The request/response half of ReaderApi, by name: one table for the IPC handlers and the
// harness's HTTP routes, so both accept exactly the same calls.
import type { ReaderApi } from '../../core/contract';
import type { ReaderService } from './reader-service';
import { PayloadError } from './validate';

export type ApiMethod = Exclude<keyof ReaderApi, 'onEvent'>;

/** Method -> number of arguments. A call with any other count is refused. */
export const API_ARITY: Readonly<Record<ApiMethod, number>> = Object.freeze({
  openInitial: 0,
  listArticles: 0,
  openArticle: 1,
  openFileDialog: 0,
  openDropped: 2,
  getSettings: 0,
  updateSettings: 2,
  listVoices: 0,
  getClip: 2,
  savePosition: 2,
  exportAudio: 1,
  // speech
  stopSpeech: 1,
  // export
  cancelExport: 0,
  openUrl: 1,
  openPasted: 2,
  openClipboard: 0,
  listRecent: 0,
  openRecent: 1,
  forgetRecent: 1,
});

export const API_METHODS = Object.freeze(Object.keys(API_ARITY) as ApiMethod[]);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API_ARITY, name);
}

/** Calls the service; the service validates each argument's type and range itself. */
export async function callApi(service: ReaderService, method: ApiMethod, args: readonly unknown[]): Promise<unknown> {
  if (args.length !== API_ARITY[method]) throw new PayloadError(`${method} takes ${API_ARITY[method]} argument(s)`);
  switch (method) {
    case 'openInitial': return service.openInitial();
    case 'listArticles': return service.listArticles();
    case 'openArticle': return service.openArticle(args[0]);
    case 'openFileDialog': return service.openFileDialog();
    case 'openDropped': return service.openDropped(args[0], args[1]);
    case 'getSettings': return service.getSettings();
    case 'updateSettings': return service.updateSettings(args[0], args[1]);
    case 'listVoices': return service.listVoices();
    case 'getClip': return service.getClip(args[0], args[1]);
    case 'savePosition': return service.savePosition(args[0], args[1]);
    case 'exportAudio': return service.exportAudio(args[0]);
    case 'stopSpeech': return service.stopSpeech(args[0]);
    case 'cancelExport': return service.cancelExport();
    case 'openUrl': return service.openUrl(args[0]);
    case 'openPasted': return service.openPasted(args[0], args[1]);
    case 'openClipboard': return service.openClipboard();
    case 'listRecent': return service.listRecent();
    case 'openRecent': return service.openRecent(args[0]);
    case 'forgetRecent': return service.forgetRecent(args[0]);
  }
}
