// What the person using the app reads when a request fails: the reason in plain words, never
// "Error invoking remote method 'reader:x': Error: ENOSPC: no space left on device, open …".
// Used at both transports (electron/main/ipc.ts and harness/server.ts), so every error path
// in either gets the same text.
import { basename } from 'node:path';

/** Node's error codes a person can act on, in plain words. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'the file or folder does not exist',
  EACCES: 'permission was denied',
  EPERM: 'the operating system did not allow it',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder is where a file was expected',
  ENOTDIR: 'a file is where a folder was expected',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is in use',
  EIO: 'the disk could not be read or written',
};

/** The prefixes Electron and Node put before the message meant for people. */
const TECHNICAL_PREFIX = /^(?:Error invoking remote method '[^']*': )?(?:(?:[A-Z][A-Za-z]*)?Error: )*/;

const MAX_LENGTH = 400;

/** A bug, not a situation: its message means nothing to the reader (the log keeps it). */
export function isProgrammingError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError || error instanceof SyntaxError;
}

export const INTERNAL_ERROR = 'Something went wrong inside Article Reader; the details are in its log.';

export function messageForPeople(error: unknown): string {
  const e = error instanceof Error ? (error as NodeJS.ErrnoException) : null;
  const code = e?.code;
  if (code && SYSTEM_ERRORS[code]) {
    const where = e.path ? ` (${basename(e.path)})` : '';
    return cap(`${capitalise(SYSTEM_ERRORS[code])}${where}.`);
  }
  if (isProgrammingError(error)) return INTERNAL_ERROR;
  const raw = e ? e.message : String(error);
  const text = (raw.split('\n').find((l) => l.trim()) ?? '').replace(TECHNICAL_PREFIX, '').trim();
  return cap(text ? capitalise(text) : 'Something went wrong in Article Reader.');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function cap(s: string): string {
  return s.length > MAX_LENGTH ? `${s.slice(0, MAX_LENGTH - 1)}…` : s;
}
