import { describe, expect, it } from 'vitest';
import { quoteListText } from '../../../renderer/quote-text';

describe('the quote list shows a quote', () => {
  const text = '"This strike will cause misery for passengers," said a spokesperson. "We urge the union to think again."\n\n"The first paragraph of a long quote.\n\n"And its second paragraph."';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  it('interrupted by its attribution: an ellipsis where the attribution was, the comma before it dropped', () => {
    const parts = [{ block: 0, ...at('This strike will cause misery for passengers,') }, { block: 0, ...at('We urge the union to think again.') }];
    expect(quoteListText({ text }, { parts, text: 'This strike will cause misery for passengers, We urge the union to think again.' }))
      .toBe('This strike will cause misery for passengers … We urge the union to think again.');
  });
  it('over several paragraphs: the paragraphs follow on', () => {
    const parts = [{ block: 1, ...at('The first paragraph of a long quote.') }, { block: 2, ...at('And its second paragraph.') }];
    expect(quoteListText({ text }, { parts, text: 'x' })).toBe('The first paragraph of a long quote. And its second paragraph.');
  });
  it('in one part: its text', () => {
    expect(quoteListText({ text }, { parts: [{ block: 0, ...at('We urge the union to think again.') }], text: 'We urge the union to think again.' })).toBe('We urge the union to think again.');
  });
});
