import { describe, expect, it } from 'vitest';
import type { ReadingPlan, Utterance } from '../../../core/contract';
import {
  currentQuote, mapToNewPlan, nextParagraph, nextQuote, nextSentence, nextSpeakerChange, positionOf,
  previousParagraph, previousQuote, previousSentence, previousSpeakerChange, quoteStarts, speakerAt, textFrom,
} from '../../../renderer/navigation';

// A small plan shaped like the sample's: title, narration, a labelled two-paragraph quote
// (the first paragraph's sentence split into attribution + quote), narration, a second
// speaker, then a partial quote inside narration.
type U = Pick<Utterance, 'kind' | 'block' | 'sentence' | 'quote' | 'speakerId'>;
const rows: U[] = [
  /* 0 */ { kind: 'title', block: 0, sentence: 0, quote: null, speakerId: null },
  /* 1 */ { kind: 'narration', block: 1, sentence: 1, quote: null, speakerId: null },
  /* 2 */ { kind: 'narration', block: 1, sentence: 2, quote: null, speakerId: null },
  /* 3 */ { kind: 'narration', block: 2, sentence: 3, quote: null, speakerId: null }, // "She said:"
  /* 4 */ { kind: 'label', block: 2, sentence: null, quote: 0, speakerId: 'mother' },
  /* 5 */ { kind: 'quote', block: 2, sentence: 3, quote: 0, speakerId: 'mother' },
  /* 6 */ { kind: 'quote', block: 3, sentence: 4, quote: 0, speakerId: 'mother' },
  /* 7 */ { kind: 'quote', block: 3, sentence: 5, quote: 0, speakerId: 'mother' },
  /* 8 */ { kind: 'narration', block: 4, sentence: 6, quote: null, speakerId: null },
  /* 9 */ { kind: 'label', block: 5, sentence: null, quote: 1, speakerId: 'tarakji' },
  /* 10 */ { kind: 'quote', block: 5, sentence: 7, quote: 1, speakerId: 'tarakji' },
  /* 11 */ { kind: 'narration', block: 6, sentence: 8, quote: 2, speakerId: null }, // partial quote
  /* 12 */ { kind: 'narration', block: 7, sentence: 9, quote: null, speakerId: null },
];
const plan: Pick<ReadingPlan, 'utterances'> = {
  utterances: rows.map((r, index) => ({ ...r, index, text: `u${index}`, voice: 'v', start: index * 10, end: index * 10 + 9 })),
};
const model = { quotes: [{}, {}, {}] as never[] };

describe('sentences', () => {
  it('moves to the next sentence, treating a split sentence as one', () => {
    expect(nextSentence(plan, 0)).toBe(1);
    expect(nextSentence(plan, 2)).toBe(3);
    // 3 and 5 are the same sentence (attribution + quote): next is sentence 4.
    expect(nextSentence(plan, 3)).toBe(6);
    expect(nextSentence(plan, 5)).toBe(6);
    // The next sentence is a labelled quote: land on its label.
    expect(nextSentence(plan, 8)).toBe(9);
    expect(nextSentence(plan, 12)).toBeNull();
  });

  it('moves to the previous sentence start', () => {
    expect(previousSentence(plan, 0)).toBeNull();
    expect(previousSentence(plan, 2)).toBe(1);
    expect(previousSentence(plan, 6)).toBe(3);
    expect(previousSentence(plan, 11)).toBe(9);
    // From a label, the previous sentence is the one before what it introduces.
    expect(previousSentence(plan, 9)).toBe(8);
  });
});

describe('what moving while stopped says', () => {
  const sentences = Array.from({ length: 10 }, (_, k) => ({ text: `Sentence ${k}.` }));
  it('says a label with the sentence it introduces, never the label alone', () => {
    // Landing on "Dr. Karen Liu:" (9) tells the quote it introduces (sentence 7), so moving on past it skips nothing unheard.
    expect(textFrom(plan, { sentences }, 9)).toBe('u9 Sentence 7.');
    expect(textFrom(plan, { sentences }, 4)).toBe('u4 Sentence 3.');
  });
  it('says a sentence whole, attribution and all', () => {
    expect(textFrom(plan, { sentences }, 5)).toBe('Sentence 3.');
    expect(textFrom(plan, { sentences }, 1)).toBe('Sentence 1.');
  });
  it('says a caption after its cue ("Photo caption.")', () => {
    const captionPlan = {
      utterances: [
        { kind: 'label', block: 0, sentence: null, quote: null, speakerId: null, text: 'Photo caption.', cue: 'caption' },
        { kind: 'caption', block: 0, sentence: 0, quote: null, speakerId: null, text: 'Commuters at Waterloo.' },
      ].map((r, index) => ({ ...r, index, voice: 'v', start: 0, end: 20 })) as Utterance[],
    };
    expect(textFrom(captionPlan, { sentences: [{ text: 'Commuters at Waterloo.' }] }, 0)).toBe('Photo caption. Commuters at Waterloo.');
  });
});

describe('paragraphs', () => {
  it('goes to the first utterance of the next and previous block', () => {
    expect(nextParagraph(plan, 0)).toBe(1);
    expect(nextParagraph(plan, 1)).toBe(3);
    expect(nextParagraph(plan, 3)).toBe(6);
    expect(nextParagraph(plan, 8)).toBe(9);
    expect(nextParagraph(plan, 12)).toBeNull();
    expect(previousParagraph(plan, 7)).toBe(3);
    expect(previousParagraph(plan, 10)).toBe(8);
    expect(previousParagraph(plan, 0)).toBeNull();
  });
});

describe('quotes', () => {
  it('finds where each quote starts, label included', () => {
    expect([...quoteStarts(plan)]).toEqual([[0, 4], [1, 9], [2, 11]]);
    expect(currentQuote(plan, 4)).toBe(0);
    expect(currentQuote(plan, 8)).toBeNull();
  });

  it('goes to the next quote after the current position', () => {
    expect(nextQuote(plan, 0)).toEqual({ quote: 0, utterance: 4 });
    expect(nextQuote(plan, 4)).toEqual({ quote: 1, utterance: 9 });
    expect(nextQuote(plan, 6)).toEqual({ quote: 1, utterance: 9 });
    expect(nextQuote(plan, 10)).toEqual({ quote: 2, utterance: 11 });
    expect(nextQuote(plan, 11)).toBeNull();
  });

  it('goes to the quote before the one being read, not the start of this one', () => {
    expect(previousQuote(plan, 10)).toEqual({ quote: 0, utterance: 4 });
    expect(previousQuote(plan, 9)).toEqual({ quote: 0, utterance: 4 });
    expect(previousQuote(plan, 12)).toEqual({ quote: 2, utterance: 11 });
    expect(previousQuote(plan, 7)).toBeNull();
    expect(previousQuote(plan, 2)).toBeNull();
  });

  it('reaches a partial quote the plan reads as narration, from the model', () => {
    const quotes = [{ index: 0, parts: [] }, { index: 1, parts: [] }, { index: 2, parts: [] }, { index: 3, parts: [{ block: 7, start: 124, end: 128 }] }];
    expect(quoteStarts(plan, quotes).get(3)).toBe(12);
    expect(nextQuote(plan, 11, quotes)).toEqual({ quote: 3, utterance: 12 });
    expect(nextQuote(plan, 11)).toBeNull();
    expect(previousQuote(plan, 12, quotes)).toEqual({ quote: 2, utterance: 11 });
  });
});

describe('changes of speaker', () => {
  it('counts a label as the voice it introduces; narration is the narrator', () => {
    expect(speakerAt(plan, 4)).toBe('mother');
    expect(speakerAt(plan, 3)).toBeNull();
    expect(speakerAt(plan, 11)).toBeNull();
  });

  it('goes to the next and previous change of voice', () => {
    expect(nextSpeakerChange(plan, 0)).toBe(4);
    expect(nextSpeakerChange(plan, 5)).toBe(8);
    expect(nextSpeakerChange(plan, 8)).toBe(9);
    expect(nextSpeakerChange(plan, 10)).toBe(11);
    expect(nextSpeakerChange(plan, 12)).toBeNull();
    expect(previousSpeakerChange(plan, 10)).toBe(8);
    expect(previousSpeakerChange(plan, 8)).toBe(4);
    expect(previousSpeakerChange(plan, 6)).toBe(0);
    expect(previousSpeakerChange(plan, 2)).toBeNull();
  });
});

describe('where am I', () => {
  it('reports paragraph n of m, the quote and the speaker', () => {
    expect(positionOf(plan, model, 6)).toEqual({ paragraph: 4, paragraphs: 8, quote: 1, quotes: 3, speakerId: 'mother' });
    expect(positionOf(plan, model, 9)).toEqual({ paragraph: 6, paragraphs: 8, quote: 2, quotes: 3, speakerId: 'tarakji' });
    expect(positionOf(plan, model, 1)).toEqual({ paragraph: 2, paragraphs: 8, quote: null, quotes: 3, speakerId: null });
    expect(positionOf({ utterances: [] }, model, 0)).toBeNull();
  });
});

describe('re-planning', () => {
  it('keeps the same sentence when the plan changes shape', () => {
    // Labels removed (verbosity off): every index after them shifts.
    const noLabels = { utterances: plan.utterances.filter((u) => u.kind !== 'label').map((u, index) => ({ ...u, index })) };
    expect(mapToNewPlan(plan, noLabels, 10)).toBe(8);
    expect(noLabels.utterances[8]!.sentence).toBe(7);
    // And back: lands on the label that now introduces the same sentence.
    expect(mapToNewPlan(noLabels, plan, 8)).toBe(9);
    expect(mapToNewPlan(plan, plan, 6)).toBe(6);
  });

  it('falls back to the same place in the text when the sentence is no longer read', () => {
    const withoutBlock4 = { utterances: plan.utterances.filter((u) => u.block !== 4).map((u, index) => ({ ...u, index })) };
    // Lands on the label introducing the next sentence that is still read.
    const target = withoutBlock4.utterances[mapToNewPlan(plan, withoutBlock4, 8)]!;
    expect(target.kind).toBe('label');
    expect(target.quote).toBe(1);
  });
});
