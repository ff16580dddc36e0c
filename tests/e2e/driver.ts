// A typed driver for the reading view (after Signal Desktop's test-mock): tests speak in
// terms of what a keyboard and screen-reader user does and perceives, and wait for state,
// never for time.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Command } from '../../core/contract';
import { REPEAT_MARK } from '../../renderer/announce-policy';

// These callbacks run in the page. The Node-side tsconfig has no DOM library (and adding one
// would leak DOM globals into the main-process code), so page objects are typed loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
type PageNode = any;

export type PlayerState = 'stopped' | 'loading' | 'playing' | 'paused';

export interface AudioState {
  src: string;
  paused: boolean;
  currentTime: number;
  playbackRate: number;
  preservesPitch: boolean;
  /** The utterance whose clip the element holds (the player's data-utterance), or null. */
  utterance: number | null;
}

/** An <audio> element's event as the page saw it (recordDeckEvents), with what the element held at that moment. */
export interface DeckEvent {
  type: 'loadstart' | 'canplaythrough' | 'playing';
  /** Which element (its place among the page's <audio> elements): the two swap ids as they take turns. */
  element: number;
  /** `reader-audio` (the one playing) or `reader-audio-next` (loaded ahead). */
  id: string;
  src: string;
  paused: boolean;
  preservesPitch: boolean;
  utterance: number | null;
}

export class ReaderDriver {
  readonly article: Locator;
  readonly announcer: Locator;
  readonly alert: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    private readonly options: { url: string | null; menuCommand(command: Command): Promise<void> },
  ) {
    this.article = page.locator('#article');
    this.announcer = page.locator('#announcer');
    this.alert = page.locator('#alert');
    this.dialog = page.locator('dialog[open]');
  }

  /** Loads the app and waits for the article (the bundled sample, on a fresh profile). */
  async open(): Promise<void> {
    if (this.options.url) await this.page.goto(this.options.url);
    await this.waitForArticle();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForArticle();
  }

  async waitForArticle(): Promise<void> {
    await expect(this.article).toHaveAttribute('aria-busy', 'false');
    await expect(this.article.locator('.sentence').first()).toBeVisible();
  }

  /** A key or chord, as Playwright names them ("Space", "Shift+Q", "Control+Comma"). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async menuCommand(command: Command): Promise<void> {
    await this.options.menuCommand(command);
  }

  // --- player -----------------------------------------------------------------------------

  async playerState(): Promise<PlayerState> {
    return (await this.page.locator('html').getAttribute('data-player')) as PlayerState;
  }

  async waitForPlayerState(state: PlayerState): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-player', state);
  }

  /** Waits until audio is audibly advancing (clip loaded, currentTime past `after`). */
  async waitForAudioProgress(after = 0.2): Promise<AudioState> {
    let last!: AudioState;
    await expect.poll(async () => {
      last = await this.audio();
      return !last.paused && last.currentTime > after;
    }).toBe(true);
    // (What the check saw: read again, the element may since have handed over to the next one.)
    return last;
  }

  /** The <audio> element playing (or that Space plays). */
  async audio(): Promise<AudioState> {
    return this.audioState('#reader-audio');
  }

  /** The element holding the clip that comes next, loaded ahead while `#reader-audio` plays. */
  async nextAudio(): Promise<AudioState> {
    return this.audioState('#reader-audio-next');
  }

  private async audioState(selector: string): Promise<AudioState> {
    return this.page.locator(selector).evaluate((a: PageNode) => ({
      src: a.currentSrc,
      paused: a.paused,
      currentTime: a.currentTime,
      playbackRate: a.playbackRate,
      preservesPitch: a.preservesPitch,
      utterance: a.dataset.utterance ? Number(a.dataset.utterance) : null,
    }));
  }

  /** Index of the utterance the player is on (the plan's order). */
  async utteranceIndex(): Promise<number> {
    return Number(await this.article.getAttribute('data-utterance'));
  }

  // --- highlight ----------------------------------------------------------------------------

  /** Index of the highlighted sentence, or null. */
  async currentSentenceIndex(): Promise<number | null> {
    const v = await this.article.getAttribute('data-current-sentence');
    return v ? Number(v) : null;
  }

  async waitForHighlightIndex(predicate: number | ((index: number) => boolean)): Promise<number> {
    const test = typeof predicate === 'number' ? (i: number) => i === predicate : predicate;
    let found = -1;
    await expect.poll(async () => {
      const i = await this.currentSentenceIndex();
      if (i !== null && test(i)) found = i;
      return found >= 0;
    }).toBe(true);
    return found;
  }

  /** Visible text of the highlighted sentence (all its spans). */
  async currentSentenceText(): Promise<string> {
    const parts = await this.article.locator('.sentence.is-current').allTextContents();
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  }

  /** The word under the CSS Custom Highlight, or null. */
  async currentWordText(): Promise<string | null> {
    return this.page.evaluate(() => {
      const h = (globalThis as any).CSS.highlights.get('reader-word');
      if (!h) return null;
      for (const r of h) return String(r.toString());
      return null;
    });
  }

  /** Waits for a word under the highlight; returns it with the highlighted sentence's text, both read at one moment. */
  async currentWordAndSentence(): Promise<{ word: string; sentence: string }> {
    const handle = await this.page.waitForFunction(() => {
      const g = globalThis as any;
      const h = g.CSS.highlights.get('reader-word');
      const range = h ? [...h][0] : undefined;
      const word = range ? String(range).trim() : '';
      if (!word) return null;
      const parts = [...g.document.querySelectorAll('#article .sentence.is-current')].map((e: any) => e.textContent);
      return { word, sentence: parts.join(' ').replace(/\s+/g, ' ').trim() };
    }, null, { polling: 100 });
    return handle.jsonValue() as Promise<{ word: string; sentence: string }>;
  }

  /** Sentence indices in document order (the order they are read in). */
  async sentenceOrder(): Promise<number[]> {
    const all = await this.article.locator('.sentence').evaluateAll((spans: PageNode[]) => spans.map((s) => Number(s.dataset.sentence)));
    return all.filter((v, i) => all.indexOf(v) === i);
  }

  /** Starts recording every highlighted sentence index (a MutationObserver in the page). */
  async recordHighlights(): Promise<void> {
    await this.page.evaluate(() => {
      const w = globalThis as any;
      w.__highlights = [];
      const article = w.document.getElementById('article');
      const push = () => {
        const v = article.dataset.currentSentence;
        if (v && w.__highlights[w.__highlights.length - 1] !== Number(v)) w.__highlights.push(Number(v));
      };
      push();
      new w.MutationObserver(push).observe(article, { attributes: true, attributeFilter: ['data-current-sentence'] });
    });
  }

  /** Starts recording the utterance each audio element holds as it starts playing (the player has two, taking turns). */
  async recordPlayingUtterances(): Promise<void> {
    await this.recordDeckEvents();
  }

  /** Starts recording, in the page as they happen, each audio element's loads and starts (see DeckEvent). */
  async recordDeckEvents(): Promise<void> {
    await this.page.evaluate(() => {
      const w = globalThis as any;
      w.__decks = [];
      [...w.document.querySelectorAll('audio')].forEach((a: any, element: number) => {
        for (const type of ['loadstart', 'canplaythrough', 'playing']) {
          a.addEventListener(type, () => w.__decks.push({
            type, element, id: a.id, src: a.currentSrc, paused: a.paused, preservesPitch: a.preservesPitch,
            utterance: a.dataset.utterance ? Number(a.dataset.utterance) : null,
          }));
        }
      });
    });
  }

  /** Waits until an element has fired `type` holding `utterance`; returns every event recorded so far. */
  async waitForDeckEvent(type: DeckEvent['type'], utterance: number): Promise<DeckEvent[]> {
    const handle = await this.page.waitForFunction(([t, n]) => {
      const log = (globalThis as any).__decks as DeckEvent[];
      return log.some((e) => e.type === t && e.utterance === n) ? log : null;
    }, [type, utterance] as const, { timeout: 45_000, polling: 100 });
    return handle.jsonValue() as Promise<DeckEvent[]>;
  }

  /** (The element's own utterance: in continuous reading the article's is set only after play() resolves; the short
   * silence played at open holds none.) */
  async recordedPlayingUtterances(): Promise<number[]> {
    const events = await this.page.evaluate(() => (globalThis as any).__decks as DeckEvent[]);
    return events.filter((e) => e.type === 'playing' && e.utterance !== null).map((e) => e.utterance!);
  }

  async recordedHighlights(): Promise<number[]> {
    return this.page.evaluate(() => (globalThis as any).__highlights as number[]);
  }

  /**
   * While stopped, moves sentence by sentence (Right arrow) to the first sentence at least
   * `minChars` long, so a test has many seconds of one clip to observe.
   */
  async moveToLongSentence(minChars = 180): Promise<number> {
    for (let i = 0; i < 40; i++) {
      if ((await this.currentSentenceText()).length >= minChars) return (await this.currentSentenceIndex())!;
      const before = await this.utteranceIndex();
      await this.press('ArrowRight');
      await expect.poll(() => this.utteranceIndex()).not.toBe(before);
    }
    throw new Error(`no sentence of ${minChars} characters`);
  }

  /** The block quote figure the highlight is in, if any. */
  currentQuoteFigure(): Locator {
    return this.article.locator('figure.quote', { has: this.page.locator('.sentence.is-current, .quote-speaker.is-current-label') });
  }

  // --- announcements ----------------------------------------------------------------------------

  /** The live region's text, without the unheard mark a repeated announcement carries (renderer/announcer.ts). */
  async lastAnnouncement(): Promise<string> {
    return (await this.announcer.textContent())?.replaceAll(REPEAT_MARK, '').trim() ?? '';
  }

  async waitForAnnouncement(expected: string | RegExp, timeout?: number): Promise<string> {
    // (The text the check matched, spaces collapsed as toHaveText does: read again, the region may since have been
    // cleared for the next one.)
    let text = '';
    await expect.poll(async () => (text = (await this.lastAnnouncement()).replace(/\s+/g, ' ')), { timeout })
      .toEqual(typeof expected === 'string' ? expected : expect.stringMatching(expected));
    return text;
  }

  /** Starts recording every text the polite live region shows (a MutationObserver in the page). */
  async recordAnnouncements(): Promise<void> {
    await this.page.evaluate((mark: string) => {
      const w = globalThis as any;
      w.__announced = [];
      // (One observer: called again, it starts a new record instead of adding a second observer that records each text twice.)
      if (w.__announcedObserver) return;
      const region = w.document.getElementById('announcer');
      w.__announcedObserver = new w.MutationObserver(() => {
        const text = region.textContent.replaceAll(mark, '').trim();
        if (text) w.__announced.push(text);
      });
      w.__announcedObserver.observe(region, { childList: true, characterData: true, subtree: true });
    }, REPEAT_MARK);
  }

  async recordedAnnouncements(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as any).__announced as string[]);
  }

  /** Drops a file onto the window, as a user dragging it from the file manager. */
  async dropFile(name: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? [...new TextEncoder().encode(content)] : [...content];
    const drop = await this.page.evaluateHandle(({ name, bytes }) => {
      const g = globalThis as any;
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([new Uint8Array(bytes)], name));
      return dt;
    }, { name, bytes });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  }

  /** Changes one setting in the Settings dialog with the keyboard, then closes it. */
  async changeSetting(label: string | RegExp, value: string | boolean): Promise<void> {
    await this.press('Control+Comma');
    const dialog = await this.waitForDialog('Settings');
    if (typeof value === 'boolean') {
      const box = dialog.getByRole('checkbox', { name: label });
      await this.tabTo(box);
      if ((await box.isChecked()) !== value) await this.press('Space');
      await expect(box).toBeChecked({ checked: value });
    } else {
      const select = dialog.getByLabel(label);
      await this.tabTo(select);
      await select.selectOption(value);
    }
    await this.press('Escape');
    await this.waitForNoDialog();
  }

  // --- panels ----------------------------------------------------------------------------

  async waitForDialog(name: string | RegExp): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** No dialog open, and the closed one's clean-up (focus back to the invoker) has run. */
  async waitForNoDialog(): Promise<void> {
    await expect(this.dialog).toHaveCount(0);
    await expect(this.page.locator('dialog')).toHaveCount(0);
  }

  /** Tab (forwards) until the focused element matches, up to `limit` presses. */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el: PageNode) => el === (globalThis as any).document.activeElement)) return;
      await this.press('Tab');
    }
    throw new Error('tabTo: the target never received focus');
  }

  async focusedElementText(): Promise<string> {
    return this.page.evaluate(() => String((globalThis as any).document.activeElement?.innerText ?? ''));
  }
}
