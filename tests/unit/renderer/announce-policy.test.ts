import { describe, expect, it } from 'vitest';
import { announcementText } from '../../../renderer/announce-policy';

const quote = { kind: 'position' as const, text: 'Quote 2 of 6, Dr Ahmad Tarakji', brief: 'Quote 2 of 6' };
const playing = { kind: 'status' as const, text: 'Playing' };
const where = { kind: 'answer' as const, text: 'Paragraph 3 of 31. Narrator. Playing.' };

describe('announcements while the app reads', () => {
  it('not reading: everything is said, whatever the setting', () => {
    for (const setting of ['off', 'brief', 'full'] as const) {
      expect(announcementText(quote, setting, false)).toBe('Quote 2 of 6, Dr Ahmad Tarakji');
      expect(announcementText(playing, setting, false)).toBe('Playing');
    }
  });

  it('brief: only what the voice does not say (the count, not the speaker the label speaks; no "Playing")', () => {
    expect(announcementText(quote, 'brief', true)).toBe('Quote 2 of 6');
    expect(announcementText(playing, 'brief', true)).toBeNull();
    expect(announcementText({ kind: 'position', text: 'Narrator', brief: null }, 'brief', true)).toBeNull();
    expect(announcementText({ kind: 'position', text: 'Heading level 2, Who supports it' }, 'brief', true)).toBe('Heading level 2, Who supports it');
  });

  it('answers to questions (where am I) are always said', () => {
    for (const setting of ['off', 'brief', 'full'] as const) expect(announcementText(where, setting, true)).toBe(where.text);
  });

  it('off: nothing else while reading; full: everything', () => {
    expect(announcementText(quote, 'off', true)).toBeNull();
    expect(announcementText(playing, 'off', true)).toBeNull();
    expect(announcementText(quote, 'full', true)).toBe('Quote 2 of 6, Dr Ahmad Tarakji');
    expect(announcementText(playing, 'full', true)).toBe('Playing');
  });
});
