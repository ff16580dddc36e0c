// The label a listener is given for a speaker: the name and description without the sentence's leftovers.
import { describe, expect, it } from 'vitest';
import { labelDescription, labelName, speakerLabel } from '../../../core/article/speaker-label';

describe('speaker names as labels', () => {
  it("drops the sentence's final dot, comma or unmatched bracket", () => {
    expect(labelName('Plain Dealer.')).toBe('Plain Dealer');
    expect(labelName('One party activist.)')).toBe('One party activist');
    expect(labelName('Ann Bell,')).toBe('Ann Bell');
  });

  it('keeps the dots of abbreviations and initials that end a name, and brackets that open in it', () => {
    expect(labelName('Martin Luther King Jr.')).toBe('Martin Luther King Jr.');
    expect(labelName('Acme Widgets Inc.')).toBe('Acme Widgets Inc.');
    expect(labelName('Harry S.')).toBe('Harry S.');
    expect(labelName('Ann Bell (Labour)')).toBe('Ann Bell (Labour)');
  });
});

describe('speaker descriptions as labels', () => {
  it('keeps a description of who someone is, without its trailing comma', () => {
    expect(labelDescription('the Health Secretary,', 'Daniel Okafor')).toBe('the Health Secretary');
    expect(labelDescription('a surgeon at the hospital', 'Ann Bell')).toBe('a surgeon at the hospital');
  });

  it('drops a description the name already says, and words about when or how it was said', () => {
    expect(labelDescription('Detective', 'Detective Inspector Helen Marsh')).toBeNull();
    expect(labelDescription('president', 'President Tom Pike')).toBeNull();
    expect(labelDescription('later', 'Kofi Mensah')).toBeNull();
    expect(labelDescription('for her part', 'Sen. Maureen Castellanos')).toBeNull();
    expect(labelDescription('on Tuesday', 'Ann Bell')).toBeNull();
    expect(labelDescription(null, 'Ann Bell')).toBeNull();
  });
});

describe('speakerLabel: an office the attribution cut in two is joined again', () => {
  it('"U.S." and "Attorney Renee Caldwell" are "U.S. Attorney Renee Caldwell", with "Assistant" too', () => {
    expect(speakerLabel('Attorney Renee Caldwell', 'U.S.')).toEqual({ name: 'U.S. Attorney Renee Caldwell', description: null });
    expect(speakerLabel('Attorney Maya Song', 'Assistant U.S.')).toEqual({ name: 'Assistant U.S. Attorney Maya Song', description: null });
    expect(speakerLabel('District Judge Amy Berman', 'U.S. District')).toEqual({ name: 'U.S. District Judge Amy Berman', description: null });
    // A country before another title stays a description ("Texas Sen. Ted Cruz" -> "Sen. Ted Cruz", Texas).
    expect(speakerLabel('Sen. Ted Cruz', 'Texas')).toEqual({ name: 'Sen. Ted Cruz', description: 'Texas' });
  });
  it('a description ending in the name\'s first word loses it ("Manhattan District" / "District Attorney Alvin Bragg")', () => {
    expect(speakerLabel('District Attorney Alvin Bragg', 'Manhattan District')).toEqual({ name: 'District Attorney Alvin Bragg', description: 'Manhattan' });
    expect(speakerLabel('Defence Minister Manohar Parrikar', 'Indian Defence')).toEqual({ name: 'Defence Minister Manohar Parrikar', description: 'Indian' });
    expect(speakerLabel('Ann Bell', 'a surgeon')).toEqual({ name: 'Ann Bell', description: 'a surgeon' });
    // A place that is also the name's first word stays ("deputy mayor of Florence" for Florence Rossi).
    expect(speakerLabel('Florence Rossi', 'deputy mayor of Florence')).toEqual({ name: 'Florence Rossi', description: 'deputy mayor of Florence' });
    expect(speakerLabel('Police Chief Ann Bell', 'the chief of Police')).toEqual({ name: 'Police Chief Ann Bell', description: 'the chief of Police' });
  });
});
