import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
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
/** The copies kept of bad files: `<name>.<UTC time>[-n].bak`. */
const copies = async (name: string) => (await readdir(dir)).filter((f) => f.startsWith(`${name}.`) && f.endsWith('.bak')).sort();
const COPY_NAME = /^settings\.json\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(-\d+)?\.bak$/;

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
    ['a truncated file', JSON.stringify({ ...DEFAULT_SETTINGS, rate: 250 }).slice(0, 40), /not valid JSON/],
    ['an empty file', '', /empty/],
    ['whitespace only', '  \n', /empty/],
    ['a newer format', JSON.stringify({ version: 2, rate: 300 }), /newer version/],
    ['no version', JSON.stringify({ rate: 300 }), /format version/],
    ['an array', '[1,2]', /not a settings object/],
    ['a JSON string', '"hello"', /not a settings object/],
  ])('falls back to defaults on %s, keeps the file under a name of its own and tells the user once', async (_what, content, message) => {
    await writeFile(file(), content);
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const [copy, ...more] = await copies(SETTINGS_FILE);
    expect(more).toEqual([]);
    expect(copy).toMatch(COPY_NAME);
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(content);
    const notice = store.takeNotice();
    expect(notice).toMatch(message);
    expect(notice).toContain(`The old file was kept as ${copy}.`);
    expect(store.takeNotice()).toBeNull();
    // The next save writes a good file in its place; the copy stays.
    await store.update({ rate: 200 });
    expect(JSON.parse(await readFile(file(), 'utf8'))).toMatchObject({ version: 1, rate: 200 });
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(content);
  });

  it('keeps both bad files when two starts in a row find one', async () => {
    await writeFile(file(), '{ first bad');
    const first = await SettingsStore.open(dir);
    expect(first.takeNotice()).toMatch(/not valid JSON/);
    await writeFile(file(), '{ second bad');
    const second = await SettingsStore.open(dir);
    expect(second.takeNotice()).toMatch(/not valid JSON/);
    const kept = await copies(SETTINGS_FILE);
    expect(kept).toHaveLength(2);
    expect((await Promise.all(kept.map((f) => readFile(join(dir, f), 'utf8')))).sort()).toEqual(['{ first bad', '{ second bad']);
  });

  it('never overwrites a newer version\'s file without a copy, and tells the user once', async () => {
    const newer = JSON.stringify({ version: 3, rate: 300, futureOption: 'x' });
    await writeFile(file(), newer);
    const store = await SettingsStore.open(dir);
    expect(store.takeNotice()).toMatch(/newer version of Article Reader \(format 3\)/);
    const [copy, ...more] = await copies(SETTINGS_FILE);
    expect(more).toEqual([]);
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(newer);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual(DEFAULT_SETTINGS); // replaced only once copied
    // The next start is quiet and makes no second copy.
    const again = await SettingsStore.open(dir);
    expect(again.takeNotice()).toBeNull();
    expect(await copies(SETTINGS_FILE)).toEqual([copy]);
  });

  it('writes nothing over a file it could not copy', async () => {
    await mkdir(file()); // unreadable and uncopyable: a folder where the file should be
    await writeFile(join(file(), 'inside'), 'keep me');
    const store = await SettingsStore.open(dir);
    expect(store.takeNotice()).toMatch(/could not be read.*could not be copied.*not saved/);
    await store.update({ rate: 222 });
    expect(store.get().rate).toBe(222); // in effect for this session
    expect((await stat(file())).isDirectory()).toBe(true);
    expect(await readFile(join(file(), 'inside'), 'utf8')).toBe('keep me');
  });

  it('removes temporary files an interrupted save left behind, and nothing else', async () => {
    const stale = [`${SETTINGS_FILE}.4242.a1b2c3d4.tmp`, `${STATE_FILE}.17.00ff00ff.tmp`];
    const others = [`${SETTINGS_FILE}.2026-01-01T00-00-00Z.bak`, 'notes.tmp', `${SETTINGS_FILE}.x.a1.tmp`, `other.json.4242.a1b2c3d4.tmp`];
    for (const f of [...stale, ...others]) await writeFile(join(dir, f), 'x');
    await SettingsStore.open(dir);
    await ReadingState.open(dir);
    expect((await readdir(dir)).sort()).toEqual(others.sort());
  });

  it('does not crash when the file cannot be read (a directory in its place)', async () => {
    await mkdir(file());
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeNotice()).toMatch(/could not be read/);
  });

  it('keeps the valid fields of a partly invalid file, names the rest and keeps a copy', async () => {
    const content = JSON.stringify({ version: 1, rate: 'fast', theme: 'dark', evil: true });
    await writeFile(file(), content);
    const store = await SettingsStore.open(dir);
    expect(store.get()).toMatchObject({ rate: DEFAULT_SETTINGS.rate, theme: 'dark' });
    expect(store.takeNotice()).toMatch(/rate.*evil|evil.*rate/);
    const [copy] = await copies(SETTINGS_FILE);
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(content);
    expect((await SettingsStore.open(dir)).takeNotice()).toBeNull(); // told once
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

  it.each([
    ['corrupt JSON', '{{{', /not valid JSON/],
    ['an empty file', '', /empty/],
    ['an unknown format', '{"positions": {}}', /not in a known format/],
  ])('starts empty from %s, keeps it under a name of its own and tells the user once', async (_what, content, message) => {
    await writeFile(join(dir, STATE_FILE), content);
    const s = await ReadingState.open(dir);
    expect(s.last()).toBeNull();
    const [copy] = await copies(STATE_FILE);
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(content);
    expect(s.takeNotice()).toMatch(new RegExp(`${message.source}.*start afresh.*kept as ${copy!.replace(/\./g, '\\.')}`));
    expect(s.takeNotice()).toBeNull();
  });

  it('keeps both bad files when two starts in a row find one', async () => {
    await writeFile(join(dir, STATE_FILE), '{ first');
    await ReadingState.open(dir);
    await writeFile(join(dir, STATE_FILE), '{ second');
    await ReadingState.open(dir);
    const kept = await copies(STATE_FILE);
    expect((await Promise.all(kept.map((f) => readFile(join(dir, f), 'utf8')))).sort()).toEqual(['{ first', '{ second']);
  });

  it('copies a newer version\'s file before replacing it', async () => {
    const newer = JSON.stringify({ version: 2, last: null, positions: {}, bookmarks: [1] });
    await writeFile(join(dir, STATE_FILE), newer);
    const s = await ReadingState.open(dir);
    expect(s.takeNotice()).toMatch(/newer version.*format 2/);
    expect((await ReadingState.open(dir)).takeNotice()).toBeNull(); // told once
    await s.setOffset('k', 3);
    const [copy] = await copies(STATE_FILE);
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(newer);
    expect(JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8'))).toMatchObject({ version: 1, positions: { k: { offset: 3 } } });
  });

  it('drops malformed entries from an otherwise valid file', async () => {
    await writeFile(join(dir, STATE_FILE), JSON.stringify({ version: 1, last: { kind: 'file', path: 3 }, positions: { a: { offset: -1, at: 1 }, b: { offset: 5, at: 1 } } }));
    const s = await ReadingState.open(dir);
    expect(s.last()).toBeNull();
    expect(s.offset('a')).toBeNull();
    expect(s.offset('b')).toBe(5);
  });
});
