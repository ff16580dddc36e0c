import type { ArticleModel, AttributionPlace, Block, Quote, QuotePart, Sentence, Speaker } from '../contract';
import { cueAfter, cueBefore, describedThenNamed, isFirstPerson, resolveSpeaker, type Cue, type SpeakerRef } from './attribution';
import { markdownBlocks, plainTextBlocks, type RawBlock } from './blocks';
import { BRACKETED_ACRONYM, Registry, firstNameGender, isAcronym, isCommonWord, isFunctionWord, isTitle, looksLikeOrganisation, memoised, possessorName, readName, roleGender, withSharedSurname, type Entity } from './people';
import { findQuoteChains, quoteStyle, type Chain, type Span } from './quote-spans';
import { isAbbreviatedTitle, maskAbbreviationDots, splitSentencesOfEach } from './sentences';
import { clauseSubjects, isClauseSubject, nounPhraseBeforeVerb, type Phrase } from './noun-phrase';
import { judgingVerbAfter } from './judging-verbs';
import { isWorkTitle } from './work-titles';
import { isNickname } from './nicknames';
import { leadingDescriptors } from './speaker-check';
import { speakerLabel } from './speaker-label';
import { ANOTHER_BODY, definiteSubjects, describedSubjects } from './definite-descriptions';
import { wordCount } from './spaces';
import { answerTurns, quotedAnswers, transcriptChains, turnChains, turnLabel } from './transcripts';
import { mapped, objectList } from './object-list';

export interface ParseOptions {
  format?: 'text' | 'markdown';
}

const BLOCK_SEPARATOR = '\n\n';
const QUOTABLE = new Set<Block['kind']>(['paragraph', 'list-item']);
/** What introduces a term rather than speech. */
const NAMED_TERM = /\b(?:known(?:\s+\w+){0,3}\s+as|nicknamed|so-called|the\s+(?:[\p{Ll}-]+\s+){0,2}(?:term|word|words|phrase|slogan|label|hashtag|nickname))\s*,?\s*$/iu;
const HAS_LETTER = /\p{L}/u;
/** Partial quotes this short with nobody saying them are scare quotes or titles ("so-called 'peace plan'"). */
const SCARE_QUOTE_MAX_WORDS = 3;

/** Plain text or Markdown -> article model. Never throws: whatever goes wrong, plain text is the fallback. */
export function parseArticle(source: string, options: ParseOptions = {}): ArticleModel {
  const format = options.format ?? 'text';
  return parseBlocks(rawBlocksOf(source, format), format);
}

/** Plain text or Markdown -> its blocks, before any parsing of quotes. Never throws. */
export function rawBlocksOf(source: string, format: 'text' | 'markdown'): RawBlock[] {
  try {
    return format === 'markdown' ? markdownBlocks(source) : plainTextBlocks(source);
  } catch {
    return plainTextBlocks(source);
  }
}

/** The article text parseBlocks makes of `raw` (its blocks, a blank line apart), without parsing. */
export function textOfBlocks(raw: readonly RawBlock[]): string {
  return raw.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Blocks already found (a web page's extracted article) -> article model. Never throws. */
export function parseBlocks(raw: readonly RawBlock[], format: ArticleModel['format']): ArticleModel {
  const { text, blocks, sentences } = layout(raw);
  const quotes = objectList<Quote>();
  const speakers = objectList<Speaker>();
  try {
    attributeQuotes(text, blocks, sentences, quotes, speakers);
  } catch {
    // A bug in attribution must not cost the user the article: read it without quotes.
    quotes.length = 0;
    speakers.length = 0;
  }
  return {
    format,
    title: blocks.find((b) => b.kind === 'title')?.text ?? null,
    byline: blocks.find((b) => b.kind === 'byline')?.text ?? null,
    text,
    blocks,
    sentences,
    quotes,
    speakers,
  };
}

function layout(raw: readonly RawBlock[]): { text: string; blocks: Block[]; sentences: Sentence[] } {
  const blocks = objectList<Block>();
  const sentences = objectList<Sentence>();
  const pieces = objectList<string>();
  let offset = 0;
  const sentenceRanges = splitSentencesOfEach(raw.map((rb) => rb.text));
  raw.forEach((rb, index) => {
    const start = offset;
    const end = start + rb.text.length;
    const block: Block = { index, kind: rb.kind, text: rb.text, start, end, sentences: [] };
    if (rb.level !== undefined) block.level = rb.level;
    if (rb.inBlockquote) block.inBlockquote = true;
    if (rb.kind === 'caption') block.credit = rb.creditAt !== undefined ? { start: start + rb.creditAt, end } : null;
    for (const r of sentenceRanges[index]!) {
      block.sentences.push(sentences.length);
      sentences.push({ index: sentences.length, block: index, start: start + r.start, end: start + r.end, text: rb.text.slice(r.start, r.end) });
    }
    blocks.push(block);
    pieces.push(rb.text);
    offset = end + BLOCK_SEPARATOR.length;
  });
  return { text: pieces.join(BLOCK_SEPARATOR), blocks, sentences };
}

// ---------------------------------------------------------------------------------------

interface Found {
  chain: Chain;
  partial: boolean;
  speaker: SpeakerRef | null;
  place: AttributionPlace | null;
  /**
   * Said by someone the text does not name ("I said", "one said" with nobody before it): no speaker, and none taken from a neighbour.
   * (Set on every Found, false when not: one hidden class for all of them.)
   */
  anonymous?: boolean;
}

/** The block a chain ends in (chains are attributed once it is read). */
const lastBlock = (c: Chain) => c[c.length - 1]!.block;

/** Each quote span's neighbours in its block, so looking either side costs nothing. */
type Neighbours = Map<Span, { previous: Span | undefined; next: Span | undefined }>;

/** The most words a sentence after a quote may have and still be that quote's attribution ("Sen. Ada Marsh said on Tuesday."). */
const SHORT_ATTRIBUTION_WORDS = 12;
const VERB_AT_END = /\b(?:said|says|told|tells|added|adds|asked|wrote|writes|explained|continued|insisted|declared|warned|replied|recalled|announced|stated|posted|tweeted)\b[^.!?]{0,40}$/i;

function attributeQuotes(text: string, blocks: Block[], sentences: Sentence[], quotes: Quote[], speakers: Speaker[]): void {
  const registry = new Registry();

  /** The sentence holding block offset `at` (or the first after it): a binary search, as one block may hold a whole book. */
  const sentenceAt = (block: number, at: number): Sentence | undefined => {
    const abs = blocks[block]!.start + at;
    const ids = blocks[block]!.sentences;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[ids[mid]!]!.end <= abs) lo = mid + 1;
      else hi = mid;
    }
    return sentences[ids[lo] ?? -1];
  };
  const sentenceIndex = (block: number, at: number) => sentenceAt(block, at)?.index ?? 0;

  const { all, spansIn, neighbours, answers, answerChains } = quoteChainsOf(blocks);
  const found = scanAndAttribute(blocks, all, spansIn, neighbours, registry, sentenceAt, sentenceIndex);
  if (answerChains.size) answeredBy(found.filter((f) => answerChains.has(f.chain)), registry.peopleNamedBefore(answers.firstTurn, INTRODUCTION_BLOCKS));
  // ...and an interview's answers in quote marks, each after its question on a line of its own.
  const quoted = quotedAnswers(blocks);
  // (Not after someone's words quoted just before the questions: then the questions are a feature's, and the quotes that person's.)
  const quotedBefore = found.some((f) => f.speaker && f.chain[0]!.block < quoted.firstTurn && f.chain[0]!.block >= quoted.firstTurn - INTRODUCTION_BLOCKS);
  if (quoted.blocks.size && !quotedBefore) answeredBy(found.filter((f) => f.chain.length === 1 && quoted.blocks.has(f.chain[0]!.block)), registry.peopleNamedBefore(quoted.firstTurn, INTRODUCTION_BLOCKS));
  inheritSpeakers(found, blocks, spansIn, registry, sentenceIndex);
  joinInterruptedQuotes(found, blocks);

  addQuotes(found, text, blocks, quotes, speakers);
}

/**
 * Every quote of the article as a chain of spans, ordered by the block it ends in, with each block's spans and each
 * span's neighbours. (attributeQuotes is cut into this and the steps below so that V8 optimises each alone: as one
 * function, its loop over the blocks was compiled on the stack of the running loop, at a cost of 100 ms and more,
 * several times in a process.)
 */
function quoteChainsOf(blocks: Block[]): { all: Chain[]; spansIn: Map<number, Span[]>; neighbours: Neighbours; answers: ReturnType<typeof answerTurns>; answerChains: Set<Chain> } {
  const quotable = mapped(blocks, (b) => ({ text: b.text, quotable: QUOTABLE.has(b.kind) }));
  const { chains, singles, doubles } = findQuoteChains(quotable, quoteStyle(quotable));
  // Speech in single quotes (UK style) counts only when it reads like speech; otherwise the marks are scare quotes.
  const speechSingles = singles.filter((s) => {
    const content = blocks[s.block]!.text.slice(s.start, s.end);
    return /[,.?!]$/.test(content) && wordCount(content) >= 3;
  });
  // Titles are not speech, and must not stand between a quote and the narration that attributes it.
  const workTitle = (c: Chain) => c.length === 1 && isWorkTitle(blocks[c[0]!.block]!.text.slice(c[0]!.start, c[0]!.end), blocks[c[0]!.block]!.text.slice(Math.max(0, c[0]!.open - 40), c[0]!.open));
  // Gov. C.L. "Butch" Otter: a nickname is part of the name.
  const nickname = (c: Chain) => {
    const s = c[0]!;
    const t = blocks[s.block]!.text;
    return c.length === 1 && s.close !== null && isNickname(t.slice(s.start, s.end), t.slice(Math.max(0, s.open - 30), s.open), t.slice(s.close + 1, s.close + 30));
  };
  // An interview's turns ("REYES: …") are quotes whole, with any quote inside them.
  // ...and so are a Q&A interview's answers ("A: …"), the words of the person its introduction named.
  const answers = answerTurns(blocks);
  const answerChains = new Set(turnChains(answers.turns, blocks));
  const turns = [...transcriptChains(blocks), ...answerChains];
  const turnBlocks = new Set(turns.map((c) => c[0]!.block));
  const marked: Chain[] = [...[...chains, ...doubles.map((s) => [s])].filter((c) => !workTitle(c) && !nickname(c)), ...speechSingles.map((s) => [s]), ...unmarkedBlockQuotes(blocks, chains)];
  const all: Chain[] = [...(turnBlocks.size ? marked.filter((c) => !c.some((s) => turnBlocks.has(s.block))) : marked), ...turns];
  all.sort((a, b) => lastBlock(a) - lastBlock(b) || a[0]!.block - b[0]!.block || a[0]!.open - b[0]!.open);
  const spansIn = new Map<number, Span[]>();
  for (const c of all) for (const s of c) (spansIn.get(s.block) ?? spansIn.set(s.block, []).get(s.block)!).push(s);
  for (const list of spansIn.values()) list.sort((a, b) => a.open - b.open);
  const neighbours: Neighbours = new Map();
  for (const list of spansIn.values()) list.forEach((span, i) => neighbours.set(span, { previous: list[i - 1], next: list[i + 1] }));

  return { all, spansIn, neighbours, answers, answerChains };
}

/** Reads the narration of each block in order, registering who it names, and attributes each chain once its last block is read. */
function scanAndAttribute(
  blocks: Block[], all: Chain[], spansIn: Map<number, Span[]>, neighbours: Neighbours, registry: Registry,
  sentenceAt: (block: number, at: number) => Sentence | undefined, sentenceIndex: (block: number, at: number) => number,
): Found[] {
  const found: Found[] = [];
  let next = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (!QUOTABLE.has(blocks[b]!.kind)) continue;
    scanNarration(b, blocks[b]!.text, spansIn.get(b) ?? [], registry, blocks[b]!.start, (at) => sentenceIndex(b, at));
    for (; next < all.length && lastBlock(all[next]!) === b; next++) {
      found.push(attribute(all[next]!, blocks, neighbours, registry, sentenceAt));
    }
  }
  return found;
}

/**
 * The quotes found, as the model's quotes (scare quotes and terms dropped), and their speakers. (Each found quote is
 * handed to functions of their own, compiled once: see "JIT warm-up" in docs/ARCHITECTURE.md.)
 */
function addQuotes(found: Found[], text: string, blocks: Block[], quotes: Quote[], speakers: Speaker[]): void {
  const ids = new Map<Entity, string>();
  const usedIds = new Set<string>();
  for (const f of found) {
    if (!keptAsSpeech(f, blocks)) continue;
    const speakerId = f.speaker ? speakerIdOf(f.speaker.entity, ids, usedIds, speakers) : null;
    quotes.push(modelQuote(f, speakerId, text, blocks, quotes.length));
  }
  quotes.sort(byFirstPart);
  for (let i = 0; i < quotes.length; i++) quotes[i]!.index = i;
}

/** Whether a quote found is speech, not a scare quote, a figure or a term being named. */
function keptAsSpeech(f: Found, blocks: Block[]): boolean {
  const first = f.chain[0]!;
  const content = blocks[first.block]!.text.slice(first.start, first.end);
  if (f.partial && !f.speaker && wordCount(content) <= SCARE_QUOTE_MAX_WORDS) return false;
  // "2016-02-15", "699320266": figures in quote marks (an embed's date or id) are nobody's words.
  if (!HAS_LETTER.test(content)) return false;
  // `known in the industry as "Level 5"`, `the so-called "peace plan"`: a term being named, not speech.
  return !(f.partial && wordCount(content) <= SCARE_QUOTE_MAX_WORDS + 1 && NAMED_TERM.test(blocks[first.block]!.text.slice(Math.max(0, first.open - 40), first.open)));
}

/** The speaker's id, made (and the speaker added) the first time the entity speaks. */
function speakerIdOf(e: Entity, ids: Map<Entity, string>, usedIds: Set<string>, speakers: Speaker[]): string {
  let speakerId = ids.get(e);
  if (speakerId === undefined) {
    speakerId = uniqueId(e.name, usedIds);
    ids.set(e, speakerId);
    const { name, description } = speakerLabel(e.name, e.description);
    speakers.push({ id: speakerId, name, description, gender: e.gender, mentions: e.mentions });
  }
  return speakerId;
}

/** A found quote as the model's quote: its parts in the article's text, its words, the blocks it spans. */
function modelQuote(f: Found, speakerId: string | null, text: string, blocks: Block[], index: number): Quote {
  // (Loops, not map() and [...new Set()]: the arrays those made changed hidden class between one parse and the next.)
  const parts = objectList<QuotePart>();
  const inBlocks: number[] = [];
  let quoted = '';
  for (const s of f.chain) {
    const start = blocks[s.block]!.start + s.start;
    const end = blocks[s.block]!.start + s.end;
    parts.push({ block: s.block, start, end });
    quoted = parts.length === 1 ? text.slice(start, end) : `${quoted} ${text.slice(start, end)}`;
    // (A chain's spans come in block order: a new block is one unlike the last. A chain may run over thousands of blocks.)
    if (inBlocks[inBlocks.length - 1] !== s.block) inBlocks.push(s.block);
  }
  return { index, speakerId, text: quoted, parts, blocks: inBlocks, partial: f.partial, attribution: f.place, mention: f.speaker?.mention ?? null };
}
const byFirstPart = (a: Quote, b: Quote) => a.parts[0]!.start - b.parts[0]!.start;

/** After an owner: what is owned, then its name between commas ("[Ms Lee's] mother, Carol"). */
/** "Okafor's mother, " right before a name: the relative the name is. */
const OWNED_ROLE_BEFORE = /[’']s\s+(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+),\s+$/u;
const OWNED_THEN_NAMED = /^\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s+\p{Lu}/u;
const ONE_OF = /^(?:one|another)$/i;
/** A plural noun for people as a clause's subject: "Residents said", "the parents have", "Many voters were". */
const PLURAL_PEOPLE_SUBJECT = /\b(\p{L}+s)\s+(?:said|say|says|told|were|are|have|had|added|described|complained|spoke)\b/gu;

/** The last plural noun for people that was a clause's subject before `at` in this paragraph or the two before ("residents"). */
function pluralPeopleBefore(blocks: Block[], block: number, at: number): string | null {
  const before = (b: number) => (b >= 0 && QUOTABLE.has(blocks[b]!.kind) ? blocks[b]!.text.slice(-300) : '');
  const text = `${before(block - 2)} ${before(block - 1)} ${blocks[block]!.text.slice(Math.max(0, at - 300), at)}`;
  let last: string | null = null;
  PLURAL_PEOPLE_SUBJECT.lastIndex = 0;
  for (let m = PLURAL_PEOPLE_SUBJECT.exec(text); m; m = PLURAL_PEOPLE_SUBJECT.exec(text)) {
    const noun = m[1]!.toLowerCase();
    if (GROUP_NOUN_PEOPLE.test(noun)) last = noun;
  }
  return last;
}
/** Plural nouns for people who speak one at a time (not bodies: "officials" yes, "police" no). */
const GROUP_NOUN_PEOPLE = /^(?:residents|parents|voters|neighbou?rs|witnesses|protesters|supporters|critics|students|workers|fans|passengers|shoppers|villagers|locals|teachers|nurses|doctors|officials|sources|members|staff|families|relatives|friends|colleagues|customers|patients|commuters|campaigners|activists|delegates|lawmakers|councillors|mps|survivors|victims|users|readers|viewers|listeners|onlookers|bystanders|experts|analysts|economists|republicans|democrats|farmers|owners|employees|drivers|pupils|players)$/;

/** How many paragraphs before a Q&A's first question may introduce the person who answers. */
const INTRODUCTION_BLOCKS = 3;

/**
 * "Violinist Maria Okafor took over last month. We asked her about her plans." then "Q: …" / "A: …": the answers
 * are the one person the introduction named. Two people named there (the interviewer and the guest, or the guest
 * and someone they work with) leave the answers to a guess: no speaker.
 */
function answeredBy(answers: Found[], people: Entity[]): void {
  // An answer is a whole utterance, though its marker ("A. ") stands before it in the paragraph.
  for (const f of answers) f.partial = false;
  if (people.length !== 1) return;
  for (const f of answers) {
    if (f.speaker) continue;
    f.speaker = { entity: people[0]!, mention: 'name' };
    f.place = 'nearby';
  }
}

function uniqueId(name: string, used: Set<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'speaker';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Blanks out quoted words so narration scanning only sees the narrator's text. */
/** A sentence opener that carries no clause of its own ("Instead,", "But", "Still,"). */
const CONNECTIVE_ONLY = /^(?:Instead|But|Still|And|Yet|However|Then|Later|Again|Also|Otherwise|Rather|Indeed|Now|Meanwhile|Moreover),?$/;

function narrationOnly(text: string, spans: readonly Span[]): string {
  let out = '';
  let from = 0;
  for (const s of spans) {
    const to = s.close === null ? text.length : s.close + 1;
    if (s.open < from) continue;
    out += text.slice(from, s.open) + ' '.repeat(to - s.open);
    from = to;
  }
  return out + text.slice(from);
}

/** "his lawyer", "her older sister": a possessive and up to three lower-case words, the role among them. */
const ROLE_MENTION = /\b(his|her|their)\s+([\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2})/iuy;
/** Where ROLE_MENTION may match: a plain case-insensitive scan is ten times faster than a Unicode one. */
const POSSESSIVE_WORD = /\b(?:his|her|their)(?=\s)/gi;
/** "One mother, whose son ...": an unnamed relative who will usually be quoted next. Found by the kin word (rare), then the article before it (common). */
const KIN_WORD = /\b(?:mother|father|mum|dad|wife|husband|daughter|son|grandmother|grandfather|widow|widower|sister|brother)\b/gi;
const KIN_ARTICLE = /\b(?:one|a|an|another)\s+(?:[\p{Ll}-]+\s+){0,2}$/iu;

/** The words of a ROLE_MENTION/KIN_MENTION match up to its first word that `isRole` accepts, or null. */
function upToRole(words: string, isRole: (w: string) => boolean): { text: string; role: string } | null {
  const list = words.split(/\s+/);
  const at = list.findIndex((w) => isRole(w.toLowerCase()));
  return at < 0 ? null : { text: list.slice(0, at + 1).join(' '), role: list[at]! };
}

/** Spaces, then a word as the narration scan reads it: letters, marks, apostrophes, dots and hyphens (one match per word). */
const SPACED_WORD = /\s+([\p{L}\p{M}][\p{L}\p{M}'’.\-]*)/uy;
/**
 * A capitalised word that starts a word (not "Donald" in "McDonald", but "Hello" in "'Hello"). The capital
 * comes first and the look back after it: a look back first would be tried at every character of the text.
 */
export const CAPITALISED = /\p{Lu}(?<!(?:[\p{L}\p{M}][\p{L}\p{M}'’.\-]*)\p{Lu})[\p{L}\p{M}'’.\-]*/gu;
/**
 * Where CAPITALISED may match: every code unit that can start a capital letter: A-Z, the Unicode blocks that hold
 * capitals (Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, Glagolitic, Coptic, letterlike symbols, full-width
 * Latin; not Latin-1's small letters, the combining marks, the curly quotes and dashes, or CJK), and the high half of a surrogate pair. A plain
 * scan for these is several times faster than the Unicode one; CAPITALISED_AT then reads the word at each place found,
 * with the same look-behind. (tests/unit/article/plain-prescans.test.ts checks no capital of any plane is missed.)
 */
export const MAY_START_CAPITAL = /[A-Z\u00C0-\u00DE\u0100-\u02FF\u0370-\u0556\u10A0-\u10CD\u13A0-\u13F5\u1C89-\u1FFF\u2100-\u2183\u2C00-\u2CF2\uA640-\uA7F5\uFF21-\uFF3A\uD800-\uDBFF]/g;
const CAPITALISED_AT = new RegExp(CAPITALISED.source, 'uy');

/** The first CAPITALISED match at or after `from` (what CAPITALISED.exec finds from lastIndex `from`). */
export function nextCapitalised(text: string, from: number): RegExpExecArray | null {
  for (MAY_START_CAPITAL.lastIndex = from; MAY_START_CAPITAL.test(text); ) {
    CAPITALISED_AT.lastIndex = MAY_START_CAPITAL.lastIndex - 1;
    const m = CAPITALISED_AT.exec(text);
    if (m) return m;
  }
  return null;
}
/** A word's trailing dot is punctuation unless it abbreviates a title ("Dr."). */
const wordOf = (raw: string) => (raw.endsWith('.') && !isAbbreviatedTitle(raw) ? raw.slice(0, -1) : raw);

type WordAt = { word: string; at: number };
/** (The words of a window, as an array of the same hidden class as split's, which readName is also given.) */
const wordText = (w: WordAt) => w.word;

/**
 * Up to 8 words from `at` (the first is `first`), each after nothing but spaces from the one before.
 * When `at` is a word of the `previous` window ("Minister" after "Prime", or the first word of a shorter window
 * read from `at`), the words already read from there are taken over, and only the rest is read.
 */
function wordsFrom(text: string, at: number, first: string, previous: readonly WordAt[] = [], most = 8): WordAt[] {
  const from = previous.findIndex((w) => w.at === at);
  const out = from >= 0 ? previous.slice(from) : [{ word: wordOf(first), at }];
  let end = out[out.length - 1]!.at + out[out.length - 1]!.word.length;
  while (out.length < most) {
    SPACED_WORD.lastIndex = end;
    const w = SPACED_WORD.exec(text);
    if (!w) break;
    const wordAt = SPACED_WORD.lastIndex - w[1]!.length;
    const word = wordOf(w[1]!);
    out.push({ word, at: wordAt });
    end = wordAt + word.length;
  }
  return out;
}

/** The word right before `at` (one space between) is a capitalised word that is neither a title nor a function or common word: a name's first part. */
function followsNameWord(text: string, at: number): boolean {
  if (text[at - 1] !== ' ') return false;
  let start = at - 1;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  if (start > 0 && text[start - 1] === '.') return false;
  const previous = text.slice(start, at - 1);
  return /^\p{Lu}/u.test(previous) && !isTitle(previous) && !isFunctionWord(previous) && !isCommonWord(previous);
}
const NAME_CHAR = /[\p{L}\p{M}'’-]/u;

/** Between two names joined as one subject: "Mark Ford and Paul Hardy", "Ann Bell, 54, and fire chief Paul Hardy". */
const JOINED_NAMES = /^(?:,\s*\d{1,3},)?\s+(?:and|&)\s+(?:[\p{Ll}-]+\s+){0,3}$/u;

/**
 * What the narration scan asks first of a capitalised word as written, answered once per distinct word (each answer
 * was several lookups, asked again at every occurrence): a function word ("The", "But"), one that is also no
 * description before a name (so no name starts there), and a common word that is no function word, first name or title.
 */
const capitalFacts = memoised((raw: string) => {
  const word = wordOf(raw);
  const functionWord = isFunctionWord(word);
  return {
    functionWord,
    noNameStart: functionWord && leadingDescriptors([word, '']) === 0,
    commonNotName: !functionWord && isCommonWord(word) && firstNameGender(word) === undefined && !isTitle(word),
  };
});

/** Registers the people the narrator names, so pronouns and surnames can find them later. */
function scanNarration(block: number, text: string, spans: readonly Span[], registry: Registry, offset: number, sentenceOf: (at: number) => number): void {
  const narration = narrationOnly(text, spans);
  // Names start with a capital: only those words are looked at, each with the words that follow it
  // across plain spaces (punctuation between words ends a name).
  let skipUntil = 0;
  let window: WordAt[] = [];
  let previousName: { entity: Entity; end: number } | undefined;
  for (let m = nextCapitalised(narration, 0); m; m = nextCapitalised(narration, m.index + m[0].length)) {
    if (m.index < skipUntil) continue;
    // A function word ("The", "But", "He") starts no name, and is no description before one either: skip it
    // before reading the words after it (the same tests as below, on the first word alone).
    const { functionWord, noNameStart, commonNotName } = capitalFacts(m[0]);
    if (noNameStart) continue;
    // A common word that is no first name or title ("Figures", "Witnesses") is skipped below unless it describes
    // a name after it or starts a longer one ("Home Office"); its first three words settle both, so the rest of
    // its window is read only when they do. (Speed only: the tests below see the same words.)
    let firstWindow: WordAt[] | undefined;
    if (commonNotName) {
      firstWindow = wordsFrom(narration, m.index, m[0], [], 3);
      const firstWords = mapped(firstWindow, wordText);
      if (leadingDescriptors(firstWords) === 0 && !readName(firstWords)?.bare.includes(' ')) continue;
    }
    window = wordsFrom(narration, m.index, m[0], firstWindow ?? window);
    const word = window[0]!.word;
    const windowWords = mapped(window, wordText);
    // "Republican Donald Trump": the party is a description; the name starts after it.
    const lead = leadingDescriptors(windowWords);
    if (lead > 0 && readName(windowWords.slice(lead))?.person) {
      skipUntil = window[lead]!.at;
      continue;
    }
    const name = readName(windowWords);
    if (!name) continue;
    // A sentence-initial "The" or "Despite" is no name, but "Home Office" starts with a common word.
    // ...and "Dean Trebilcock" starts with a noun that is also a first name: only function words are never names.
    // (Asked before the look back below, which reads the text character by character.)
    if (functionWord || (isCommonWord(word) && firstNameGender(word) === undefined && !isTitle(word) && !name.bare.includes(' '))) continue;
    // "Amira Hassan" that was not taken as a name: its last word alone is no first name ("Hassan" would make her a man).
    if (!name.bare.includes(' ') && followsNameWord(narration, m.index)) continue;
    // Someone already met (as a speaker or by full name) is known by surname alone; a new name needs real evidence.
    const met = registry.find(name.bare) ?? registry.find(name.surname ?? '');
    const fresh = name.person && (name.bare.includes(' ') ? name.known : name.gender !== null);
    const organisation = !name.person && name.bare.includes(' ') && looksLikeOrganisation(name.bare);
    const at = m.index;
    const lastUsed = window[name.used - 1]!;
    // "Imran Qadir, 38, said ..." / "Imran Qadir said": an unfamiliar name introduced as a person.
    // (The text after the name is cut, and the clause test made, only when asked, and the latter once.)
    const after = () => narration.slice(lastUsed.at + lastUsed.word.length, lastUsed.at + 60);
    const introduced = name.person && name.bare.includes(' ') && /^(?:,\s*\d{1,3}\s*,|\s+(?:said|says|told|added|wrote|explained|insisted|warned)\b)/.test(after());
    let clauseSubject: boolean | undefined;
    const isSubject = () => (clauseSubject ??= isClauseSubject(narration, at, at + name.full.length));
    // "Priya Shah chaired the meeting": an unfamiliar full name as the subject of a clause is a person too.
    const subject = name.person && name.bare.includes(' ') && isSubject();
    // "The RSPCA took in 40 dogs": letters as the subject of a clause are an organisation ("…," it said).
    const acronym = !name.person && name.used === 1 && isAcronym(name.bare) && isSubject();
    // "Okafor's mother, Grace, travelled …": a first name set off by commas after someone's relative is that relative,
    // whether or not the lexicon knows the word as a name ("she said" after it is Grace, not Okafor).
    const ownedRole = !met && !fresh && !name.bare.includes(' ') && after().startsWith(',') ? OWNED_ROLE_BEFORE.exec(narration.slice(Math.max(0, at - 40), at)) : null;
    const owned = ownedRole ? roleGender(ownedRole[1]!) : undefined;
    if ((met && met.kind === 'person') || fresh || organisation || introduced || subject || acronym || owned !== undefined) {
      const entity = registry.person(withSharedSurname(name, after()), null);
      if (owned) entity.gender ??= owned;
      // "The Voluntary Welfare Society (VWS) runs …" then "The VWS said": one body under both names.
      const bracketed = organisation ? BRACKETED_ACRONYM.exec(narration.slice(at + name.full.length, at + name.full.length + 10)) : null;
      if (bracketed?.[1]) registry.alias(entity, bracketed[1]);
      const joined = previousName && JOINED_NAMES.test(narration.slice(previousName.end, at)) ? previousName.entity : undefined;
      registry.mention(entity, block, sentenceOf(at), at, { start: offset + at, end: offset + at + name.full.length }, isSubject(), joined, /[’']s$/.test(lastUsed.word) && OWNED_THEN_NAMED.test(after()));
      if (introduced) entity.age ??= Number(/^,\s*(\d{1,3})\s*,/.exec(after())?.[1] ?? NaN) || undefined;
      previousName = { entity, end: at + name.full.length };
      skipUntil = name.used < window.length ? window[name.used]!.at : lastUsed.at + 1;
    }
  }
  // "The Irishman admitted …": the person the passage is about, again the subject of a clause.
  for (const d of definiteSubjects(narration)) {
    if (d.body) {
      // "The local authority said it was investigating. In a statement, it said:": with no named body for "it" to go back
      // to, the body named by its noun is the one.
      if (registry.resolvePronoun('it', block, d.at)?.named) continue;
      // ...and only when no other body is named after it in the paragraph.
      if (ANOTHER_BODY.test(narration.slice(d.at + d.phrase.length))) continue;
      const body = registry.described(d.phrase, 'group', null);
      body.body = true;
      registry.mention(body, block, sentenceOf(d.at), d.at, undefined, true);
      continue;
    }
    const entity = registry.recentSubject(block, d.at, d.gender);
    if (entity) registry.mention(entity, block, sentenceOf(d.at), d.at, undefined, true);
  }
  // "Germany's economy minister said a cap must not … . "…," he said": the one described is who "he" goes back to, not
  // whoever was last named.
  for (const d of describedSubjects(narration)) {
    const entity = registry.described(d.phrase.charAt(0).toUpperCase() + d.phrase.slice(1), 'person', d.gender);
    // "Tom Hale faces the sack. … One club source said he had lost the dressing room. "…," he said": "he" may be the source
    // or the man the source spoke about; the listener is not told a guess.
    if (d.about) entity.doubtful = true;
    registry.mention(entity, block, sentenceOf(d.at), d.at, undefined, true);
  }
  POSSESSIVE_WORD.lastIndex = 0;
  for (let p = POSSESSIVE_WORD.exec(narration); p; p = POSSESSIVE_WORD.exec(narration)) {
    ROLE_MENTION.lastIndex = p.index;
    const m = ROLE_MENTION.exec(narration);
    if (!m) continue;
    const found = upToRole(m[2]!, (w) => roleGender(w) !== undefined);
    if (!found) continue;
    const owner = registry.resolvePronoun(m[1]!.toLowerCase(), block, m.index);
    if (!owner) continue;
    const entity = registry.described(`${possessorName(owner)}'s ${found.text}`, 'person', roleGender(found.role) ?? null);
    registry.mention(entity, block, sentenceOf(m.index), m.index);
  }
  KIN_WORD.lastIndex = 0;
  for (let k = KIN_WORD.exec(narration); k; k = KIN_WORD.exec(narration)) {
    const lead = KIN_ARTICLE.exec(narration.slice(Math.max(0, k.index - 60), k.index));
    if (!lead) continue;
    const at = k.index - lead[0].length;
    const text = narration.slice(at, k.index + k[0].length);
    const entity = registry.described(text.charAt(0).toUpperCase() + text.slice(1), 'person', roleGender(k[0]) ?? null);
    registry.mention(entity, block, sentenceOf(at), at);
  }
}

/**
 * `cue` with the block it was read in (and the span of the chain after which it stands): a new cue of one shape, the
 * same fields in the same order for every cue attribute() reads (fields added to some cues only made its reads slow).
 */
function withBlock(cue: Cue, block: number, span?: number): Cue & { block: number; span?: number } {
  return { start: cue.start, end: cue.end, phrase: cue.phrase, place: cue.place, immediate: cue.immediate, dash: cue.dash, block, span };
}

function attribute(
  chain: Chain, blocks: Block[], neighbours: Neighbours, registry: Registry,
  sentenceAt: (block: number, at: number) => Sentence | undefined,
): Found {
  const first = chain[0]!;
  const firstText = blocks[first.block]!.text;
  const content = firstText.slice(first.start, first.end);
  const before = contextBefore(first, firstText, neighbours, blocks, sentenceAt);
  const ctxTrim = before.ctx.trim();
  // ("Bell said the body was "100 percent committed …"": a quote that opens on a figure inside the narrator's clause is partial too.)
  const partial = /^\p{Ll}/u.test(content) || (ctxTrim !== '' && !/[:,–—-]$/.test(ctxTrim) && (!VERB_AT_END.test(ctxTrim) || /^[\d$£€]/.test(content)));

  const cues: (Cue & { block: number; span?: number })[] = [];
  const beforeCue = cueBefore(before.ctx, before.start, partial, before.afterQuote);
  // (A cue is its call's own: it is given its block in place. `{ ...cue, block }`, a spread with a property after it,
  // is a slow path of V8's: microseconds per cue.)
  if (beforeCue) cues.push(withBlock(beforeCue, before.block));
  chain.forEach((span, index) => {
    const after = contextAfter(span, blocks[span.block]!.text, neighbours);
    const spanText = blocks[span.block]!.text.slice(span.start, span.end);
    // `"We lost." Smith said: "..."`, `… at "less advanced schools," Trump said: "…"`: a clause ending in a colon introduces the next quote.
    // (A full quote ending in a comma is attributed right after it, even when that clause goes on to a colon.)
    if (/:\s*$/.test(after.ctx) && !(!partial && /,$/.test(spanText))) return;
    const cue = cueAfter(after.ctx, after.start);
    // `"…in our history." Sanders endorsed her rival, …`: after a quote that ends its sentence, a long sentence is the
    // narrator's next statement; only a short one ("Smith said.", "she added on Tuesday.") attributes it.
    if (cue && /\.$/.test(spanText) && cue.phrase !== '' && !cue.dash && wordCount(after.ctx) > SHORT_ATTRIBUTION_WORDS) return;
    // `"…in the end." Leeds, Jo Pike said, is "…"`: a sentence that goes on past its speech verb into the next quote is that quote's.
    if (cue && /[.!?]$/.test(spanText) && cue.place === 'after' && CLAUSE_INTO_NEXT_QUOTE.test(after.ctx.slice(cue.end - after.start)) && neighbours.get(span)?.next) return;
    // `"…people now." He added, "…"`: after a quote that ends its sentence, a clause ending in a comma right at the next
    // quote introduces that quote; this one keeps the speaker of its own sentence.
    if (cue && /[.!?]$/.test(spanText) && /,\s*$/.test(after.ctx) && opensRightAfter(neighbours.get(span)?.next, after.start + after.ctx.length)) return;
    if (cue) cues.push(withBlock(cue, span.block, index));
  });
  // A name after the quote beats a vague phrase before it ("What they're saying: "...," Grant Holloway told Axios").
  const vague = (phrase: string) => !/^(?:he|she|they|it)$/i.test(phrase) && !registry.find(phrase) && !readName(phrase.split(/[\s,]+/))?.person;
  if (cues.length > 1 && cues[0]!.place === 'before' && vague(cues[0]!.phrase)) {
    const named = cues.findIndex((c) => c.place === 'after' && /^\p{Lu}/u.test(c.phrase) && !/^(?:He|She|They|It)\b/.test(c.phrase));
    if (named > 0) cues.unshift(...cues.splice(named, 1));
  }
  // `Clinton would have to "go more to center," Cuban said.`: a partial quote whose sentence ends in its own
  // attribution belongs to that attribution, not to whoever the narration before it is about.
  // (Not when the narration names its speaker right before it: `as Trump claimed on Tuesday that "…," one lawyer said …`.)
  if (partial && /,$/.test(content) && cues.length > 1 && cues[0]!.place === 'before' && !SPEECH_THAT.test(ctxTrim)) {
    const right = cues.findIndex((c) => c.place === 'after' && c.span === 0 && c.immediate);
    if (right > 0) cues.unshift(...cues.splice(right, 1));
  }
  // `Sam Lau, the party's spokesman, said in a statement. "…"`: the sentence before introduces the quote.
  if (cues.length === 0 && !partial && before.ctx.trim() === '' && first.open > 0) {
    const from = Math.max(0, first.open - 300);
    const tail = firstText.slice(from, first.open);
    const said = SAID_AT_SENTENCE_END.exec(tail);
    if (said) {
      // (The dot of "Dr." or "J." ends no sentence: `"…," Dr. Nia Okafor said. "…"` is one sentence before this quote.)
      const unabbreviated = maskAbbreviationDots(tail);
      const sentenceStart = Math.max(0, ...['. ', '? ', '! ', '." ', '.” '].map((end) => {
        const at = unabbreviated.lastIndexOf(end, said.index);
        return at < 0 ? 0 : at + end.length;
      }));
      const region = tail.slice(sentenceStart, said.index);
      // A sentence holding a quote of its own ("…," X said in a statement.) attributes that quote, not this one.
      const np = /["“”]/.test(region) ? null : nounPhraseBeforeVerb(region, from + sentenceStart);
      if (np) cues.push({ ...np, end: np.start + np.phrase.length, place: 'before', block: first.block });
    } else {
      const end = tail.trimEnd().length - 1;
      const sentenceStart = Math.max(0, ...['. ', '? ', '! '].map((mark) => {
        const at = tail.lastIndexOf(mark, end - 1);
        return at < 0 ? 0 : at + mark.length;
      }));
      const subject = /[.!?]$/.test(tail.trimEnd()) && (sentenceStart > 0 || from === 0) ? speakingSubject(tail.slice(sentenceStart), from + sentenceStart, registry) : null;
      if (subject) cues.push({ ...subject, end: subject.start + subject.phrase.length, place: 'before', block: first.block });
    }
  }
  // '"Chris Matthews: Seriously, about this …"': a transcript line quoted whole names its speaker first.
  // (A book's "Title: Subtitle" is no such line: the label must read as a person's name.)
  const label = !partial && /^\p{Lu}/u.test(content) ? turnLabel(content) : null;
  const labelName = label ? readName(label.split(/\s+/)) : null;
  if (label && labelName?.person && labelName.used === label.split(/\s+/).length) cues.unshift({ start: first.start, end: first.start + label.length, phrase: label, place: 'inside', block: first.block });
  // "…" then a line "— Cllr Priya Shah, council leader": the attribution line after a quote or block quote.
  const last = chain[chain.length - 1]!;
  const lastText = blocks[last.block]!.text;
  const nextBlock = blocks[last.block + 1];
  if (cues.length === 0 && nextBlock && (last.close === null || lastText.slice(last.close + 1).trim() === '')) {
    const dash = DASH_LINE.exec(nextBlock.text);
    if (dash?.[1]) cues.push({ start: dash[0].indexOf(dash[1]), end: dash[0].length, phrase: dash[1], place: 'after', block: last.block + 1 });
  }
  for (const cue of cues) {
    // '"This is a win for me," I confessed': the writer spoke; no one else's cue and no neighbour's speaker is theirs.
    if (isFirstPerson(cue.phrase)) return { chain, partial, speaker: null, place: cue.place, anonymous: true };
    const block = cue.block;
    // 'Residents said they had been ignored. "…," one said.': one of the people just named by a plural.
    const oneOf = ONE_OF.test(cue.phrase) ? pluralPeopleBefore(blocks, block, cue.start) : null;
    if (ONE_OF.test(cue.phrase) && !oneOf) return { chain, partial, speaker: null, place: cue.place, anonymous: true };
    if (oneOf) {
      const entity = registry.described(`${cue.phrase.charAt(0).toUpperCase()}${cue.phrase.slice(1).toLowerCase()} of the ${oneOf}`, 'person', null);
      registry.mention(entity, block, sentenceAt(block, cue.start)?.index ?? 0, cue.start);
      return { chain, partial, speaker: { entity, mention: 'description' }, place: cue.place, anonymous: false };
    }
    const sentence = sentenceAt(block, cue.start)?.index ?? 0;
    const speaker = resolveSpeaker(cue.phrase, registry, block, sentence, cue.start, blocks[block]!.start, cue.place === 'after');
    if (speaker) {
      registry.mention(speaker.entity, block, sentence, cue.start, undefined, true);
      return { chain, partial, speaker, place: cue.place, anonymous: false };
    }
  }
  return { chain, partial, speaker: null, place: null, anonymous: false };
}

/** Whether a quote span ends its paragraph on a sentence end: `… "the chance to unite us."` */
const closesParagraph = (span: Span, text: string): boolean => span.close !== null && text.slice(span.close + 1).trim() === '' && /[.!?]$/.test(text.slice(span.start, span.end));

/** Whether the next quote span opens at `at` (past spaces only). */
const opensRightAfter = (next: Span | undefined, at: number): boolean => next !== undefined && next.open >= at && next.open - at <= 2;

/** Between the halves of one quotation: its own attribution, ending the sentence or going on with a comma. */
const INTERRUPTION = /^[^"“”‘’'.!?]{1,100}[.,:]\s*$/u;

/**
 * `"We lost," Ann Bell said. "We will be back."`: a quotation interrupted by its own attribution is
 * one quote in two parts, as news annotators count it (the label is not repeated for its second half).
 * The halves are neighbours in one paragraph, the first a whole utterance with its attribution right
 * after it, and nothing but that attribution stands between them.
 */
function joinInterruptedQuotes(found: Found[], blocks: Block[]): void {
  let kept = 0;
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    const previous = kept > 0 ? found[kept - 1]! : undefined;
    if (previous && interrupts(previous, f, blocks)) {
      previous.chain = [...previous.chain, ...f.chain];
      continue;
    }
    found[kept++] = f;
  }
  found.length = kept;
}

function interrupts(first: Found, second: Found, blocks: Block[]): boolean {
  const end = first.chain[first.chain.length - 1]!;
  const start = second.chain[0]!;
  if (first.partial || first.place !== 'after' || !first.speaker || second.speaker?.entity !== first.speaker.entity) return false;
  if (end.block !== start.block || end.close === null || start.open <= end.close) return false;
  const text = blocks[end.block]!.text;
  // ('"Farmers are resilient," he says, "and markets adjust."': the attribution between them, ending in a comma, is read
  // as the second half's cue too; the sentence goes on, so it is the same quote.)
  if (second.place !== 'nearby' && !((second.place === 'before' || second.place === 'inside') && /,\s*$/.test(text.slice(end.close + 1, start.open)))) return false;
  // ("…," said Lt. Dana Rourke. "…": a title's dot ends no sentence.)
  return /[,.!?]$/.test(text.slice(end.start, end.end)) && INTERRUPTION.test(maskAbbreviationDots(text.slice(end.close + 1, start.open)));
}

/** A speech verb and "that" right before a quote: `claimed on Tuesday that`, `wrote in May that`. */
const SPEECH_THAT = /\b(?:said|says|claimed|claims|argued|argues|insisted|insists|wrote|writes|declared|declares|told\s+\S+(?:\s+\S+)?|warned|warns|stated|states|suggested|suggests|asserted|asserts|contended|contends|maintained|maintains|added|adds|noted|notes)\b(?:\s+[^\s.,;:!?"“”]+){0,4}?\s+that$/i;

/** After a speaker: the speech verb, a comma, and more of the sentence with no end before the next quote opens. */
const CLAUSE_INTO_NEXT_QUOTE = /^[^.!?"“”]*?,\s*\p{L}[^.!?"“”]*\s$/u;

/**
 * `Ann Bell ruled out a merger, saying the club could stand alone. "…"`: a full quote that opens a sentence after a
 * narrator's sentence whose subject is a named person and whose verbs say or judge is theirs.
 */
function speakingSubject(sentence: string, offset: number, registry: Registry): Phrase | null {
  if (/["“”]/.test(sentence)) return null;
  const first = clauseSubjects(sentence, offset)[0];
  // ("Bell's lawyer, Tom Grey, said his client was sorry. "…"": the name after the opening description.)
  const subject = first && first.start - offset <= 2 ? first : describedThenNamed(sentence, offset);
  if (!subject || !namedPerson(subject.phrase, registry)) return null;
  return judgingVerbAfter(sentence.slice(subject.start - offset + subject.phrase.length)) ? subject : null;
}

/**
 * Whether a capitalised subject names a person: by the name itself, by a person the article has already named
 * ("Bolton" after "John Bolton"), or by the name after an owner ("Iowa State University's Dianne Bystrom").
 */
export function namedPerson(phrase: string, registry: Registry): boolean {
  const words = phrase.split(/\s+/);
  if (readName(words)?.person || registry.find(phrase)?.kind === 'person') return true;
  const owner = words.findIndex((w) => /[’']s$/.test(w));
  const after = owner >= 0 ? words.slice(owner + 1) : [];
  return after.length > 0 && readName(after)?.person === true && readName(after)!.used === after.length;
}

/** A sentence that ends in its speech verb ("X said in a statement."), so the quote after it is X's. Anchored at the end: no backtracking over the paragraph. */
const SAID_AT_SENTENCE_END = /\s(?:said|says|added|stated|wrote|explained|told\s+(?:\p{Lu}[\p{L}.]*\s*){1,3}|told\s+reporters)(?:\s+(?:in|on|at|during)\s+[^.!?"“”]{1,40})?\.\s*$/u;

/** A line that only names who said what comes before it: "— Name, role". */
const DASH_LINE = /^\s*(?:[—–]|--?)\s*(\p{Lu}[^—–"“”]{1,120}?|@\w[^—–"“”]{0,120}?)\s*$/u;

/**
 * Markdown/HTML block quotes with no quote marks that end in, or are followed by, a "— Name"
 * line: the quoted blocks are one quote (the dash line stays narration and attributes it).
 */
function unmarkedBlockQuotes(blocks: Block[], chains: Chain[]): Chain[] {
  // Plain text has no block quotes: nothing to look at.
  if (!blocks.some((b) => b.inBlockquote)) return [];
  const marked = new Set(chains.flatMap((c) => c.map((s) => s.block)));
  const out: Chain[] = [];
  for (let b = 0; b < blocks.length; b++) {
    if (!blocks[b]!.inBlockquote || marked.has(b) || !QUOTABLE.has(blocks[b]!.kind)) continue;
    let end = b;
    while (end + 1 < blocks.length && blocks[end + 1]!.inBlockquote && !marked.has(end + 1) && !DASH_LINE.test(blocks[end + 1]!.text)) end++;
    const after = blocks[end + 1];
    if (after && DASH_LINE.test(after.text) && after.text.length <= 140) {
      out.push(blocks.slice(b, end + 1).map((blk) => ({ block: blk.index, open: 0, close: null, start: 0, end: blk.text.length, single: false })));
    }
    b = end;
  }
  return out;
}

/** Narration before the quote's opening mark, in its sentence (or the previous paragraph, when that ends with a colon). */
function contextBefore(
  span: Span, text: string, neighbours: Neighbours, blocks: Block[],
  sentenceAt: (block: number, at: number) => Sentence | undefined,
): { ctx: string; start: number; block: number; afterQuote: boolean } {
  const sentence = sentenceAt(span.block, span.open);
  let from = sentence ? Math.max(0, sentence.start - blocks[span.block]!.start) : 0;
  const before = neighbours.get(span)?.previous;
  const previous = before && before.close !== null && before.close < span.open ? before : undefined;
  let afterQuote = false;
  if (previous && previous.close! + 1 > from - 2) {
    from = previous.close! + 1;
    afterQuote = true;
  }
  if (from > span.open) from = span.open;
  const ctx = text.slice(from, span.open);
  // Block text is trimmed, so a quote that opens its paragraph opens at 0.
  if (ctx.trim() === '' && span.open === 0 && span.block > 0) {
    const prev = blocks[span.block - 1]!;
    if (QUOTABLE.has(prev.kind) && /:\s*$/.test(prev.text) && !/["”’]\s*:?\s*$/.test(prev.text)) {
      const last = sentenceAt(span.block - 1, prev.text.length - 1);
      const start = last ? last.start - prev.start : 0;
      return { ctx: prev.text.slice(start) + ' ', start, block: span.block - 1, afterQuote: false };
    }
  }
  return { ctx: ctx.length > 400 ? ctx.slice(-400) : ctx, start: ctx.length > 400 ? span.open - 400 : from, block: span.block, afterQuote };
}

/** Narration right after the closing mark, up to the end of that sentence or the next quote (300 characters at most). */
function contextAfter(span: Span, text: string, neighbours: Neighbours): { ctx: string; start: number } {
  if (span.close === null) return { ctx: '', start: text.length };
  const from = span.close + 1;
  const after = neighbours.get(span)?.next;
  const nextSpan = after && after.open > span.close ? after : undefined;
  const rest = text.slice(from, Math.min(nextSpan ? nextSpan.open : text.length, from + 300));
  // Hide abbreviation dots ("Dr.", "J.") so they do not end the sentence early.
  const masked = maskAbbreviationDots(rest);
  const stop = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(masked);
  return { ctx: stop ? rest.slice(0, stop.index + 1) : rest, start: from };
}

/** What inheritSpeakers reads while it walks the quotes found (one object, so each quote's step is a function of its own). */
interface Inheriting {
  blocks: Block[];
  spansIn: Map<number, Span[]>;
  registry: Registry;
  sentenceOf: (block: number, at: number) => number;
  /** Indexed by block so each lookup below stays local: linear in the article, not quadratic. */
  inBlock: Map<number, Found[]>;
  order: Map<Found, number>;
  quoteOnlyBlock: Map<number, boolean>;
  /** How many quotes each speaker has had before the one being read. */
  seenCounts: Map<Entity, number>;
}

/**
 * Quotes with no cue of their own: a quote-only paragraph continues the previous speaker;
 * another quote in the same paragraph lends its speaker; a paragraph about one person lends them.
 */
function inheritSpeakers(
  found: Found[], blocks: Block[], spansIn: Map<number, Span[]>, registry: Registry, sentenceOf: (block: number, at: number) => number,
): void {
  const inBlock = new Map<number, Found[]>();
  for (const f of found) for (const b of new Set(f.chain.map((s) => s.block))) (inBlock.get(b) ?? inBlock.set(b, []).get(b)!).push(f);
  const state: Inheriting = { blocks, spansIn, registry, sentenceOf, inBlock, order: new Map(found.map((f, i) => [f, i])), quoteOnlyBlock: new Map(), seenCounts: new Map() };
  // (Each quote is handed to a function of its own, compiled once: see "JIT warm-up" in docs/ARCHITECTURE.md.)
  for (let i = 0; i < found.length; i++) {
    const before = i > 0 ? found[i - 1]!.speaker : null;
    if (before) state.seenCounts.set(before.entity, (state.seenCounts.get(before.entity) ?? 0) + 1);
    const f = found[i]!;
    if (f.speaker || f.anonymous) continue;
    if (f.partial) inheritPartial(f, state);
    else inheritWhole(f, i, state);
  }
}

/** A partial quote with no speaker of its own takes the speaker of a quote in its sentence, or of the one it goes on. */
function inheritPartial(f: Found, { blocks, inBlock, sentenceOf }: Inheriting): void {
  const first = f.chain[0]!;
  // `insisted the rules are "non-negotiable", and said she would not "speculate"`: one subject, two quotes.
  const sentence = sentenceOf(first.block, first.open);
  const sibling = (inBlock.get(first.block) ?? []).find((g) => g !== f && g.speaker && g.chain[0]!.block === first.block && sentenceOf(first.block, g.chain[0]!.open) === sentence);
  // `"…," Trump said. Instead, "he just acts like a defeated man."`: a sentence that is only a connective and the
  // quote goes on with the quote before it in the paragraph.
  const text = blocks[first.block]!.text;
  const lead = /(?:^|[.!?]["”’)]?\s+)([^.!?]*)$/.exec(text.slice(0, first.open))?.[1]?.trim() ?? '';
  const last = f.chain[f.chain.length - 1]!;
  const bareConnective = CONNECTIVE_ONLY.test(lead) && last.close !== null && /^(?:["”’]?\s*$|["”’]?\s+["“\p{Lu}])/u.test(text.slice(last.close + 1, last.close + 4)) && /[.!?]$/.test(text.slice(last.start, last.end));
  const before = bareConnective ? (inBlock.get(first.block) ?? []).filter((g) => g !== f && g.speaker && g.chain[0]!.open < first.open).pop() : undefined;
  const source = sibling ?? before;
  if (source) {
    f.speaker = source.speaker;
    f.place = 'nearby';
  }
}

/** A whole quote with no speaker of its own: from a quote near it in the paragraph, or the paragraph before. */
function inheritWhole(f: Found, i: number, { blocks, spansIn, registry, sentenceOf, inBlock, order, quoteOnlyBlock, seenCounts }: Inheriting): void {
  const first = f.chain[0]!;
  const sameBlock = (inBlock.get(first.block) ?? []).filter((g) => g !== f && g.speaker);
  // A later quote's speaker carries back only to someone the paragraph has named before this quote
  // (`Perez says … "…" … "…," he says.`); otherwise the earlier quote may be a chant, a title or another voice.
  // (`"…." Jo Pike added, "…"`: "added" says the quote before was theirs too.)
  const later = sameBlock[0];
  const between = later ? blocks[first.block]!.text.slice(f.chain[f.chain.length - 1]!.end, later.chain[0]!.open) : '';
  const nearest = sameBlock.filter((g) => g.chain[0]!.open < first.open || g.chain[0]!.block < first.block).pop() ??
    (later?.speaker && (registry.mentionedBefore(later.speaker.entity, first.block, first.open) || /\b(?:added|adds|continued|went on)\b/.test(between)) ? later : undefined);
  if (nearest?.speaker) {
    f.speaker = nearest.speaker;
    f.place = 'nearby';
    return;
  }
  let quoteOnly = quoteOnlyBlock.get(first.block);
  if (quoteOnly === undefined) {
    const narration = narrationOnly(blocks[first.block]!.text, spansIn.get(first.block) ?? []);
    quoteOnlyBlock.set(first.block, (quoteOnly = !/[\p{L}\p{N}]/u.test(narration)));
  }
  let prevBlock = first.block - 1;
  while (prevBlock >= 0 && !QUOTABLE.has(blocks[prevBlock]!.kind)) prevBlock = -1;
  if (!quoteOnly || prevBlock < 0) return;
  const previous = (inBlock.get(prevBlock) ?? []).filter((g) => order.get(g)! < i).pop();
  // The paragraph before ends with someone's quote (even a partial one): a bare quote paragraph goes on with them.
  // (A partial one that closes its paragraph on a full stop — `… now said Trump had "the chance to unite us."` — counts too.)
  const endsWithIt = previous?.speaker && (!previous.partial || previous.chain[previous.chain.length - 1]!.block === prevBlock && (registry.peopleIn(prevBlock).pop() === previous.speaker.entity || closesParagraph(previous.chain[previous.chain.length - 1]!, blocks[prevBlock]!.text)));
  if (previous?.speaker && endsWithIt) {
    f.speaker = previous.speaker;
    f.place = 'continued';
    registry.mention(f.speaker.entity, first.block, sentenceOf(first.block, first.open), first.open);
    return;
  }
  // Interview layout: an unquoted question, then the answer as a bare quote: the interviewee speaks.
  const prevText = blocks[prevBlock]!.text;
  if (!previous && /\?\s*$/.test(prevText) && !/["“”]/.test(prevText)) {
    const top = [...seenCounts].sort((a, b) => b[1] - a[1])[0];
    if (top) {
      f.speaker = { entity: top[0], mention: 'name' };
      f.place = 'nearby';
      registry.mention(top[0], first.block, sentenceOf(first.block, first.open), first.open);
      return;
    }
  }
  const people = registry.peopleIn(prevBlock);
  // (Only when they are a clause's subject there: a name met in passing, "… adopt Robert's Rules of Order", is no speaker.)
  if (people.length === 1 && !previous && registry.isSubjectIn(prevBlock, people[0]!)) {
    f.speaker = { entity: people[0]!, mention: 'name' };
    f.place = 'nearby';
    return;
  }
  // "Viguerie is upbeat about Cruz's chances." then a bare quote: the last sentence's subject speaks.
  // (A term in quotes with no speaker, "what "go after them" means", is narration: the paragraph's subject still speaks next.)
  const subject = !previous || (previous.partial && !previous.speaker) ? registry.lastSubjectIn(prevBlock) : null;
  if (subject && subject.kind === 'person') {
    f.speaker = { entity: subject, mention: 'name' };
    f.place = 'nearby';
  }
}
