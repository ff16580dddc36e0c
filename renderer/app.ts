// The reader: wires the article view, the player, the highlight, the panels and the
// commands together. Every key, toolbar button and menu command runs the same function.

import type { Command, OpenResult, OpenedArticle, ReaderApi, ReaderEvent, Settings, Utterance, VoiceList } from '../core/contract';
import { RATE_MAX, RATE_MIN, RATE_STEP } from '../core/settings';
import { Announcer } from './announcer';
import { applyAppearance } from './appearance';
import { installKeyboard } from './keyboard';
import * as nav from './navigation';
import { openArticleListPanel } from './panels/article-list-panel';
import { closeOpenPanels } from './panels/dialog';
import { openHelpPanel } from './panels/help-panel';
import { openLinkPanel } from './panels/open-link-panel';
import { openQuoteListPanel } from './panels/quote-list-panel';
import { openSettingsPanel } from './panels/settings-panel';
import { Highlighter } from './player/highlight';
import { Player, type PlayerState } from './player/player';
import { clear, el } from './view/dom';
import { renderArticle, speakerName, type ArticleView } from './view/render-article';

export interface AppElements {
  article: HTMLElement;
  notices: HTMLElement;
  playButton: HTMLButtonElement;
  statusState: HTMLElement;
  statusRate: HTMLElement;
  statusTiming: HTMLElement;
  toolbar: HTMLElement;
}

const STATE_TEXT: Record<PlayerState, string> = { stopped: 'Stopped', loading: 'Playing', playing: 'Playing', paused: 'Paused' };

export class ReaderApp {
  private settings: Settings | null = null;
  private article: OpenedArticle | null = null;
  private view: ArticleView | null = null;
  private voices: VoiceList | null = null;
  private readonly player: Player;
  private readonly highlighter: Highlighter;
  private settingsRequest = 0;
  private lastEstimated: boolean | null = null;

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
      finished: () => this.announcer.say('End of article'),
    });
    // Tests and diagnostics can find the one audio element.
    this.player.audio.id = 'reader-audio';
    this.player.audio.hidden = true;
    document.body.append(this.player.audio);
  }

  async start(): Promise<void> {
    installKeyboard({ toolbar: this.ui.toolbar, run: (command) => this.run(command) });
    for (const button of this.ui.toolbar.querySelectorAll<HTMLButtonElement>('button[data-command]')) {
      button.addEventListener('click', () => this.run(button.dataset.command as Command));
    }
    this.reader.onEvent((event) => this.onEvent(event));
    const state = await this.reader.getSettings();
    this.applySettings(state.settings);
    if (state.notice) this.notice(state.notice);
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
      if (result.message !== 'cancelled') this.announcer.error(`Could not open the article: ${result.message}`);
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
    this.view = renderArticle(article.model);
    clear(this.ui.article);
    this.ui.article.append(this.view.root);
    this.ui.article.setAttribute('aria-busy', 'false');
    this.ui.article.setAttribute('aria-label', article.model.title ?? article.name);
    this.ui.article.dataset.docId = article.docId;
    document.title = `${article.model.title ?? article.name} – Article Reader`;
    this.highlighter.setView(this.view);
    this.player.load(article.docId, article.plan, article.position);
    // A new article starts at its top (or, resuming, where the highlight scrolls to), never where the last one was.
    document.scrollingElement?.scrollTo({ top: 0, behavior: 'instant' });
    const u = article.plan.utterances[this.player.current];
    if (u) this.onUtterance(this.player.current, u, article.position > 0);
    this.onState('stopped');
    clear(this.ui.notices);
    for (const n of article.notices) this.notice(n);
    const resume = article.position > 0 ? ' Press Space to continue where you left off.' : ' Press Space to play, F1 for help.';
    this.announcer.say(`Opened ${article.model.title ?? article.name}.${resume}`);
  }

  private async openFile(): Promise<void> {
    closeOpenPanels();
    await this.show(await this.reader.openFileDialog());
  }

  async openDropped(name: string, bytes: Uint8Array): Promise<void> {
    closeOpenPanels();
    this.announcer.say(`Opening ${name}`);
    await this.show(await this.reader.openDropped(name, bytes));
  }

  private async articleList(): Promise<void> {
    const [entries, recent] = await Promise.all([this.reader.listArticles(), this.reader.listRecent().catch(() => [])]);
    openArticleListPanel(entries, this.article?.name ?? null, {
      openArticle: (id) => void this.reader.openArticle(id).then((r) => this.show(r)),
      openFile: () => void this.openFile(),
      // Web pages, links and pasted text (issue 10)
      recent,
      openRecent: (id) => void this.openFrom('Opening the article', () => this.reader.openRecent(id)),
      forgetRecent: (id) => void this.reader.forgetRecent(id).catch(() => undefined),
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

  private notice(message: string): void {
    this.ui.notices.append(el('p', { className: 'notice', text: message }));
    this.announcer.say(message);
  }

  // -------------------------------------------------------------------------------------
  // Playback

  private playPause(): void {
    if (!this.article) return;
    this.announcer.clearError();
    const playing = this.player.state === 'playing' || this.player.state === 'loading';
    if (playing) {
      this.player.pause();
      this.announcer.say('Paused');
    } else {
      this.announcer.say('Playing');
      this.player.play();
    }
  }

  private stop(): void {
    if (!this.article || this.player.state === 'stopped') return;
    // Play again starts the current sentence from its beginning.
    this.player.stop();
    this.announcer.say('Stopped');
  }

  private get plan() {
    return this.player.currentPlan;
  }

  private move(find: (plan: { utterances: Utterance[] }, i: number) => number | null, unit: 'sentence' | 'paragraph'): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const target = find(plan, this.player.current);
    if (target === null) {
      this.announcer.say(unit === 'sentence' ? (find === nav.nextSentence ? 'Last sentence' : 'First sentence') : find === nav.nextParagraph ? 'Last paragraph' : 'First paragraph');
      return;
    }
    const playing = this.isPlaying();
    this.player.jump(target);
    if (!playing) {
      const pos = nav.positionOf(plan, this.article.model, target);
      const u = plan.utterances[target]!;
      const text = u.sentence !== null ? this.article.model.sentences[u.sentence]?.text ?? u.text : u.text;
      this.announcer.say(unit === 'paragraph' && pos ? `Paragraph ${pos.paragraph} of ${pos.paragraphs}: ${text}` : text);
    }
  }

  private moveToQuote(find: typeof nav.nextQuote, none: string): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const target = find(plan, this.player.current, this.article.model.quotes);
    if (!target) {
      this.announcer.say(none);
      return;
    }
    this.jumpToQuote(target.quote, target.utterance, undefined);
  }

  private jumpToQuote(quote: number, utterance: number, play: boolean | undefined): void {
    if (!this.article) return;
    const model = this.article.model;
    const q = model.quotes[quote];
    this.announcer.say(`Quote ${quote + 1} of ${model.quotes.length}, ${speakerName(model, q?.speakerId ?? null)}`);
    this.player.jump(utterance, play);
  }

  private moveToSpeaker(find: (plan: { utterances: Utterance[] }, i: number) => number | null, none: string): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const target = find(plan, this.player.current);
    if (target === null) {
      this.announcer.say(none);
      return;
    }
    const id = nav.speakerAt(plan, target);
    this.announcer.say(id === null ? 'Narrator' : speakerName(this.article.model, id));
    this.player.jump(target);
  }

  private quoteList(): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const starts = nav.quoteStarts(plan, this.article.model.quotes);
    openQuoteListPanel(this.article.model, starts, (quote) => {
      const start = starts.get(quote);
      if (start !== undefined) this.jumpToQuote(quote, start, true);
    });
  }

  private whereAmI(): void {
    const plan = this.plan;
    if (!plan || !this.article) return;
    const pos = nav.positionOf(plan, this.article.model, this.player.current);
    if (!pos) return;
    const who = pos.speakerId === null ? 'Narrator' : speakerName(this.article.model, pos.speakerId);
    const quote = pos.quote !== null ? ` Quote ${pos.quote} of ${pos.quotes}.` : '';
    this.announcer.say(`Paragraph ${pos.paragraph} of ${pos.paragraphs}.${quote} ${who}. ${STATE_TEXT[this.player.state]}.`);
  }

  private isPlaying(): boolean {
    return this.player.state === 'playing' || this.player.state === 'loading';
  }

  private onUtterance(index: number, u: Utterance, scroll = true): void {
    const labelQuote = u.kind === 'label' ? u.quote ?? this.plan?.utterances[index + 1]?.quote ?? null : null;
    this.highlighter.showSentence(u.sentence, labelQuote, scroll, u.kind === 'label' ? null : { start: u.start, end: u.end });
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
      this.announcer.say(`Rate ${rate} words per minute, the ${delta > 0 ? 'fastest' : 'slowest'}`);
      return;
    }
    // Audible at once; the saved settings and the re-plan follow.
    this.player.setRate(rate);
    this.settings = { ...this.settings, rate };
    this.ui.statusRate.textContent = `${rate} words per minute`;
    this.announcer.say(`Rate ${rate} words per minute`);
    await this.updateSettings({ rate });
  }

  private async updateSettings(patch: Partial<Settings>): Promise<void> {
    const request = ++this.settingsRequest;
    const docId = this.article?.docId ?? null;
    const oldPlan = this.plan;
    const result = await this.reader.updateSettings(docId, patch);
    if (request !== this.settingsRequest) return;
    this.applySettings(result.settings);
    if (result.plan && oldPlan && this.article && this.article.docId === docId) {
      const index = nav.mapToNewPlan(oldPlan, result.plan, this.player.current);
      this.article = { ...this.article, plan: result.plan };
      this.player.replacePlan(result.plan, index);
    }
  }

  private async openSettings(): Promise<void> {
    if (!this.settings) return;
    this.voices ??= await this.reader.listVoices().catch(() => ({ engine: null, voices: [], problem: 'Voices could not be listed.' }));
    const plan = this.plan;
    const model = this.article?.model;
    const speakerVoices: [string, string][] = plan && model ? Object.entries(plan.speakerVoices).map(([id, voice]) => [speakerName(model, id), voice]) : [];
    openSettingsPanel({
      settings: this.settings,
      voices: this.voices,
      speakerVoices,
      wordsEstimated: this.player.wordsEstimated ?? this.lastEstimated,
      onChange: (patch) => {
        if (patch.rate !== undefined) this.player.setRate(patch.rate);
        void this.updateSettings(patch).catch((e: unknown) => this.announcer.error(`Settings were not saved: ${e instanceof Error ? e.message : String(e)}`));
      },
    });
  }

  // -------------------------------------------------------------------------------------
  // Export and events

  private async exportAudio(): Promise<void> {
    if (!this.article) return;
    this.announcer.say('Exporting audio');
    const result = await this.reader.exportAudio(this.article.docId);
    if (result.ok) {
      const minutes = Math.floor(result.seconds / 60);
      const seconds = Math.round(result.seconds % 60);
      this.announcer.say(`Exported ${minutes ? `${minutes} min ` : ''}${seconds} s of audio to ${result.path}`);
    } else if ('cancelled' in result) {
      this.announcer.say('Export cancelled');
    } else {
      this.announcer.error(`Export failed: ${result.message}`);
    }
    this.ui.statusTiming.textContent = '';
    this.lastEstimated = null;
  }

  private onEvent(event: ReaderEvent): void {
    switch (event.type) {
      case 'command':
        this.run(event.command);
        break;
      case 'export-progress':
        this.ui.statusTiming.textContent = `Exporting ${event.done} of ${event.total}`;
        this.lastEstimated = null;
        break;
      case 'engine':
        this.announcer.error(event.message);
        break;
    }
  }
}
