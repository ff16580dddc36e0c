import type { ArticleModel, Block, Quote, ReadingPlan, Settings, TextRange, Utterance, UtteranceKind, Voice } from '../contract';
import { castVoices } from './cast-voices';
import { QuoteSweep, voicedCutsByBlock } from './quote-pieces';
import { needsLabel } from './labels';
import { squashSpaces } from '../article/spaces';

/** Quote marks are shown, not spoken. */
const QUOTE_MARKS = /["“”„«»‟]/g;
const SPEAKABLE = /[\p{L}\p{N}]/u;

/**
 * Article model + settings + installed voices -> the utterances to speak, in order, each tied
 * to the range it highlights. Sentences are split where a quote starts or ends so the voice
 * changes exactly at the quote marks.
 */
export function buildPlan(model: ArticleModel, settings: Settings, voices: readonly Voice[]): ReadingPlan {
  const cast = castVoices(model, settings, voices);
  const utterances: Utterance[] = [];
  // The fresh literal gets its index in place: copying 100,000 of them with a spread cost seconds.
  const push = (u: Omit<Utterance, 'index'>) => utterances.push(Object.assign(u, { index: utterances.length }));
  const voiceOf = (q: Quote | null) => (q ? (q.speakerId ? cast.speakerVoices[q.speakerId] : cast.unattributedVoice) ?? cast.narratorVoice : cast.narratorVoice);
  const speakerName = new Map(model.speakers.map((s) => [s.id, s.name]));

  /** The quote the listener heard last, and whether narration has come since. */
  let lastQuote: Quote | null = null;
  let narrationSince = true;
  /** The narration utterance read last, if no quote came since: the label rules look for the speaker's name there. */
  let read: TextRange | null = null;
  const started = new Set<number>();
  // Linear in sentences + quote parts: each block's voiced quote parts are swept once, in order.
  const cutsByBlock = voicedCutsByBlock(model, settings);
  const quoteEndInBlock = quoteEndsByBlock();

  for (const block of model.blocks) {
    if (block.kind === 'caption' && !settings.readCaptions) continue;
    const sweep = new QuoteSweep(cutsByBlock.get(block.index) ?? []);
    for (const sentenceIndex of block.sentences) {
      const sentence = model.sentences[sentenceIndex]!;
      for (const piece of sweep.split(sentence)) {
        const inCredit = block.kind === 'caption' && block.credit != null && piece.start >= block.credit.start;
        if (inCredit && !settings.readCredits) continue;
        // A credit that begins mid-sentence is cut off into its own utterance.
        const ranges = block.kind === 'caption' && block.credit && piece.start < block.credit.start && piece.end > block.credit.start
          ? [{ start: piece.start, end: block.credit.start }, ...(settings.readCredits ? [{ start: block.credit.start, end: piece.end }] : [])]
          : [piece];
        for (const range of ranges) {
          const text = squashSpaces(model.text.slice(range.start, range.end).replace(QUOTE_MARKS, ''));
          if (!SPEAKABLE.test(text)) continue;
          const q = piece.quote;
          if (q) {
            const resumed = q !== lastQuote || narrationSince;
            if (resumed && needsLabel(model, q, q === lastQuote, lastQuote, read, settings)) {
              const name = q.speakerId ? speakerName.get(q.speakerId) ?? 'Quote' : 'Quote';
              push({ kind: 'label', text: `${name}:`, speakerId: q.speakerId, voice: cast.narratorVoice, start: range.start, end: quoteEndInBlock(q, block.index, range.end), block: block.index, sentence: null, quote: q.index });
            }
            const first = !started.has(q.index);
            started.add(q.index);
            push({
              kind: 'quote', text, speakerId: q.speakerId, voice: voiceOf(q), start: range.start, end: range.end, block: block.index,
              sentence: sentenceIndex, quote: q.index, ...(settings.earcons && first ? { earconBefore: true } : {}),
            });
            lastQuote = q;
            narrationSince = false;
            read = null;
          } else {
            const credit = block.kind === 'caption' && block.credit != null && range.start >= block.credit.start;
            const cue = captionCue(block, credit, utterances[utterances.length - 1], settings);
            if (cue) push({ kind: 'label', text: CUE_TEXT[cue], speakerId: null, voice: cast.narratorVoice, start: range.start, end: range.end, block: block.index, sentence: null, quote: null, cue });
            push({
              kind: kindOf(block), text, speakerId: null, voice: cast.narratorVoice, start: range.start, end: range.end, block: block.index,
              sentence: sentenceIndex, quote: null, ...(credit ? { credit: true } : {}),
            });
            narrationSince = true;
            read = { start: range.start, end: range.end };
          }
        }
      }
    }
  }
  if (settings.earcons) markQuoteEnds(utterances);
  return { narratorVoice: cast.narratorVoice, speakerVoices: cast.speakerVoices, utterances };
}

/** Spoken before a caption and before its credit, so they are not heard as the article's text. */
const CUE_TEXT = { caption: 'Photo caption.', credit: 'Photo credit.' } as const;

/** The cue to say before this caption (or credit) utterance: at the first of each, unless speaker names are off. */
export function captionCue(block: Block, credit: boolean, previous: Utterance | undefined, settings: Pick<Settings, 'verbosity'>): 'caption' | 'credit' | null {
  if (block.kind !== 'caption' || settings.verbosity === 'off') return null;
  const sameBlock = previous?.block === block.index;
  if (credit) return sameBlock && previous?.credit ? null : 'credit';
  return sameBlock ? null : 'caption';
}

function kindOf(block: Block): UtteranceKind {
  if (block.kind === 'title') return 'title';
  if (block.kind === 'byline') return 'byline';
  if (block.kind === 'caption') return 'caption';
  return 'narration';
}

/** Where a quote's parts in a block end, computed once per quote (a quote can span thousands of blocks). */
function quoteEndsByBlock(): (q: Quote, block: number, fallback: number) => number {
  const ends = new Map<Quote, Map<number, number>>();
  return (q, block, fallback) => {
    let byBlock = ends.get(q);
    if (!byBlock) {
      byBlock = new Map();
      for (const p of q.parts) byBlock.set(p.block, Math.max(byBlock.get(p.block) ?? p.end, p.end));
      ends.set(q, byBlock);
    }
    return Math.max(fallback, byBlock.get(block) ?? fallback);
  };
}

function markQuoteEnds(utterances: Utterance[]): void {
  const last = new Map<number, Utterance>();
  for (const u of utterances) if (u.kind === 'quote' && u.quote !== null) last.set(u.quote, u);
  for (const u of last.values()) u.earconAfter = true;
}
