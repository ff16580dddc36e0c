// Interview transcripts: "REYES: How much of it is listening?" then "Delgado: Most of it." A
// paragraph that opens with a speaker's name and a colon, in turns with another speaker, holds
// that speaker's words though no quote mark is around them: a listener should hear them in that
// speaker's voice. One such line alone is a headline or a label ("Poll: …", "Update: …"), so only
// turns count: at least two speakers, each with at least two turns.
import type { Block } from '../contract';
import { isCommonWord, isFunctionWord } from './people';
import type { Chain, Span } from './quote-spans';

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

/** Each turn as a quote chain: the words after the label, to the end of the paragraph (quotes inside are part of it). */
export function transcriptChains(blocks: readonly Pick<Block, 'index' | 'kind' | 'text'>[]): Chain[] {
  return transcriptTurns(blocks).map((t) => {
    const span: Span = { block: t.block, open: t.start, close: null, start: t.start, end: blocks[t.block]!.text.trimEnd().length, single: false };
    return [span];
  });
}
