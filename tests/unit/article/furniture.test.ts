// The copied-text rules, each on its own example lines: furniture lines are recognised,
// caption and credit lines become captions, and no rule ever takes a real sentence.
import { describe, expect, it } from 'vitest';
import { CAPTION_RULES, captionLine, creditStart, joinCaption } from '../../../core/article/captions';
import { FURNITURE_RULES, furnitureRule } from '../../../core/article/furniture';
import { parseArticle } from '../../../core/article/parse';

/** Sentences from articles that mention the things furniture is made of: none may be dropped. */
const PROSE = [
  'Video: the footage was shot by a neighbour, police said.',
  'What do you think?',
  'A post shared by the mayor drew 4,000 replies within an hour.',
  'This content is not available in the UK, the company said on Tuesday.',
  'Show more compassion, the bishop told the congregation.',
  'The advertisement, which ran for three weeks, was banned by the regulator.',
  'Advertising revenue fell by 12% in the third quarter, the company said.',
  'Register for a postal vote by 5pm on 12 June.',
  'Residents can sign up for the scheme at the library until Friday.',
  'She said the newsletter had been sent to 4,000 homes.',
  'Comments made by the minister on Tuesday were "deeply unhelpful", the union said.',
  'Share prices rose sharply after the announcement.',
  'Published in 1998, the report found that most roads were in poor condition.',
  'Updated figures show 3,000 more people waited over four hours.',
  'Related charges against his brother were dropped.',
  'More than 600 drivers were due to strike.',
  'Home owners in the area have been told to expect delays.',
  'Search teams found the missing walkers at 3am on Sunday.',
  'Cookies and cakes were sold to raise money for the library.',
  'Subscribers will pay £2 more a month from January.',
  'Image rights are a growing source of income for players.',
  'Photo booths were set up in the town hall.',
  'Listen to the full interview on BBC Sounds, she urged listeners.',
  'Read the report, and you will see why people are angry.',
  'Follow the signs to the car park, police advised drivers.',
  'On Monday at 9am the doors will open.',
  'Watch the full video on our website.',
  '“Share the road,” the campaign says.',
  'Tagged as a troublemaker at school, she never settled.',
  'Posted in 2019, the video has been viewed three million times.',
  'Next year the council will review the plan.',
  'Two responses to “the consultation” were received by Friday.',
  'Sam Ortiz is a former reporter who had been threatened; police urged anyone who saw him to contact them.',
  'Ann Bell covers the night shift at the hospital, she told the inquiry.',
  'Reply to the letter by 5 June, the council said.',
  'Click here to read the full report.',
  'Category 5 storm heads for the coast',
  'Get the email address of your MP from the council website.',
  'Tagged sharks return to Cape Cod',
  'Posted in Kabul for six months',
  'Council unveils new logo',
  'Three responses to ‘The end of the high street’',
  'The man is a freelance journalist, and police urged anyone who knows him to contact them on 555-1234.',
  'Get the email from your GP confirming the appointment',
  '“',
  'I would like to thank the firefighters, she said.',
  'Next story of the season',
  'Tags worth millions were seized at the port',
  // Timeline headings (a date without its day), and a live report's minute marks.
  'March 2020 - Lockdown',
  'December 2021, Omicron',
  '12 min',
];

describe('furniture line rules', () => {
  for (const rule of FURNITURE_RULES) {
    it(`${rule.name} recognises its examples`, () => {
      expect(rule.examples.length).toBeGreaterThan(0);
      for (const line of rule.examples) expect(rule.test(line), line).toBe(true);
    });
  }

  it('takes no real sentence, whatever words it shares with furniture', () => {
    expect(PROSE.map((s) => [s, furnitureRule(s)?.name ?? null]).filter(([, r]) => r !== null)).toEqual([]);
  });
});

describe('caption and credit line rules', () => {
  for (const rule of CAPTION_RULES) {
    it(`${rule.name} reads its examples`, () => {
      for (const { line, expect: kind } of rule.examples) expect(rule.read(line)?.kind, line).toBe(kind);
    });
  }

  it('reads prose as neither', () => {
    expect(PROSE.filter((s) => captionLine(s) !== null)).toEqual([]);
  });

  it('reads "Name/Outlet" under a caption as its credit, and a heading with a slash as no credit', () => {
    expect(captionLine('Ruth Alvarez/NPR')?.kind).toBe('credit');
    for (const heading of ['Labour Party Conference/Day Two', 'Israel Gaza/West Bank']) expect(captionLine(heading), heading).toBeNull();
  });

  it('finds the credit at the end of a caption in the forms US local papers use too', () => {
    for (const [caption, credit] of <[string, string][]>[
      ['A bus on Main Street on Friday. (Gazette photo / Ken Ortiz)', '(Gazette photo / Ken Ortiz)'],
      ['A bus on Main Street on Friday. (Staff photo by Ken Ortiz)', '(Staff photo by Ken Ortiz)'],
      ['Rosa Diaz with her grandson in 1998. (Courtesy of the Diaz family)', '(Courtesy of the Diaz family)'],
      ['Crews clear the road. (AP Photo/Jo Park)', '(AP Photo/Jo Park)'],
      ['A bus on Main Street. (Staff Photo by Ken Ortiz)', '(Staff Photo by Ken Ortiz)'],
      ['A bus on Main Street. (Gazette Photo/Ken Ortiz)', '(Gazette Photo/Ken Ortiz)'],
      ['Rosa Diaz in 1998. (Photo courtesy of the Diaz family)', '(Photo courtesy of the Diaz family)'],
      ['Crews at the fire line. (Photo provided by Cal Fire)', '(Photo provided by Cal Fire)'],
      ['The old mill in 1950. (File photo)', '(File photo)'],
      ['Skaters at the car park. Photo by Sam Ortiz/Riverside Gazette', 'Photo by Sam Ortiz/Riverside Gazette'],
      ['Rosa Diaz in 1998. Photo courtesy of the Diaz family', 'Photo courtesy of the Diaz family'],
      ['Crews at the fire line. Photos by Ann Lee', 'Photos by Ann Lee'],
      // Reach sites: the credit's label copied glued to the caption.
      ['The crossing on Mill Lane, where parents want lights installed(Image: Manchester Evening News)', '(Image: Manchester Evening News)'],
      // Washington Post: the photographer and the outlet in brackets (a first name we know starts it).
      ['A Metro train at the Rosslyn station on Nov. 24. (Craig Hudson/For The Washington Post)', '(Craig Hudson/For The Washington Post)'],
    ]) expect(caption.slice(creditStart(caption) ?? caption.length), caption).toBe(credit);
    // Prose that ends in brackets is no caption.
    for (const prose of ['The top three were Yesterday (Paul McCartney/John Lennon)', 'She shared the picture on Instagram (Image 2)', 'The council published the plan (see photo above)', 'He was pictured with his family (pictured)', 'The mayor posed for a photo by the fountain', 'The show has 40 prints. Photos by Ansel Adams will hang in the east wing.', 'Pictures courtesy of the family show him smiling.', 'She sold the Photo by Ansel Adams', 'The figures were collected by volunteers (courtesy of the Smith report)', 'Talks on the border went on for a week (Northern Ireland/Republic of Ireland)', 'The plan was backed by both parties (Labour/Liberal Democrats)']) expect(creditStart(prose), prose).toBeNull();
  });

  it('labels a bare credit and keeps it a separate range', () => {
    const c = joinCaption('Drivers had been due to walk out', 'Getty Images');
    expect(c.text).toBe('Drivers had been due to walk out Credit: Getty Images');
    expect(c.text.slice(c.creditAt)).toBe('Credit: Getty Images');
    expect(joinCaption('Volunteers at work.', 'Photograph: Jane Doe/PA').text).toBe('Volunteers at work. Photograph: Jane Doe/PA');
  });
});

describe('text copied from a news page', () => {
  // The example, in an invented BBC-style article: 14 of 35 items were furniture.
  const copied = [
    'Skip to content', 'British Broadcasting Corporation', 'Home', 'News', 'Sport', '',
    'Council to fill 10,000 potholes before winter', 'Published', '3 hours ago', 'Share', 'Save',
    'Nia Roberts', 'BBC News, Cardiff', 'Listen to this article', '',
    'Image source, Getty Images', 'Image caption, Crews have been working through the night', '',
    'The council says every reported pothole will be filled by the end of November.', '',
    'Advertisement', '',
    'Cllr Dafydd Evans said: "We know people are fed up, and we are listening."', '',
    'The advertisement for extra road crews drew 300 applicants, the council said.', '',
    'Getty Images', '',
    'Where the money comes from', '',
    'The work will cost £4m, paid for from reserves.', '',
    'Related Topics', 'Cardiff', 'Roads', '', 'More on this story', 'Potholes: Your questions answered', 'Published 2 days ago',
  ].join('\n');
  const model = parseArticle(copied);
  const kinds = model.blocks.map((b) => `${b.kind}: ${b.text}`);

  it('keeps the article and drops every furniture line', () => {
    expect(kinds).toEqual([
      'title: Council to fill 10,000 potholes before winter',
      'byline: Nia Roberts, BBC News, Cardiff',
      'caption: Crews have been working through the night Credit: Getty Images',
      'paragraph: The council says every reported pothole will be filled by the end of November.',
      'paragraph: Cllr Dafydd Evans said: "We know people are fed up, and we are listening."',
      'paragraph: The advertisement for extra road crews drew 300 applicants, the council said.',
      'caption: Credit: Getty Images',
      'heading: Where the money comes from',
      'paragraph: The work will cost £4m, paid for from reserves.',
    ]);
  });

  it('makes the image caption a caption whose credit can be skipped on its own', () => {
    const caption = model.blocks.find((b) => b.kind === 'caption')!;
    expect(caption.credit).not.toBeNull();
    expect(model.text.slice(caption.credit!.start, caption.credit!.end)).toBe('Credit: Getty Images');
  });

  it("ends a blog post's copied page at its comment section, and drops the writer's box with their name", () => {
    const para = (n: number) => `Paragraph ${n} of the post, long enough to be read as a paragraph of the article itself.`;
    const page = (top: string[]) => parseArticle([...top, 'Skate park approved', '', para(1), '', para(2), '', para(3), '', 'Tagged council, parks',
      'Dana Whitfield', 'Dana Whitfield covers local government for the Gazette. Reach her at dana@example.com.', 'Post navigation', 'Previous Post: Library hours',
      '2 thoughts on “Skate park approved”', 'Pat Greene', 'About time! My kids have skated in that car park for years and years, long enough.', 'Reply', 'Leave a Reply'].join('\n'));
    expect(page([]).blocks.map((b) => b.text)).toEqual(['Skate park approved', para(1), para(2), para(3)]);
    // The same heading before the article (a page's odd layout) ends nothing.
    const odd = page(['One response to “Skate park approved”', '']);
    expect(odd.blocks.map((b) => b.text)).toEqual(['Skate park approved', para(1), para(2), para(3)]);
  });

  it('reads a person\'s name alone under the headline as the byline, and a place there as no byline', () => {
    const story = 'The last of the town\'s three wells failed in October, and water is now trucked in from a neighbouring county.';
    expect(parseArticle(['A Kansas town runs out of water', 'Ruth Alvarez', story].join('\n')).byline).toBe('Ruth Alvarez');
    expect(parseArticle(['A Kansas town runs out of water', 'Kansas City', story].join('\n')).byline).toBeNull();
    for (const place of ['Chelsea Football Club', 'Madison Square Garden']) expect(parseArticle(['A Kansas town runs out of water', place, story].join('\n')).byline, place).toBeNull();
    // The outlet in capitals on the line under the name is part of the byline (USA TODAY, as copied).
    expect(parseArticle(['A Kansas town runs out of water', 'Ruth Alvarez', 'USA TODAY', story].join('\n')).blocks.map((b) => b.text)).toEqual(['A Kansas town runs out of water', 'Ruth Alvarez, USA TODAY', story]);
    // A dateline there is no outlet.
    expect(parseArticle(['A Kansas town runs out of water', 'Ruth Alvarez', 'WASHINGTON', story].join('\n')).byline).toBe('Ruth Alvarez');
  });

  it('joins a byline a page set on lines of its own ("By" / "Harriet Lowe," / "Local Government Correspondent"), its role kept out of the menu lines around it', () => {
    const m = parseArticle(['Bin strike to go ahead', 'Rubbish could pile up for a fortnight', 'By', 'Harriet Lowe,', 'Local Government Correspondent', '29 November 2026 • 6:00am',
      'Related Topics', 'Strikes', 'Unite', 'Birmingham', 'Bin collections across Birmingham will stop for two weeks from Monday after workers rejected the offer.'].join('\n'));
    expect(m.byline).toBe('By Harriet Lowe, Local Government Correspondent');
    expect(m.blocks.map((b) => b.text)).not.toContain('By');
  });

  it('reads "By" glued to the name ("ByLaura Pennington", as copied from a Reach page) with the role under it as the byline, and "BYU Cougars" as no byline', () => {
    const story = 'Parents at a Denton primary school say they are waiting for a set of traffic lights outside the gates.';
    const m = parseArticle(['Crossing still not fixed two years on', 'ByLaura Pennington', 'Local Democracy Reporter', '12:43, 30 NOV 2026', story].join('\n'));
    expect(m.byline).toBe('By Laura Pennington, Local Democracy Reporter');
    expect(m.blocks.map((b) => b.text)).toEqual(['Crossing still not fixed two years on', 'By Laura Pennington, Local Democracy Reporter', story]);
    expect(parseArticle(['Crossing still not fixed', 'ByLaura Pennington', story].join('\n')).byline).toBe('By Laura Pennington');
    for (const line of ['BYU Cougars', 'ByDesign Studio']) expect(parseArticle(['Surf season opens early', line, story].join('\n')).byline, line).toBeNull();
  });

  it('reads a slogan above the site\'s menu as no title ("Democracy Dies in Darkness" / Sign in / Local / D.C. / Maryland / Virginia), and a headline above topic links as the title', () => {
    const story = 'Metro will run trains every 12 minutes on its Red and Silver lines through at least mid-December, the agency said.';
    const m = parseArticle(['Democracy Dies in Darkness', 'Sign in', 'Local', 'D.C.', 'Maryland', 'Virginia', 'Metro riders face longer waits as inspections pull trains', '6 min', 'Gift Article', 'By Daniel Okafor and Priya Raman', story].join('\n'));
    expect(m.title).toBe('Metro riders face longer waits as inspections pull trains');
    expect(m.byline).toBe('By Daniel Okafor and Priya Raman');
    expect(m.blocks.map((b) => b.text)).toEqual([m.title, m.byline, story]);
    // A headline above topic links (no sign-in, no sections: no page chrome) stays the title.
    expect(parseArticle(['Metro cuts weekend rail service', 'Transportation', 'D.C.', 'Maryland', 'Virginia', 'Riders face longer waits from next month', story].join('\n')).title).toBe('Metro cuts weekend rail service');
    // "6 min" by the share buttons is the reading time; a live report's "12 min" on a line of its own is kept.
    expect(parseArticle(['Metro cuts service', '6 min', 'Share', story].join('\n')).text).not.toContain('6 min');
    expect(parseArticle(['Live: England v France', '', story, '', '12 min', '', 'England kick a penalty.'].join('\n')).blocks.map((b) => b.text)).toContain('12 min');
  });

  it('drops the writers\' bios at the end, when they start with a name the byline gives; a paragraph about another reporter stays', () => {
    const story = 'Metro will run trains every 12 minutes on its Red and Silver lines through at least mid-December, the agency said.';
    const bios = ['Daniel Okafor covers transportation for The Washington Post. He previously covered local government.', 'Priya Raman is a reporter on the Local desk.'];
    expect(parseArticle(['Metro cuts service', 'By Daniel Okafor and Priya Raman', story, ...bios].join('\n')).blocks.map((b) => b.text)).toEqual(['Metro cuts service', 'By Daniel Okafor and Priya Raman', story]);
    const other = 'Ann Bell is a reporter for the Ledger who broke the story in June.';
    expect(parseArticle(['Metro cuts service', 'By Daniel Okafor', story, other].join('\n')).blocks.map((b) => b.text)).toContain(other);
    // A longer paragraph about one of them is the story's.
    const story2 = 'Daniel Okafor covers transportation for the paper, but for twenty years he sat next to Ruth Ames, who taught him everything he knows about the city and its people, and who died on Sunday.';
    expect(parseArticle(['Metro cuts service', 'By Daniel Okafor', story, story2].join('\n')).blocks.map((b) => b.text)).toContain(story2);
    // Without a byline nothing is dropped.
    expect(parseArticle(['Metro cuts service', story, bios[1]!].join('\n')).blocks.map((b) => b.text)).toContain(bios[1]);
  });

  it('never makes a junk line a heading', () => {
    const junk = parseArticle(['A short title here', '', 'First paragraph of the story, which goes on for a while.', '', 'Getty Images', '', 'BBC', '', 'Second paragraph, also a proper sentence of some length.', '', 'Top', '', 'Bristol', '', 'Third paragraph.'].join('\n'));
    expect(junk.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([]);
  });

  it('reads "Name, Role" on one line under the title as the byline ("Tom Whitfield, Crime Correspondent"), and "Name, place" as none', () => {
    const story = 'A former headteacher accused of covering up an injury to a pupil has been cleared by a jury.';
    expect(parseArticle(['Headteacher cleared', 'Tom Whitfield, Crime Correspondent', story].join('\n')).byline).toBe('Tom Whitfield, Crime Correspondent');
    expect(parseArticle(['Headteacher cleared', 'Tom Whitfield, Norwich', story].join('\n')).byline).toBeNull();
  });

  it('reads a name and a role run together on one line under the title as the byline', () => {
    const m = parseArticle(['Title of the story goes here', '', 'Joanna Pryce Transport correspondent', '', 'First paragraph of the story, which goes on for a while.'].join('\n'));
    expect(m.byline).toBe('Joanna Pryce, Transport correspondent');
    const notByline = parseArticle(['Title of the story goes here', '', 'Residents Fight Back', '', 'First paragraph of the story, which goes on for a while.'].join('\n'));
    expect(notByline.byline).toBeNull();
  });

  it('keeps "By" out of the name when it splits a name from a role, and leaves a name that is also a role word whole', () => {
    const byline = (line: string) => parseArticle(['Title of the story goes here', '', line, '', 'First paragraph of the story, which goes on for a while.'].join('\n')).byline;
    expect(byline('By Hugh Pym Health editor')).toBe('By Hugh Pym, Health editor');
    // "Writer" is a role word: a name alone after "By" is not split.
    expect(byline('By Jo Writer')).toBe('By Jo Writer');
    // Two writers are not split at "and".
    expect(byline('By Jo Smith and Ann Lee Staff Writers')).toBe('By Jo Smith and Ann Lee Staff Writers');
    expect(byline('By Sarah Cook')).toBe('By Sarah Cook');
    // The role starts after the name's last word, not at a surname.
    expect(byline('By Mary Ann Smith Political editor')).toBe('By Mary Ann Smith, Political editor');
    // An agency's name in capitals.
    expect(byline('By JORDAN ELLISON AP Sports Writer')).toBe('By JORDAN ELLISON, AP Sports Writer');
  });

  it('joins "Image caption," and "Image source," left alone on their lines to the line they label', () => {
    const m = parseArticle(['Title of the story goes here', '', 'Image source,', 'Harbour Trust', 'Image caption,', 'Volunteers cleared the slipway on Sunday', '', 'First paragraph of the story, which goes on for a while.'].join('\n'));
    expect(m.blocks.map((b) => `${b.kind}: ${b.text}`)).toEqual([
      'title: Title of the story goes here',
      'caption: Volunteers cleared the slipway on Sunday Credit: Harbour Trust',
      'paragraph: First paragraph of the story, which goes on for a while.',
    ]);
  });

  it('keeps the credit at the end of an "Image caption," line apart, and reads "Image source, X Image caption, Y" on one line as a caption and its credit', () => {
    const story = 'First paragraph of the story, which goes on for a while.';
    const withCredit = parseArticle(['Title of the story goes here', '', 'Image caption, Commuters at London Waterloo faced delays on Tuesday. Credit: PA Media', '', story].join('\n'));
    const caption = withCredit.blocks.find((b) => b.kind === 'caption')!;
    expect(caption.text).toBe('Commuters at London Waterloo faced delays on Tuesday. Credit: PA Media');
    expect(withCredit.text.slice(caption.credit!.start, caption.credit!.end)).toBe('Credit: PA Media');
    const oneLine = parseArticle(['Title of the story goes here', '', 'Image source, Getty Images Image caption, Nurses on a ward at a London hospital', '', story].join('\n'));
    const both = oneLine.blocks.find((b) => b.kind === 'caption')!;
    expect(both.text).toBe('Nurses on a ward at a London hospital Credit: Getty Images');
    expect(oneLine.text.slice(both.credit!.start, both.credit!.end)).toBe('Credit: Getty Images');
  });

  it('reads a credit line under a short line as that photo\'s caption', () => {
    const m = parseArticle(['Title of the story goes here', '', 'First paragraph of the story, which goes on for a while.', '', 'Volunteers fill sandbags on Friday', 'Photo: Dana Whitfield / The Ledger', '', 'Second paragraph.'].join('\n'));
    expect(m.blocks.map((b) => b.kind)).toEqual(['title', 'paragraph', 'caption', 'paragraph']);
    expect(m.blocks[2]!.text).toBe('Volunteers fill sandbags on Friday Photo: Dana Whitfield / The Ledger');
  });
});
