import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';

const sample = readFileSync(new URL('../../../content/idlib-bloody-week.txt', import.meta.url), 'utf8');
const model = parseArticle(sample);
const speakerOf = (fragment: string) => {
  const q = model.quotes.find((quote) => quote.text.includes(fragment));
  if (!q) throw new Error(`no quote containing "${fragment}"`);
  return model.speakers.find((s) => s.id === q.speakerId) ?? null;
};

describe('the sample article (idlib-bloody-week)', () => {
  it('finds the title, the byline and both captions with their credits', () => {
    expect(model.title).toBe("Sleeping four-year-old amongst casualties in Syria during 'bloody week' of bombing");
    expect(model.byline).toBe('Video report by ITV News correspondent Dan Rivers');
    const captions = model.blocks.filter((b) => b.kind === 'caption');
    expect(captions.map((c) => c.text.slice(0, c.credit!.start - c.start).trim())).toEqual([
      "Khaled, who's five-years-old, was rescued from under the rubble of his home.",
      "Khaled's mum talks to the doctor at a hospital in Idlib.",
    ]);
    for (const c of captions) expect(model.text.slice(c.credit!.start, c.credit!.end)).toBe('Credit: ITV News');
  });

  it('resolves "She said:" after "His mother described ..." to the mother', () => {
    const mother = speakerOf('A rocket hit our home');
    expect(mother?.name).toMatch(/mother/);
    expect(speakerOf('shouting their names')).toBe(mother);
    expect(mother?.gender).toBe('female');
  });

  it('resolves "He told ITV News:" to Professor David Nott, not "the British doctor" or Trump', () => {
    expect(speakerOf('crime against humanity')?.name).toBe('Professor David Nott OBE');
    expect(speakerOf('name and shame')?.name).toBe('Professor David Nott OBE');
  });

  it('keeps a multi-paragraph quote together with its speaker and description', () => {
    const q = model.quotes.find((quote) => quote.text.startsWith('The airstrikes'))!;
    expect(q.blocks).toHaveLength(3);
    expect(q.text).toContain('we lost one medical personnel every week on average.');
    const tarakji = speakerOf('The airstrikes')!;
    expect(tarakji.name).toBe('Dr Ahmad Tarakji');
    expect(tarakji.description).toBe('president of SAMS');
    expect(q.attribution).toBe('before');
    expect(q.mention).toBe('name');
  });

  it('attributes the partial quotes inside narration', () => {
    const government = model.quotes.find((quote) => quote.text === 'stop the horror and senseless attacks')!;
    expect(government.partial).toBe(true);
    expect(speakerOf('stop the horror')?.name).toMatch(/Government/);
    const determined = model.quotes.find((quote) => quote.text.startsWith('determined to keep the pressure'))!;
    expect(determined.partial).toBe(true);
    expect(determined.text).toContain('We must do all we can');
    expect(speakerOf('determined to keep')?.name).toBe('Hamish de Bretton-Gordon');
  });

  it('reads no scare quote, narration or credit as speech', () => {
    for (const q of model.quotes) {
      expect(q.text).not.toContain('bloody week');
      expect(q.text).not.toContain('Credit');
      expect(q.text).not.toContain('Russia responded');
    }
    expect(model.quotes).toHaveLength(6);
    expect(model.speakers).toHaveLength(5);
  });

  it('gives every sentence and quote part a range that maps back to its text', () => {
    for (const s of model.sentences) expect(model.text.slice(s.start, s.end)).toBe(s.text);
    for (const b of model.blocks) expect(model.text.slice(b.start, b.end)).toBe(b.text);
    for (const q of model.quotes) expect(q.parts.map((p) => model.text.slice(p.start, p.end)).join(' ')).toBe(q.text);
  });
});
