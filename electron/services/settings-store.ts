import { join } from 'node:path';
import type { Settings } from '../../core/contract';
import { DEFAULT_SETTINGS, mergeSettings } from '../../core/settings';
import { CoalescingWriter, keepCopy, keptSentence, readJsonFile, removeStaleTemps } from './json-file';

export const SETTINGS_FILE = 'settings.json';

/**
 * Settings in `<userData>/settings.json`. A file we cannot use never stops the app and is never
 * lost: defaults apply, the file is kept as settings.json.<time>.bak (moved when damaged,
 * copied when it is a newer version's or had invalid fields), and one notice tells the user.
 * If no copy can be made, nothing is written over it this session.
 */
export class SettingsStore {
  private settings: Settings = { ...DEFAULT_SETTINGS };
  private notice: string | null = null;
  /** True when the file on disk could not be copied: it must not be overwritten. */
  private readOnly = false;
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
    await removeStaleTemps(this.file);
    const read = await readJsonFile(this.file);
    if (read.kind === 'missing') return;
    const version = read.kind === 'bad' ? { problem: read.reason, newer: false } : versionProblem(read.value);
    if (version) {
      this.notice = `Your settings file ${version.problem}, so the default settings are in use. ${await this.keep(version.newer ? 'copy' : 'move')}`;
      return;
    }
    const { settings, rejected } = mergeSettings(DEFAULT_SETTINGS, read.kind === 'ok' ? read.value : {});
    this.settings = settings;
    if (rejected.length > 0) this.notice = `Some settings were not valid and were reset: ${rejected.join(', ')}. ${await this.keep('copy')}`;
  }

  /**
   * Keeps the file we could not use as it was; a copied one is then replaced by the settings in
   * use, so the next start is quiet (the user is told once) and makes no second copy.
   */
  private async keep(how: 'move' | 'copy'): Promise<string> {
    const kept = await keepCopy(this.file, how);
    this.readOnly = kept === null;
    if (kept && how === 'copy') await this.writer.write().catch(() => undefined);
    return keptSentence(kept);
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
    if (!this.readOnly) await this.writer.write();
    return { settings: this.get(), rejected };
  }
}

function versionProblem(value: unknown): { problem: string; newer: boolean } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'was not a settings object', newer: false };
  const version = (value as { version?: unknown }).version;
  if (version === 1) return null;
  if (typeof version === 'number' && version > 1) return { problem: `came from a newer version of Article Reader (format ${version})`, newer: true };
  return { problem: 'had no known format version', newer: false };
}
