// Which quoted spans are quotes, and where they start and end: each rule with sentences of our own.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { isNickname } from '../../../core/article/nicknames';

const article = (...paragraphs: string[]) => parseArticle(['A headline for the test', ...paragraphs].join('\n\n'));
const texts = (...paragraphs: string[]) => article(...paragraphs).quotes.map((q) => q.text);

describe('a quote nested in a quote, in the same marks', () => {
  it('a slogan inside a tweet stays inside the tweet', () => {
    const m = article('Councillor Dana Reyes tweeted: “Fans outside the ground chanting “Bring Back Our Bus” at the mayor… not a good look.”');
    expect(m.quotes.map((q) => q.text)).toEqual(['Fans outside the ground chanting “Bring Back Our Bus” at the mayor… not a good look.']);
    expect(m.speakers.find((s) => s.id === m.quotes[0]!.speakerId)?.name).toContain('Dana Reyes');
  });

  it('straight outer marks around curly inner ones', () => {
    expect(texts('Mr. Ortiz said: "The board is no longer about “Fair Play for All” at all. It is about money."'))
      .toEqual(['The board is no longer about “Fair Play for All” at all. It is about money.']);
  });

  it('two quotes in a row are still two quotes', () => {
    expect(texts('“We lost,” said the coach. “We will be back,” he added.')).toEqual(['We lost,', 'We will be back,']);
  });

  it('a doubled opening mark is one mark, not a quote inside a quote', () => {
    expect(texts('"“We will not close the library,” Mayor Tom Hale said at the meeting.'))
      .toEqual(['We will not close the library,']);
  });
});

describe('a paragraph break inside a quote', () => {
  it('a quote unclosed at the end of a paragraph goes on to the closing mark that starts the next one', () => {
    const m = article('“The one thing a club needs to survive is a ground of its own. It has not had one since it left in.', '1998. Nobody in charge has fixed that since,” the chairman said.');
    expect(m.quotes).toHaveLength(1);
    expect(m.quotes[0]!.text).toBe('The one thing a club needs to survive is a ground of its own. It has not had one since it left in. 1998. Nobody in charge has fixed that since,');
    expect(m.quotes[0]!.blocks).toEqual([1, 2]);
  });

  it('an unclosed quote followed by narration ends with its paragraph', () => {
    const m = article('She said: “We will fight this all the way.', 'The council meets on Monday. Its leader said: “We are ready.”');
    expect(m.quotes.map((q) => q.text)).toEqual(['We will fight this all the way.', 'We are ready.']);
  });
});

describe('a quotation interrupted by its own attribution is one quote', () => {
  it('"…," Name said. "…": one quote in two parts, the attribution between them narration', () => {
    const m = article('“We were beaten by a better side,” coach Nia Okafor said. “We will learn from it and come back stronger.” The club plays again on Friday.');
    expect(m.quotes).toHaveLength(1);
    const q = m.quotes[0]!;
    expect(q.parts.map((p) => m.text.slice(p.start, p.end))).toEqual(['We were beaten by a better side,', 'We will learn from it and come back stronger.']);
    expect(q.blocks).toEqual([1]);
    expect(m.speakers.find((s) => s.id === q.speakerId)?.name).toContain('Nia Okafor');
  });

  it('"…," said Name, "…": the second half going on after a comma', () => {
    const m = article('"The first half was poor," said coach Maria Lopez, "but the second was the best we have played."');
    expect(m.quotes.map((q) => q.text)).toEqual(['The first half was poor, but the second was the best we have played.']);
  });

  it('"…," said Lt. Name. "…": a title\'s dot in the attribution ends no sentence, so it is still one quote', () => {
    expect(texts('"It came down right in the student section," said Lt. Dana Rourke. "We are lucky nobody was hurt."')).toEqual(['It came down right in the student section, We are lucky nobody was hurt.']);
    expect(texts('“We were beaten,” Dr. Nia Okafor said. “We will come back stronger.”')).toEqual(['We were beaten, We will come back stronger.']);
  });

  it('a second half with an attribution of its own is a quote of its own', () => {
    expect(texts('“It has taken far too long,” Ruth Abara said. “But we are getting there now,” she added.')).toEqual(['It has taken far too long,', 'But we are getting there now,']);
  });

  it('a narrator’s sentence between two quotes keeps them apart', () => {
    expect(texts('“It has taken far too long,” Ruth Abara said. The council voted on Monday to approve the money. “We are getting there.”'))
      .toEqual(['It has taken far too long,', 'We are getting there.']);
  });

  it('a quote attributed before it does not swallow the next one', () => {
    expect(texts('Ruth Abara said: “It has taken far too long.” “We are getting there,” said Tom Brandt.')).toEqual(['It has taken far too long.', 'We are getting there,']);
  });
});

describe('a title after "told", "with" or "as" is a name, not speech', () => {
  it('the show someone talks to or on', () => {
    expect(texts('“We will win this county,” Dana Reyes told “Morning Desk Live,” adding that the count was close.')).toEqual(['We will win this county,']);
  });
  it('the show an interview is with', () => {
    expect(texts('In an interview with “The Morning Desk With Ann Lee,” Tom Brandt said the plan was dead.')).toEqual([]);
  });

  it('what an event is billed as', () => {
    expect(texts('At an event billed as “Nurses and Doctors for Change,” Ruth Abara said she would fund ten clinics.')).toEqual([]);
  });

  it('speech after those words is still speech', () => {
    expect(texts('Tom Brandt told reporters as he left: “We are not done yet.”')).toEqual(['We are not done yet.']);
    expect(texts('She ended with “we will be back next year,” and left the stage.')).toEqual(['we will be back next year,']);
  });
});

describe('a nickname inside a name is not speech', () => {
  it('Gov. R.J. "Buddy" Hale and Thomas "The Hammer" Reyes', () => {
    expect(texts('Gov. R.J. “Buddy” Hale said the plan would fail.')).toEqual([]);
    expect(texts('Former boxer Thomas "The Hammer" Reyes said: "I am ready."')).toEqual(['I am ready.']);
  });

  it('a capitalised quote between a name and a day, or not between names, stays a quote', () => {
    expect(isNickname('Buddy', 'Gov. R.J. ', ' Hale (R-Utah)')).toBe(true);
    expect(isNickname('Lazy Dan', 'Hale called Reyes ', ' Tuesday night.')).toBe(false);
    expect(isNickname('Never', 'the crowd chanted ', ' Again and again.')).toBe(false);
    expect(isNickname('We won,', 'Hale ', ' Reyes said.')).toBe(false);
  });
});

describe('the quote style of an article', () => {
  it('single marks in a transcript do not turn a double-quoting article into a single-quoting one', () => {
    const quotes = texts(
      'Ann Bell said: "We will appeal."',
      "Tom Brandt: I asked them, 'What is the plan?' They said, 'There is no plan,' and left.",
      'The council says that "the plan is sound and will go ahead."',
    );
    expect(quotes).toContain('We will appeal.');
    expect(quotes).toContain('the plan is sound and will go ahead.');
  });

  it('an article quoting speech in single marks still does', () => {
    const quotes = texts("'We were terrified,' said Ann Bell, 52.", "'It came out of nowhere,' she added. 'I have never seen anything like it.'");
    expect(quotes).toEqual(['We were terrified,', 'It came out of nowhere, I have never seen anything like it.']);
  });
});
