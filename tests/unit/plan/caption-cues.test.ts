// The spoken cue before a caption ("Photo caption.") and before its credit ("Photo credit."),
// so a listener does not hear them as the article's own sentences. Under the speaker-names
// setting: said unless that is off.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import type { Settings } from '../../../core/contract';
import { buildPlan, captionCue } from '../../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../../core/settings';

const article = parseArticle([
  'Flooding closes the coast road',
  'The road between the two villages was shut on Monday after the river burst its banks.',
  'Water covers the road near the bridge on Monday morning. Residents were told to stay away. Credit: Jane Doe/Reuters',
  'Council workers expect to reopen it by the weekend.',
].join('\n\n'));
const plan = (patch: Partial<Settings> = {}) => buildPlan(article, { ...DEFAULT_SETTINGS, ...patch }, []);
const caption = article.blocks.find((b) => b.kind === 'caption')!;

describe('caption and credit cues', () => {
  it('says "Photo caption." once before a two-sentence caption, highlighting nothing of its own', () => {
    const u = plan().utterances;
    const cues = u.filter((x) => x.cue);
    expect(cues.map((x) => x.text)).toEqual(['Photo caption.']);
    const at = u.indexOf(cues[0]!);
    expect(cues[0]).toMatchObject({ kind: 'label', sentence: null, quote: null, speakerId: null, block: caption.index });
    expect(u[at + 1]!.text).toBe('Water covers the road near the bridge on Monday morning.');
    expect(u[at + 2]!.text).toBe('Residents were told to stay away.');
    expect(u[at + 2]!.cue).toBeUndefined();
  });

  it('says "Photo credit." before the credit when credits are read', () => {
    const u = plan({ readCredits: true }).utterances;
    const credit = u.findIndex((x) => x.credit);
    expect(u[credit]!.text).toBe('Credit: Jane Doe/Reuters');
    expect(u[credit - 1]).toMatchObject({ kind: 'label', text: 'Photo credit.', cue: 'credit' });
    expect(u.filter((x) => x.cue).map((x) => x.text)).toEqual(['Photo caption.', 'Photo credit.']);
  });

  it('says no cue with speaker names off, and none for a caption that is not read', () => {
    expect(plan({ verbosity: 'off', readCredits: true }).utterances.some((x) => x.cue)).toBe(false);
    expect(plan({ readCaptions: false }).utterances.some((x) => x.cue)).toBe(false);
  });

  it('captionCue: the first caption utterance gets the caption cue, the first credit one the credit cue', () => {
    const smart = { verbosity: 'smart' as const };
    const prev = (block: number, credit = false) => ({ index: 0, kind: 'caption' as const, text: '', speakerId: null, voice: 'v', start: 0, end: 1, block, sentence: 0, quote: null, ...(credit ? { credit } : {}) });
    expect(captionCue(caption, false, prev(caption.index - 1), smart)).toBe('caption');
    expect(captionCue(caption, false, prev(caption.index), smart)).toBeNull();
    expect(captionCue(caption, true, prev(caption.index), smart)).toBe('credit');
    expect(captionCue(caption, true, prev(caption.index, true), smart)).toBeNull();
    expect(captionCue(article.blocks[1]!, false, undefined, smart)).toBeNull();
  });
});
