// Small, crash-proof JSON persistence shared by the settings and reading-state stores.
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/** Keep a copy of a file we could not use, so the user's data is not silently lost. */
export async function keepAsBackup(file: string): Promise<void> {
  try {
    await rename(file, `${file}.bak`);
  } catch {
    // Nothing to keep or not allowed: defaults still apply, and the next save overwrites it.
  }
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
