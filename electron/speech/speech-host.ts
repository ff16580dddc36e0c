// The speech host: a long-lived child process that owns libespeak-ng (bundled to
// dist/electron/speech-host.cjs). Electron starts it with utilityProcess.fork, the harness and
// the command line with child_process.fork; both speak host-protocol.ts. One synthesis at a
// time (the library has one global callback). If the library crashes on hostile text, only
// this process dies: the app starts a new one and asks again for the same sentence.

import { loadEspeakLibrary, LIBRARY_NAMES, type EspeakLibrary } from './espeak-lib';
import type { HostMessage, HostPort, HostRequest } from './host-protocol';

const HEARTBEAT_MS = 500;

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function connect(): HostPort {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return { send: (m) => parentPort.postMessage(m), onMessage: (f) => parentPort.on('message', (e) => f(e.data as HostRequest)) };
  }
  if (!process.send) throw new Error('speech-host must be started as a child process with an IPC channel');
  // The app went away: nobody needs this process any more.
  process.on('disconnect', () => process.exit(0));
  return { send: (m) => void process.send!(m), onMessage: (f) => void process.on('message', (m) => f(m as HostRequest)) };
}

export function serve(port: HostPort, lib: EspeakLibrary): void {
  const answer = (request: HostRequest): HostMessage => {
    if (request.type === 'voices') return { id: request.id, type: 'voices', voices: lib.voices().map(({ id, name, gender }) => ({ id, name, gender })) };
    const voiceFound = lib.setVoice(request.voice) || lib.setVoice('en-gb') || lib.setVoice('en-us');
    lib.setRate(request.rate);
    let last = Date.now();
    const r = lib.synth(request.text, {
      maxSamples: request.maxSamples,
      onChunk: () => {
        const now = Date.now();
        if (now - last < HEARTBEAT_MS) return;
        last = now;
        port.send({ type: 'alive', id: request.id }); // written at once, even inside the synchronous synthesis
      },
    });
    return { id: request.id, type: 'audio', samples: r.samples, sampleRate: r.sampleRate, words: r.words, truncated: r.truncated, voiceFound };
  };
  port.onMessage((request) => {
    let reply: HostMessage;
    try {
      reply = answer(request);
    } catch (e) {
      reply = { id: request.id, type: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    port.send(reply);
  });
}

function main(): void {
  const port = connect();
  let lib: EspeakLibrary;
  try {
    // --espeak-lib=PATH: another library file (tests point it at one that appears later).
    const named = process.argv.find((a) => a.startsWith('--espeak-lib='))?.slice('--espeak-lib='.length);
    lib = loadEspeakLibrary(named ? [named] : LIBRARY_NAMES);
  } catch (e) {
    port.send({ type: 'unavailable', message: e instanceof Error ? e.message : String(e) });
    // Let the message reach the app before leaving.
    setTimeout(() => process.exit(0), 100);
    return;
  }
  serve(port, lib);
  port.send({ type: 'ready', version: lib.version, sampleRate: lib.sampleRate });
}

main();
