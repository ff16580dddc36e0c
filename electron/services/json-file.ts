// Small, crash-proof JSON persistence shared by the settings and reading-state stores.
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type JsonRead =
  | { kind: 'missing' }
  | { kind: 'ok'; value: unknown }
  /** Present but unusable (empty, not JSON, unreadable). */
  | { kind: 'bad'; reason: string };

export async function readJsonFile(file: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', reason: `could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (text.trim() === '') return { kind: 'bad', reason: 'was empty' };
  try {
    return { kind: 'ok', value: JSON.parse(text) };
  } catch {
    return { kind: 'bad', reason: 'was not valid JSON' };
  }
}

/**
 * Write to a temporary file in the same directory, flush it, then rename over the target:
 * a crash or power cut leaves either the old file or the new one, never half of one.
 */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value, null, 2) + '\n', 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Keeps a file we could not use under a name of its own, `<file>.<UTC time>[-n].bak`, never
 * replacing an earlier copy (two bad starts in a row keep both). `move` takes the file out of
 * the way (damaged); `copy` leaves it in place (a newer version's file, kept before our next
 * save replaces it). Returns the copy's file name, or null when no copy could be made.
 */
export async function keepCopy(file: string, how: 'move' | 'copy', now = new Date()): Promise<string | null> {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  for (let n = 1; n <= 100; n++) {
    const target = `${file}.${stamp}${n > 1 ? `-${n}` : ''}.bak`;
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return null;
    }
    if (how === 'move') await rm(file, { force: true }).catch(() => undefined);
    return basename(target);
  }
  return null;
}

/** The sentence of a notice that says where the old file went. */
export function keptSentence(copy: string | null): string {
  return copy
    ? `The old file was kept as ${copy}.`
    : 'The old file could not be copied, so it is left untouched and changes are not saved until the app restarts.';
}

/**
 * Removes what an interrupted save left behind (`<file>.<pid>.<hex>.tmp`, see writeJsonAtomic).
 * Only one instance writes a user-data folder (the single-instance lock), so any such file
 * from another process is stale.
 */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = dirname(file);
  const name = basename(file);
  const isStale = (n: string) => {
    if (!n.startsWith(`${name}.`)) return false;
    const m = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(n.slice(name.length + 1));
    return m !== null && Number(m[1]) !== process.pid;
  };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const stale = names.filter(isStale);
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true }).catch(() => undefined)));
  return stale;
}

/**
 * Serialises writes and coalesces bursts: while one write runs, later requests collapse into
 * one more write of the newest value.
 */
export class CoalescingWriter {
  private running: Promise<void> | null = null;
  private pending = false;
  constructor(private readonly file: string, private readonly current: () => unknown) {}

  write(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.pending = false;
          await writeJsonAtomic(this.file, this.current());
        } while (this.pending);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
