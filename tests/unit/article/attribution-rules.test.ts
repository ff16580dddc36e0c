// One test per attribution rule, each on sentences written for it (none from any corpus).
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../core/article/parse';
import { RECIPIENT_BEFORE, beforeIrregularPast, cueAfter, describedThenNamed, describingSegments, invertedDescription, isFirstPerson, openingSubject, statementIssuer } from '../../../core/article/attribution';
import { clauseSubjects, isClauseSubject, nounPhraseBeforeVerb } from '../../../core/article/noun-phrase';
import { leadingDescriptors, notASpeaker, withoutLeadingTime } from '../../../core/article/speaker-check';
import { isAcronym, readName, withSharedSurname } from '../../../core/article/people';
import { isPluralNounAfter } from '../../../core/article/judging-verbs';
import { isWorkTitle } from '../../../core/article/work-titles';
import { definiteSubjects, describedSubjects } from '../../../core/article/definite-descriptions';

/** Each quote of a small article as "quote text -> speaker name" (or "-" for none). */
function speakers(body: string, format: 'text' | 'markdown' = 'text'): Record<string, string> {
  const model = parseArticle(`Headline for the test\n\n${body}`, { format });
  const names = new Map(model.speakers.map((s) => [s.id, s.name]));
  return Object.fromEntries(model.quotes.map((q) => [q.text, q.speakerId ? names.get(q.speakerId)! : '-']));
}
const describe1 = (body: string) => {
  const model = parseArticle(`Headline for the test\n\n${body}`);
  return model.speakers.map((s) => ({ name: s.name, description: s.description }));
};

describe('never a speaker: the phrase where a speaker would stand names something else', () => {
  it.each([
    ['Wednesday', 'time'], ['Last week', 'time'], ['Libya', 'place'], ['South Carolina', 'place'],
    ['Twitter', 'platform'], ['on Facebook', 'preposition'], ['his website', 'platform'],
    ['A letter', 'document'], ['The Sanders interview', 'document'], ['In his remarks', 'preposition'],
    ['came from a rival camp', 'clause'], ['But', 'fragment'], ['HIGHER TURNOUT IN OHIO', 'headline'],
  ])('%s is a %s', (phrase, reason) => expect(notASpeaker(phrase)).toBe(reason));
  it.each(['Maria Lopez', 'the spokesman', 'she', 'The county council', 'a senior aide', 'Tesco', 'the Portuguese'])('%s can speak', (phrase) => {
    expect(notASpeaker(phrase)).toBeNull();
  });
  it('a quote whose only candidate is a day or a platform gets no speaker', () => {
    expect(speakers('Tuesday, saying that the plan was "dead on arrival in the Senate this year," the bill stalled.')).toEqual({ 'dead on arrival in the Senate this year,': '-' });
    expect(speakers('The mayor wrote on Facebook, adding that crews were "working around the clock."')['working around the clock.']).not.toBe('Facebook');
  });
  it('a description is a person or a body of people, not a clause or a thing', () => {
    expect(speakers('"We saw nothing like it," a neighbour said.')).toEqual({ 'We saw nothing like it,': 'A neighbour' });
    expect(speakers('The report comes two days after the storm "flattened half the town."')['flattened half the town.']).toBe('-');
  });
});

describe('clean speaker names: the name the listener hears is the name', () => {
  it('party and place words before a name are its description', () => {
    expect(leadingDescriptors(['Republican', 'Anna', 'Keller'])).toBe(1);
    expect(leadingDescriptors(['Ohio', 'Sen.', 'Mark', 'Dale'])).toBe(1);
    expect(leadingDescriptors(['Maria', 'Lopez'])).toBe(0);
    expect(describe1('"We will not back down," Republican Anna Keller said.')).toEqual([{ name: 'Anna Keller', description: 'Republican' }]);
  });
  it('people known by a name and a plural noun ("Marsh supporters", "Passenger groups") are those people, not the name', () => {
    expect(speakers('Marsh supporters said the ruling was "a betrayal of everyone who voted".')).toEqual({ 'a betrayal of everyone who voted': 'Marsh supporters' });
    expect(speakers('Passenger groups said the timing, just before the holidays, was "the worst imaginable".')).toEqual({ 'the worst imaginable': 'Passenger groups' });
    expect(speakers('"We were never consulted," Dale Keller aides said.')).toEqual({ 'We were never consulted,': 'Dale Keller aides' });
    // A verb after the name is no plural noun.
    expect(speakers('"We were never consulted," Keller says.')).toEqual({ 'We were never consulted,': 'Keller' });
  });
  it('where a person is from is not part of the name ("Sen. Ada Marsh of Kentucky"), but an organisation keeps its "of"', () => {
    expect(readName(['Sen.', 'Ada', 'Marsh', 'of', 'Kentucky'])?.full).toBe('Sen. Ada Marsh');
    expect(readName(['Bank', 'of', 'England'])?.full).toBe('Bank of England');
  });
  it('a role noun that is no title, capitalised to start a sentence, describes the name after it', () => {
    expect(leadingDescriptors(['Resident', 'Joan', 'Pryce'])).toBe(1);
    expect(leadingDescriptors(['Senator', 'Joan', 'Pryce'])).toBe(0);
    expect(leadingDescriptors(['Marlow', 'County', 'Sheriff', 'Dana', 'Holt'])).toBe(2);
    expect(leadingDescriptors(['County', 'Sheriff', 'Dana', 'Holt'])).toBe(1);
    expect(leadingDescriptors(['District', 'Attorney', 'Dana', 'Holt'])).toBe(0);
    expect(describe1('Witness Tom Hale told reporters: "The car did not even slow down."')).toEqual([{ name: 'Tom Hale', description: 'Witness' }]);
  });
  it('a rank of two words stays in the name, and is not said again as the description', () => {
    expect(describe1('Detective Inspector Helen Marsh said: "These criminals are ruthless."')).toEqual([{ name: 'Detective Inspector Helen Marsh', description: null }]);
    expect(describe1('Chief Constable Ann Bell said: "We are ready."')).toEqual([{ name: 'Chief Constable Ann Bell', description: null }]);
  });
  it('a time word before the speaker sets the scene', () => {
    expect(withoutLeadingTime('Sunday the Rev. Paul Okafor')).toBe('the Rev. Paul Okafor');
    expect(speakers('Sunday the Rev. Paul Okafor told the congregation: "Hope is a discipline."')).toEqual({ 'Hope is a discipline.': 'Rev. Paul Okafor' });
  });
  it('what the speaker was doing is not part of the name or description', () => {
    expect(describe1('"It was a blunder," said Tom Brandt, speaking of the budget.')).toEqual([{ name: 'Tom Brandt', description: null }]);
  });
  it('where and when it was said is the occasion, and so is what follows it', () => {
    expect(describingSegments(['Ann Bell', '34', 'a retired nurse'])).toBe('a retired nurse');
    expect(describingSegments(['Tom Reid', 'in Leeds'])).toBeNull();
    expect(describingSegments(['Priya Shah', 'the council leader', 'on Thursday', 'hours after the vote'])).toBe('the council leader');
    expect(describingSegments(['Jo Pike', 'who asked not to be named', 'a neighbour'])).toBeNull();
    expect(describingSegments(['Sam Lee', 'before the meeting', 'a closed session'])).toBeNull();
    expect(describe1('"We will appeal," said Priya Shah, the council leader, on Thursday, hours after the vote.')).toEqual([{ name: 'Priya Shah', description: 'the council leader' }]);
    expect(describe1('"The buses will run," Mayor Dan Ortiz, in a letter to families, wrote.')).toEqual([{ name: 'Mayor Dan Ortiz', description: null }]);
  });
});

describe('the subject right before the verb', () => {
  it('skips scene-setting and appositives', () => {
    const region = 'On Friday at a rally in Dayton, after a long week, Gov. Lena Marsh (D-Ohio), ';
    expect(nounPhraseBeforeVerb(region, 0)?.phrase).toBe('Gov. Lena Marsh');
    expect(nounPhraseBeforeVerb('Owen Pike, the firm’s founder, ', 0)?.phrase).toBe('Owen Pike, the firm’s founder');
    expect(nounPhraseBeforeVerb('In a statement, an elderly widow from Leeds, who asked not to be named, ', 0)?.phrase).toBe('an elderly widow from Leeds, who asked not to be named');
  });
  it('an appositive ending in a name names the speaker, and "who did this" is no speaker', () => {
    expect(speakers('Another walker, retired teacher Ann Pryce, 71, who helped carry the boy home, described the storm as "like nothing I have seen in my life."'))
      .toEqual({ 'like nothing I have seen in my life.': 'Ann Pryce' });
  });
  it('takes a lower-case description leading into the name after a quote', () => {
    expect(speakers('"Prices will fall," former treasurer Ruth Abara said.')).toEqual({ 'Prices will fall,': 'Ruth Abara' });
  });
  it('a participle after a comma has the main clause’s subject', () => {
    expect(speakers('Ruth Abara criticised Tom Brandt on Monday, calling his plan "a fantasy."')).toEqual({ 'a fantasy.': 'Ruth Abara' });
  });
  it('any past-tense verb right after a quote attributes it', () => {
    expect(speakers('"Get out of my office," Tom Brandt snapped.')).toEqual({ 'Get out of my office,': 'Tom Brandt' });
  });
});

describe('organisations speak', () => {
  it.each([
    ['"The figures do not add up," the Evening Courier reported.', 'Evening Courier'],
    ['"Spending rose by a third," according to the National Audit Office.', 'National Audit Office'],
    ['The Security Council called it "a grave breach of the ceasefire."', 'Security Council'],
  ])('%s', (body, who) => expect(Object.values(speakers(body))).toEqual([who]));
  it('capitalised words after "of" end an organisation\'s name: no person is made of them', () => {
    const [who] = Object.values(speakers('The Royal College of Tropical Medicine said the findings were "deeply worrying for the region."'));
    expect(who).toContain('Royal College of Tropical Medicine');
  });
});

describe('formats: lists, transcripts, dash lines', () => {
  it('"Name, 34, of Phoenix:" and "Name:" introduce what follows', () => {
    expect(speakers('Maria Lopez, 34, of Phoenix: "I have never seen prices like this."\n\nJim Hardy: "We were told nothing at all."')).toEqual({
      'I have never seen prices like this.': 'Maria Lopez', 'We were told nothing at all.': 'Jim Hardy',
    });
  });
  it('"— Name, role" after a quote, on the same line or the next', () => {
    expect(speakers('"We will rebuild the school before winter." — Cllr Priya Shah, council leader')).toEqual({ 'We will rebuild the school before winter.': 'Cllr Priya Shah' });
    expect(speakers('"Nobody asked the parents."\n\n— Tom Reed, parent governor')).toEqual({ 'Nobody asked the parents.': 'Tom Reed' });
  });
  it('"— Name" after a Markdown block quote makes the block quote a quote', () => {
    expect(speakers('> We will rebuild the school before winter.\n> The parents deserve nothing less.\n\n— Cllr Priya Shah, council leader', 'markdown'))
      .toEqual({ 'We will rebuild the school before winter. The parents deserve nothing less.': 'Cllr Priya Shah' });
  });
  it('a tweet or statement quoted whole after its introduction', () => {
    expect(speakers('Mayor Tom Brandt wrote on X: "The bridge reopens at noon. Thank you for your patience!"')).toEqual({
      'The bridge reopens at noon. Thank you for your patience!': 'Mayor Tom Brandt',
    });
  });
});

describe('titles are not speech', () => {
  it('recognises a quoted title by its case and what leads into it', () => {
    expect(isWorkTitle('Meet the Voters', 'told NBC’s ')).toBe(true);
    expect(isWorkTitle('The Long Road Home,', 'in her memoir ')).toBe(true);
    expect(isWorkTitle('a total disaster', 'called it ')).toBe(false);
  });
  it('a show named in a sentence is not a quote of its guest', () => {
    expect(speakers('Senator Ruth Abara told ABC’s "Morning Report" that the vote was "a total disaster."')).toEqual({ 'a total disaster.': 'Senator Ruth Abara' });
  });
});

describe('terms are not speech', () => {
  it('a short quote after "known as", "nicknamed" or "the phrase" is a term, not a quote', () => {
    expect(speakers('Officials said the drivers used a route known in the trade as "the back lane" to avoid tolls.')).toEqual({});
    expect(speakers('Tom Brandt said the phrase "rainy day fund" meant nothing to voters.')).toEqual({});
  });
});

describe('pronouns and paragraphs', () => {
  it('"she" after several people goes to the most recent woman who is a clause subject', () => {
    expect(isClauseSubject('Local councillor Priya Shah said the works were overdue.', 17, 27)).toBe(true);
    expect(isClauseSubject('The council thanked Priya Shah for her work.', 20, 30)).toBe(false);
    expect(clauseSubjects('After Anna Keller spoke, Priya Shah said', 0).map((s) => s.phrase)).toEqual(['Anna Keller', 'Priya Shah']);
    expect(clauseSubjects('Sanders praised Anna Keller for her work', 0).map((s) => s.phrase)).toEqual(['Sanders']);
    const body = 'Maria Lopez chaired the meeting.\n\nLocal councillor Priya Shah said the repairs were overdue, and thanked Maria Lopez for her patience.\n\n"It has taken far too long," she said. "But we are getting there now," she added.';
    expect(Object.values(speakers(body))).toEqual(['Priya Shah', 'Priya Shah']);
  });
  it('a bare quote paragraph continues the subject of the paragraph before', () => {
    const body = 'Ruth Abara is confident about the vote, in part because she sees Tom Brandt as an ally.\n\n"We have the numbers, and everyone knows it."';
    expect(speakers(body)).toEqual({ 'We have the numbers, and everyone knows it.': 'Ruth Abara' });
  });
  it('"The Welshman admitted …" is the person the passage is about, so "he said" after it is theirs', () => {
    expect(definiteSubjects('The Welshman admitted it was close. The 29-year-old grandmother-of-two smiled. The Brazilian said no.').map((d) => [d.phrase, d.gender]))
      .toEqual([['The Welshman', 'male'], ['The 29-year-old', 'female'], ['The Brazilian', null]]);
    expect(definiteSubjects('The council said no. The American Red Cross said yes. The old man waved.').filter((d) => !d.body)).toEqual([]);
    const body = 'Gareth Pryce, who took charge in March, told Radio Wales: "We never stopped believing."\n\nUnited went ahead when Owen Hale\'s free kick was headed in by Dan Moss.\n\nThe Welshman admitted his side had been fortunate.\n\n"We rode our luck in the second half," he said.';
    expect(speakers(body)['We rode our luck in the second half,']).toBe('Gareth Pryce');
  });
  it('relatives share a surname, not a first name: "Chloe Dunne" is not "Margaret Dunne", and the surname alone stays with the first', () => {
    const body = 'Margaret Dunne, 84, died in hospital on Sunday.\n\nHer granddaughter Chloe Dunne paid tribute on Facebook, writing: "Nana was the kindest person you could meet."\n\nMargaret Dunne once told the local paper: "I have never been bored a day in my life."';
    expect(Object.values(speakers(body))).toEqual(['Chloe Dunne', 'Margaret Dunne']);
  });
  it('the last word of a full name is not read alone as a first name (a woman surnamed "Hassan" is no man)', () => {
    const body = 'Margaret Okoro, who runs the food bank, said demand had doubled.\n\nThe shadow housing minister, Amira Hassan, said the figures were "a warning we cannot ignore".\n\n"Families are choosing between heating and eating," she said.';
    expect(Object.values(speakers(body))).toEqual(['Amira Hassan', 'Amira Hassan']);
  });
  it('"the 52-year-old grandmother-of-three said" refers back to the woman just named (hyphenated compounds are one noun)', () => {
    const body = 'Janet Crowley, from Barnsley, had just locked her car when the tree came down.\n\nThe 52-year-old grandmother-of-three said: "It missed me by a foot. I keep thinking about what could have happened."';
    expect(Object.values(speakers(body))).toEqual(['Janet Crowley']);
  });
});

describe('where news puts the speaker', () => {
  it('a dash ends the narrator\'s sentence into a full quote as a colon does: its subject speaks', () => {
    const story = 'Mayor Ann Bell met the striking nurses on Monday. Bell also backed their demands';
    for (const dash of [' --', ' —', ' –', ':']) {
      expect(speakers(`${story}${dash} "I think the offer is an insult to every nurse in this city."`)).toEqual({ 'I think the offer is an insult to every nurse in this city.': 'Mayor Ann Bell' });
    }
    // A dash inside a word is no such dash.
    expect(speakers('The council signed a long-term lease for the two-storey "Harbour House" building.')).toEqual({});
  });
  it('a full quote may follow the condition it is said on ("says if re-elected")', () => {
    const story = 'Mayor Ann Bell spoke to the union on Monday.';
    expect(speakers(`${story} Bell says if re-elected "I will work very, very closely with the unions."`)).toEqual({ 'I will work very, very closely with the unions.': 'Mayor Ann Bell' });
    expect(speakers(`${story} Bell said when the vote came "We will find the money somewhere."`)).toEqual({ 'We will find the money somewhere.': 'Mayor Ann Bell' });
  });
  it('an inverted attribution later in the sentence', () => {
    expect(speakers('"We are delighted" with the result, said Dana Ortiz, director of the food bank.')).toEqual({ 'We are delighted': 'Dana Ortiz' });
  });
  it('the noun phrase right before the verb, after other words following the quote', () => {
    expect(speakers('"Fewer buses" would hurt shift workers most, union organiser Kemi Adeyemi said on Friday.')).toEqual({ 'Fewer buses': 'Kemi Adeyemi' });
  });
  it('a name right after a quote is a name even when it is also a word or a town', () => {
    expect(speakers('"The farm was all we had," Sharp said.')).toEqual({ 'The farm was all we had,': 'Sharp' });
  });
  it('the name right before a colon introduces the quote', () => {
    expect(speakers('The result did not surprise pollster Dana Ortiz: "Late deciders always break for the challenger."')).toEqual({ 'Late deciders always break for the challenger.': 'Dana Ortiz' });
  });
  it('a sentence ending in its speech verb introduces the quote after it', () => {
    expect(speakers('Kemi Adeyemi, the union’s organiser, said in a statement. "Nobody consulted the drivers."')).toEqual({ 'Nobody consulted the drivers.': 'Kemi Adeyemi' });
  });
  it('a speech verb after a possessive is a noun, not the verb of the quote', () => {
    expect(speakers('Mayor Tom Brandt told reporters that Abara’s comments "crossed a line on Tuesday."')).toEqual({ 'crossed a line on Tuesday.': 'Mayor Tom Brandt' });
  });
  it('"known as" gives the name of a speaker introduced by role', () => {
    expect(speakers('"Nobody told us to wait," said the station chief known as Ray, speaking for the first time.')).toEqual({ 'Nobody told us to wait,': 'Ray' });
  });
  it('a headline run into a paragraph is no speaker’s name', () => {
    expect(Object.values(speakers('Budget Talks Were A Sign Of Trouble Ahead Tom Brandt said the council "will need a new plan by spring."'))).not.toContain('Budget Talks Were A Sign Of Trouble Ahead Tom Brandt');
  });
});

describe('who may speak: people of politics and the press', () => {
  it.each([
    ['"It was a setback," said one Democrat familiar with the talks.', 'One Democrat familiar with the talks'],
    ['"Enough is enough," wrote a Harmon supporter.', 'A Harmon supporter'],
    ['"Will the budget pass?" a council staffer wondered.', 'A council staffer'],
  ])('%s', (body, who) => expect(Object.values(speakers(body))).toEqual([who]));
  it('a name after an organisation’s possessive is the speaker, the organisation describes', () => {
    expect(describe1('"Turnout will be low," the Gazette’s Nora Vance wrote.')).toEqual([{ name: 'Nora Vance', description: 'Gazette’s' }]);
  });
  it('a county, a tower or a hotel is a place, whatever first name it starts with', () => {
    expect(readName(['Jefferson', 'County'])?.person).toBe(false);
    expect(readName(['Harmon', 'Tower', 'Leeds'])?.person).toBe(false);
    expect(readName(['Jefferson', 'Pike'])?.person).toBe(true);
  });
  it('what the speaker went on to do after the name is not part of the speaker phrase', () => {
    const body = '"We are ready," said Don Pike, the party chairman for Ulster County, explaining that the canvassing had gone well over the past three weeks of hard work across the whole of the county and in every one of its towns and villages.';
    expect(speakers(body)).toEqual({ 'We are ready,': 'Don Pike' });
  });
});

describe('a partial quote is speech when its subject says, writes or judges', () => {
  it('a verb of saying or judging between the subject and the quote', () => {
    expect(speakers('Senator Ada Marsh blasted the plan as "reckless and cruel."')).toEqual({ 'reckless and cruel.': 'Senator Ada Marsh' });
    expect(speakers('Mayor Tom Brandt released a statement condemning "an act of mindless vandalism."')).toEqual({ 'an act of mindless vandalism.': 'Mayor Tom Brandt' });
  });
  it('otherwise the quoted words are a term, a name or a scare quote: no speaker', () => {
    expect(speakers('The Lindell Party launched its "fresh start initiative" in the spring.')).toEqual({});
    expect(speakers('Mayor Tom Brandt flew to Dover for what aides billed as a "listening tour" of the coast.')).toEqual({});
    expect(speakers('Ruth Abara spent the weekend in Leeds, where the floods had left "nothing but mud and broken furniture."')).toEqual({ 'nothing but mud and broken furniture.': '-' });
  });
  it('an adjective before a plural noun ("many European states") is no subject judging, even when the article named it before', () => {
    const body = 'Moscow\'s ambitious Central European plans did not go down well, at least initially, in Brussels.\n\n' +
      'The pact has divided opinion in many European states, and it has used "soft power" in its dealings with the region, said Anna Berg, a researcher at the institute.';
    expect(speakers(body)).toEqual({ 'soft power': 'Anna Berg' });
  });
});

describe('the clause after a quote: attribution or the narrator’s next sentence', () => {
  it('a clause opened by "while", "whereas", "although" … after a quote is the narrator going on: its subject says something else', () => {
    expect(speakers('The council said it would "review the plan" but "not rush into anything," while Mayor Ann Bell suggested the vote could come sooner.'))
      .toEqual({ 'review the plan': 'The council', 'not rush into anything,': 'The council' });
    // ...but "as X put it" and "X said, while …" still attribute.
    expect(speakers('"It was a mistake," as Mayor Ann Bell put it.')).toEqual({ 'It was a mistake,': 'Mayor Ann Bell' });
    expect(speakers('"We will rebuild," Ann Bell said, while the crowd cheered.')).toEqual({ 'We will rebuild,': 'Ann Bell' });
  });
  it('a long sentence after a quote that ends its sentence is no attribution', () => {
    expect(speakers('"The vote will be close in our county." Ruth Abara endorsed the rival candidate in the district on Monday, saying she had no choice after weeks of talks.'))
      .toEqual({ 'The vote will be close in our county.': '-' });
  });
  it('a clause ending in a colon introduces the next quote, even after a partial quote', () => {
    expect(speakers('After Tom Pike said pupils would do better at "smaller and quieter schools," Ruth Abara said: "I do not agree with him at all."')).toEqual({
      'smaller and quieter schools,': 'Tom Pike', 'I do not agree with him at all.': 'Ruth Abara',
    });
  });
  it('an attribution right after a partial quote beats the subject before it', () => {
    expect(speakers('When Jo Pike spoke at the rally, he "struck a chord with every teacher in the hall," said Ann Bell, a union steward.'))
      .toEqual({ 'struck a chord with every teacher in the hall,': 'Ann Bell' });
  });
  it('a participle after a quote goes on with the sentence: its object does not speak', () => {
    expect(speakers('Ruth Abara praised the vote as "historic," telling reporters in Leeds that it was "a great day for the town."')).toEqual({
      'historic,': 'Ruth Abara', 'a great day for the town.': 'Ruth Abara',
    });
  });
  it('the object of a preposition is not the speaker; the noun phrase it belongs to is', () => {
    expect(speakers('"This will be hard" for the mayor, said Ann Bell.')).toEqual({ 'This will be hard': 'Ann Bell' });
    expect(speakers('"Costs will double," senior analysts Ann Bell and Jo Pike of the Northern Institute for Rail and Road Studies wrote in May.'))
      .toEqual({ "Costs will double,": "Senior analysts Ann Bell and Jo Pike of the Northern Institute for Rail and Road Studies" });
  });
  it('an inverted attribution between commas inside the sentence before a quote', () => {
    expect(speakers('The paradox of the plan, says Jo Pike, a historian at Leeds, is that it was "both too early and too late."')).toEqual({ 'both too early and too late.': 'Jo Pike' });
  });
  it('an -s word after a quantifier or an adjective is a plural noun, not a speech verb', () => {
    expect(isPluralNounAfter('many', 'states')).toBe(true);
    expect(isPluralNounAfter('Asian', 'states')).toBe(true);
    expect(isPluralNounAfter('she', 'states')).toBe(false);
  });
});

describe('the subject before the verb, read whole', () => {
  it('the name in "X released the following statement:" before a quote paragraph', () => {
    expect(speakers('When Ann Bell retired in 2001, Governor Tom Pike released the following statement:\n\n"Ann served this state with grace and good humour."'))
      .toEqual({ 'Ann served this state with grace and good humour.': 'Governor Tom Pike' });
  });
  it('every title of a run belongs to the name', () => {
    expect(speakers('"Trust is broken," said Ohio Attorney General Ruth Abara.')).toEqual({ 'Trust is broken,': 'Attorney General Ruth Abara' });
  });
  it('a relative clause with its own verb is an appositive', () => {
    expect(speakers('Ann Bell, a veteran organiser who had tried to start a union at the plant, said, "We are not done yet."')).toEqual({ 'We are not done yet.': 'Ann Bell' });
  });
  it('"leaders of the federation" speak, not the federation', () => {
    expect(speakers('Leaders of the federation have said they want "a fair deal for every worker in every town."')).toEqual({ 'a fair deal for every worker in every town.': 'Leaders of the federation' });
  });
  it('a participle phrase describes the noun phrase before it, and is not part of the name', () => {
    expect(speakers('Another source speaking to the Gazette said, "The talks have collapsed."')).toEqual({ 'The talks have collapsed.': 'Another source' });
  });
  it('a pair of dashes is an aside, like brackets', () => {
    expect(speakers('Jo Pike — named by the Gazette as a likely candidate — told reporters that "anything is possible in this race."')).toEqual({ 'anything is possible in this race.': 'Jo Pike' });
  });
  it('Arabic and European particles join a name ("al-Awlaki")', () => {
    expect(readName(['Anwar', 'al-Awlaki'])?.full).toBe('Anwar al-Awlaki');
  });
  it('"Central Asia" is a place, "Priorities Now" is no place', () => {
    expect(readName(['Central', 'Asia'])?.person).toBe(false);
    expect(notASpeaker('Priorities Now')).toBeNull();
  });
  it('a term introduced as "the loaded term" is no quote', () => {
    expect(speakers('She avoided the loaded term, "class war," in her speech to the union.')).toEqual({});
  });
});

describe('a speaker set off by commas inside the narrator’s sentence', () => {
  it('"The town, she said, was …": the pronoun speaks, not the subject before it', () => {
    expect(speakers('"We tried hard all year," Ann Bell said. "We failed in the end." The town, she said, was "never going to forgive us for it."')).toEqual({
      'We tried hard all year, We failed in the end.': 'Ann Bell', 'never going to forgive us for it.': 'Ann Bell',
    });
  });
  it('"South Yorkshire, she said, was …": the pronoun speaks, not the place before it', () => {
    expect(speakers('"We tried hard all year," Ann Bell said. "We failed in the end." South Yorkshire, she said, was "never going to forgive us for it."')).toEqual({
      'We tried hard all year, We failed in the end.': 'Ann Bell', 'never going to forgive us for it.': 'Ann Bell',
    });
  });
  it('"Leeds, Jo Pike said, is …": a name between commas speaks, and that sentence is the next quote’s, not the one before', () => {
    expect(speakers('"We tried hard all year," Ann Bell said. "We failed in the end." Leeds, Jo Pike said, is "the best city in the whole of the north."')).toEqual({
      'We tried hard all year, We failed in the end.': 'Ann Bell', 'the best city in the whole of the north.': 'Jo Pike',
    });
  });
});

describe('a quote after the narrator’s sentence about a speaking person', () => {
  it('"Ann Bell ruled out a merger, saying …. "…"": the subject who says speaks the quote that follows', () => {
    expect(speakers('The vote is on Friday. Ann Bell ruled out a merger with the rival club, saying the members could stand alone. "We have the money and the players to do it."'))
      .toEqual({ 'We have the money and the players to do it.': 'Ann Bell' });
  });
  it('a sentence whose subject does not say or judge attributes nothing', () => {
    expect(speakers('The vote is on Friday. Ann Bell drove to the ground with the rival club’s owner. "The car park was full by noon."'))
      .toEqual({ 'The car park was full by noon.': '-' });
  });
});

describe('a subordinate clause after a quote is no attribution', () => {
  it('"Given his past comments on …" names nobody', () => {
    expect(cueAfter(' Given his past comments on the budget and the new rail line for the ', 0)).toBeNull();
    expect(cueAfter(' Despite her many remarks about the budget, the ', 0)).toBeNull();
    expect(cueAfter(' Jo Pike comments on the budget for the ', 0)?.phrase).toBe('Jo Pike');
  });
});

describe('a speech verb and "that" right before a partial quote name its speaker', () => {
  it('the clause after the quote does not take it over', () => {
    expect(speakers('But even as Jo Pike claimed on Tuesday that "the rail plan was dead and buried," one of the lawyers for Ann Bell said the two cases were different.'))
      .toEqual({ 'the rail plan was dead and buried,': 'Jo Pike' });
  });
  it('without the verb and "that", the attribution right after the quote still wins', () => {
    expect(speakers('When Jo Pike spoke at the rally, he "struck a chord with every teacher in the hall," said Ann Bell, a union steward.'))
      .toEqual({ 'struck a chord with every teacher in the hall,': 'Ann Bell' });
  });
});

describe('the words between a speaker and the verb are not the speaker', () => {
  it('"The president also said": President Tom Pike (his label does not say "president" again after his name)', () => {
    expect(describe1('"We will save the planet," President Tom Pike said on Saturday.\n\nThe president also said that he hoped for a "quiet summer for every family in the land."'))
      .toEqual([{ name: 'President Tom Pike', description: null }]);
  });
});

describe('nouns that end like adverbs stay in the speaker', () => {
  it('"Ann Bell’s family said:" is her family, not Ann Bell', () => {
    expect(speakers('In a statement after the verdict, Ann Bell’s family said:\n\n"We love her and we will stand beside her through the appeal."'))
      .toEqual({ 'We love her and we will stand beside her through the appeal.': 'Ann Bell’s family' });
  });
});

describe('round 3: the one who issues a statement speaks through it', () => {
  it('"X issued a statement saying …": X, not the words before the participle', () => {
    expect(statementIssuer('On Monday, Ann Bell issued a statement ', 0)?.phrase).toBe('Ann Bell');
    expect(statementIssuer('The union later released a short video ', 0)?.phrase).toBe('The union later');
    expect(statementIssuer('Ann Bell drove to the ground ', 0)).toBeNull();
    expect(speakers('On Monday, Ann Bell issued a statement saying the club was "a family that will not be broken."'))
      .toEqual({ 'a family that will not be broken.': 'Ann Bell' });
  });
  it('a second quote of the same sentence, after a participle, keeps the issuer (not a name between the quotes)', () => {
    expect(speakers('Mayor Jo Pike released a statement saying the bridge had "served the town well" at the opening of Pike Tower Plaza, calling it a "proud day."'))
      .toEqual({ 'served the town well': 'Mayor Jo Pike', 'proud day.': 'Mayor Jo Pike' });
  });
});

describe('round 3: a quote after a sentence about a person the article has named', () => {
  it('a surname met before, or a name after its owner ("the Institute’s Ann Bell"), is a person', () => {
    expect(speakers('Coach Marta Ivers arrived on Monday.\n\nIvers hinted at a change by saying she would talk to the board.  "The squad needs fresh legs before the cup run."'))
      .toEqual({ 'The squad needs fresh legs before the cup run.': 'Coach Marta Ivers' });
    expect(speakers('The Hill Institute\'s Ann Bell agreed. "The town cannot wait another decade for the new bridge."'))
      .toEqual({ 'The town cannot wait another decade for the new bridge.': 'Ann Bell' });
  });
  it('an unnamed subject still attributes nothing', () => {
    expect(speakers('The council agreed. "The town cannot wait another decade for the new bridge."'))
      .toEqual({ 'The town cannot wait another decade for the new bridge.': '-' });
  });
});

describe('round 3: an inverted attribution between commas right before the quote', () => {
  it('", explained Ann Bell, "…"" names Ann Bell; a description there is left alone', () => {
    expect(speakers('Because of the rain, explained Ann Bell, "we had to call it off before the first whistle."'))
      .toEqual({ 'we had to call it off before the first whistle.': 'Ann Bell' });
    expect(speakers('Because of the rain, said Ann Bell, the club secretary, "we had to call it off before the first whistle."'))
      .toEqual({ 'we had to call it off before the first whistle.': 'Ann Bell' });
    expect(speakers('In the end, said the kit man, "we had to call it off before the first whistle."'))
      .toEqual({ 'we had to call it off before the first whistle.': '-' });
  });
});

describe('round 3: a partial quote hangs on the speech verb whose "that" clause holds it', () => {
  it('"After X argued …, Y said only that his "…"" is Y’s', () => {
    expect(speakers('After Jo Pike argued that the stand should be rebuilt with public money, Ann Bell said only that her "sums are simply wrong."'))
      .toEqual({ 'sums are simply wrong.': 'Ann Bell' });
  });
  it('with no "that" clause the sentence’s first verb still holds it', () => {
    expect(speakers('Ann Bell said the deal was done after Jo Pike wrote to the board about the "long and bitter dispute over the land."'))
      .toEqual({ 'long and bitter dispute over the land.': 'Ann Bell' });
  });
});

describe('round 3: "He added," right before the next quote introduces that quote', () => {
  it('the quote before it keeps the speaker of its own sentence', () => {
    expect(speakers('Ann Bell said the vote had "changed the club for good." She added, "Nobody will forget this night."'))
      .toEqual({ 'changed the club for good.': 'Ann Bell', 'Nobody will forget this night.': 'Ann Bell' });
    expect(speakers('The fans sang all night. "Nobody will forget this night." Jo Pike added, "Not one of us."'))
      .toEqual({ 'Nobody will forget this night.': 'Jo Pike', 'Not one of us.': 'Jo Pike' });
  });
});

describe('round 3: a pronoun goes to the main clause’s subject of the latest sentence', () => {
  it('"Tom Pike said that Jim Bell had …. He added" is Tom Pike', () => {
    expect(speakers('Tom Pike said that Jim Bell had given the club "a reason to believe again." He added, "We owe him a great deal."'))
      .toEqual({ 'a reason to believe again.': 'Tom Pike', 'We owe him a great deal.': 'Tom Pike' });
  });
});

describe('round 3: a quote that opens on a figure inside the narrator’s clause is partial', () => {
  it('"Ann Bell said the club was "100 percent …"" is Ann Bell’s, as a partial quote', () => {
    const model = parseArticle('Headline for the test\n\nJo Pike spoke first.\n\nAnn Bell said the club was "100 percent behind the manager and his staff."');
    expect(model.quotes.map((q) => [q.partial, model.speakers.find((s) => s.id === q.speakerId)?.name])).toEqual([[true, 'Ann Bell']]);
  });
});

describe('round 3: an organisation named at the start of a sentence speaks', () => {
  it('"The New York Times reported:" names the paper, capital "The" or not', () => {
    expect(speakers('The New York Times confirmed it, reporting: "The council had spent the money twice."'))
      .toEqual({ 'The council had spent the money twice.': 'New York Times' });
    expect(speakers('A week later the New York Times confirmed it, reporting: "The council had spent the money twice."'))
      .toEqual({ 'The council had spent the money twice.': 'New York Times' });
  });
});

describe('round 3: a date after a name is not part of it; "according to X," ends at the comma', () => {
  it('"Ann Bell on Friday" is Ann Bell; "Council on Foreign Affairs" stays one name', () => {
    expect(readName(['Ann', 'Bell', 'on', 'Friday'])?.full).toBe('Ann Bell');
    expect(readName(['Council', 'on', 'Foreign', 'Affairs'])?.full).toBe('Council on Foreign Affairs');
    expect(speakers('Some words first.\n\nAnn Bell on Friday said she was "not ready to back the plan yet."')).toEqual({ 'not ready to back the plan yet.': 'Ann Bell' });
  });
  it('"According to The Clarion, the fans wore shirts that read "…"" names the Clarion, not the clause', () => {
    expect(describe1('Some words first.\n\nAccording to The Clarion, the fans wore shirts that read "Keep the club in the town."'))
      .toEqual([{ name: 'Clarion', description: null }]);
  });
});

describe('round 3: a partial quote later in a sentence that began by attributing another quote', () => {
  it('"…," Jo Pike said, after Ann Bell said … "…": the later verb’s subject', () => {
    expect(speakers('"We never agreed to that," Jo Pike said, after Ann Bell said the chairman had called the new stand a "vanity project" in front of the players.'))
      .toEqual({ 'We never agreed to that,': 'Jo Pike', 'vanity project': 'Ann Bell' });
  });
});

describe('round 3: a "where" clause running into the verb holds the speaker', () => {
  it('"…, where Mayor Ann Bell told reporters that "…"" is the mayor’s; a closed "where" clause is an appositive', () => {
    expect(nounPhraseBeforeVerb('The row spread to the far end of the Town Hall, where Mayor Ann Bell ', 0)?.phrase).toBe('Mayor Ann Bell');
    expect(nounPhraseBeforeVerb('Jo Pike, where the club began, ', 0)?.phrase).toBe('Jo Pike, where the club began');
  });
});

describe('round 3: a long appositive between a name and its verb', () => {
  it('"Ann Bell, <a description of 100-odd characters>, welcomed "…"" keeps Ann Bell as the subject', () => {
    const text = 'Ann Bell, co-founder of the Riverside Housing Trust and a long-time campaigner for a new crossing over the estuary, welcomed the plan';
    expect(isClauseSubject(text, 0, 'Ann Bell'.length)).toBe(true);
  });
});

describe('round 3: "…, but now said" shares the main clause’s subject; a bare quote paragraph goes on with it', () => {
  it('"Tom Reed backed the old plan, but now said the club had "…"" is Tom Reed’s, and so is the next bare quote paragraph', () => {
    expect(speakers('Some words first.\n\nCouncillor Tom Reed backed the old plan for years, but now said Jo Pike had "the chance to bring the town together."\n\n"I think she can do it, and the rest of us will help."'))
      .toEqual({ 'the chance to bring the town together.': 'Councillor Tom Reed', 'I think she can do it, and the rest of us will help.': 'Councillor Tom Reed' });
  });
});

describe('round 3: a name after a preposition in the speaker phrase is someone else', () => {
  it('"a lawyer for Ann Bell said" is the lawyer, described by whom they act for', () => {
    expect(speakers('"We will appeal," a lawyer for Ann Bell said.')).toEqual({ 'We will appeal,': 'A lawyer for Ann Bell' });
    expect(speakers('"We will appeal," said Jo Pike, a lawyer for Ann Bell.')).toEqual({ 'We will appeal,': 'Jo Pike' });
  });
  it('…with an article between ("Dr Lena Ortiz of the Royal College"): the name before it speaks, not the body after', () => {
    expect(speakers('"There is a long way to go," said Dr Lena Ortiz of the Royal College.')).toEqual({ 'There is a long way to go,': 'Dr Lena Ortiz' });
    expect(speakers('"There is a long way to go," said Lena Ortiz of the Harbour Trust.')).toEqual({ 'There is a long way to go,': 'Lena Ortiz' });
  });
});

describe('round 4: where a person is from or works is no part of the name', () => {
  it('"Sen. Dan Hale of Peoria", "Jo Pike of Acme Bank": the name ends before "of", so a later "Hale said" is the same person', () => {
    expect(readName(['Sen.', 'Dan', 'Hale', 'of', 'Peoria'])?.full).toBe('Sen. Dan Hale');
    expect(readName(['Jo', 'Pike', 'of', 'Acme', 'Bank'])?.full).toBe('Jo Pike');
    expect(readName(['Bank', 'of', 'Acme'])?.full).toBe('Bank of Acme');
    expect(readName(['Lord', 'Grant', 'of', 'Hale'])).toMatchObject({ full: 'Lord Grant', person: true });
    expect(speakers('The former minister, Lord Grant of Hale, gave evidence.\n\nHe told the inquiry: "I was never shown the report."')['I was never shown the report.']).toBe('Lord Grant');
    expect(readName(['University', 'of', 'Marlow'])?.full).toBe('University of Marlow');
    expect(speakers('Sen. Dan Hale of Peoria said the plan "kicks the can down the road."\n\n"Voters deserve better," Hale said.'))
      .toEqual({ 'kicks the can down the road.': 'Sen. Dan Hale', 'Voters deserve better,': 'Sen. Dan Hale' });
  });
});

describe('round 4: "they said" / "it said" reach an organisation only nearby', () => {
  it('"they wrote" two paragraphs after a named bank, with unnamed economists in between, has no speaker', () => {
    const body = 'The Bank of Marlow kept its rates on hold on Thursday.\n\nThe decision surprised few traders in the city.\n\nEconomists at a large lender said in a note that a cut could come soon. "The door is open," they wrote.';
    expect(speakers(body)['The door is open,']).toBe('-');
    expect(speakers('The Bank of Marlow kept its rates on hold. "The door is open," it said.')['The door is open,']).toBe('Bank of Marlow');
  });
});

describe('round 4: a description label is the noun phrase, not the clause around it', () => {
  it('a relative clause is cut off ("a senior manager who has worked at the trust" -> A senior manager)', () => {
    expect(speakers('"It will be hard to turn this round," said a senior manager who has worked at the trust.')).toEqual({ 'It will be hard to turn this round,': 'A senior manager' });
  });
  it('a past-tense verb after the noun starts the clause; after an adverb or an article it is part of the noun phrase', () => {
    expect(speakers('"We will be back," said a newly elected councillor.')).toEqual({ 'We will be back,': 'A newly elected councillor' });
  });
  it('a quoted title inside the phrase is part of the label, and no quote of its own', () => {
    expect(speakers('"If we want patients to trust us, we must be honest," wrote the authors of the "Care First" review, published last year.'))
      .toEqual({ 'If we want patients to trust us, we must be honest,': 'The authors of the Care First review' });
  });
  it('a leaflet, a flyer or an ad is a document, never a speaker', () => {
    expect(notASpeaker('A campaign leaflet')).toBe('document');
    expect(Object.values(speakers('A campaign leaflet delivered to homes called the plan "a disgrace".'))).not.toContain('A campaign leaflet');
  });
});

describe('round 4: a pronoun does not jump over a paragraph whose subject is of the other gender', () => {
  it('"Alan Ford … . She also accused …" after a woman named two paragraphs before has no speaker', () => {
    const body = 'Councillor Mary Holt said the plan was late.\n\n"Housing is the only issue," said student Priya Nair, 21.\n\nThe campaign manager, Alan Ford, later told reporters the claim was "nonsense". She also accused Holt of "scaremongering".';
    const got = speakers(body);
    expect(got['nonsense']).toBe('Alan Ford');
    expect(got['scaremongering'] ?? '-').toBe('-');
  });
  it('with no one else in the paragraph, "she" still goes back to the woman named before', () => {
    expect(speakers('Councillor Mary Holt spoke first.\n\nShe said the plan was "far too late".')['far too late']).toBe('Councillor Mary Holt');
  });
});

describe('round 4: whoever saw or received the words is not their subject', () => {
  it('"A document seen by the BBC says …", "a letter sent to Ann Bell says …" name no speaker; "written by" would', () => {
    expect(RECIPIENT_BEFORE.test('A document seen by ')).toBe(true);
    expect(RECIPIENT_BEFORE.test('a letter sent to ')).toBe(true);
    expect(RECIPIENT_BEFORE.test('a letter sent by ')).toBe(false);
    expect(Object.values(speakers('A document seen by the Marlow Gazette says waiting lists will "grow further this winter".'))).not.toContain('Marlow Gazette');
    expect(Object.values(speakers('An email sent to Councillor Ann Bell says the scheme will "cost twice as much".'))).not.toContain('Councillor Ann Bell');
  });
});

describe('round 4: people of everyday news are people, and the companies that serve them speak', () => {
  it.each([
    ['"Conditions remain very dry," a forecaster said.', 'Conditions remain very dry,', 'A forecaster'],
    ['"Trade has halved since the roadworks began," one shopkeeper told the paper.', 'Trade has halved since the roadworks began,', 'One shopkeeper'],
    ['"We were stuck on the train for three hours," said a commuter.', 'We were stuck on the train for three hours,', 'A commuter'],
    ['The rail operator said in a statement: "We understand the frustration."', 'We understand the frustration.', 'The rail operator'],
    ['"Prices will rise again in the spring," the supermarket said.', 'Prices will rise again in the spring,', 'The supermarket'],
  ])('%s', (body, quote, speaker) => expect(speakers(body)[quote]).toBe(speaker));
});

describe('round 4: "Prime" and "Vice" open a title, not a first name', () => {
  it('"Vice President Ann Bell" is Ann Bell with her whole title, not a person whose first name is Vice', () => {
    expect(readName(['Vice', 'President', 'Ann', 'Bell'])).toMatchObject({ full: 'Vice President Ann Bell', bare: 'Ann Bell', first: 'Ann' });
    expect(readName(['Prime', 'Minister', 'Jo', 'Pike'])).toMatchObject({ full: 'Prime Minister Jo Pike', bare: 'Jo Pike' });
  });
});

describe('round 4: a bare quote paragraph goes to the one person before it only when they are a clause subject there', () => {
  it('"… adopt Robert’s Rules of Order." then a bare quote: a name met in passing is no speaker', () => {
    const body = 'The chairman argued in his email that the committee should adopt Robert’s Rules of Order.\n\n"Is it prudent to give the chair such power over the debate?"';
    expect(speakers(body)['Is it prudent to give the chair such power over the debate?']).toBe('-');
  });
  it('"Ann Bell is upbeat about the plan." then a bare quote: Ann Bell speaks', () => {
    expect(speakers('Some words first.\n\nAnn Bell is upbeat about the plan.\n\n"It will work, and the town will be better for it."')['It will work, and the town will be better for it.']).toBe('Ann Bell');
  });
});

describe('round 4: a body named after its kind ("the campaign group Families for Safety") speaks by its name', () => {
  it('the kind describes the name, so later mentions are the same speaker; "for" between capitals stays in the name', () => {
    const got = speakers('In a tweet, the campaign group Families for Safety wrote: "Today we heard the truth."\n\nThe housing charity Marlow Homes said: "This is a scandal."\n\n"We will not stop," Families for Safety said.');
    expect(got).toEqual({ 'Today we heard the truth.': 'Families for Safety', 'This is a scandal.': 'Marlow Homes', 'We will not stop,': 'Families for Safety' });
    expect(nounPhraseBeforeVerb('The campaign group Families for Safety ', 0)?.phrase).toBe('The campaign group Families for Safety');
  });
});

describe('round 4: a participle phrase between commas describes the subject before it', () => {
  it('"One message, apparently referring to strikes by Britain and its allies, said:" is the message (no speaker), not "its allies"', () => {
    expect(speakers('One message, apparently referring to air strikes by Britain and its allies, said: "You will pay for this."')).toEqual({ 'You will pay for this.': '-' });
    expect(speakers('Mayor Ann Bell, speaking at a rally in the park, said: "We will rebuild this town."')).toEqual({ 'We will rebuild this town.': 'Mayor Ann Bell' });
  });
});

describe('round 4: a later quote’s speaker carries back in its paragraph only to someone named before', () => {
  it('a chant before a named quote is not theirs', () => {
    const got = speakers('Some words first.\n\nProtesters chanted "Out, out, out!" as the minister arrived at the hall. "We will not be intimidated by anyone," Jo Pike said.');
    expect(got['We will not be intimidated by anyone,']).toBe('Jo Pike');
    expect(got['Out, out, out!'] ?? '-').toBe('-');
  });
  it('a quote after narration about the speaker is theirs', () => {
    const got = speakers('Some words first.\n\nJo Pike says many parents feel torn when they go back to work. "They feel like they are failing at both." Firms that treat staff well keep them, and "that is worth every penny," Jo Pike says.');
    expect(got['They feel like they are failing at both.']).toBe('Jo Pike');
  });
});

describe('round 4: a term in quotes with no speaker does not stop the paragraph’s subject from speaking next', () => {
  it('"What "go slow" means is left to voters, since Ann Bell spoke only in riddles." then bare quotes: Ann Bell’s', () => {
    const body = 'Ann Bell said on Monday that she would not stand again.\n\nWhat "go slow" actually means is left to voters, since Bell spoke only in riddles during the interview.\n\n"We have to do something and it is the only way."';
    expect(speakers(body)['We have to do something and it is the only way.']).toBe('Ann Bell');
  });
});

describe('round 4: a sentence that is only a connective and a quote goes on with the quote before it', () => {
  it('`"…," Bell said. Instead, "she just acts like a defeated woman."` is Bell’s; a quote with its own cue keeps it', () => {
    expect(speakers('Bell thought Pike sounded beaten. "She is supposed to lead this club," Bell said. Instead, "she just acts like a defeated woman."'))
      .toEqual({ 'She is supposed to lead this club,': 'Bell', 'she just acts like a defeated woman.': 'Bell' });
    expect(speakers('The fans booed. Instead, "we want a new manager," Jo Pike said.')).toEqual({ 'we want a new manager,': 'Jo Pike' });
  });
});

describe('round 4: "Name, age, town:" before a quote names the person only', () => {
  it('"Omar Khan, 29, Leeds:" is Omar Khan, not "Omar Khan Leeds"', () => {
    expect(speakers('Omar Khan, 29, Leeds: "It is actually better for me."')).toEqual({ 'It is actually better for me.': 'Omar Khan' });
    expect(speakers('Jane Carter, 41, nurse, Bristol: "My train now leaves earlier."')).toEqual({ 'My train now leaves earlier.': 'Jane Carter' });
  });
});

describe('round 5: two people of the pronoun’s gender joined by "and" leave "he"/"she" to a guess', () => {
  it('"Mark Ford and fire chief Paul Hardy both visited. He said: …" names neither; one man and one woman still resolve', () => {
    expect(speakers('Council leader Mark Ford and fire chief Paul Hardy both visited the sea front.\n\nHe said: "We have never seen damage on this scale."'))
      .toEqual({ 'We have never seen damage on this scale.': '-' });
    expect(speakers('Ann Bell, 54, and Joan Pryce met the minister on Friday. "It went well," she said.')).toEqual({ 'It went well,': '-' });
    expect(speakers('Tom Reed and Sarah Reed moved to the town last year. "We thought the roof was going," she said.'))
      .toEqual({ 'We thought the roof was going,': 'Sarah Reed' });
    expect(speakers('Paul Hardy met Mark Ford on Friday. "It went well," he said.')).toEqual({ 'It went well,': 'Paul Hardy' });
    // (The second of the pair is a subject though "both" stands before the verb, and though his first name is unfamiliar.)
    expect(speakers('Council leader Carl Lees and transport chief Keane Dunmore both attended.\n\nHe said: "We have to balance the budget."'))
      .toEqual({ 'We have to balance the budget.': '-' });
  });
});

describe('round 5: a quoted post signed "— @account" is the account’s', () => {
  it('a "— @handle" line under the post, or after it in the paragraph with the embed’s date, names the account', () => {
    expect(speakers('The councillor posted late on Tuesday.\n\n"We will not stand by while families lose everything."\n\n— @CllrPriyaShah\n\nHer office did not reply.'))
      .toEqual({ 'We will not stand by while families lose everything.': '@CllrPriyaShah' });
    expect(speakers('"Promises are cheap. Show us the money." — @GovTomBates (@GovTomBates) March 4, 2024'))
      .toEqual({ 'Promises are cheap. Show us the money.': '@GovTomBates' });
  });
  it('an address or a date in quote marks is nobody’s words, even with a signature after it', () => {
    expect(speakers('"Show us the money." — Tom Bates (@GovTomBates) "2024-03-04"')).toEqual({ 'Show us the money.': 'Tom Bates' });
  });
});

describe('round 5: a word for what someone does, capitalised before a first name, describes them', () => {
  it('"Violinist Maria Okafor", "Shareholder Linda Gray" name Maria Okafor and Linda Gray; titles and surnames stay', () => {
    expect(leadingDescriptors(['Violinist', 'Maria', 'Okafor'])).toBe(1);
    expect(leadingDescriptors(['Shareholder', 'Linda', 'Gray', 'told'])).toBe(1);
    expect(leadingDescriptors(['Teacher', 'Paul', 'Hardy'])).toBe(1);
    expect(leadingDescriptors(['Sister', 'Mary', 'Hale'])).toBe(0);
    expect(leadingDescriptors(['Manager', 'Paul', 'Hardy'])).toBe(0);
    expect(leadingDescriptors(['Porter', 'Hardy', 'said'])).toBe(0);
    expect(speakers('Shareholder Linda Gray told the BBC: \'It is the heart of the village.\'')).toEqual({ 'It is the heart of the village.': 'Linda Gray' });
  });
});

describe('round 5: a description, then the name between commas, then the verb and a participle', () => {
  it('"Her granddaughter, Chloe Dunne, paid tribute on Facebook, writing: …" is Chloe Dunne’s', () => {
    expect(speakers('Her granddaughter, Chloe Dunne, paid tribute on Facebook, writing: "Nana was the kindest person you could meet."'))
      .toEqual({ 'Nana was the kindest person you could meet.': 'Chloe Dunne' });
    expect(speakers('Mrs Hale\'s neighbour, Tom Reed, left flowers at the gate, adding: "She looked after all of us."'))
      .toEqual({ 'She looked after all of us.': 'Tom Reed' });
  });
  it('a place or a thing before the name is no description of them', () => {
    expect(describedThenNamed('In the town centre, Chloe Dunne, paid tribute on Facebook, ', 0)).toBeNull();
    expect(describedThenNamed('The nominee, Gov. Ann Bell, spoke at a breakfast, ', 0)?.phrase).toBe('Gov. Ann Bell');
  });
});

describe('round 5: a city or state of several words before a title is where the person serves', () => {
  it('"Los Angeles Mayor Karen Bass" is Mayor Karen Bass, not "Angeles Mayor Karen Bass"; an organisation keeps its place', () => {
    expect(leadingDescriptors(['Los', 'Angeles', 'Mayor', 'Karen', 'Bass'])).toBe(2);
    expect(leadingDescriptors(['New', 'York', 'City', 'Mayor', 'Eric', 'Lund'])).toBe(3);
    expect(leadingDescriptors(['New', 'Hampshire', 'Public', 'Radio', 'reported'])).toBe(0);
    expect(speakers('"Nobody should be sleeping in their car tonight," Los Angeles Mayor Karen Bass said.'))
      .toEqual({ 'Nobody should be sleeping in their car tonight,': 'Mayor Karen Bass' });
  });
});

describe('round 5: a verb inside a "how"/"whether"/"why" clause is what the narrator asks about, not who speaks', () => {
  it('"a debate over how the council responds, with Cllr Tom Hale telling reporters he saw the mayor as "…"" is Tom Hale’s', () => {
    expect(speakers('The crash sparked a debate over how the council responds to complaints, with Councillor Tom Hale telling reporters he viewed the mayor as "directly responsible" for the delay.'))
      .toEqual({ 'directly responsible': 'Councillor Tom Hale' });
  });
  it('a reason clause ("That is why critics say") and a "what" clause ("whether it is what staff have called") still attribute', () => {
    expect(speakers('Ann Bell wants to merge the clubs. That is why critics say she has proposed to "dismantle" the league.')).toEqual({ dismantle: 'Critics' });
    expect(speakers('The row over whether the academy is what former staff have called a "fraudulent scheme" went on.')).toEqual({ 'fraudulent scheme': 'Former staff' });
  });
});

describe('round 5: rules and papers of institutions are documents, never speakers', () => {
  it.each(["The school's uniform policy", 'the guidance', 'The indictment', 'the new contract', 'the petition'])('%s is a document', (phrase) => {
    expect(notASpeaker(phrase)).toBe('document');
  });
  it('"The school’s uniform policy states that bows must be "small and plain"" gives the words to nobody', () => {
    expect(speakers('The school\'s uniform policy states that hair accessories must be "small, plain and dark in colour".')).toEqual({ 'small, plain and dark in colour': '-' });
  });
});

describe('round 5: "the spokesman" after "a council spokesman" is the same speaker', () => {
  it('one described speaker with that noun nearby is the one; two leave a new description', () => {
    expect(speakers('A council spokesman said: "We will protect frontline services."\n\n"We understand this is difficult," the spokesman added.'))
      .toEqual({ 'We will protect frontline services.': 'A council spokesman', 'We understand this is difficult,': 'A council spokesman' });
    const two = speakers('A council spokesman said: "We will protect frontline services." A police spokesman said: "We were not told."\n\n"We understand this is difficult," the spokesman added.');
    expect(two['We understand this is difficult,']).toBe('The spokesman');
  });
});

describe('round 5: "the family of Tom Hale said" is the family, not Tom Hale', () => {
  it('"of" after a lower-case noun joins it to the name after it', () => {
    expect(speakers('In a statement, the family of Tom Hale said: "He was the life and soul of every party."'))
      .toEqual({ 'He was the life and soul of every party.': 'The family of Tom Hale' });
    expect(speakers('The widow of Tom Hale said: "He never stopped working."')).toEqual({ 'He never stopped working.': 'The widow of Tom Hale' });
    expect(speakers('Bank of England governor Ann Bell said: "Rates will stay where they are."')).toEqual({ 'Rates will stay where they are.': 'Ann Bell' });
  });
  it('...also with a description of the person between ("the family of retired fisherman Tom Hale")', () => {
    expect(speakers('In a statement, the family of retired fisherman Tom Hale said: "Dad\'s boat was his whole life."')).toEqual({ "Dad's boat was his whole life.": 'The family of Tom Hale' });
    expect(speakers('"We will appeal," lawyers for former mayor Ann Bell said.')).toEqual({ 'We will appeal,': 'Lawyers for Ann Bell' });
    expect(speakers('Secretary of State Ann Bell said: "We will not back down."')).toEqual({ 'We will not back down.': 'Secretary of State Ann Bell' });
  });
  it('...but not an organisation, a title or a count ("Friends of the Earth campaigner", "Father of the House", "mother of three")', () => {
    expect(speakers('"We will win," Friends of the Earth campaigner Tom Hale said.')).toEqual({ 'We will win,': 'Tom Hale' });
    expect(speakers('"It is a scandal," said Father of the House Sir Edward Leigh.')).toEqual({ 'It is a scandal,': 'Sir Edward Leigh' });
    expect(speakers('"I was scared," said mother of three Sarah Jones.')).toEqual({ 'I was scared,': 'Sarah Jones' });
  });
});

describe('round 5: the writer’s own "I" names no speaker, and lends none', () => {
  it('"…," I said / "…," Suddenly I … has no speaker; a name elsewhere in the paragraph does not take it', () => {
    expect(speakers('"It was the best day of my life," I said to him.')).toEqual({ 'It was the best day of my life,': '-' });
    expect(speakers('That night I appeared on The Evening Hour with Ann Bell. "This is a big win for me," I confessed. "Only you," Ann Bell said.'))
      .toEqual({ 'This is a big win for me,': '-', 'Only you,': 'Ann Bell' });
    expect(isFirstPerson('My wife and I')).toBe(true);
    expect(isFirstPerson('Ian')).toBe(false);
  });
});

describe('round 5: a transcript line quoted whole names its speaker first', () => {
  it('"Chris Dale: Seriously, …" is Chris Dale’s; a book’s "Title: Subtitle" and "Update:" name nobody', () => {
    expect(speakers('The panel agreed on Saturday that the plan was naive.\n\n"Chris Dale: Seriously, about this. The plan sounds great but nobody will pay for it."'))
      .toEqual({ 'Chris Dale: Seriously, about this. The plan sounds great but nobody will pay for it.': 'Chris Dale' });
    expect(speakers('He wrote a book called "Crippled Harbour: How to Make the Town Great Again," which sold well.')['Crippled Harbour: How to Make the Town Great Again,'] ?? '-').toBe('-');
    expect(speakers('"Update: The council has now responded to the claims made here."')).toEqual({ 'Update: The council has now responded to the claims made here.': '-' });
  });
});

describe('round 5: text copied from a live blog or wire page with lost line breaks', () => {
  it('"5:52 PMAnn Bell told the crowd:" is Ann Bell (the time stands on its own line), not "PMAnn Bell" or a prime minister', () => {
    expect(speakers('Live updates.\n\n5:52 PMAnn Bell told the crowd: "We are going to win this state."')).toEqual({ 'We are going to win this state.': 'Ann Bell' });
    expect(parseArticle('Headline for the test\n\n5:52 PMAnn Bell spoke.').blocks.map((b) => b.text)).toEqual(['Headline for the test', '5:52 PM', 'Ann Bell spoke.']);
  });
  it('capitals run into a capitalised word ("PRESSOhio") are no part of the name', () => {
    expect(leadingDescriptors(['PRESSOhio', 'Gov.', 'Ann', 'Bell'])).toBe(1);
    expect(leadingDescriptors(['McDonald', 'Ann', 'Bell'])).toBe(0);
    expect(speakers('COLUMBUS, Ohio — ASSOCIATED PRESSOhio Gov. Ann Bell told the crowd: "We are going to win this state."')).toEqual({ 'We are going to win this state.': 'Gov. Ann Bell' });
  });
});

describe('round 5: what someone has or did is no speaker ("Tom Hale’s latest victories")', () => {
  it('a possessor opening the phrase with a thing after it names nobody; people and bodies after it speak', () => {
    expect(speakers('Tom Hale\'s latest victories said "something about the mood of the country".')).toEqual({ 'something about the mood of the country': '-' });
    expect(speakers('"We will appeal the ruling," Tom Hale\'s lawyers said.')).toEqual({ 'We will appeal the ruling,': "Tom Hale's lawyers" });
    expect(speakers('"We are confident," the Hale camp said.')).toEqual({ 'We are confident,': 'The Hale camp' });
    expect(speakers('"He will change course," a source familiar with Hale\'s thinking said.')).toEqual({ 'He will change course,': "Source familiar with Hale's thinking" });
  });
});

describe('round 5: a description label ends before an irregular past verb and a clause joined by "and"', () => {
  it('"The Kent senator sought to calm his supporters, and took a heckler aside, telling him:" is The Kent senator', () => {
    expect(speakers('The Kent senator sought to calm his supporters, and took a heckler aside, telling him: "We are all on the same side."'))
      .toEqual({ 'We are all on the same side.': 'The Kent senator' });
    expect(beforeIrregularPast('The actor held a fake audition')).toBe('The actor');
    expect(beforeIrregularPast('The retired police officer')).toBe('The retired police officer');
  });
});

describe('round 5: a possessive description is cut to its noun phrase too', () => {
  it('"Congressman Tom Hale’s office slammed a claim filed by a former aide, calling it "…"" is the office’s, not the aide’s', () => {
    expect(speakers('Congressman Tom Hale’s office slammed a claim filed by a former aide, calling it "meritless" on Monday.'))
      .toEqual({ meritless: 'Congressman Tom Hale’s office' });
    expect(openingSubject('The regional health board rejected the claim made by a nurse, ', 0)?.phrase).toBe('The regional health board');
    expect(openingSubject('In Leeds, the board rejected it, ', 0)).toBeNull();
  });
  it('an inverted "said one …" is no part of the label; "and said his remarks" is no description', () => {
    expect(speakers('"It was not a convincing argument," said one Democrat close to the talks, who added that the office seemed "rattled" by the row.'))
      .toEqual({ 'It was not a convincing argument,': 'One Democrat close to the talks', rattled: 'One Democrat close to the talks' });
    expect(speakers('Mayor Ann Bell spoke on Monday.\n\nBell, speaking on the radio, called Tom Hale a "blowhard," and said his remarks were priceless "propaganda" for extremists.')['propaganda'])
      .toBe('Mayor Ann Bell');
  });
  it('a figure with a thousands comma stays in one piece ("The agency, 47,000 pages short of the target, said")', () => {
    expect(speakers('"We have worked hard to meet it," the agency, 47,000 pages short of the target, said.')).toEqual({ 'We have worked hard to meet it,': 'The agency, 47,000 pages short of the target' });
  });
});

describe('round 5: "one said" / "another added" after people named by a plural', () => {
  it('is one of them; with nobody named by a plural before it, it is no one, and borrows no neighbour’s speaker', () => {
    expect(speakers('Residents said they had been ignored.\n\n"Nobody listens to us," one said.\n\n"We have been asking for years," another added.'))
      .toEqual({ 'Nobody listens to us,': 'One of the residents', 'We have been asking for years,': 'Another of the residents' });
    expect(speakers('The council said it was "doing everything it can". "It is not enough," one said.'))
      .toEqual({ 'doing everything it can': 'The council', 'It is not enough,': '-' });
  });
});

describe('round 6: constructions of UK papers, wires and pasted pages', () => {
  it('"Said one Democrat who was there:" at a sentence start names the person it describes', () => {
    expect(speakers('The vote was close.\n\nSaid one Democrat who was in the room: "It was a disgrace."')).toEqual({ 'It was a disgrace.': 'One Democrat' });
    expect(speakers('Said a healthcare assistant at the ward: "We just want to be paid fairly."')).toEqual({ 'We just want to be paid fairly.': 'A healthcare assistant' });
    expect(invertedDescription('one cleaner who works nights')).toBe(true);
    expect(invertedDescription('the report, which was leaked')).toBe(false);
    expect(invertedDescription('the night before')).toBe(false);
    // An interrupted quote stays one quote with one label.
    expect(speakers('"It is hard," said the Kent senator, "because both sides are right."')).toEqual({ 'It is hard, because both sides are right.': 'The Kent senator' });
  });
  it('letters as the subject of a clause are an organisation: "…," it said goes back to it, not to a body named before', () => {
    expect(speakers('The Hale Valley Society runs the shelter.\n\nThe RSPCA took in 40 dogs on Monday. "We are stretched," it said.'))
      .toEqual({ 'We are stretched,': 'RSPCA' });
    expect(speakers('The Northern Tenants Association (NTA) runs the scheme. The NTA did not expect the cut. "We were told the money was safe," it said.'))
      .toEqual({ 'We were told the money was safe,': 'Northern Tenants Association' });
    expect(isAcronym('OPEC')).toBe(true);
    expect(['US', 'MP', 'OBE', 'IT', 'Ann', 'PM', 'GP', 'AI', 'DNA', 'CCTV'].filter(isAcronym)).toEqual([]);
    // (Round 7: "it" now goes back to the body named by its noun, "The bank"; still never to "The PM".)
    // A body known by its noun alone is "it" only in its own paragraph (after that "it" may be any body named since).
    expect(speakers('The bank raised rates. The PM called the decision brave.\n\n"Inflation is falling," it said.')).toEqual({ 'Inflation is falling,': '-' });
  });
  it('a "— Name" line after a quote may hold a title with a dot ("— Capt. Lena Ortiz", "— Dr. Ann Bell")', () => {
    expect(speakers('Crews fought the fire.\n\n"Stay away from the canyon roads." — Capt. Jo Pike, fire service\n\n"Boil your water." — Dr. Ann Bell, county health officer'))
      .toEqual({ 'Stay away from the canyon roads.': 'Capt. Jo Pike', 'Boil your water.': 'Dr. Ann Bell' });
    expect(cueAfter(' — The storm hit. Then it rained', 0)).toBeNull();
  });
  it('"One, a nurse who asked not to be named, said:" is the person the description after "one" names', () => {
    expect(speakers('Tenants told us they live in fear. One, a cleaner who asked not to be named, said: "I check the post every morning."'))
      .toEqual({ 'I check the post every morning.': 'A cleaner' });
    // With nothing after it, "one" still names no one (round 5).
    expect(speakers('The council said it was "doing its best". "It is not enough," one said.')['It is not enough,']).toBe('-');
  });
  it('"…," police said: a body named by its noun alone speaks; "No 10 said" is No 10, not "No"', () => {
    expect(speakers('A man was hurt in Hale Street.\n\n"Officers were called at 11pm," police said.\n\n"Inquiries are continuing," prosecutors said.'))
      .toEqual({ 'Officers were called at 11pm,': 'Police', 'Inquiries are continuing,': 'Prosecutors' });
    expect(speakers('"The prime minister has full confidence in her," No 10 said.')).toEqual({ 'The prime minister has full confidence in her,': 'No 10' });
    // A plural that is no body of people is still nobody.
    expect(speakers('"It was loud," reports said.')['It was loud,']).toBe('-');
  });
  it('an honorific after a name word starts the name ("MP for Hale Valley Sir John Bright"); "King" may still be a surname', () => {
    expect(speakers('Conservative MP for Hale Valley Sir John Bright said: "I welcome this."')).toEqual({ 'I welcome this.': 'Sir John Bright' });
    expect(readName(['Valley', 'Dr', 'Ann', 'Bell'])?.bare).toBe('Valley');
    expect(readName(['Martin', 'Luther', 'King'])?.bare).toBe('Martin Luther King');
  });
  it('"the 34-year-old" is not someone the narration gave another age', () => {
    expect(speakers('Jenny Walsh, 29, was on the train. "It was chaos," the 34-year-old said.')).toEqual({ 'It was chaos,': 'The 34-year-old' });
    expect(speakers('Jenny Walsh, 29, was on the train. "It was chaos," the 29-year-old said.')).toEqual({ 'It was chaos,': 'Jenny Walsh' });
  });
  it('an office by its capitalised title ("The Prime Minister told MPs") is not whoever the paragraph before was about', () => {
    expect(speakers('Arsenal boss Tom Pike praised his players.\n\nThe Prime Minister told the Commons: "We will not back down."'))
      .toEqual({ 'We will not back down.': 'The Prime Minister' });
    expect(speakers('The union\'s general secretary, Eddie Dean, said: "We will strike."\n\n"I\'m not going anywhere," the Hale United manager said.'))
      .toEqual({ 'We will strike.': 'Eddie Dean', 'I\'m not going anywhere,': 'The Hale United manager' });
    // A role after the paragraph about its holder still is that holder.
    expect(speakers('Jo Brennan now has 19 goals.\n\nThe striker told Sky: "I am loving it."')).toEqual({ 'I am loving it.': 'Jo Brennan' });
  });
  it('"A statement from Buckingham Palace said" is the palace speaking; a statement from nobody in particular is nobody', () => {
    expect(speakers('A statement from Buckingham Palace said: "The King is saddened."\n\n"No decision has been made," a statement from the Ministry of Defence said.'))
      .toEqual({ 'The King is saddened.': 'Buckingham Palace', 'No decision has been made,': 'Ministry of Defence' });
    expect(speakers('A statement from last week said: "We will reopen."')['We will reopen.']).toBe('-');
  });
  it('"The council\'s chief executive, Mark Lowe, said …" makes Mark Lowe the subject, so a bare quote paragraph after it is his', () => {
    expect(speakers('The council\'s chief executive, Mark Lowe, said services would not be affected.\n\n"Bins will be collected as normal."'))
      .toEqual({ 'Bins will be collected as normal.': 'Mark Lowe' });
    // A name between commas after an object is no subject, nor is one a past participle follows.
    expect(speakers('Police named the victim, Tom Pike, described by neighbours as a devoted father.\n\n"He was a gentle man."')).toEqual({ 'He was a gentle man.': '-' });
    expect(isClauseSubject('The council\'s chief executive, Mark Lowe, said it.', 31, 40)).toBe(true);
    // Not a state tag or a first name alone between commas.
    expect(isClauseSubject('Mitch McConnell, R-Ky., said it.', 17, 22)).toBe(false);
    expect(isClauseSubject('His wife, Jane, said it.', 10, 14)).toBe(false);
  });
  it('"Bell\'s lawyer, Tom Grey, said his client was sorry. "…"": the name after the opening description speaks the quote after it', () => {
    expect(speakers('Bell\'s lawyer, Tom Grey, said his client was sorry. "He accepts he did wrong."')).toEqual({ 'He accepts he did wrong.': 'Tom Grey' });
    // A description with no name after it gives no one.
    expect(speakers('The hall, which seats 300, was full. "It was packed."')['It was packed.']).toBe('-');
  });
  it('"welcomed by Ms Lee\'s mother, Carol. "…," she said": the one named after the owner, not the owner', () => {
    expect(speakers('Kevin Bell was jailed for attacking Sarah Lee.\n\nThe verdict was welcomed by Ms Lee\'s mother, Carol. "Justice has been done," she said.'))
      .toEqual({ 'Justice has been done,': 'Carol' });
    // An owner whose thing is no person named after it stays the one "she" goes back to.
    expect(speakers('The verdict was welcomed by Ms Lee\'s family. "Justice has been done," she said.')['Justice has been done,']).toBe('Ms Lee');
  });
});

describe('lead, round 7: a partial quote inside what someone said', () => {
  it('as the object of a request in the past perfect inside "X said (that) …", the words are X\'s ("the board had asked for "a full accounting"")', () => {
    expect(speakers('The board chair, Paul Smedberg, said in a statement that the board had asked for "a full accounting" of the delays.'))
      .toEqual({ 'a full accounting': 'Paul Smedberg' });
    // Tense does not change who spoke: what the council called the plan is the council's word.
    expect(speakers('Jo Pike said the council had called the plan "a total waste" at the time.')).toEqual({ 'a total waste': 'The council' });
    expect(speakers('Jo Pike said the mayor called the plan "a total waste" at the time.')).toEqual({ 'a total waste': 'The mayor' });
  });
});

describe('round 7: generalising to UK papers, wires, local TV and pasted text', () => {
  it('two capitalised words after another capitalised word are the end of a longer name, not a person ("a spokesperson for Caledonia Power Networks")', () => {
    expect(speakers('A spokesperson for Caledonia Power Networks said: "Crews are out."\n\nA spokesman for Hale Valley Trains said: "Services will resume."'))
      .toEqual({ 'Crews are out.': 'A spokesperson for Caledonia Power Networks', 'Services will resume.': 'A spokesman for Hale Valley Trains' });
    // A title, a party or an article before a name still leaves the name a person's.
    expect(speakers('The Green candidate Zara Quill said: "We will win."')).toEqual({ 'We will win.': 'Zara Quill' });
    expect(speakers('The Northern Rail Trust said: "Fares will rise."')).toEqual({ 'Fares will rise.': 'Northern Rail Trust' });
  });
});

describe('round 7: a body named by its noun alone', () => {
  it('"The local authority said it was investigating. In a statement, it said:" is the local authority', () => {
    expect(speakers('The local authority said it was investigating. In a statement, it said: "We take this seriously."'))
      .toEqual({ 'We take this seriously.': 'The local authority' });
    expect(speakers('The hospital trust apologised on Monday. "Lessons will be learned," it said.')).toEqual({ 'Lessons will be learned,': 'The hospital trust' });
    // Not in the next paragraph, nor with another body named after it, nor for a person ("The company director said").
    expect(speakers('The hospital trust apologised on Monday.\n\n"Lessons will be learned," it said.')).toEqual({ 'Lessons will be learned,': '-' });
    expect(speakers('The environment agency fined the firm. Separately, the local council said it would review its contracts. "We are disappointed," it said.')).toEqual({ 'We are disappointed,': '-' });
    expect(speakers('The company director said the staff were safe. "We told them months ago," it said.')).toEqual({ 'We told them months ago,': '-' });
    expect(definiteSubjects('The council said no. The county fire service said yes. The old man waved.').filter((d) => d.body).map((d) => d.phrase))
      .toEqual(['The council']);
  });
  it('a named body nearby stays the one "it" goes back to; "they" does not reach a body named by its noun', () => {
    expect(speakers('Hale Valley Council met on Monday. The council said it would appeal. "We will fight this," it said.'))
      .toEqual({ 'We will fight this,': 'Hale Valley Council' });
    expect(speakers('The council said it would appeal.\n\n"We found out from the papers," they said.')).toEqual({ 'We found out from the papers,': '-' });
  });
});

describe('round 7: a couple who share a surname', () => {
  it('"Graham and Sue Pellow": Mr Pellow is Graham, Mrs Pellow is not taken for him', () => {
    expect(speakers('The bakery was run by Graham and Sue Pellow for 30 years.\n\nMr Pellow said: "It was our life."\n\nMrs Pellow said: "I will miss the regulars."'))
      .toEqual({ 'It was our life.': 'Graham Pellow', 'I will miss the regulars.': 'Mrs Pellow' });
    // "Mrs Smith" is never a Smith whose gender is unknown ("his son, Jordan Smith"): she is herself, unnamed.
    expect(speakers('John Smith, 68, and his son, Jordan Smith, 30, run the shop.\n\n"It breaks my heart," Mr Smith said.\n\nMrs Smith said: "We had no choice."'))
      .toEqual({ 'It breaks my heart,': 'John Smith', 'We had no choice.': 'Mrs Smith' });
    expect(withSharedSurname(readName(['Graham'])!, ' and Sue Pellow ran it').full).toBe('Graham Pellow');
    // Not a first name joined to a company, nor a surname alone.
    expect(withSharedSurname(readName(['Graham'])!, ' and Marks Spencer').full).toBe('Graham');
    expect(withSharedSurname(readName(['Pellow'])!, ' and Sue Pellow').full).toBe('Pellow');
  });
  it('"Mr Hale" goes to the Hale who may be a man, not to a woman of that surname named first', () => {
    expect(speakers('Jane Hale and Tom Hale run the farm.\n\nMr Hale said: "We lost half the herd."')).toEqual({ 'We lost half the herd.': 'Tom Hale' });
  });
});

describe('round 7: "he said" after a sentence about someone described, not named', () => {
  it('"Germany\'s economy minister said …. "…," he said" is the minister, not the man named before', () => {
    expect(speakers('"We are close," said Jan Novak, who chaired the talks.\n\nGermany\'s economy minister said a cap must not drive ships away. "Supply comes first," he said.'))
      .toEqual({ 'We are close,': 'Jan Novak', 'Supply comes first,': 'Germany\'s economy minister' });
    expect(speakers('Tom Hale opened the road on Monday.\n\nA police officer said the bridge was unsafe. "It could go at any time," he said.'))
      .toEqual({ 'It could go at any time,': 'A police officer' });
  });
  it('only a person\'s description opening its sentence before a speech verb', () => {
    expect(describedSubjects('One EU diplomat said no. The council\'s chief executive told us. A letter said so. Some people said no. A man who lives here said yes.').map((d) => d.phrase))
      .toEqual(['One EU diplomat', 'The council\'s chief executive']);
    // A name set off by commas after the description is who speaks (round 6), not the description.
    expect(speakers('Tom Hale left early. The council\'s chief executive, Mark Lowe, said the plan was dead. "We tried," he said.'))
      .toEqual({ 'We tried,': 'Mark Lowe' });
  });
});

describe('round 7: a relative named after whose relative they are', () => {
  it('"Okafor\'s mother, Grace, travelled …. "…," she said" is Grace, not Okafor', () => {
    expect(speakers('Amara Okafor won the seat in July.\n\nOkafor\'s mother, Grace, flew in to see her sworn in. "I cried all the way through," she said.'))
      .toEqual({ 'I cried all the way through,': 'Grace' });
  });
  it('with a name we cannot read there, "she" is nobody rather than the owner', () => {
    expect(speakers('Amara Okafor won the seat in July.\n\nOkafor\'s mother, Chidi, flew in from Lagos. "I cried all the way through," she said.'))
      .toEqual({ 'I cried all the way through,': '-' });
    // A place set off by commas after what someone owns is no relative.
    expect(speakers('Okafor\'s home town, Lagos, was proud. "Great," she said.')).toEqual({ 'Great,': '-' });
  });
});

describe('round 7: subjects said with where they are from', () => {
  it('"Dr Fiona Bell of the Hale Nursing Union said …" is the subject of its clause', () => {
    const text = 'Dr Fiona Bell of the Hale Nursing Union said the talks had failed.';
    expect(isClauseSubject(text, 0, 'Dr Fiona Bell'.length)).toBe(true);
    // A title's "of" is part of the title, and a body's "of" part of its name: no subject is cut from them.
    const title = 'Secretary of State Ann Bell said no.';
    expect(isClauseSubject(title, 0, 'Secretary'.length)).toBe(false);
    expect(clauseSubjects('The Bank of England said rates would rise.', 0).map((p) => p.phrase)).not.toContain('Bank');
  });
  it('"he"/"she" after a sentence with a man and a woman as subjects goes to the one the pronoun fits', () => {
    expect(speakers('Health minister Tom Pike met nurses on Monday. Later, Dr Fiona Bell of the Hale Nursing Union said the talks had failed.\n\n"We were told nothing new," she said.'))
      .toEqual({ 'We were told nothing new,': 'Dr Fiona Bell' });
  });
});

describe('round 7: "she" with two subjects in one sentence, one of unknown gender', () => {
  it('abstains when the first subject\'s gender is unknown and a later one is a woman', () => {
    expect(speakers('Health Secretary Carter met union leaders, but Dr Fiona Bell of the Hale Nursing Union said the talks had failed.\n\n"We were told nothing new," she said.'))
      .toEqual({ 'We were told nothing new,': '-' });
    // With only the one subject, it is still hers or his.
    expect(speakers('Health Secretary Carter met union leaders on Monday.\n\n"We made progress," he said.')).toEqual({ 'We made progress,': 'Health Secretary Carter' });
  });
});

describe('round 7: a participle aside between a described speaker and the verb', () => {
  it('"The Prime Minister\'s official spokesman, asked about the minister, said:" is the spokesman, not the minister', () => {
    expect(speakers('The Prime Minister\'s official spokesman, asked about the minister, said: "He has full confidence in her."'))
      .toEqual({ 'He has full confidence in her.': 'Prime Minister\'s official spokesman' });
    expect(nounPhraseBeforeVerb('A spokesman for the firm, speaking after the hearing with the regulator,', 0)?.phrase).toBe('A spokesman for the firm, speaking after the hearing with the regulator');
    // A clause that is no participle aside still ends in its subject.
    expect(nounPhraseBeforeVerb('After the vote, the minister', 0)?.phrase).toBe('the minister');
  });
});

describe('round 7: letters after a name (MP, QC) before another name', () => {
  it('"Lib Dem MP Sarah Quinton, whose …, said" is Sarah Quinton, described as a Lib Dem MP; "she added" is hers too', () => {
    expect(speakers('Lib Dem MP Sarah Quinton, whose seat includes Hale Vale, said residents were "at the end of their tether".\n\nShe added: "Some still cannot go home."'))
      .toEqual({ 'at the end of their tether': 'Sarah Quinton', 'Some still cannot go home.': 'Sarah Quinton' });
    expect(describe1('Labour MP Tom Hale said: "No."')).toEqual([{ name: 'Tom Hale', description: 'Labour MP' }]);
    // After the name they are still the name's.
    expect(speakers('Sarah Quinton MP said: "Yes."')).toEqual({ 'Yes.': 'Sarah Quinton MP' });
  });
});

describe('round 7: a party by its one-word name', () => {
  it('"But Labour said the delay was "…"" is Labour (an ordinary word alone was no speaker)', () => {
    expect(speakers('Ministers put the fund on hold. But Labour said the delay was "unforgivable".')).toEqual({ unforgivable: 'Labour' });
    expect(speakers('The Tories said: "This is a stunt."')).toEqual({ 'This is a stunt.': 'Tories' });
    // Only the party alone: "Republicans and Republican-leaning voters" is not cut to the party.
    expect(speakers('Republicans and Republican-leaning voters said: "We want change."')['We want change.']).not.toBe('Republicans');
  });
});

describe('round 7: a body named after what kind of body it is, between commas', () => {
  it('"the driver\'s union, Unite, said the sentence sent "…"" is Unite (the quote was dropped)', () => {
    expect(speakers('Speaking after the hearing, the driver\'s union, Unite, said the sentence sent "a clear message".')).toEqual({ 'a clear message': 'Unite' });
    expect(speakers('The rail union, Hale Transport Union, said: "We will strike."')).toEqual({ 'We will strike.': 'Hale Transport Union' });
    expect(nounPhraseBeforeVerb('The rail union, Unite,', 0)?.phrase).toBe('The rail union, Unite');
    // A person named there is read alone, as before.
    expect(nounPhraseBeforeVerb('the dawn of the movement, Tom Hale', 0)?.phrase).toBe('Tom Hale');
  });
});

describe('round 7: a quote interrupted by "he says," (the sentence goes on)', () => {
  it('is one quote, as with "said the senator,"', () => {
    expect(speakers('Tom Hale runs the farm.\n\n"Farmers are resilient," he says, "and markets adjust."')).toEqual({ 'Farmers are resilient, and markets adjust.': 'Tom Hale' });
    expect(speakers('Tom Hale runs the farm.\n\n"We lost a lot," Hale said, "but we kept the land."')).toEqual({ 'We lost a lot, but we kept the land.': 'Tom Hale' });
    // Two speakers stay two quotes.
    expect(speakers('Tom Hale runs the farm with Ann Bell.\n\n"It is hard," Hale said. "Ask anyone," Bell added.')).toEqual({ 'It is hard,': 'Tom Hale', 'Ask anyone,': 'Ann Bell' });
  });
});

describe('lead, round 7 review: a described speaker talking about a "he" leaves "he" after them untold', () => {
  it('"One club source said he had lost the dressing room. "…," he said" is the source or the manager: no label; a contraction is no owner', () => {
    expect(speakers('Manchester United manager Tom Hale faces the sack.\n\nOne club source said he had lost the dressing room. "I am not worried about my job," he said on Friday.'))
      .toEqual({ 'I am not worried about my job,': '-' });
    // Without a pronoun in what they said, the described speaker is "he" (round 7).
    expect(speakers('Tom Hale opened the road on Monday.\n\nA police officer said the bridge was unsafe. "It could go at any time," he said.'))
      .toEqual({ 'It could go at any time,': 'A police officer' });
    expect(speakers('The queues were long. That\'s what one poll worker told us on Monday. "The lines were around the block," she said.'))
      .toEqual({ 'The lines were around the block,': '-' });
  });
  it('a feature\'s questions after someone\'s quoted words are no interview of the person named before', () => {
    expect(speakers('Tom Hale has led the council since 2019.\n\n"We are broke, and everyone knows it," a senior council officer told us.\n\nSo why did the money run out?\n\n"Years of cuts, and a leader who would not listen."\n\nAnd what happens now?\n\n"Frankly, nobody knows. Mr Hale least of all."'))
      .toEqual({ 'We are broke, and everyone knows it,': 'A senior council officer', 'Years of cuts, and a leader who would not listen.': 'A senior council officer', 'Frankly, nobody knows. Mr Hale least of all.': 'A senior council officer' });
  });
  it('"X of the Y" is a subject only before a speech verb: "she" after "Dr Ann Cole of the RCN met the minister, but Sara Reid said" is Sara Reid', () => {
    expect(speakers('Later, Dr Ann Cole of the Royal College of Nursing met the minister, but Sara Reid said no offer was made.\n\n"We were told nothing new," she said.'))
      .toEqual({ 'We were told nothing new,': 'Sara Reid' });
  });
});
