// The page's side of the bridge (no DOM here, so it is unit-tested under Node).
import type { Packed, ReaderApi, ReaderBridge, ReaderEvent, WireEvent } from '../core/contract';
import { isPacked, unpack } from '../core/packed';
import { yieldToBrowser } from './yield';

/**
 * Every bridge method, with packed replies (an opened article's model and plan, a new plan)
 * decoded a piece at a time between other tasks, so a 1 MB article never holds the page.
 */
export function unpackingReader(bridge: ReaderBridge): ReaderApi {
  const api: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(bridge as unknown as Record<string, unknown>)) {
    if (typeof method !== 'function') continue;
    if (name === 'onEvent') {
      api[name] = (listener: (event: ReaderEvent) => void) => bridge.onEvent(unpackingListener(listener));
      continue;
    }
    api[name] = (...args: unknown[]) => {
      const reply: unknown = method.apply(bridge, args);
      return reply instanceof Promise ? reply.then(unpackReply) : reply;
    };
  }
  return api as unknown as ReaderApi;
}

/** An article handed to the running app ({type: 'opened', result: {article: {model, plan}}}), the rest of a big one ({type: 'article-completed', completion: {model, plan}}) or a new plan ({type: 'replanned', plan}) arrives packed like openArticle's reply. */
function unpackingListener(listener: (event: ReaderEvent) => void): (event: WireEvent) => void {
  return (event) => {
    if (event.type !== 'opened' && event.type !== 'article-completed' && event.type !== 'replanned') return listener(event);
    void unpackReply(event, 3).then((e) => listener(e as ReaderEvent));
  };
}

const SLICES = { sliceMs: 8, now: () => performance.now(), yieldNow: yieldToBrowser };

/**
 * Unpacks the packed values in a reply, two levels down at most ({article: {model, plan}},
 * {plan}). Anything else (a clip's WAV bytes, an error) is returned as it came.
 */
async function unpackReply(reply: unknown, depth = 2): Promise<unknown> {
  if (!isPlainObject(reply)) return reply;
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(reply)) {
    const decoded = isPacked(value) ? await unpack(value as Packed<unknown>, SLICES) : depth > 0 ? await unpackReply(value, depth - 1) : value;
    if (decoded !== value) (out ??= { ...reply })[key] = decoded;
  }
  return out ?? reply;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}
