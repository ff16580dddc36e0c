// Interview transcripts (issue 11, "Formats"): turns of "NAME: words" are that speaker's quotes.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { answerTurns, quotedAnswers, transcriptTurns, turnLabel } from '../../../core/article/transcripts';
import type { ArticleModel } from '../../../core/contract';

const said = (m: ArticleModel) => m.quotes.map((q) => [q.text, m.speakers.find((s) => s.id === q.speakerId)?.name ?? null]);
const paragraphs = (...texts: string[]) => texts.map((text, index) => ({ index, kind: 'paragraph' as const, text }));

describe('turnLabel: a paragraph that opens like a turn', () => {
  it('names a speaker in capitals, a surname, a full name or a title and name', () => {
    expect(turnLabel('REYES: How much of cooking is listening?')).toBe('REYES');
    expect(turnLabel('Delgado: Most of it.')).toBe('Delgado');
    expect(turnLabel('Ana Delgado: Most of it.')).toBe('Ana Delgado');
    expect(turnLabel('Sen. Hale: We will vote on Tuesday.')).toBe('Sen. Hale');
  });

  it('is none for headline labels, Q and A, or words already in quote marks', () => {
    expect(turnLabel('Update: This story has been updated.')).toBeNull();
    expect(turnLabel('Poll: Voters back the new bridge.')).toBeNull();
    expect(turnLabel('The Latest: Council votes on the budget.')).toBeNull();
    expect(turnLabel('Q: What did you learn?')).toBeNull();
    expect(turnLabel('Dan Price: "Nobody is listening to us."')).toBeNull();
    expect(turnLabel('Dan Price, 61, retired: "Nobody is listening."')).toBeNull();
  });
});

describe('transcriptTurns: only turns taken by two speakers count', () => {
  it('two speakers with two turns each', () => {
    const turns = transcriptTurns(paragraphs('Intro.', 'REYES: One?', 'DELGADO: Two.', 'REYES: Three?', 'DELGADO: Four.'));
    expect(turns.map((t) => t.block)).toEqual([1, 2, 3, 4]);
  });

  it('one labelled line, or labels that never return, are headlines or lists', () => {
    expect(transcriptTurns(paragraphs('Hale: Budget talks resume.', 'Body text.'))).toEqual([]);
    expect(transcriptTurns(paragraphs('Hale: Budget talks resume.', 'Marsh: Schools to reopen.', 'Body text.'))).toEqual([]);
  });

  it('"JAKE TAPPER" and "TAPPER" take turns as one speaker', () => {
    const turns = transcriptTurns(paragraphs('JAKE TAPPER: One?', 'FALLIN: Two.', 'TAPPER: Three?', 'FALLIN: Four.'));
    expect(turns).toHaveLength(4);
  });
});

describe('parseArticle: an interview read in its speakers’ voices', () => {
  it('each turn is a quote of the person its label names', () => {
    const m = parseArticle([
      'Inside the kitchen with chef Ana Delgado',
      'Ana Delgado has run the kitchen at Marisol for twelve years. Tom Reyes spoke to her before the lunch rush.',
      'Reyes: How much of cooking is listening?',
      'Delgado: Most of it. You listen to the pans, and you listen to the people eating.',
      'Reyes: What did you learn from your mother?',
      'Delgado: Patience. She never rushed a sauce, and she said "never rush a cook" to everyone.',
      'The restaurant reopens on Tuesday.',
    ].join('\n\n'));
    expect(said(m)).toEqual([
      ['How much of cooking is listening?', 'Tom Reyes'],
      ['Most of it. You listen to the pans, and you listen to the people eating.', 'Ana Delgado'],
      ['What did you learn from your mother?', 'Tom Reyes'],
      // A quote inside a turn is part of the turn.
      ['Patience. She never rushed a sauce, and she said "never rush a cook" to everyone.', 'Ana Delgado'],
    ]);
  });

  it('a list of labelled headlines is narration', () => {
    const m = parseArticle('More from the council\n\nHale: Budget talks resume after the recess.\n\nMarsh: Schools to reopen on Monday.\n\nQuell: Harbour wall repaired.');
    expect(m.quotes).toEqual([]);
  });
});

describe('Q&A interviews: the answers are the words of the person the introduction named', () => {
  const intro = 'Violinist Maria Okafor took over as music director of the Harbour Symphony last month. We asked her about her plans.';
  it('answerTurns: two questions and two answers, "Q:" / "A." / "Q —" markers; one "A." alone is an initial', () => {
    const turns = answerTurns(paragraphs(intro, 'Q: What drew you here?', 'A: The players.', 'Q — Will the programme change?', 'A. Yes, but slowly.'));
    expect(turns.turns.map((t) => t.block)).toEqual([2, 4]);
    expect(turns.firstTurn).toBe(1);
    expect(answerTurns(paragraphs('A. Smith said the vote was close.', 'Q: Was it?')).turns).toEqual([]);
  });
  it('each answer is a whole quote of that person; the questions stay narration', () => {
    const m = parseArticle(`Ten minutes with the orchestra\n\n${intro}\n\nQ: What drew you here?\n\nA: The players. I heard them rehearse once.\n\nQ. Will the programme change?\n\nA. Yes, but slowly.`);
    expect(said(m)).toEqual([['The players. I heard them rehearse once.', 'Maria Okafor'], ['Yes, but slowly.', 'Maria Okafor']]);
    expect(m.quotes.every((q) => !q.partial)).toBe(true);
  });
  it('two people named in the introduction leave the answers without a speaker', () => {
    const m = parseArticle('Ten minutes with the orchestra\n\nOur critic Tom Reed met violinist Maria Okafor after the concert.\n\nQ: What drew you here?\n\nA: The players.\n\nQ: Will the programme change?\n\nA: Yes, but slowly.');
    expect(said(m)).toEqual([['The players.', null], ['Yes, but slowly.', null]]);
  });
});

describe('round 7: an interview with its questions on lines of their own and its answers in quote marks', () => {
  it('the answers are the words of the one person the introduction names', () => {
    const m = parseArticle('New MP on her first month\n\nAmara Obi was elected in July. She spoke to us about her first weeks.\n\nHow have the first weeks been?\n\n"Exhausting. Everyone speaks in acronyms."\n\nWhat surprised you most?\n\n"How kind people have been."');
    expect(said(m)).toEqual([['Exhausting. Everyone speaks in acronyms.', 'Amara Obi'], ['How kind people have been.', 'Amara Obi']]);
  });
  it('needs two questions each followed by a paragraph that is one quotation', () => {
    expect([...quotedAnswers(paragraphs('Is it safe?', '"Yes."', 'Why?', '"Because."')).blocks]).toEqual([1, 3]);
    expect(quotedAnswers(paragraphs('Is it safe?', '"Yes."', 'He paused.')).blocks.size).toBe(0);
    // A question with a quote in it, or an answer with narration after its quote, is no such pair.
    expect(quotedAnswers(paragraphs('Did he say "no"?', '"Yes."', 'Why?', '"Because," she said.')).blocks.size).toBe(0);
  });
});
