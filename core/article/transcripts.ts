// Interview transcripts: "REYES: How much of it is listening?" then "Delgado: Most of it." A
// paragraph that opens with a speaker's name and a colon, in turns with another speaker, holds
// that speaker's words though no quote mark is around them: a listener should hear them in that
// speaker's voice. One such line alone is a headline or a label ("Poll: …", "Update: …"), so only
// turns count: at least two speakers, each with at least two turns.
import type { Block } from '../contract';
import { isCommonWord, isFunctionWord } from './people';
import type { Chain } from './quote-spans';

/** "TAPPER: ", "Ana Delgado: ", "Sen. Rubio: ", "Mr Smith: ": a name of up to four words, a colon, words. */
const TURN = /^((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s*:\s+(?=\p{L})/u;
const MIN_TURNS = 2;
const MIN_SPEAKERS = 2;

export interface Turn {
  block: number;
  /** The name before the colon, as written ("TAPPER", "Ana Delgado"). */
  label: string;
  /** Where the words after the label start in the paragraph. */
  start: number;
}

/** The label of a paragraph that opens like a transcript turn, or null ("Update: …" is none: no name). */
export function turnLabel(text: string): string | null {
  return turnOpening(text)?.label ?? null;
}

function turnOpening(text: string): { label: string; start: number } | null {
  const m = TURN.exec(text);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  const bare = words.map((w) => w.replace(/[.'’-]+$/u, '').toLowerCase());
  if (bare.length === 1 && bare[0]!.length < 2) return null; // "Q:", "A:"
  if (isFunctionWord(bare[0]!) || bare.every((w) => isCommonWord(w))) return null;
  return { label: m[1]!, start: m[0].length };
}

/**
 * The transcript turns of an article: paragraphs opening with a speaker's name and a colon, when
 * at least two speakers take at least two turns each. (A line whose words open with a quote mark,
 * "Dan Price, 61: "…"", is quoted as it is, by the quote marks.)
 */
export function transcriptTurns(blocks: readonly Pick<Block, 'index' | 'kind' | 'text'>[]): Turn[] {
  const turns: Turn[] = [];
  const count = new Map<string, number>();
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'list-item') continue;
    const opening = turnOpening(b.text);
    if (!opening) continue;
    turns.push({ block: b.index, ...opening });
    count.set(speakerKey(opening.label), (count.get(speakerKey(opening.label)) ?? 0) + 1);
  }
  const speakers = new Set([...count].filter(([, n]) => n >= MIN_TURNS).map(([key]) => key));
  if (speakers.size < MIN_SPEAKERS) return [];
  return turns.filter((t) => speakers.has(speakerKey(t.label)));
}

/** "JAKE TAPPER" and "TAPPER" take turns as one speaker: the surname, in any case. */
function speakerKey(label: string): string {
  return label.split(/\s+/).at(-1)!.toLowerCase();
}

/** The transcript turns as quote chains. */
export function transcriptChains(blocks: readonly Pick<Block, 'index' | 'kind' | 'text'>[]): Chain[] {
  return turnChains(transcriptTurns(blocks), blocks);
}

// ---------------------------------------------------------------------------------------
// Question-and-answer interviews: "Q: What drew you here?" then "A: The players." The answers are the words of
// the person the introduction named; the questions are the publication's, read as narration.

/** "Q: ", "A. ", "Q — ": a question or answer marker opening a paragraph. */
const QA_MARKER = /^([QA])(?:[:.]|\s+[-–—])\s+(?=\S)/;

export interface Answers {
  /** The answer turns (label "A"). */
  turns: Turn[];
  /** The block of the first question or answer: the introduction is before it. */
  firstTurn: number;
}

/** The answers of a Q&A interview: at least two questions and two answers, or none ("A. Smith said …" alone is an initial). */
export function answerTurns(blocks: readonly Pick<Block, 'index' | 'kind' | 'text'>[]): Answers {
  const turns: Turn[] = [];
  let questions = 0;
  let firstTurn = -1;
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'list-item') continue;
    const m = QA_MARKER.exec(b.text);
    if (!m) continue;
    if (firstTurn < 0) firstTurn = b.index;
    if (m[1] === 'Q') questions++;
    else turns.push({ block: b.index, label: 'A', start: m[0].length });
  }
  return questions >= MIN_TURNS && turns.length >= MIN_TURNS ? { turns, firstTurn } : { turns: [], firstTurn: -1 };
}

/** Each turn as a quote chain: the words after the label, to the end of the paragraph (quotes inside are part of it). */
export function turnChains(turns: readonly Turn[], blocks: readonly Pick<Block, 'text'>[]): Chain[] {
  return turns.map((t) => [{ block: t.block, open: t.start, close: null, start: t.start, end: blocks[t.block]!.text.trimEnd().length, single: false }]);
}

// Interviews set as questions on lines of their own and answers in quote marks ("What surprised you most?" then
// "“How kind people have been.”"): the same reading, with no "Q:"/"A:" markers.

/** A question of the publication's: one short paragraph ending in "?", with no quote mark in it. */
const BARE_QUESTION = /^[^"“”‘’]{3,200}\?$/;
/** BARE_QUESTION.test, with what its length and last character must be asked first (the pattern scans up to 200 characters of every paragraph before it fails). */
const isBareQuestion = (text: string) => text.length >= 4 && text.length <= 201 && text.endsWith('?') && BARE_QUESTION.test(text);
/** An answer: a paragraph that is one quotation from its first character to its last. */
const WHOLE_QUOTE = /^[“"][^“”"]+[”"]$/;

/** The blocks of answers in quote marks, each right after a question on its own line: at least two such pairs, or none. */
export function quotedAnswers(blocks: readonly Pick<Block, 'index' | 'kind' | 'text'>[]): { blocks: Set<number>; firstTurn: number } {
  const answers = new Set<number>();
  let firstTurn = -1;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const q = blocks[i]!;
    const a = blocks[i + 1]!;
    if (q.kind !== 'paragraph' || a.kind !== 'paragraph' || !isBareQuestion(q.text.trim()) || !WHOLE_QUOTE.test(a.text.trim())) continue;
    if (firstTurn < 0) firstTurn = q.index;
    answers.add(a.index);
  }
  return answers.size >= MIN_TURNS ? { blocks: answers, firstTurn } : { blocks: new Set(), firstTurn: -1 };
}
