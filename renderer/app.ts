// The reader: wires the article view, the player, the highlight, the panels and the
// commands together. Every key, toolbar button and menu command runs the same function.

import type { ArticleCompletion, ArticleModel, Command, OpenResult, OpenedArticle, Quote, ReaderApi, ReaderEvent, ReadingPlan, Settings, Utterance, VoiceList } from '../core/contract';
import { RATE_MAX, RATE_MIN, RATE_STEP } from '../core/settings';
import { announcementText, type Announcement } from './announce-policy';
import { Announcer } from './announcer';
import { applyAppearance } from './appearance';
import { installKeyboard } from './keyboard';
import * as nav from './navigation';
import { quoteListText } from './quote-text';
import { openArticleListPanel } from './panels/article-list-panel';
import { closeOpenPanels } from './panels/dialog';
import { openHelpPanel } from './panels/help-panel';
import { openLinkPanel } from './panels/open-link-panel';
import { openQuoteListPanel, type QuoteListEntry } from './panels/quote-list-panel';
import { openSettingsPanel } from './panels/settings-panel';
import { Highlighter } from './player/highlight';
import { Player, type PlayerState } from './player/player';
import { fitHeader } from './reflow';
import { SleepTimer } from './sleep-timer';
import { clear, el } from './view/dom';
import { headingLevels } from './view/heading-levels';
import { relabelQuotes, speakerName, type ArticleView, type RenderResume } from './view/render-article';
import { renderInSlices, type SlicedRendering } from './view/render-in-slices';

export interface AppElements {
  article: HTMLElement;
  notices: HTMLElement;
  playButton: HTMLButtonElement;
  statusState: HTMLElement;
  statusRate: HTMLElement;
  statusTiming: HTMLElement;
  toolbar: HTMLElement;
  header: HTMLElement;
}

const STATE_TEXT: Record<PlayerState, string> = { stopped: 'Stopped', loading: 'Playing', playing: 'Playing', paused: 'Paused' };

export class ReaderApp {
  private settings: Settings | null = null;
  private article: OpenedArticle | null = null;
  private view: ArticleView | null = null;
  private rendering: SlicedRendering | null = null;
  private voices: VoiceList | null = null;
  private readonly player: Player;
  private readonly highlighter: Highlighter;
  private settingsRequest = 0;
  private lastEstimated: boolean | null = null;
  /** Launch: a settings or reading-state problem found at start, still to be announced. */
  private startupNotice: string | null = null;
  /** The quote the listener last jumped to, while still at the utterance it starts in. */
  private atQuote: { quote: number; utterance: number } | null = null;
  private exporting = false;
  /** The whole of a big article, when it came before its first part was shown. */
  private earlyCompletion: ArticleCompletion | null = null;
  private exportQuarter = 0;
  private readonly sleepTimer = new SleepTimer(
    { now: () => Date.now(), setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    () => this.onSleepDue(),
  );

  constructor(private readonly reader: ReaderApi, private readonly ui: AppElements, private readonly announcer: Announcer) {
    this.highlighter = new Highlighter(ui.article);
    this.player = new Player(reader, {
      utterance: (index, u) => this.onUtterance(index, u),
      word: (word, estimated) => {
        this.highlighter.showWord(word);
        if (word) this.showTiming(estimated);
      },
      state: (state) => this.onState(state),
      error: (message) => this.announcer.error(`Could not speak this sentence: ${message} Press Space to try again.`),
      finished: () => this.onFinished(),
      // The sleep timer stops between sentences.
      next: () => this.goOnReading(),
    });
    // Two elements taking turns (gapless reading); the one playing has the id `reader-audio`.
    document.body.append(...this.player.elements);
  }

  async start(): Promise<void> {
    installKeyboard({ toolbar: this.ui.toolbar, run: (command) => this.run(command) });
    fitHeader(this.ui.header);
    for (const button of this.ui.toolbar.querySelectorAll<HTMLButtonElement>('button[data-command]')) {
      button.addEventListener('click', () => this.run(button.dataset.command as Command));
    }
    this.reader.onEvent((event) => this.onEvent(event));
    const state = await this.reader.getSettings();
    this.applySettings(state.settings);
    if (state.notice) this.showStartupNotice(state.notice);
    this.show(await this.reader.openInitial());
  }

  /** Runs one command; safe to call from keys, buttons and menu events alike. */
  run(command: Command): void {
    const handlers: Record<Command, () => void | Promise<void>> = {
      'play-pause': () => this.playPause(),
      stop: () => this.stop(),
      'next-sentence': () => this.move(nav.nextSentence, 'sentence'),
      'previous-sentence': () => this.move(nav.previousSentence, 'sentence'),
      'next-paragraph': () => this.move(nav.nextParagraph, 'paragraph'),
      'previous-paragraph': () => this.move(nav.previousParagraph, 'paragraph'),
      'next-quote': () => this.moveToQuote(nav.nextQuote, 'No more quotes'),
      'previous-quote': () => this.moveToQuote(nav.previousQuote, 'No earlier quotes'),
      'next-speaker': () => this.moveToSpeaker(nav.nextSpeakerChange, 'No more changes of speaker'),
      'previous-speaker': () => this.moveToSpeaker(nav.previousSpeakerChange, 'No earlier changes of speaker'),
      'quote-list': () => this.quoteList(),
      'article-list': () => this.articleList(),
      faster: () => this.changeRate(+RATE_STEP),
      slower: () => this.changeRate(-RATE_STEP),
      'where-am-i': () => this.whereAmI(),
      open: () => this.openFile(),
      export: () => this.exportAudio(),
      settings: () => this.openSettings(),
      help: () => openHelpPanel(),
      'next-heading': () => this.moveToHeading(nav.nextHeading, 'No more headings'),
      'previous-heading': () => this.moveToHeading(nav.previousHeading, 'No earlier headings'),
      'sleep-timer': () => this.cycleSleepTimer(),
      'open-link': () => this.openLinkDialog(),
      'paste-article': () => this.pasteFromMenu(),
    };
    const result = handlers[command]?.();
    if (result instanceof Promise) result.catch((e: unknown) => this.announcer.error(e instanceof Error ? e.message : String(e)));
  }

  // -------------------------------------------------------------------------------------
  // Opening

  async show(result: OpenResult): Promise<void> {
    if (!result.ok) {
      const startup = this.takeStartupNotice();
      if (result.message === 'cancelled') {
        const cancelled = this.article ? 'Open cancelled' : 'Open cancelled. No article is open.';
        this.tell({ kind: 'answer', text: startup ? `${cancelled}. ${startup}` : cancelled });
      } else {
        this.announcer.error(`Could not open the article: ${result.message}`);
        if (startup) this.announcer.say(startup);
      }
      if (!this.article) {
        clear(this.ui.article);
        this.ui.article.append(el('p', { className: 'placeholder', text: 'No article is open. Press A for the list of articles, Ctrl+O to open a file, Ctrl+L to open a link, or Ctrl+V to paste an article.' }));
        this.ui.article.setAttribute('aria-busy', 'false');
      }
      return;
    }
    this.announcer.clearError();
    const article = result.article;
    this.article = article;
    this.atQuote = null;
    // A new article starts at its top (or, resuming, where the highlight scrolls to), never where
    // the last one was. Scrolled before the new article is in: after, it forced a layout of all of it.
    document.scrollingElement?.scrollTo({ top: 0, behavior: 'instant' });
    this.putInPage(article.model);
    this.ui.article.setAttribute('aria-label', article.model.title ?? article.name);
    this.ui.article.dataset.docId = article.docId;
    document.title = `${article.model.title ?? article.name} – Article Reader`;
    this.highlighter.setView(this.view);
    this.player.load(article.docId, article.plan, article.position);
    const u = article.plan.utterances[this.player.current];
    if (u) this.onUtterance(this.player.current, u, article.position > 0);
    this.onState('stopped');
    // The start-up notice stays; the previous article's notices go.
    for (const n of this.ui.notices.querySelectorAll('.notice:not(.is-lasting)')) n.remove();
    for (const n of article.notices) this.displayNotice(n);
    // A screen reader starts reading the new article at its top, in browse mode.
    this.ui.article.focus({ preventScroll: true });
    const resume = article.position > 0 ? ' Press Space or Ctrl+Alt+Space to continue where you left off.' : ' Press Space or Ctrl+Alt+Space to play, F1 for help.';
    // One announcement: a second say() would replace the first before a screen reader speaks it.
    const notes = [...article.notices, this.takeStartupNotice()].filter(Boolean).join(' ');
    this.announcer.say(`Opened ${article.model.title ?? article.name}.${resume}${notes ? ` ${notes}` : ''}`);
    if (article.partial && this.earlyCompletion?.docId === article.docId) this.complete(this.earlyCompletion);
  }

  /**
   * Big articles go in a slice at a time (keys and audio keep working); aria-busy until the last
   * block is in, and until the rest of an article opened with its first part is in too.
   * `resume`: the view already shows the model's first blocks; the rest goes on after them.
   */
  private putInPage(model: ArticleModel, resume?: RenderResume): void {
    this.rendering?.cancel();
    const rendering = renderInSlices(model, { onSlice: () => this.highlighter.repaint(), ...(resume ? { resume } : {}) });
    this.rendering = rendering;
    this.view = rendering.view;
    if (!resume) {
      clear(this.ui.article);
      this.ui.article.append(rendering.view.root);
    }
    this.ui.article.setAttribute('aria-busy', 'true');
    void rendering.done.then((complete) => {
      if (complete && this.rendering === rendering && !this.article?.partial) this.ui.article.setAttribute('aria-busy', 'false');
    });
  }

  /**
   * The whole of an article that opened with its first part (issue 12). When it begins exactly
   * as the part shown, its later blocks go on after it, and only speaker labels the whole names
   * more fully change; otherwise it replaces the page. Reading goes on at the same sentence.
   */
  private complete(c: ArticleCompletion): void {
    const shown = this.article;
    if (!shown?.partial || shown.docId !== c.docId) {
      // The whole can come in before the reply that opened its first part has been shown.
      this.earlyCompletion = c;
      return;
    }
    this.earlyCompletion = null;
    if (!c.ok) {
      this.article = { ...shown, partial: false };
      void this.rendering?.done.then((complete) => {
        if (complete && this.article?.docId === c.docId) this.ui.article.setAttribute('aria-busy', 'false');
      });
      this.announcer.error(`Only the start of ${shown.model.title ?? shown.name} could be read. ${c.message}`);
      return;
    }
    const index = nav.mapToNewPlan(shown.plan, c.plan, this.player.current);
    const whole: OpenedArticle = { ...shown, model: c.model, plan: c.plan, partial: false, notices: [...shown.notices, ...c.notices] };
    this.article = whole;
    const view = this.view;
    const firstPart = this.rendering;
    if (c.extendsShown && view && firstPart) {
      // After the first part is all in the page (it may still be going in, a slice at a time).
      void firstPart.done.then((finished) => {
        if (!finished || this.article?.docId !== whole.docId || this.view !== view) return;
        relabelQuotes(view, c.model, shown.model.quotes.length);
        this.putInPage(c.model, { view, from: shown.model.blocks.length });
      });
    } else {
      this.putInPage(c.model);
      this.highlighter.setView(this.view);
    }
    this.player.replacePlan(c.plan, index);
    const u = c.plan.utterances[this.player.current];
    if (u) this.onUtterance(this.player.current, u, false);
    for (const n of c.notices) this.displayNotice(n);
  }

  private async openFile(): Promise<void> {
    closeOpenPanels();
    await this.show(await this.reader.openFileDialog());
  }

  async openDropped(name: string, bytes: Uint8Array): Promise<void> {
    await this.openFrom(`Opening ${name}`, () => this.reader.openDropped(name, bytes));
  }

  private async articleList(): Promise<void> {
    const [entries, recent] = await Promise.all([this.reader.listArticles(), this.reader.listRecent().catch(() => [])]);
    openArticleListPanel(entries, this.article?.name ?? null, {
      openArticle: (id) => void this.reader.openArticle(id).then((r) => this.show(r)),
      openFile: () => void this.openFile(),
      // Web pages, links and pasted text (issue 10)
      recent,
      openRecent: (id) => void this.openFrom('Opening the article', () => this.reader.openRecent(id)),
      forgetRecent: (id, name) => void this.reader.forgetRecent(id).then(
        () => this.announcer.say(`Removed ${name} from recent articles`),
        (e: Error) => this.announcer.error(`Could not remove ${name} from recent articles: ${e.message}`),
      ),
      openLink: () => this.openLinkDialog(),
      paste: () => void this.pasteFromMenu(),
    });
  }

  // Web pages, links and pasted text (issue 10) -----------------------------------------

  private openLinkDialog(): void {
    closeOpenPanels();
    openLinkPanel((url) => this.reader.openUrl(url), (result) => this.show(result));
  }

  /** A link dropped on the window. */
  async openLink(url: string): Promise<void> {
    await this.openFrom(`Opening ${url}`, () => this.reader.openUrl(url));
  }

  /** Ctrl+V: what the paste event carried. */
  async openPasted(html: string | null, text: string | null): Promise<void> {
    await this.openFrom('Opening the pasted article', () => this.reader.openPasted(html, text));
  }

  /** Edit > Paste article: the main process reads the clipboard. */
  private async pasteFromMenu(): Promise<void> {
    await this.openFrom('Opening the pasted article', () => this.reader.openClipboard());
  }

  /** A refused request (a paste over the size limit) is announced like any article that cannot be opened. */
  private async openFrom(status: string, request: () => Promise<OpenResult>): Promise<void> {
    closeOpenPanels();
    this.announcer.say(status);
    let result: OpenResult;
    try {
      result = await request();
    } catch (e) {
      result = { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    await this.show(result);
  }

  /** A notice that arrives on its own (not with an article): shown and announced. */
  private notice(message: string): void {
    this.displayNotice(message);
    this.announcer.say(message);
  }

  /** Shown only: show() announces the article's notices within "Opened …". */
  private displayNotice(message: string, lasting = false): void {
    if (!lasting) {
      this.ui.notices.append(el('p', { className: 'notice', text: message }));
      return;
    }
    // A notice that outlasts its article can be put away: above every article, a screen reader would meet it each time.
    const dismiss = el('button', { className: 'notice-dismiss', text: 'Dismiss', attrs: { type: 'button', 'aria-label': 'Dismiss this notice' } });
    const notice = el('div', { className: 'notice is-lasting' }, el('p', { text: message }), dismiss);
    dismiss.addEventListener('click', () => {
      notice.remove();
      // (Put away before the first article is in: not announced with it either.)
      if (this.startupNotice === message) this.startupNotice = null;
      this.ui.article.focus({ preventScroll: true });
      this.announcer.say('Notice dismissed');
    });
    this.ui.notices.append(notice);
  }

  /** Launch: stays on screen until dismissed, and is announced with the first article. */
  private showStartupNotice(message: string): void {
    this.displayNotice(message, true);
    this.startupNotice = message;
  }

  private takeStartupNotice(): string | null {
    const n = this.startupNotice;
    this.startupNotice = null;
    return n;
  }

  // -------------------------------------------------------------------------------------
  // Playback

  private playPause(): void {
    if (!this.article) return;
    this.announcer.clearError();
    if (this.isPlaying()) {
      this.player.pause();
      this.tell({ kind: 'status', text: 'Paused' });
    } else {
      this.player.play();
      // The voice starting is the answer; said only with announcements set to full.
      this.tell({ kind: 'status', text: 'Playing' });
    }
  }

  private stop(): void {
    if (this.exporting) {
      void this.reader.cancelExport();
      return;
    }
    if (!this.article) return;
    if (this.player.state === 'stopped') {
      this.tell({ kind: 'answer', text: 'Already stopped' });
      return;
    }
    // Play again starts the current sentence from its beginning.
    this.player.stop();
    this.tell({ kind: 'status', text: 'Stopped' });
  }

  /** Says `a` as the announcements setting allows while the app's voice reads. */
  private tell(a: Announcement): void {
    const text = announcementText(a, this.settings?.announceWhileReading ?? 'brief', this.isPlaying());
    if (text) this.announcer.say(text);
  }

  private get plan() {
    return this.player.currentPlan;
  }

  private move(find: (plan: { utterances: Utterance[] }, i: number) => number | null, unit: 'sentence' | 'paragraph'): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const target = find(plan, this.player.current);
    if (target === null) {
      const forward = find === nav.nextSentence || find === nav.nextParagraph;
      if (forward && this.article.partial) return this.tell({ kind: 'answer', text: 'The rest of the article is still opening' });
      this.tell({ kind: 'answer', text: unit === 'sentence' ? (find === nav.nextSentence ? 'Last sentence' : 'First sentence') : find === nav.nextParagraph ? 'Last paragraph' : 'First paragraph' });
      return;
    }
    const playing = this.isPlaying();
    this.player.jump(target);
    if (!playing) {
      const pos = nav.positionOf(plan, this.article.model, target);
      const text = nav.textFrom(plan, this.article.model, target);
      this.announcer.say(unit === 'paragraph' && pos ? `Paragraph ${pos.paragraph} of ${this.total(pos.paragraphs)}: ${text}` : text);
    }
  }

  /** A count of paragraphs or quotes: while only a big article's first part is in, "so far". */
  private total(n: number): string {
    return this.article?.partial ? `${n} so far` : String(n);
  }

  /** The quotes Q and the quote list visit: partial ones too unless the setting leaves them out. */
  private navQuotes(): Quote[] {
    const quotes = this.article?.model.quotes ?? [];
    return this.settings?.navigatePartialQuotes === false ? quotes.filter((q) => !q.partial) : quotes;
  }

  /** "Quote 3 of 9, Dr Ahmad Tarakji" (numbered among the quotes that can be navigated). */
  private quoteName(quote: number): { counted: string; speaker: string } {
    const model = this.article!.model;
    const quotes = this.navQuotes();
    const q = model.quotes[quote];
    const n = quotes.findIndex((x) => x.index === quote) + 1;
    return { counted: `Quote ${n} of ${this.total(quotes.length)}${q?.partial ? ', partial' : ''}`, speaker: speakerName(model, q?.speakerId ?? null) };
  }

  private moveToQuote(find: typeof nav.nextQuote, none: string): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const at = this.atQuote && this.atQuote.utterance === this.player.current ? this.atQuote.quote : null;
    const target = find(plan, this.player.current, this.navQuotes(), at);
    if (!target) {
      this.tell({ kind: 'answer', text: this.navQuotes().length ? none : 'This article has no quotes' });
      return;
    }
    this.jumpToQuote(target.quote, target.utterance, undefined);
  }

  private jumpToQuote(quote: number, utterance: number, play: boolean | undefined): void {
    const plan = this.plan;
    if (!this.article || !plan) return;
    const { counted, speaker } = this.quoteName(quote);
    // Where a speaker label starts the quote, the voice says who it is.
    const labelled = plan.utterances[utterance]?.kind === 'label';
    this.player.jump(utterance, play);
    // Not playing, the words are said too: moving from quote to quote is a way to skim what was said.
    const words = this.isPlaying() ? '' : `: ${nav.wordsFrom(plan, utterance)}`;
    this.tell({ kind: 'position', text: `${counted}, ${speaker}${words}`, brief: labelled ? counted : `${counted}, ${speaker}` });
    this.atQuote = { quote, utterance };
  }

  private moveToSpeaker(find: (plan: { utterances: Utterance[] }, i: number) => number | null, none: string): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const target = find(plan, this.player.current);
    if (target === null) {
      this.tell({ kind: 'answer', text: none });
      return;
    }
    const id = nav.speakerAt(plan, target);
    const name = id === null ? 'Narrator' : speakerName(this.article.model, id);
    this.player.jump(target);
    const words = this.isPlaying() ? '' : `: ${nav.wordsFrom(plan, target)}`;
    this.tell({ kind: 'position', text: `${name}${words}`, brief: plan.utterances[target]?.kind === 'label' ? null : name });
  }

  private moveToHeading(find: typeof nav.nextHeading, none: string): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const blocks = this.article.model.blocks;
    const target = find(plan, blocks, this.player.current);
    const u = target === null ? undefined : plan.utterances[target];
    if (target === null || !u) {
      // (The title is a heading too, as Shift+H finds it: an article with no other is not said to have none.)
      const sections = blocks.some((b) => b.kind === 'heading');
      const titled = blocks.some((b) => b.kind === 'title');
      this.tell({ kind: 'answer', text: sections || (titled && find !== nav.nextHeading) ? none : titled ? 'No headings after the title' : 'This article has no headings' });
      return;
    }
    const block = blocks[u.block]!;
    const level = block.kind === 'title' ? 1 : headingLevels(blocks).get(block.index) ?? 2;
    this.player.jump(target);
    // The voice reads the heading itself; the level is what it does not say.
    this.tell({ kind: 'position', text: `Heading level ${level}, ${block.text}`, brief: `Heading level ${level}` });
  }

  private quoteList(): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const model = this.article.model;
    const starts = nav.quoteStarts(plan, this.navQuotes());
    const order = [...starts.keys()];
    const entries: QuoteListEntry[] = order.map((quote, i) => {
      const q = model.quotes[quote]!;
      return { quote, number: i + 1, total: order.length, speaker: speakerName(model, q.speakerId), text: quoteListText(model, q), partial: q.partial };
    });
    openQuoteListPanel(entries, this.quoteHere(starts), (quote) => {
      const start = starts.get(quote);
      if (start !== undefined) this.jumpToQuote(quote, start, true);
    });
  }

  /** The quote being read, or a partial one in this sentence, or else the next one ahead. */
  private quoteHere(starts: Map<number, number>): number | null {
    const plan = this.plan!;
    const current = this.player.current;
    if (this.atQuote && this.atQuote.utterance === current && starts.has(this.atQuote.quote)) return this.atQuote.quote;
    const inQuote = nav.currentQuote(plan, current);
    if (inQuote !== null && starts.has(inQuote)) return inQuote;
    const partial = nav.partialQuotesIn(plan, this.navQuotes(), current)[0];
    if (partial !== undefined) return partial;
    for (const [quote, start] of starts) if (start >= current) return quote;
    return [...starts.keys()].pop() ?? null;
  }

  private whereAmI(): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const model = this.article.model;
    const pos = nav.positionOf(plan, model, this.player.current);
    if (!pos) return;
    const parts = [`Paragraph ${pos.paragraph} of ${this.total(pos.paragraphs)}.`];
    const inQuote = pos.quote !== null ? pos.quote - 1 : null;
    if (inQuote !== null && this.navQuotes().some((q) => q.index === inQuote)) parts.push(`${this.quoteName(inQuote).counted}.`);
    parts.push(`${pos.speakerId === null ? 'Narrator' : speakerName(model, pos.speakerId)}.`);
    // A partial quote read in the narrator's voice: say whose words they are.
    for (const quote of nav.partialQuotesIn(plan, this.navQuotes(), this.player.current)) {
      const { counted, speaker } = this.quoteName(quote);
      parts.push(`Quoting ${speaker}, ${counted.replace(/^Quote/, 'quote')}.`);
    }
    parts.push(`${STATE_TEXT[this.player.state]}.`);
    if (this.sleepTimer.choice !== 'off') parts.push(`${this.sleepTimer.describe()}.`);
    this.tell({ kind: 'answer', text: parts.join(' ') });
  }

  // -------------------------------------------------------------------------------------
  // Sleep timer

  private cycleSleepTimer(): void {
    this.sleepTimer.cycle();
    this.tell({ kind: 'answer', text: this.sleepTimer.describe() });
  }

  private onSleepDue(): void {
    // Reading on: stop after the sentence being read (see goOnReading). Not reading: done.
    if (this.isPlaying()) return;
    this.sleepTimer.set('off');
    this.tell({ kind: 'answer', text: 'Sleep timer ended' });
  }

  /** Between two sentences of continuous reading (never at the end: that stops anyway): false stops there. */
  private goOnReading(): boolean {
    if (!this.sleepTimer.due) return true;
    this.sleepTimer.set('off');
    this.tell({ kind: 'answer', text: 'Sleep timer: reading stopped. Press Space to go on.' });
    return false;
  }

  private onFinished(): void {
    // Read to the end: opened again, it starts from the top, not "where you left off" at its last sentence.
    if (this.article) void this.reader.savePosition(this.article.docId, this.player.current).catch(() => undefined);
    const timer = this.sleepTimer.choice === 'end' || this.sleepTimer.due;
    if (timer) this.sleepTimer.set('off');
    this.tell({ kind: 'answer', text: timer ? 'End of article. Sleep timer ended.' : 'End of article' });
  }

  private isPlaying(): boolean {
    return this.player.state === 'playing' || this.player.state === 'loading';
  }

  private onUtterance(index: number, u: Utterance, scroll = true): void {
    if (this.atQuote && this.atQuote.utterance !== index) this.atQuote = null;
    // A cue ("Photo caption.") shows the caption it introduces.
    const shown = u.cue ? this.plan?.utterances[index + 1] ?? u : u;
    const labelQuote = shown.kind === 'label' ? shown.quote ?? this.plan?.utterances[index + 1]?.quote ?? null : null;
    this.highlighter.showSentence(shown.sentence, labelQuote, scroll, shown.kind === 'label' ? null : { start: shown.start, end: shown.end });
    this.ui.article.dataset.utterance = String(index);
    if (this.article && this.isPlaying()) void this.reader.savePosition(this.article.docId, index).catch(() => undefined);
  }

  private onState(state: PlayerState): void {
    const playing = state === 'playing' || state === 'loading';
    const label = this.ui.playButton.querySelector('.label');
    if (label) label.textContent = playing ? 'Pause' : 'Play';
    this.ui.playButton.classList.toggle('is-playing', playing);
    this.ui.statusState.textContent = STATE_TEXT[state];
    document.documentElement.dataset.player = state;
    if (state === 'stopped' || state === 'paused') {
      if (this.article) void this.reader.savePosition(this.article.docId, this.player.current).catch(() => undefined);
    }
  }

  private showTiming(estimated: boolean): void {
    if (estimated === this.lastEstimated) return;
    this.lastEstimated = estimated;
    this.ui.statusTiming.textContent = estimated ? 'Word timing estimated' : '';
  }

  // -------------------------------------------------------------------------------------
  // Settings

  private applySettings(settings: Settings): void {
    this.settings = settings;
    applyAppearance(settings);
    this.highlighter.setStyle(settings.highlight);
    this.player.setRate(settings.rate);
    this.player.setEarcons(settings.earcons);
    this.ui.statusRate.textContent = `${settings.rate} words per minute`;
  }

  private async changeRate(delta: number): Promise<void> {
    if (!this.settings) return;
    const rate = Math.min(RATE_MAX, Math.max(RATE_MIN, this.settings.rate + delta));
    if (rate === this.settings.rate) {
      this.tell({ kind: 'answer', text: `Rate ${rate} words per minute, the ${delta > 0 ? 'fastest' : 'slowest'}` });
      return;
    }
    // Audible at once; the saved settings and the re-plan follow.
    this.player.setRate(rate);
    this.settings = { ...this.settings, rate };
    this.ui.statusRate.textContent = `${rate} words per minute`;
    this.tell({ kind: 'answer', text: `Rate ${rate} words per minute` });
    await this.updateSettings({ rate });
  }

  private async updateSettings(patch: Partial<Settings>): Promise<void> {
    const request = ++this.settingsRequest;
    const docId = this.article?.docId ?? null;
    const oldPlan = this.plan;
    const result = await this.reader.updateSettings(docId, patch);
    if (request !== this.settingsRequest) return;
    this.applySettings(result.settings);
    if (result.plan && docId !== null) this.takePlan(docId, oldPlan, result.plan);
  }

  /** A new plan for the open document (new settings, or an engine found): reading goes on at the same place. */
  private takePlan(docId: string, oldPlan: ReadingPlan | null, plan: ReadingPlan): void {
    if (!oldPlan || !this.article || this.article.docId !== docId) return;
    const index = nav.mapToNewPlan(oldPlan, plan, this.player.current);
    this.article = { ...this.article, plan };
    this.player.replacePlan(plan, index);
  }

  private async openSettings(): Promise<void> {
    if (!this.settings) return;
    // Asked again until an engine answers: one installed while the app runs shows up here.
    const voices = this.voices ?? (await this.reader.listVoices().catch(() => ({ engine: null, voices: [], problem: 'Voices could not be listed.' })));
    if (voices.engine) this.voices = voices;
    const plan = this.plan;
    const model = this.article?.model;
    const speakerVoices: [string, string][] = plan && model ? Object.entries(plan.speakerVoices).map(([id, voice]) => [speakerName(model, id), voice]) : [];
    openSettingsPanel({
      settings: this.settings,
      voices,
      speakerVoices,
      wordsEstimated: this.player.wordsEstimated ?? this.lastEstimated,
      onChange: (patch) => {
        if (patch.rate !== undefined) this.player.setRate(patch.rate);
        // What was chosen holds from now on ("Announcements while reading: off", then Space at once), not from when the
        // save (and any new plan) comes back; the saved settings then replace these.
        if (this.settings) this.settings = { ...this.settings, ...patch };
        void this.updateSettings(patch).catch((e: unknown) => this.announcer.error(`Settings were not saved: ${e instanceof Error ? e.message : String(e)}`));
      },
    });
  }

  // -------------------------------------------------------------------------------------
  // Export and events

  private async exportAudio(): Promise<void> {
    if (!this.article || this.exporting) return;
    this.exporting = true;
    this.exportQuarter = 0;
    this.tell({ kind: 'answer', text: 'Exporting audio. Press Escape to cancel.' });
    try {
      const result = await this.reader.exportAudio(this.article.docId);
      if (result.ok) {
        const minutes = Math.floor(result.seconds / 60);
        const seconds = Math.round(result.seconds % 60);
        this.tell({ kind: 'answer', text: `Exported ${minutes ? `${minutes} min ` : ''}${seconds} s of audio to ${result.path}` });
      } else if ('cancelled' in result) {
        this.tell({ kind: 'answer', text: 'Export cancelled' });
      } else {
        this.announcer.error(`Export failed: ${result.message}`);
      }
    } finally {
      this.exporting = false;
      this.ui.statusTiming.textContent = '';
      this.lastEstimated = null;
    }
  }

  /** Progress on screen at every step, and spoken at each quarter (a screen reader cannot watch the status line). */
  private exportProgress(done: number, total: number): void {
    this.ui.statusTiming.textContent = `Exporting ${done} of ${total}`;
    this.lastEstimated = null;
    const quarter = total > 0 ? Math.floor((done / total) * 4) : 0;
    if (this.exporting && quarter > this.exportQuarter && quarter < 4) {
      this.exportQuarter = quarter;
      this.tell({ kind: 'answer', text: `Exporting: ${quarter * 25}%` });
    }
  }

  private onEvent(event: ReaderEvent): void {
    switch (event.type) {
      case 'command':
        this.run(event.command);
        break;
      case 'export-progress':
        this.exportProgress(event.done, event.total);
        break;
      case 'engine':
        this.announcer.error(event.message);
        break;
      case 'opened':
        // Launch: a file handed over by a second launch or the OS.
        closeOpenPanels();
        void this.show(event.result);
        break;
      case 'article-completed':
        this.complete(event.completion);
        break;
      case 'replanned':
        // A speech engine found since the article was planned: its speakers get their own voices.
        this.takePlan(event.docId, this.plan, event.plan);
        break;
    }
  }
}
