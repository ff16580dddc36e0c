// Paste (the renderer's paste event, and Edit > Paste article through the clipboard port) and
// the recent list: a pasted article is kept, listed, reopened where it was left, and forgotten
// on request; a damaged recent list costs nothing but the list.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECENT_DIR, RECENT_FILE } from '../../../electron/services/recent-articles';
import { createDirectLoader } from '../../../electron/services/direct-loader';
import { ReaderService, type ClipboardPort } from '../../../electron/services/reader-service';
import { fakeDialogs, fakeSpeech, unpacked } from '../services/fakes';

const PASTED_TEXT = ['Skip to content', 'Home', '', 'Ferry fares to rise by 8%', '', 'Published', '2 hours ago', 'Share', '',
  'Ferry fares between the islands will rise by 8% from April, the operator has said.', '',
  '"We have held prices for three years, but fuel costs have doubled," said chief executive Moira Grant.', '',
  'Advertisement', '', 'Islanders said the rise would hit families hardest.', '', 'Related Topics', 'Ferries', 'Islands'].join('\n');

let dir: string;
const make = (clipboard?: ClipboardPort) =>
  ReaderService.create({ userDataDir: dir, contentDir: join(dir, 'none'), loader: createDirectLoader(), speech: fakeSpeech(), dialogs: fakeDialogs(), ...(clipboard ? { clipboard } : {}) });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paste-recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pasting an article', () => {
  it('opens pasted text without its furniture, and keeps it in the recent list', async () => {
    const service = await make();
    const r = unpacked(await service.openPasted(null, PASTED_TEXT));
    if (!r.ok) throw new Error(r.message);
    expect(r.article.name).toBe('Pasted article');
    expect(r.article.model.blocks.map((b) => b.text)).toEqual([
      'Ferry fares to rise by 8%',
      'Ferry fares between the islands will rise by 8% from April, the operator has said.',
      '"We have held prices for three years, but fuel costs have doubled," said chief executive Moira Grant.',
      'Islanders said the rise would hit families hardest.',
    ]);
    expect(r.article.model.quotes[0]?.speakerId).toBe('moira-grant');
    expect((await service.listRecent()).map((e) => [e.kind, e.name])).toEqual([['paste', 'Ferry fares to rise by 8%']]);
    // The list shows "Pasted: <detail>": the detail is when, not "Pasted" again.
    expect((await service.listRecent())[0]!.detail).not.toMatch(/^Pasted/);
    await service.close();
  });

  it('reads the clipboard for Edit > Paste article, preferring its HTML', async () => {
    const service = await make({ read: async () => ({ html: '<h1>Pier reopens</h1><p>The pier reopened on Saturday after a two-year repair costing £3m.</p>', text: 'ignored' }) });
    const r = unpacked(await service.openClipboard());
    expect(r.ok && [r.article.model.format, r.article.model.title]).toEqual(['html', 'Pier reopens']);
    await service.close();
    const none = await make();
    expect(await none.openClipboard()).toEqual({ ok: false, message: 'The clipboard cannot be read here: press Ctrl+V to paste instead.' });
    await none.close();
  });

  it('opens a pasted address as a link', async () => {
    const fetched: string[] = [];
    const service = await ReaderService.create({
      userDataDir: dir, contentDir: join(dir, 'none'), loader: createDirectLoader(), speech: fakeSpeech(), dialogs: fakeDialogs(),
      fetchPage: async (url) => (fetched.push(url), { ok: false, message: 'offline (test)' }),
    });
    expect(await service.openPasted(null, '  https://example.com/news/story-1  ')).toEqual({ ok: false, message: 'offline (test)' });
    expect(fetched).toEqual(['https://example.com/news/story-1']);
    await service.close();
  });
});

describe('recent articles', () => {
  it('reopens a paste from its kept copy at the place it was left, after a restart', async () => {
    const first = await make();
    const r = unpacked(await first.openPasted(null, PASTED_TEXT));
    if (!r.ok) throw new Error(r.message);
    await first.savePosition(r.article.docId, 2);
    await first.close();

    const second = await make();
    const [entry] = await second.listRecent();
    const again = unpacked(await second.openRecent(entry!.id));
    if (!again.ok) throw new Error(again.message);
    expect(again.article.model.text).toBe(r.article.model.text);
    expect(again.article.position).toBe(2);
    // It was the last article: the next start opens it again.
    const initial = unpacked(await second.openInitial());
    expect(initial.ok && initial.article.model.text).toBe(r.article.model.text);
    await second.close();
  });

  it('lists each article once, newest first, and forgets one with its copy', async () => {
    const service = await make();
    await service.openPasted(null, PASTED_TEXT);
    await service.openPasted('<h1>Second story here</h1><p>A paragraph of the second story, long enough.</p>', null);
    await service.openPasted(null, PASTED_TEXT);
    const list = await service.listRecent();
    expect(list.map((e) => e.name)).toEqual(['Ferry fares to rise by 8%', 'Second story here']);
    expect((await readdir(join(dir, RECENT_DIR))).length).toBe(2);
    await service.forgetRecent(list[0]!.id);
    expect((await service.listRecent()).map((e) => e.name)).toEqual(['Second story here']);
    expect(await readdir(join(dir, RECENT_DIR))).toEqual([`${list[1]!.id}.json`]);
    expect(await service.openRecent(list[0]!.id)).toEqual({ ok: false, message: 'That article is no longer in the recent list.' });
    await service.close();
  });

  it('starts with an empty list when the list file is damaged, keeping the damaged file aside', async () => {
    await writeFile(join(dir, RECENT_FILE), '{"version":1,"entries":[{"id":"../../etc"');
    const service = await make();
    expect(await service.listRecent()).toEqual([]);
    const kept = (await readdir(dir)).filter((f) => f.startsWith(`${RECENT_FILE}.`) && f.endsWith('.bak'));
    expect(kept).toHaveLength(1);
    expect(existsSync(join(dir, RECENT_FILE))).toBe(false);
    await service.close();
  });

  it('tells the user once that a damaged list started afresh, and where the old one went', async () => {
    await writeFile(join(dir, RECENT_FILE), 'not json');
    const service = await make();
    const { notice } = await service.getSettings();
    expect(notice).toMatch(/^Your list of recent articles was not valid JSON, so it starts afresh\. The old file was kept as recent-articles\.json\.[0-9TZ-]+\.bak\.$/);
    expect((await service.getSettings()).notice).toBeNull();
    await service.close();
  });

  it('keeps a newer version\'s list as a copy before this version writes its own', async () => {
    const newer = JSON.stringify({ version: 2, entries: [{ id: 'a'.repeat(24), kind: 'podcast', name: 'x' }] });
    await writeFile(join(dir, RECENT_FILE), newer);
    const service = await make();
    expect((await service.getSettings()).notice).toMatch(/came from a newer version of Article Reader \(format 2\)/);
    await service.openPasted(null, PASTED_TEXT);
    const kept = (await readdir(dir)).filter((f) => f.startsWith(`${RECENT_FILE}.`) && f.endsWith('.bak'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(newer);
    await service.close();
  });

  it('keeps both copies when two pasted articles are opened at once', async () => {
    const service = await make();
    const other = PASTED_TEXT.replace('Ferry fares', 'Bus fares');
    await Promise.all([service.openPasted(null, PASTED_TEXT), service.openPasted(null, other)]);
    const list = await service.listRecent();
    expect(list).toHaveLength(2);
    expect((await readdir(join(dir, RECENT_DIR))).sort()).toEqual(list.map((e) => `${e.id}.json`).sort());
    await service.close();
  });

  it('says so when a kept copy has gone, instead of opening something else', async () => {
    const service = await make();
    await service.openPasted(null, PASTED_TEXT);
    const [entry] = await service.listRecent();
    await rm(join(dir, RECENT_DIR), { recursive: true });
    expect(await service.openRecent(entry!.id)).toEqual({ ok: false, message: 'The saved copy of Ferry fares to rise by 8% could not be read; paste or open it again.' });
    await service.close();
  });
});
