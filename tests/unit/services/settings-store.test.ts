import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { SETTINGS_FILE, SettingsStore } from '../../../electron/services/settings-store';
import { ReadingState, STATE_FILE } from '../../../electron/services/reading-state';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = () => join(dir, SETTINGS_FILE);

describe('SettingsStore', () => {
  it('starts from defaults without a notice when there is no file', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeNotice()).toBeNull();
  });

  it('keeps valid saved settings', async () => {
    await writeFile(file(), JSON.stringify({ ...DEFAULT_SETTINGS, rate: 250, theme: 'dark' }));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ rate: 250, theme: 'dark' });
    expect(store.takeNotice()).toBeNull();
  });

  it.each([
    ['corrupt JSON', '{"version":1, "rate": 2', /not valid JSON/],
    ['an empty file', '', /empty/],
    ['whitespace only', '  \n', /empty/],
    ['a newer format', JSON.stringify({ version: 2, rate: 300 }), /newer version/],
    ['no version', JSON.stringify({ rate: 300 }), /format version/],
    ['an array', '[1,2]', /not a settings object/],
    ['a JSON string', '"hello"', /not a settings object/],
  ])('falls back to defaults on %s, keeps the file as .bak and tells the user once', async (_what, content, message) => {
    await writeFile(file(), content);
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeNotice()).toMatch(message);
    expect(store.takeNotice()).toBeNull();
    expect(await readFile(file() + '.bak', 'utf8')).toBe(content);
    // The next save writes a good file in its place.
    await store.update({ rate: 200 });
    expect(JSON.parse(await readFile(file(), 'utf8'))).toMatchObject({ version: 1, rate: 200 });
  });

  it('does not crash when the file cannot be read (a directory in its place)', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(file());
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeNotice()).toMatch(/could not be read/);
  });

  it('keeps the valid fields of a partly invalid file and names the rest', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, rate: 'fast', theme: 'dark', evil: true }));
    const store = await SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ rate: DEFAULT_SETTINGS.rate, theme: 'dark' });
    expect(store.takeNotice()).toMatch(/rate.*evil|evil.*rate/);
  });

  it('validates updates through mergeSettings and clamps ranges', async () => {
    const store = await SettingsStore.open(dir);
    const { settings, rejected } = await store.update({ rate: 10_000, fontScale: 0, theme: 'neon', version: 7 });
    expect(settings.rate).toBe(450);
    expect(settings.fontScale).toBe(1);
    expect(settings.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(settings.version).toBe(1);
    expect(rejected).toEqual(['theme']);
  });

  it('writes atomically: no temporary files left, and the file is always whole JSON', async () => {
    const store = await SettingsStore.open(dir);
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.update({ rate: 100 + i })));
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE]);
    const saved = JSON.parse(await readFile(file(), 'utf8'));
    expect(saved.rate).toBe(124); // the newest value wins over the burst
    const again = await SettingsStore.open(dir);
    expect(again.get().rate).toBe(124);
  });
});

describe('ReadingState', () => {
  it('remembers the last article and positions across restarts', async () => {
    const a = await ReadingState.open(dir);
    await a.setLast({ kind: 'file', path: '/x/a.md' });
    await a.setOffset('k1', 120);
    const b = await ReadingState.open(dir);
    expect(b.last()).toEqual({ kind: 'file', path: '/x/a.md' });
    expect(b.offset('k1')).toBe(120);
    expect(b.offset('nope')).toBeNull();
  });

  it('starts empty from a corrupt file and keeps it as .bak', async () => {
    await writeFile(join(dir, STATE_FILE), '{{{');
    const s = await ReadingState.open(dir);
    expect(s.last()).toBeNull();
    expect(await readFile(join(dir, STATE_FILE + '.bak'), 'utf8')).toBe('{{{');
  });

  it('drops malformed entries from an otherwise valid file', async () => {
    await writeFile(join(dir, STATE_FILE), JSON.stringify({ version: 1, last: { kind: 'file', path: 3 }, positions: { a: { offset: -1, at: 1 }, b: { offset: 5, at: 1 } } }));
    const s = await ReadingState.open(dir);
    expect(s.last()).toBeNull();
    expect(s.offset('a')).toBeNull();
    expect(s.offset('b')).toBe(5);
  });
});
