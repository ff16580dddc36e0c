import { join } from 'node:path';
import type { Settings } from '../../core/contract';
import { DEFAULT_SETTINGS, mergeSettings } from '../../core/settings';
import { CoalescingWriter, keepAsBackup, readJsonFile } from './json-file';

export const SETTINGS_FILE = 'settings.json';

/**
 * Settings in `<userData>/settings.json`. A file we cannot use never stops the app: defaults
 * apply, the file is kept as settings.json.bak, and one notice tells the user once.
 */
export class SettingsStore {
  private settings: Settings = { ...DEFAULT_SETTINGS };
  private notice: string | null = null;
  private readonly file: string;
  private readonly writer: CoalescingWriter;

  private constructor(dir: string) {
    this.file = join(dir, SETTINGS_FILE);
    this.writer = new CoalescingWriter(this.file, () => this.settings);
  }

  static async open(dir: string): Promise<SettingsStore> {
    const store = new SettingsStore(dir);
    await store.load();
    return store;
  }

  private async load(): Promise<void> {
    const read = await readJsonFile(this.file);
    if (read.kind === 'missing') return;
    const problem = read.kind === 'bad' ? read.reason : versionProblem(read.value);
    if (problem) {
      await keepAsBackup(this.file);
      this.notice = `Your settings file ${problem}, so the default settings are in use. The old file was kept as ${SETTINGS_FILE}.bak.`;
      return;
    }
    const { settings, rejected } = mergeSettings(DEFAULT_SETTINGS, read.kind === 'ok' ? read.value : {});
    this.settings = settings;
    if (rejected.length > 0) this.notice = `Some settings were not valid and were reset: ${rejected.join(', ')}.`;
  }

  get(): Settings {
    return { ...this.settings };
  }

  /** The problem found at start-up, returned once. */
  takeNotice(): string | null {
    const n = this.notice;
    this.notice = null;
    return n;
  }

  /** Untrusted patch in, validated settings out (invalid fields are ignored). */
  async update(patch: unknown): Promise<{ settings: Settings; rejected: string[] }> {
    const { settings, rejected } = mergeSettings(this.settings, patch);
    this.settings = settings;
    await this.writer.write();
    return { settings: this.get(), rejected };
  }
}

function versionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'was not a settings object';
  const version = (value as { version?: unknown }).version;
  if (version === 1) return null;
  if (typeof version === 'number' && version > 1) return `came from a newer version of Article Reader (format ${version})`;
  return 'had no known format version';
}
