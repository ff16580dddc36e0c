import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import type { ArticleModel } from '../../../core/contract';

const article = (...paragraphs: string[]) => parseArticle(['A headline for the test', ...paragraphs].join('\n\n'));
const who = (m: ArticleModel, fragment: string) => {
  const q = m.quotes.find((quote) => quote.text.includes(fragment));
  expect(q, `a quote containing "${fragment}"`).toBeDefined();
  return m.speakers.find((s) => s.id === q!.speakerId)?.name ?? null;
};

describe('attribution styles', () => {
  it('US wire style: after the quote, verb first and subject first, then surname and pronoun', () => {
    const m = article(
      '"We are treating this as a hazardous materials incident," said Jane Kessler, a spokeswoman for the county.',
      'State Rep. Carol Dunham said she would ask for hearings.',
      '"The rules have not kept pace," Dunham said.',
      'Kessler said residents could return on Wednesday, but she warned that could change.',
      '"I know it is frustrating," she said. "We would rather be cautious."',
    );
    expect(who(m, 'hazardous materials')).toBe('Jane Kessler');
    expect(m.speakers.find((s) => s.name === 'Jane Kessler')?.description).toBe('a spokeswoman for the county');
    expect(who(m, 'not kept pace')).toBe('State Rep. Carol Dunham');
    expect(who(m, 'frustrating')).toBe('Jane Kessler');
    expect(who(m, 'rather be cautious')).toBe('Jane Kessler');
  });

  it('UK style with curly quotes, titles without dots and a colon before the quote', () => {
    const m = article('Mr Johnson told the BBC: “We will not be taking lessons from anyone.”', 'Mrs Patel added: “That is simply untrue.”');
    expect(who(m, 'taking lessons')).toBe('Mr Johnson');
    expect(who(m, 'simply untrue')).toBe('Mrs Patel');
  });

  it('a quote split by its attribution gives both halves the same speaker', () => {
    const m = article('"The first half was poor," said coach Maria Lopez, "but the second was the best we have played."');
    expect(who(m, 'first half')).toBe('Maria Lopez');
    expect(who(m, 'second was the best')).toBe('Maria Lopez');
  });

  it('the name ends a descriptive phrase ("Monarchs coach Rick Alvarado said")', () => {
    const m = article('"He was special tonight," Monarchs coach Rick Alvarado said.');
    expect(who(m, 'special tonight')).toBe('Rick Alvarado');
  });

  it('a quote-only paragraph continues the previous speaker', () => {
    const m = article('Dr Sarah Jones, a surgeon, said: "We have never seen anything like it."', '"Every bed in the hospital is full."');
    expect(who(m, 'Every bed')).toBe('Dr Sarah Jones');
  });

  it('nested single quotes stay inside their double-quoted quote', () => {
    const m = article('"The gaffer said, \'Be patient, the chances will come,\' and he was right," Brennan said.');
    expect(m.quotes).toHaveLength(1);
    expect(m.quotes[0]!.text).toContain("'Be patient, the chances will come,'");
    expect(who(m, 'gaffer')).toBe('Brennan');
  });

  it('a single-quote article still hears the double-quoted speech of other paragraphs, but not quotes nested in its own', () => {
    const m = article(
      "'We waited four hours for an ambulance,' said Joan Reeve, 71, from Leigh. 'Nobody came.'",
      'Ward councillor Tom Bright said the wait was "a disgrace". He added: "Every family here deserves better."',
      "'The sign said \"closed for repairs\" and that was it,' Mrs Reeve said.",
    );
    expect(who(m, 'four hours')).toBe('Joan Reeve');
    expect(who(m, 'a disgrace')).toBe('Tom Bright');
    expect(who(m, 'deserves better')).toBe('Tom Bright');
    expect(who(m, 'closed for repairs')).toBe('Joan Reeve');
    expect(m.quotes.filter((q) => q.text.includes('closed for repairs'))).toHaveLength(1);
  });

  it('apostrophes and single-quoted scare quotes are not speech', () => {
    const m = article("It was rock 'n' roll football in the '90s, the players' union said of the 'bloody week'.");
    expect(m.quotes).toHaveLength(0);
  });

  it('an unbalanced quote mark stops at the end of its paragraph', () => {
    const m = article('She said: "We will fight this all the way.', 'The council meets again on Monday.', 'Its leader said: "We are ready."');
    expect(m.quotes).toHaveLength(2);
    expect(m.quotes[0]!.text).toBe('We will fight this all the way.');
    expect(m.quotes[0]!.blocks).toEqual([1]);
    expect(who(m, 'We are ready')).toMatch(/leader/i);
  });

  it('a quote with no findable speaker has none', () => {
    const m = article('The sign on the door read: "Closed until further notice, sorry for any inconvenience."');
    expect(m.quotes).toHaveLength(1);
    expect(m.quotes[0]!.speakerId).toBeNull();
  });

  it('"it said" refers to the organisation just named, and organisations never merge by their last word', () => {
    const m = article('Police Scotland closed the road overnight.', 'Network Rail Scotland said: "Services will resume at noon."', 'The Home Office announced the change on Tuesday.', '"We are delighted with the results," it said in a statement.', 'Police Scotland said: "Please do not travel."');
    expect(who(m, 'resume at noon')).toBe('Network Rail Scotland');
    expect(who(m, 'delighted')).toBe('Home Office');
    expect(who(m, 'do not travel')).toBe('Police Scotland');
  });

  it('a partial quote belongs to the clause whose verb introduces it, named by its noun phrase', () => {
    const m = article('A Treasury minister has repeatedly refused to rule out raising income tax, after an influential think tank warned of a "black hole in the public finances".');
    expect(who(m, 'black hole')).toBe('An influential think tank');
  });

  it('an anonymous source is described without the circumstances of the anonymity', () => {
    const m = article('"The deal is off," said the source, who declined to be identified because the talks were private.');
    expect(who(m, 'deal is off')).toBe('The source');
  });

  it('organisations and unnamed people speak under a description', () => {
    const m = article('A spokesperson for Tesco said: "We are looking into it."', 'One resident, who asked not to be named, said: "It was terrifying."');
    expect(who(m, 'looking into it')).toMatch(/spokesperson for Tesco/);
    expect(who(m, 'terrifying')).toMatch(/resident/i);
  });
});

describe('Markdown input', () => {
  const md = [
    '# Council *approves* budget',
    '',
    '*By Jane Doe*',
    '',
    'The leader, Cllr Amy Hart, said: "This is a **fair** budget for [everyone](https://example.com)."',
    '',
    '## What happens next',
    '',
    '> "We will be watching closely," said opposition leader Tom Reed.',
    '',
    '- First item',
    '- Second item',
    '',
    '<script>alert(1)</script>',
  ].join('\n');
  const m = parseArticle(md, { format: 'markdown' });

  it('reads headings, byline, paragraphs, block quotes and lists, with emphasis and links stripped', () => {
    expect(m.title).toBe('Council approves budget');
    expect(m.byline).toBe('By Jane Doe');
    expect(m.blocks.map((b) => b.kind)).toEqual(['title', 'byline', 'paragraph', 'heading', 'paragraph', 'list-item', 'list-item']);
    expect(m.blocks[2]!.text).toBe('The leader, Cllr Amy Hart, said: "This is a fair budget for everyone."');
    expect(m.blocks[4]!.inBlockquote).toBe(true);
    expect(m.text).not.toContain('<script>');
    expect(m.text).not.toContain('alert');
  });

  it('attributes quotes in Markdown', () => {
    expect(who(m, 'fair budget')).toBe('Cllr Amy Hart');
    expect(who(m, 'watching closely')).toBe('Tom Reed');
  });
});
