// Who may call which IPC channel with what: plain functions, so they are unit-tested without
// Electron. electron/main/ipc.ts applies them to every ipcMain.handle call.
import { API_ARITY, type ApiMethod } from '../services/api-methods';
import { PayloadError } from '../services/validate';
import { APP_HOST, APP_SCHEME, INVOKE_CHANNELS } from './channels';

const METHOD_BY_CHANNEL = new Map<string, ApiMethod>(
  (Object.entries(INVOKE_CHANNELS) as [ApiMethod, string][]).map(([method, channel]) => [channel, method]),
);

export class SenderError extends Error {
  override name = 'SenderError';
}

/** Only our own page, in the top frame: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(frameUrl: unknown, isMainFrame: boolean): boolean {
  if (!isMainFrame || typeof frameUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

/**
 * Checks one invocation before it reaches the service: a known channel, a trusted sender and
 * the right number of arguments. The service then validates each argument's type and range.
 */
export function checkInvocation(channel: string, frameUrl: unknown, isMainFrame: boolean, args: readonly unknown[]): ApiMethod {
  const method = METHOD_BY_CHANNEL.get(channel);
  if (!method) throw new PayloadError(`unknown channel ${channel}`);
  if (!isTrustedSender(frameUrl, isMainFrame)) throw new SenderError(`${channel} refused: untrusted sender`);
  if (!Array.isArray(args) || args.length !== API_ARITY[method]) throw new PayloadError(`${method} takes ${API_ARITY[method]} argument(s)`);
  return method;
}
