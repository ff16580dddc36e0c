// Messages between the app and the speech host process (speech-host.ts). The same objects
// travel over Electron's utilityProcess port and over child_process IPC (serialization
// 'advanced'), so typed arrays cross without copying to JSON.

export type HostRequest =
  | { id: number; type: 'voices' }
  | { id: number; type: 'synth'; text: string; voice: string; rate: number; maxSamples: number };

/** A request before the client numbers it. */
export type HostCall = HostRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** 0-based code point offset and length into the text sent; sample where the word's audio starts. */
export interface HostWord {
  pos: number;
  len: number;
  sample: number;
}

export interface HostVoice {
  id: string;
  name: string;
  gender: 'female' | 'male' | null;
}

export type HostMessage =
  /** Sent once at start: the library loaded, or why not. */
  | { type: 'ready'; version: string; sampleRate: number }
  | { type: 'unavailable'; message: string }
  /** Sent while a synthesis runs (at most twice a second): the watchdog's sign of life. */
  | { type: 'alive'; id: number }
  | { id: number; type: 'voices'; voices: HostVoice[] }
  | { id: number; type: 'audio'; samples: Int16Array; sampleRate: number; words: HostWord[]; truncated: boolean; voiceFound: boolean }
  | { id: number; type: 'error'; message: string };

/** The host's end of the channel, whichever kind of process it runs in. */
export interface HostPort {
  send(message: HostMessage): void;
  onMessage(listener: (request: HostRequest) => void): void;
}
