import type { AttributionPlace } from '../contract';
import {
  GENDERED_ROLE_PATTERN, PERSON_ROLE, type Entity, type Gender, type ParsedName, type Registry,
  isCommonWord, isFunctionWord, isKnownFirstName, isKnownSurname, isSuffix, isTitle, lexiconTags, looksLikeOrganisation, possessorName, readName, roleGender,
} from './people';
import { clauseSubjects, nounPhraseBeforeVerb, trailingNounPhrase, withoutTrailingAdverbs, type Phrase } from './noun-phrase';
import { isPluralNounAfter, judgingVerbAfter } from './judging-verbs';
import { GROUP_KIND, headNoun, isDocument, leadingDescriptors, namesPeople, notASpeaker, withoutLeadingTime } from './speaker-check';
import { pieceCount, wordCount } from './spaces';

/** Verbs that introduce or follow direct speech. */
const VERBS =
  'said|says|say|told|tells|added|adds|asked|asks|wrote|writes|explained|explains|continued|continues|insisted|insists|' +
  'stated|states|declared|declares|warned|warns|noted|notes|argued|argues|claimed|claims|replied|replies|responded|responds|' +
  'recalled|recalls|admitted|admits|acknowledged|acknowledges|conceded|concedes|announced|announces|confirmed|confirms|' +
  'suggested|suggests|urged|urges|cautioned|cautions|pleaded|pleads|vowed|vows|tweeted|tweets|posted|posts|commented|comments|' +
  'observed|observes|remarked|remarks|shouted|shouts|screamed|screams|cried|whispered|whispers|joked|jokes|laughed|sighed|' +
  'described|describes|concluded|concludes|predicted|predicts|promised|promises|appealed|appeals|stressed|stresses|' +
  'emphasised|emphasized|emphasises|emphasizes|maintained|maintains|boasted|boasts|complained|complains|agreed|agrees|' +
  'countered|counters|reiterated|reiterates|texted|emailed|quipped|quips|mused|muses|exclaimed|yelled|yells|began|begins|' +
  'went on(?=\\s*(?:to\\b|[,:]|$))|goes on(?=\\s*(?:to\\b|[,:]|$))|pointed out|points out|wondered|wonders|demanded|demands|pledged|pledges|called|calls|branded|brands|' +
  'dubbed|labelled|labeled|hailed|hails|condemned|condemns|denounced|criticised|criticized|accused|accuses|praised|praises|' +
  'testified|testifies|answered|answers|recounted|recounts|shared|echoed|echoes|summed up|sums up|put it|puts it|' +
  'saying|adding|telling|calling|describing|warning|insisting|arguing|claiming|noting|explaining|writing|asking|urging|' +
  'stating|declaring|stressing|corrected|corrects|interrupted|interjected|chimed in|snapped|retorted|protested|objected|' +
  'offered|replied|muttered|insisted|reflected|reflects|conceded|elaborated|clarified|shot back|hit back|fired back|' +
  'reported|reports|' +
  'according to';
const VERB = new RegExp(`\\b(?:${VERBS})\\b`, 'i');
/** Every speech verb in a context: built once (it was compiled for every quote). */
// Lower case only: "United States" and "The Remarks" are no verbs.
const VERB_ALL = new RegExp(VERB.source, 'g');
const VERB_FIRST = new RegExp(`^[\\s,;:–—-]*(?:${VERBS})\\s+(?!that\\b|to\\b|the\\s+(?:statement|report|letter)\\b)(.{2,220}?)\\s*[.,;:!?]?\\s*$`, 'is');
const ADVERBS = '(?:(?:later|also|then|previously|once|recently|further|earlier|simply|just|reportedly|publicly|quickly|quietly|angrily|firmly|softly|calmly|repeatedly|again|has|had|have|would|will|wryly|bluntly|tearfully|proudly)\\s+)*';
const SUBJECT_FIRST = new RegExp(`^[\\s,;:–—-]*([^"“”]{1,200}?)\\s+${ADVERBS}(?:${VERBS})\\b`);
const SUBJECT_BEFORE_LAST_VERB = new RegExp(`^[\\s,;:–—-]*([^"“”]{1,200})\\s+${ADVERBS}(?:${VERBS})\\b`);
const ACCORDING_TO_AFTER = /^[\s,;]*according to\s+(.{2,200}?)\s*[.,;]?\s*$/is;
// ("According to The Ledger, the men wore shirts that read "…"": the source ends at its comma; the clause after it is no name.)
const ACCORDING_TO_BEFORE = /according to\s+([^,;"“”]{2,200}?)(?:,[^"“”]{0,300}?)?,?\s*$/is;
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
/** A speaker phrase that ends in the writer's own "I" or "we" ("I", "Suddenly I", "My wife and I"). */
const FIRST_PERSON_LAST = /(?:^|\s)(?:I|[Ww]e|me|us)$/;
export const isFirstPerson = (phrase: string): boolean => FIRST_PERSON_LAST.test(phrase.trim());
const DETERMINERS = /^(?:the|a|an|one|his|her|their|its|another|some|two|three|several|many|local|officials|an?other)\b/i;
/** `"…," police said`, `prosecutors said`: people named by a plural or collective noun alone, with no article. */
const BARE_BODIES = /^(?:police|prosecutors|authorities|investigators|officers|detectives|firefighters|paramedics|witnesses|residents|organi[sz]ers|campaigners|rescuers|doctors|medics)$/i;
/** A document and where it comes from: "A statement from Buckingham Palace", "a joint letter from the unions". */
const WORDS_FROM = /^(?:[Aa]n?|[Tt]he|[Ii]n\s+a)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:statement|letter|message|note|post|email|e-mail|memo|release|response|reply)\s+(?:from|by|issued\s+by|released\s+by|on\s+behalf\s+of)\s+(.{2,80})$/u;
/** "No 10 said", "Number 10": the prime minister's office by its door (readName stops at the figure and keeps "No"). */
const NUMBER_TEN = /^(?:No\.?|Number)\s?10$/;
const OPENERS = /^(?:\p{L}+ing\b|asked\b|in\b|on\b|at\b|after\b|before\b|during\b|later\b|however\b|but\b|and\b|meanwhile\b|yesterday\b|today\b|earlier\b|last\b|this\b|since\b|when\b|while\b|as\b|following\b|despite\b|outside\b|inside\b|back\b|now\b|then\b|still\b|also\b|separately\b|elsewhere\b|previously\b|instead\b|yet\b|indeed\b|similarly\b|likewise\b|for\b|from\b|with\b|without\b|under\b|over\b|by\b|if\b|once\b|so\b|though\b|although\b|because\b|interviewed\b|quoted\b|reached\b|contacted\b|approached\b|addressing\b)/iu;

export interface Cue {
  /** Offsets within the block of the phrase naming the speaker. */
  start: number;
  end: number;
  phrase: string;
  place: AttributionPlace;
  /** After a quote: the attribution starts right at the closing mark (`"…," Smith said`, `"…," said Smith`). */
  immediate?: boolean;
  /** A "— Name" line or dash after the quote. */
  dash?: boolean;
}

// (Every cue has the same fields from the start, flags unset: a flag or a block added later to some cues only gave
// them other hidden classes, and each read of a cue's fields in attribute() a slow lookup.)
const cue = (start: number, phrase: string, place: AttributionPlace, length = phrase.length): Cue => ({ start, end: start + length, phrase, place, immediate: undefined, dash: undefined });
/** `cue` marked `immediate` or `dash`, in place: `{ ...cue, dash: true }` (a spread with a property after it) is a slow path of V8's, microseconds a cue. */
const flagged = (c: Cue, flag: 'immediate' | 'dash'): Cue => {
  c[flag] = true;
  return c;
};

/** "Speaking to ITV News," "Pressed on whether ...," "In a statement,": scene-setting before the subject. */
function isOpener(segment: string): boolean {
  if (OPENERS.test(segment)) return true;
  const first = segment.split(/\s+/)[0] ?? '';
  return segment.includes(' ') && /^\p{L}+(?:ed|ing)$/u.test(first) && isCommonWord(first);
}

/** Where the last colon, semicolon, dash or opening bracket of `text` is, or -1 (one scan: lastIndexOf is a call into the runtime each). */
function lastClauseBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0x3b || c === 0x2013 || c === 0x2014 || c === 0x28) return i;
  }
  return -1;
}
/** `text` up to its first comma (`text.split(',')[0]`, without the split). */
const beforeComma = (text: string): string => {
  const comma = text.indexOf(',');
  return comma < 0 ? text : text.slice(0, comma);
};

/** Cuts the phrase before a speech verb down to its subject: drops openers ("Speaking to ITV News,") and relative clauses. */
function subjectOf(region: string, offset: number): { phrase: string; start: number } | null {
  // "Rep. Oscar Lindgren (D-Wash.), whose ...": a closed parenthesis is an aside; blank it, keeping offsets.
  if (region.includes('(')) region = region.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  // "After Tom Pike said ...": a subordinating word before the subject is not part of it (with a comma, the
  // opener rule below drops the whole subordinate clause).
  if (!region.includes(',')) region = region.replace(/^(\s*)(?:After|When|As|While|Because|Since|If|Although|Though|Before|Until|Once)\s+(?=\p{Lu})/u, (m) => ' '.repeat(m.length));
  // "Gingrich — mentioned by Newsmax as a running mate — told Fox News": so is a pair of dashes.
  if (region.includes('—') || region.includes('–')) region = region.replace(/\s[—–]\s[^—–]{1,200}\s[—–](?=\s)/g, (m) => ' '.repeat(m.length));
  // "National Association of Home Builders: The group called ...": the subject follows the colon.
  const cut = lastClauseBreak(region);
  if (cut >= 0) {
    offset += cut + 1;
    region = region.slice(cut + 1);
  }
  const parts: { text: string; at: number }[] = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(region); m; m = re.exec(region)) parts.push({ text: m[0], at: m.index });
  // "with what Marchetti called", "as Smith put it": a name right before the verb, in an object clause.
  const objectClause = /\b(?:what|as|which|that|whom)\s+(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,3})\s*$/u.exec(region);
  if (objectClause?.[1]) return { phrase: objectClause[1], start: offset + objectClause.index + objectClause[0].indexOf(objectClause[1]) };
  // "... – a period she describes as": a pronoun right before the verb is its subject.
  const pronounLast = /\b(he|she|they)\s+(?:(?:also|later|then|has|had|have|once|now)\s+)*$/i.exec(region);
  if (pronounLast?.[1]) return { phrase: pronounLast[1], start: offset + pronounLast.index };
  // "..., after an influential think tank warned": the verb belongs to the last clause.
  const subordinate = parts.length > 1 ? /^(\s*(?:after|when|as|while|because|since|before|until|although|though|if|and|but)\s+)(\S.*)$/i.exec(parts[parts.length - 1]!.text) : null;
  // "Tom Reed backed the old plan, but now said …": "but"/"and" with no subject of its own shares the main clause's.
  if (subordinate?.[2] && /^\s*(?:and|but)\s/i.test(subordinate[1]!) && withoutTrailingAdverbs(words(subordinate[2])).length === 0) {
    const main = clauseSubjects(region, offset)[0];
    if (main) return main;
  }
  if (subordinate?.[2]) return clean(subordinate[2], offset + parts[parts.length - 1]!.at + subordinate[1]!.length);
  // "..., which ministers have promised": the relative clause holds the subject.
  const last = parts[parts.length - 1];
  // ("who helped ..." is no such clause: there "who" is the subject, and the person before it speaks.)
  const relative = last ? /^(\s*(?:which|that|whom)\s+)(\S.*)$/i.exec(last.text) : null;
  if (last && relative?.[2] && parts.length > 1) return clean(relative[2], offset + last.at + relative[1]!.length);
  // "... by Sir Hugh Penhallow, the health spokesman, who said": the named person before "who".
  if (last && /^\s*who\s*$/i.test(last.text) && parts.length > 1) {
    const named = parts.slice(0, -1).reverse().find((p) => trailingName(p.text.trim().split(/\s+/))?.name.person);
    if (named) {
      const words = named.text.trim().split(/\s+/);
      const tail = trailingName(words)!;
      const name = words.slice(tail.at).join(' ');
      return { phrase: name, start: offset + named.at + named.text.indexOf(name) };
    }
  }
  // "One message, apparently referring to strikes by the US and its allies, said": a participle phrase set off by
  // commas describes the subject before it; the last noun in it is not the subject.
  const filled = parts.filter((p) => /\S/.test(p.text));
  const aside = filled.length > 1 && /,\s*$/.test(region) ? filled[filled.length - 1]! : null;
  if (aside && PARTICIPLE_ASIDE.test(aside.text)) return subjectOf(region.slice(0, aside.at - 1), offset);
  // "..., after winning Ohio, Gov. John Kasich (R-OH)": the noun phrase that ends right before the verb.
  const np = nounPhraseBeforeVerb(region, offset);
  const npHead = np ? beforeComma(np.phrase) : '';
  // ...a name, a pronoun, a description of people, or a description ending in a name ("the celebrity press ReganBooks").
  if (np && !notASpeaker(npHead) && (/^\p{Lu}/u.test(npHead) || PRONOUNS.has(npHead.toLowerCase()) || namesPeople(npHead) || /\s\p{Lu}[\p{L}'’.\-]*$/u.test(npHead))) return np;
  while (parts.length > 1 && isOpener(parts[0]!.text.trim())) parts.shift();
  const kept = parts.filter((p) => !/^\s*(?:who|which|whose|where|aged?)\b/i.test(p.text) && !/^\s*\d+\s*$/.test(p.text));
  if (kept.length === 0) return null;
  const first = kept[0]!;
  const lead = first.text.length - first.text.trimStart().length;
  return clean(kept.map((p) => p.text.trim()).join(', '), offset + first.at + lead);
}

/**
 * "Congressman Tom Hale's office slammed a claim filed by a former aide, calling it "…"": the participle's subject is
 * the noun phrase that opens the sentence, up to its verb, not the last noun before the comma ("a former aide").
 */
export function openingSubject(region: string, offset: number): Phrase | null {
  const lead = region.length - region.trimStart().length;
  const words = region.trimStart().split(/\s+/);
  if (!/^(?:\p{Lu}|(?:the|a|an)\b)/u.test(words[0] ?? '')) return null;
  const verbAt = words.findIndex((w, i) => i > 0 && /^\p{Ll}+$/u.test(w) && (/ed$/.test(w) || irregularPast(w)));
  if (verbAt < 1 || verbAt > 8 || words.slice(0, verbAt).some((w) => /[,;:]$/.test(w))) return null;
  return { phrase: words.slice(0, verbAt).join(' '), start: offset + lead };
}

/** A sentence that opens with a description of a person and then their name between commas, then its verb. */
const DESCRIPTION_THEN_NAME = /^\s*([^,"“”]{1,60}),\s+(\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3}),\s+\p{Ll}/u;

/**
 * "Her granddaughter, Chloe Dunne, paid tribute on Facebook, writing:", "Mrs Dunne's granddaughter, Chloe, posted …":
 * the sentence's subject is the person its opening describes, named between commas.
 */
export function describedThenNamed(region: string, offset: number): Phrase | null {
  const m = DESCRIPTION_THEN_NAME.exec(region);
  if (!m?.[1] || !m[2] || !namesPeople(m[1])) return null;
  const name = readName(words(m[2]));
  return name?.person && name.used === words(m[2]).length ? { phrase: m[2], start: offset + m[0].indexOf(m[2], m[1].length) } : null;
}

/**
 * "Said one Democrat who was there: "…"", "Said a neighbour:": a sentence opening on its verb names the speaker by a
 * description of a person after it (the relative clause goes when the label is made); a thing ("said the report") does not.
 */
export function invertedDescription(phrase: string): boolean {
  const head = phrase.split(/\s+(?:who|whose|which|that)\b/)[0]!;
  return /^(?:one|a|an|another|the)\s/i.test(head) && namesPeople(head) && !notASpeaker(head);
}

/** "apparently referring to …", "speaking at a rally": a participle phrase, not a noun phrase. */
const PARTICIPLE_ASIDE = /^\s*(?:\p{Ll}+ly\s+)?(?:referring|speaking|writing|citing|responding|reacting|pointing|noting|appearing|using|calling|quoting|standing|sitting|looking)\b/u;

function clean(raw: string, start: number): { phrase: string; start: number } | null {
  const phrase = raw.replace(/(?:\s+(?:has|had|have|would|will|also|later|then|once|previously|repeatedly|publicly))+\s*$/i, '').trim();
  if (!phrase || /^(?:and|but|or|so|then|as|while|who|which|that)$/i.test(phrase) || phrase.split(/\s+/).length > 25) return null;
  return { phrase, start };
}

/** The speaker phrase in the text before a quote (same sentence), if a speech verb introduces the quote. */
/** After a speech verb, the condition its quote is said on: "if elected president", "when asked about the cuts". */
const SPOKEN_ON_CONDITION = /^\s+(?:if|when|once|unless)\s[^"“”.!?:;]{1,50}$/i;

/** What ends narration that introduces the quote after it: a colon, or a dash ("… backed their demands — "I think …""). */
const INTRODUCES_QUOTE = /(?::|\s(?:--|[–—]))\s*$/;

export function cueBefore(ctx: string, ctxStart: number, partial: boolean, afterOtherQuote: boolean): Cue | null {
  const trimmedEnd = ctx.trimEnd();
  const according = ACCORDING_TO_BEFORE.exec(trimmedEnd);
  if (according?.[1]) {
    return cue(ctxStart + according.index + according[0].indexOf(according[1]), according[1], 'before');
  }
  const askedBy = /\basked by\s+([^,:]{2,80}?)\s*[:,]?$/i.exec(trimmedEnd);
  if (askedBy?.[1]) {
    const at = ctxStart + askedBy.index + askedBy[0].indexOf(askedBy[1]);
    return cue(at, askedBy[1], 'before');
  }
  // "The paradox of Nancy, says Carl Anthony, a historian, is that she was "…"": an inverted attribution between commas.
  const aside = INVERTED_ASIDE.exec(ctx);
  if (aside?.[1] && readName(words(aside[1]))?.person) {
    const phrase = aside[1] + (aside[2] ?? '');
    return cue(ctxStart + aside.index + aside[0].indexOf(aside[1]), phrase, afterOtherQuote ? 'inside' : 'before');
  }
  // "Because of how the league drew the fixtures, explained Ann Bell, "…"": the inverted attribution ends the narration.
  const inverted = INVERTED_BEFORE_QUOTE.exec(trimmedEnd);
  const invertedWords = inverted?.[1] ? words(inverted[1]) : [];
  const invertedName = inverted?.[1] ? readName(invertedWords) : null;
  if (inverted?.[1] && invertedName?.person && invertedName.used === invertedWords.length) {
    return cue(ctxStart + inverted.index + inverted[0].indexOf(inverted[1]), inverted[1] + (inverted[2] ?? ''), afterOtherQuote ? 'inside' : 'before');
  }
  const verbFirst = VERB_FIRST.exec(trimmedEnd);
  const nameLike = (p: string) => p.split(/\s+/).length <= 12 && !VERB.test(p) && (/^\p{Lu}/u.test(p) || PRONOUNS.has(p.toLowerCase()) || (!afterOtherQuote && invertedDescription(p)));
  if (verbFirst?.[1] && nameLike(verbFirst[1].replace(/[,:]$/, '')) && (/[,:]$/.test(trimmedEnd) || afterOtherQuote)) {
    const phrase = verbFirst[1].replace(/[,:]$/, '');
    const at = ctxStart + trimmedEnd.lastIndexOf(phrase);
    return cue(at, phrase, afterOtherQuote ? 'inside' : 'before');
  }
  // A full quote hangs on the verb nearest to it ("Asked about X, the spokesman told reporters:"); a partial one on the sentence's first.
  VERB_ALL.lastIndex = 0;
  const verbs: RegExpExecArray[] = [];
  for (let m = VERB_ALL.exec(ctx); m; m = VERB_ALL.exec(ctx)) {
    // "Ginsburg's comments", "the claims": after a possessive or determiner the word is a noun.
    if (!NOUN_BEFORE.test(ctx.slice(Math.max(0, m.index - 12), m.index)) && !pluralNoun(ctx, m) && !EMBEDDED_QUESTION.test(ctx.slice(Math.max(0, m.index - 60), m.index))) verbs.push(m);
  }
  const lastVerb = verbs[verbs.length - 1];
  // A partial quote hangs on the sentence's first verb, unless a verb sits right before it ("what Marchetti called").
  const afterLast = lastVerb ? ctx.slice(lastVerb.index + lastVerb[0].length) : '';
  // ...or a "that" clause hangs on it ("Rubio said only that his "…"", "Clinton argued in the debate that "…"").
  const adjacent = lastVerb && lastVerb.index !== undefined && (wordCount(afterLast) <= 2 || THAT_CLAUSE_START.test(afterLast));
  // `"…," Trump said, after Ann Bell said he had called Jo Pike a "personal senator"`: right after another quote, the
  // sentence's first verb attributes that quote; a partial quote later in the sentence hangs on the next one.
  const firstIsOthers = afterOtherQuote && verbs.length > 1 && OTHER_QUOTES_VERB.test(ctx.slice(0, verbs[0]!.index + verbs[0]![0].length));
  const verb = partial && (!adjacent || reportedWithin(ctx, verbs)) ? verbs[firstIsOthers ? 1 : 0] : lastVerb;
  // "X was accused of ...": a passive verb's subject is not the one speaking.
  if (verb?.index !== undefined && /\b(?:was|were|is|are|been|being|be|get|got)\s+$/i.test(ctx.slice(0, verb.index))) return null;
  if (!verb || verb.index === undefined) {
    // Interview and list style: "Smith: "..."", "Sen. Mark Ostrander (R-Utah): "...""
    const speakerColon = /^\s*(\p{Lu}[\p{L}'’.\- ]{1,60}?)(?:\s*\([^)]{1,40}\))?\s*:\s*$/u.exec(ctx);
    const allCapitalised = speakerColon?.[1]?.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLE.test(w));
    // "Sen. Dana Whitlock (R-Ind.), a China hawk, was blunter:": a named subject and a colon introduce speech.
    if (!partial && INTRODUCES_QUOTE.test(ctx) && !(speakerColon?.[1] && allCapitalised)) {
      const subject = subjectOf(ctx.replace(INTRODUCES_QUOTE, ''), ctxStart);
      // ("Omar Khan, 29, Leeds:": the name is the first segment; an age and a town after it are no part of it.)
      const words = subject?.phrase.split(',')[0]!.trim().split(/\s+/) ?? [];
      if (subject && readName(words)?.person && readName(words)!.known) {
        const name = readName(words)!;
        // "President Clinton released the following statement:": the speaker is the name, not the clause.
        return cue(subject.start, words.slice(0, name.used).join(' '), 'before', name.full.length);
      }
    }
    if (speakerColon?.[1] && allCapitalised && !partial) return cue(ctxStart + ctx.indexOf(speakerColon[1]), speakerColon[1], 'before');
    // "... does not surprise pollster Dana Shaw:", "More from Blumenthal and Cohen:": the name right before the colon.
    const named = !partial ? NAME_BEFORE_COLON.exec(ctx) : null;
    if (named?.[2] && !/\b(?:to|for|with|by|from|about|of)\s*$/i.test(named[1] ?? '') && readName(named[2].split(/\s+/))?.person) {
      return cue(ctxStart + named.index + named[0].indexOf(named[2]), named[2], 'before');
    }
    // "Bolton thought it was "a tribute to ..."", "Trump leaned in and boomed: "..."": the clause's subject speaks.
    if (partial || INTRODUCES_QUOTE.test(ctx)) {
      const subject = clauseSubjects(ctx, ctxStart).pop();
      // A partial quote is the subject's own words only when the subject says, writes or judges something
      // ("Cruz blasted the ruling as "lawless""); otherwise it is a term or a name ("the SVP launched the "initiative"").
      const afterSubject = subject ? ctx.slice(subject.start - ctxStart + subject.phrase.length) : '';
      // ("… in many Asian states, and it has used "velvet gloves"": an adjective before an -s word is no subject and verb.)
      const judges = subject && partial && judgingVerbAfter(afterSubject) && !pluralAfter(subject.phrase, afterSubject);
      if (subject && (!partial || judges)) return cue(subject.start, subject.phrase, afterOtherQuote ? 'inside' : 'before');
    }
    return null;
  }
  const tail = ctx.slice(verb.index + verb[0].length);
  // A full quote must follow its verb closely ("told ITV News:"), or the condition it is said on ("says if elected
  // "I will …""); a partial one may sit later in the sentence.
  if (!partial && !(tail.length <= 90 && /[:,]\s*$|\bthat\s*$|^\s*$/.test(tail)) && !SPOKEN_ON_CONDITION.test(tail)) return null;
  // "with Harker describing the game as": a participle's subject is the name right before it.
  // "Trump attacked Obama, calling him ...": after a comma, a participle's subject is the main clause's.
  if (/ing$/i.test(verb[0]) && /,\s*$/.test(ctx.slice(0, verb.index))) {
    const main = clauseSubjects(ctx.slice(0, verb.index), ctxStart)[0] ?? describedThenNamed(ctx.slice(0, verb.index), ctxStart) ?? openingSubject(ctx.slice(0, verb.index), ctxStart);
    if (main) return cue(main.start, main.phrase, afterOtherQuote ? 'inside' : 'before');
    // `… "…" during the launch of Trump Tower, calling it "…"`: the subject is before the other quote, not the name here.
    if (afterOtherQuote) return null;
  }
  if (/ing$/i.test(verb[0])) {
    const right = /(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)*|\b(?:he|she|they))[\s,]*$/u.exec(ctx.slice(0, verb.index));
    if (right?.[1]) return cue(ctxStart + right.index, right[1], afterOtherQuote ? 'inside' : 'before');
    // "Trump issued a statement saying …", "Ann Bell posted a video calling it …": the one who issued it speaks.
    const issuer = statementIssuer(ctx.slice(0, verb.index), ctxStart);
    if (issuer) return cue(issuer.start, issuer.phrase, afterOtherQuote ? 'inside' : 'before');
  }
  const subject = subjectOf(ctx.slice(0, verb.index), ctxStart);
  if (!subject || RECIPIENT_BEFORE.test(ctx.slice(Math.max(0, subject.start - ctxStart - 40), subject.start - ctxStart))) return null;
  return cue(subject.start, subject.phrase, afterOtherQuote ? 'inside' : 'before');
}

/**
 * "A document seen by the BBC says …", "a letter sent to Ann Bell says …": whoever saw or received the words is named
 * right before the verb but is not its subject (the document is, and it is no speaker). Who wrote or sent it would be.
 */
export const RECIPIENT_BEFORE = /\b(?:(?:seen|obtained|reviewed|viewed|received|heard)\s+by|(?:leaked|sent|given|shown|provided|passed|handed|addressed)\s+to)\s+$/i;

/** The speaker phrase right after a quote: `"...," said Smith` / `"...," Smith said` / `according to Smith`. */
export function cueAfter(ctx: string, ctxStart: number): Cue | null {
  // `"…" — Cllr Priya Shah, council leader`: a dash and a name after the quote.
  const dash = DASH_AFTER.exec(ctx);
  if (dash?.[1] && !notASpeaker(dash[1])) return flagged(cue(ctxStart + dash[0].indexOf(dash[1]), dash[1].trim(), 'after'), 'dash');
  // `"…," said Don Ytterberg, the county chairman, explaining that …`: what the speaker went on to do is not who they are.
  const participle = /,\s+\p{Ll}+ing\b/u.exec(ctx);
  const untilParticiple = participle ? ctx.slice(0, participle.index) : ctx;
  for (const re of [ACCORDING_TO_AFTER, VERB_FIRST, SUBJECT_FIRST]) {
    const m = re.exec(ctx) ?? (re === VERB_FIRST ? re.exec(untilParticiple) : null);
    if (!m?.[1]) continue;
    const phrase = m[1].trim().replace(/[,:]$/, '');
    // `… but "isn't planning to endorse anyone," while Sen. Ann Bell suggested …`: a clause opened by a conjunction
    // goes on with the narrator's sentence; its subject says something else.
    if (re === SUBJECT_FIRST && CONTRAST_OPENER.test(phrase)) continue;
    // "former congressman Dan Maffei said": a lower-case description may lead into the name.
    if (re === SUBJECT_FIRST && !(PRONOUNS.has(phrase.toLowerCase()) || /^\p{Lu}/u.test(phrase) || DETERMINERS.test(phrase) || BARE_BODIES.test(phrase) || (/\p{Lu}/u.test(phrase) && trailingNounPhrase(phrase.split(/\s+/)) === 0))) {
      // `"Boots on the ground" would be appropriate, Republican candidate Ben Carson said`: the noun phrase before the
      // last speech verb ("... and donations began to pick up, Gilbert said").
      const last = SUBJECT_BEFORE_LAST_VERB.exec(ctx);
      const region = last?.[1] ?? m[1];
      const regionStart = ctxStart + (last ? last.index + last[0].indexOf(region) : m.index + m[0].indexOf(m[1]));
      let np = nounPhraseBeforeVerb(region, regionStart);
      // The object of a preposition is not the subject: the noun phrase it belongs to is ("experts David Albright and
      // Serena Kell of the Institute for Science", whole); with none (`"…" for Clinton, said Kunin`) this is no subject.
      for (let prep = np && PREPOSITION_BEFORE.exec(region.slice(0, np.start - regionStart)); np && prep; prep = np && PREPOSITION_BEFORE.exec(region.slice(0, np.start - regionStart))) {
        const owner = nounPhraseBeforeVerb(region.slice(0, prep.index), regionStart);
        np = owner ? { phrase: region.slice(owner.start - regionStart).trim(), start: owner.start } : null;
      }
      if (!np) continue;
      // Only a description ending in a person's name ("union organiser Kemi Adeyemi"), not any capitalised word.
      const tail = np ? trailingName(np.phrase.split(',')[0]!.split(/\s+/)) : null;
      const head = np?.phrase.split(',')[0] ?? '';
      if (np && ((/^\p{Lu}/u.test(head) && !notASpeaker(head)) || (tail?.name.person && (tail.name.known || tail.name.bare.includes(' '))) || (namesPeople(head) && /\s\p{Lu}/u.test(head)))) return cue(np.start, np.phrase, 'after');
      continue;
    }
    if (re === SUBJECT_FIRST && phrase.split(/\s+/).length > 20) continue;
    // `… apart." Given his past comments on …`: a subordinate clause opens the narrator's next sentence; it has no subject yet.
    if (re === SUBJECT_FIRST && SUBORDINATE_OPENER.test(phrase)) continue;
    // `"…," telling reporters …`: a participle goes on with the sentence before the quote; whoever it names is no inverted speaker.
    if (re === VERB_FIRST && /^[\s,;:–—-]*\p{L}+ing\b/u.test(m[0])) continue;
    // `…, during the launch event for Trump Tower, calling it …`: a participle after a comma has the main clause's subject.
    if (re === SUBJECT_FIRST && /,\s*$/.test(m[1]) && /ing$/.test(m[0].trimEnd())) continue;
    const at = ctxStart + m.index + m[0].indexOf(m[1].trim());
    const aside = re === SUBJECT_FIRST ? parentheticalSpeaker(phrase, ctx.slice(m.index + m[0].length)) : null;
    if (aside !== null) return flagged(cue(at + m[1].trim().lastIndexOf(aside), aside, 'after'), 'immediate');
    return flagged(cue(at, phrase, 'after'), 'immediate');
  }
  // `"We're extremely happy" about the decision, said RoseAnn DeMoro, ...`: an inverted attribution later in the sentence.
  const inverted = INVERTED_LATER.exec(ctx);
  if (inverted?.[1] && /^\p{Lu}/u.test(inverted[1]) && !notASpeaker(inverted[1].split(',')[0]!)) return cue(ctxStart + inverted.index + inverted[0].indexOf(inverted[1]), inverted[1].trim(), 'after');
  // `"Go back," Trump barked`, `"This is fantastic!" beamed Donald Hartley`: any past-tense verb right after the quote.
  const manner = MANNER_AFTER.exec(ctx) ?? MANNER_BEFORE_NAME.exec(ctx);
  if (manner?.[1] && (notASpeaker(manner[1]) ?? 'place') === 'place') return cue(ctxStart + manner.index + manner[0].indexOf(manner[1]), manner[1].trim(), 'after');
  return null;
}

/**
 * `"…." The plan, he said, was "…"`, `Leeds, Ann Bell said, is …`: a pronoun or a name set off by commas before a verb
 * that is itself followed by a comma speaks; what comes before the comma is the subject of the narrator's sentence.
 */
export function parentheticalSpeaker(phrase: string, afterVerb: string): string | null {
  const comma = phrase.lastIndexOf(',');
  if (comma < 0 || !/^\s*,/.test(afterVerb)) return null;
  const last = phrase.slice(comma + 1).trim();
  if (PRONOUNS.has(last.toLowerCase())) return last;
  const name = readName(last.split(/\s+/));
  return name?.person && name.used === last.split(/\s+/).length ? last : null;
}

/** "issued a statement", "released a video", "posted a long message": words given out, right before a participle of saying. */
const ISSUED_WORDS = /\b(?:issued|released|put\s+out|sent(?:\s+out)?|posted|published|shared|tweeted|gave|delivered|made|wrote|filed|aired|ran)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,2}(?:statement|video|ad|advertisement|letter|tweet|post|message|release|email|e-mail|memo|note|response|reply|op-ed|column|editorial|speech|announcement|report|filing|press\s+release)s?\s*$/u;

/**
 * `Trump issued a statement saying …`, `the campaign released an ad calling him …`: the participle's subject is whoever
 * gave the words out, the subject of the clause before "issued"; nobody when that is no person or group.
 */
export function statementIssuer(region: string, offset: number): Phrase | null {
  const issued = ISSUED_WORDS.exec(region);
  if (!issued) return null;
  const clause = region.slice(0, issued.index);
  const named = clauseSubjects(clause, offset).pop();
  if (named && readName(words(named.phrase))?.person && named.start - offset + named.phrase.length + 12 >= clause.trimEnd().length) return named;
  const subject = subjectOf(clause, offset);
  const head = subject?.phrase.split(',')[0] ?? '';
  return subject && !notASpeaker(head) && (namesPeople(head) || /^\p{Lu}/u.test(head)) ? subject : null;
}

/** Words that open a subordinate clause or a prepositional phrase, never a speaker's name. */
const CONTRAST_OPENER = /^(?:while|whereas|although|though|because|since|unless)\s/;
const SUBORDINATE_OPENER = /^(?:Given|Despite|Although|Though|Because|Since|Unless|Whether|Unlike|Amid|Amidst|Among|Without|Considering|Regarding)\s/;

const ORG_JOINERS = new Set(['of', 'for', 'and', 'on', 'the', 'de', 'van', 'von', 'al', 'bin']);
/** "many Asian states", "several news reports": an -s form after an adjective or a quantifier is a plural noun, not a speech verb. */
function pluralNoun(ctx: string, verb: RegExpExecArray): boolean {
  const before = /([\p{L}’'-]+)\s+$/u.exec(ctx.slice(Math.max(0, verb.index - 30), verb.index))?.[1];
  return before !== undefined && isPluralNounAfter(before, verb[0]);
}

/** The first word of `after` is a plural noun after the last word of `phrase` ("Asian" + " states, and …"). */
function pluralAfter(phrase: string, after: string): boolean {
  const next = /^\s*([\p{Ll}]+)/u.exec(after)?.[1];
  const last = /([\p{L}’'-]+)$/u.exec(phrase)?.[1];
  return next !== undefined && last !== undefined && isPluralNounAfter(last, next);
}

const OBJECT_OF = /^(?:for|of|at|with|from|to|by|about|behind|near)$/i;
/** Whether headWords[i] follows a preposition, perhaps with an article between ("of the Royal College"): its object, not the speaker. */
const objectAt = (headWords: readonly string[], i: number) =>
  OBJECT_OF.test(headWords[i - 1] ?? '') || (/^(?:the|a|an)$/i.test(headWords[i - 1] ?? '') && OBJECT_OF.test(headWords[i - 2] ?? ''));
/** "the family of …", "lawyers for …": people who speak for the person named after them (in lower case: "Friends of the Earth" is a name). */
const PEOPLE_OF = /^(?:family|families|relatives|friends|lawyers?|attorneys?|solicitors?|spokes(?:man|woman|person)|representatives?|parents|children|sons?|daughters?|widow|widower|wife|husband|mother|father|brothers?|sisters?|colleagues|supporters|aides?|office|team|campaign)$/;
const OWNER_AFTER = /^(?:of|for)$/i;
/**
 * "the family of retired fisherman …", "lawyers for …": the words before a name say the speakers are that person's people,
 * not the person. Where their "of"/"for" is, or -1.
 */
const peopleOfName = (before: readonly string[]): number =>
  // (A lower-case people word, and no count after it: "Friends of the Earth campaigner", "Father of the House",
  // "mother of three" are no such people.)
  before.findIndex((w, i) => i > 0 && OWNER_AFTER.test(w) && PEOPLE_OF.test(before[i - 1]!) && !before.slice(i + 1).some((x) => COUNT_WORD.test(x)));
const COUNT_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)$/;

/** The start of a context right after a quote, up to its first speech verb: `," Trump said` / `," said Trump`. */
const OTHER_QUOTES_VERB = /^[\s,;:–—-]*(?:(?:he|she|they|\p{Lu}[\p{L}'’.\-]*)(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3}\s+)?\p{Ll}+$/u;

/** After a speech verb: at most five words, "that", and at most six more before the partial quote opens. */
/** "had asked for", "had appealed for": a request in the past perfect, as a report of what was done puts it. */
const REQUEST_IN_PAST_PERFECT = /\bhad\s+(?:asked|appealed|pleaded)\s+for\b/iy;
/**
 * "Smedberg said in a statement that the board had asked for "a full accounting"": a partial quote as the object of a
 * request in the past perfect, inside what the sentence's first verb (said, told) reports, is the words of the one who
 * said it. (Other verbs keep the quote: "Smith said Jones had called the plan "a disaster"" is Jones's word.)
 */
function reportedWithin(ctx: string, verbs: readonly RegExpExecArray[]): boolean {
  const last = verbs[verbs.length - 1]!;
  const had = ctx.lastIndexOf('had', last.index);
  if (verbs.length < 2 || had < 0 || !/^(?:said|says|told|tells)$/i.test(verbs[0]![0])) return false;
  REQUEST_IN_PAST_PERFECT.lastIndex = had;
  return REQUEST_IN_PAST_PERFECT.test(ctx);
}
const THAT_CLAUSE_START = /^(?:\s+[^\s.,;:!?"“”]+){0,5}?\s+that(?:\s+[^\s.,;:!?"“”]+){0,6}\s*$/;
const INVERTED_BEFORE_QUOTE = /,\s+(?:said|says|explained|explains|added|adds|noted|notes|argued|argues|wrote|writes|continued|continues|insisted|insists|recalled|recalls|warned|warns|observed|observes)\s+(\p{Lu}[^,"“”:;]{1,60}?)(,\s+[^,"“”:;]{1,120})?\s*[,:]$/u;
const INVERTED_ASIDE = /,\s+(?:says|said|argues|writes|notes|explains)\s+(\p{Lu}[^,"“”]{1,60}?)(,\s+[^,"“”]{1,120})?,\s+(?=\p{Ll})/u;
const PREPOSITION_BEFORE = /\b(?:for|of|to|with|about|from|on|in|at|by|against|over|under|than|like|into|toward|towards|during|after|before)\s+$/i;
/**
 * "a debate over how the United States responds, with Sen. Hale telling …": a verb inside a "how"/"whether"/"why"
 * clause is what the narrator asks about, not who speaks (its subject follows the question word, no comma between).
 */
// ("That is why critics say", "whether X is what critics called": a reason clause or a "what" clause still attributes.)
const EMBEDDED_QUESTION = /(?<!\b(?:is|was)\s+|[’']s\s+)\b(?:how|whether|why)\s+(?:(?!\b(?:what|that|which|who|as)\b)[^,;:.!?"“”]){1,50}$/i;
const NOUN_BEFORE = /(?:[’']s|\b(?:the|his|her|their|its|a|an|our|my|your|these|those|this|that|whose|of))\s+$/i;
const NAME_BEFORE_COLON = /(^|\s)(\p{Lu}[\p{L}'’.\-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.\-]*){1,4})\s*:\s*$/u;
const INVERTED_LATER = /,\s+(?:said|says|added|adds|wrote|writes|explained|explains|argued|argues|noted|notes)\s+([^,.;:"“”]{2,80}(?:,[^.;:"“”]{1,120})?)[.]?\s*$/u;
/** A social media account as the whole speaker phrase, perhaps with its date: "@CllrPriyaShah", "@ShahP (@ShahP) May 2, 2024". */
const HANDLE = /^@\w{1,30}(?=\s*(?:\(@\w{1,30}\))?[\s\p{L}\d,]{0,30}$)/u;
// (A title's dot is no sentence end: "— Capt. Lena Ortiz, fire service", "— Dr. Ann Bell".)
const DASH_AFTER = /^\s*(?:[—–]|--)\s*(\p{Lu}(?:[^—–"“”.!?]|(?<=\s\p{Lu}\p{Ll}{0,3})\.(?=\s)){1,120}|@\w[^—–"“”.!?]{0,120})[.]?\s*$/u;
const MANNER_AFTER = /^[\s,]*((?:he|she|they|\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3}))\s+\p{Ll}{3,}ed\b/u;
const MANNER_BEFORE_NAME = /^[\s,]*\p{Ll}{3,}ed\s+(\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})/u;

// ---------------------------------------------------------------------------------------

export interface SpeakerRef {
  entity: Entity;
  mention: 'name' | 'pronoun' | 'description';
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const POSSESSIVE_ROLE = new RegExp(`^(his|her|their)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(${GENDERED_ROLE_PATTERN}|[\\p{Ll}-]+)\\b`, 'iu');

/** "The former secretary of state mocked Trump for": a past-tense verb after the noun (not after an adverb: "a newly elected mayor") starts the clause, not the label. */
const PAST_VERB_AFTER_NOUN = /^(\S+\s+\S+(?:\s+\S+)*?)\s+(?<!(?:ly|\b(?:the|a|an|one|some|two|three|well|long|much|so))\s+)\p{Ll}+ed\b.*$/u;
/**
 * A description cut to its noun phrase: "A Treasury minister has repeatedly refused to …" is the minister, "another
 * source speaking to Fox News" the source, "a senior manager who has worked at the trust" the manager; words left
 * hanging where a quote began ("the authors of the") go too.
 */
function nounPhraseOnly(head: string): string {
  const phrase = head.replace(/\s+(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|may|might|must|should|refused|declined|repeatedly|said|says)\b.*$/i, '')
    .replace(/\s+(?:speaking|talking|writing|posting)\s+(?:to|with|in|on|for)\s.*$/i, '')
    .replace(/\s+(?:who|whom|whose|which|that)\b.*$/i, '').replace(PAST_VERB_AFTER_NOUN, '$1');
  return beforeIrregularPast(phrase).replace(/(?:\s+(?:of|for|at|from|with|by|the|a|an))+\s*$/i, '');
}

/**
 * "The Kent senator sought to calm his supporters": a description ends before an irregular past verb too ("sought",
 * "took", "told"), as it does before one in -ed; its first two words always stay ("the man", "a source").
 */
export function beforeIrregularPast(phrase: string): string {
  const words = phrase.split(' ');
  // (Not a participle after an adverb or an article: "a newly elected councillor", "the long forgotten …".)
  const at = words.findIndex((w, i) => i >= 2 && /^\p{Ll}+$/u.test(w) && !/ed$/.test(w) && !/(?:ly|^(?:the|a|an|one|some|well|long|much|so))$/.test(words[i - 1]!) && irregularPast(w));
  return at < 0 ? phrase : words.slice(0, at).join(' ');
}
const irregularPast = (w: string) => {
  const tags = lexiconTags(w);
  return tags.some((t) => t === 'PastTense' || t === 'Participle') && !tags.some((t) => t === 'Noun' || t === 'Singular' || t === 'Plural' || t === 'Adjective');
};
const TRAILING_CIRCUMSTANCE = /\s+(?:on|in|at|during|after|before|as|when|while|from|via|through|last|this|yesterday|today|earlier|later)\b.*$/;

const POSSESSIVE_WORD = /(?:[’']s|s[’'])$/;
const NAME_PARTICLE = /^(?:de|da|di|du|del|della|der|den|van|von|ter|la|le|al|el|bin|ibn|ben|dos|das|of|for)$/;

/** The capitalised run that ends a phrase, if any, read as a name. */
/**
 * "a spokesperson for Caledonia Power Networks": two capitalised words we know no person by, right after another
 * capitalised word that is no title or description, are the end of a longer name ("Power Networks" is no person).
 */
export function insideLongerName(headWords: readonly string[], at: number, name: ParsedName): boolean {
  const before = headWords[at - 1];
  return !name.known && before !== undefined && /^\p{Lu}/u.test(before) && !isFunctionWord(before) && !isTitle(before) && leadingDescriptors([before, '']) === 0;
}

function trailingName(headWords: readonly string[]): { at: number; name: ParsedName } | null {
  let at = headWords.length;
  // "The Post's Dana Milbank", "CNBC's Becky Quick": the name starts after the possessive; the owner describes.
  while (at > 0 && !(at < headWords.length && POSSESSIVE_WORD.test(headWords[at - 1]!)) && (/^\p{Lu}/u.test(headWords[at - 1]!) || (at > 1 && at < headWords.length && NAME_PARTICLE.test(headWords[at - 1]!) && /^\p{Lu}/u.test(headWords[at - 2]!)))) at--;
  while (at < headWords.length && isFunctionWord(headWords[at]!)) at++;
  if (at >= headWords.length) return null;
  // "Lib Dem MP Sarah Quinton", "Labour MP Tom Hale": letters after a name (MP, QC) inside the run end the description
  // before the name (the party with them was read as a name, "Lib Dem MP").
  for (let t = headWords.length - 3; t >= at; t--) {
    if (/^\p{Lu}{2,4}$/u.test(headWords[t]!) && isSuffix(headWords[t]!) && !isTitle(headWords[t]!)) {
      const name = readName(headWords.slice(t + 1));
      if (name?.person && name.used === headWords.length - t - 1) return { at: t + 1, name };
    }
  }
  // "South Carolina Gov. Jim Hodges", "House Speaker Paul Ryan": a title inside the run starts the name.
  for (let t = headWords.length - 2; t > at; t--) {
    if (isTitle(headWords[t]!) && !isTitle(headWords[t + 1]!) && readName(headWords.slice(t))?.used === headWords.length - t) {
      // "Illinois Attorney General Lisa Madigan": every title of the run belongs to the name.
      while (t - 1 > at && isTitle(headWords[t - 1]!) && /^\p{Lu}/u.test(headWords[t - 1]!)) t--;
      at = t;
      break;
    }
  }
  const name = readName(headWords.slice(at));
  return name && name.used === headWords.length - at ? { at, name } : null;
}

/** "the 34-year-old mother-of-two": the gender any role word in the phrase gives. */
const phraseGender = (phrase: string): Gender | null => {
  for (const w of phrase.toLowerCase().split(/[\s-]+/)) {
    const g = roleGender(w);
    if (g) return g;
  }
  return null;
};

/** A party named by one word that is also an ordinary one ("Labour"). */
const PARTY_NAME = /^(?:Labour|Tories|Conservatives|Greens|Liberals|Republicans|Democrats)$/;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Titles that show a role ("Sen. Cruz" is "the senator"); other roles must appear in the description. */
const ROLE_TITLES: Record<string, RegExp> = {
  senator: /\b(?:Sen\.?|Senator)\s/, doctor: /\b(?:Dr\.?|Doctor)\s/, surgeon: /\b(?:Dr\.?|Mr\.?|Ms\.?)\s/, governor: /\b(?:Gov\.?|Governor)\s/,
  congressman: /\b(?:Rep\.?|Congressman)\s/, congresswoman: /\b(?:Rep\.?|Congresswoman)\s/, representative: /\bRep\.?\s/, professor: /\b(?:Prof\.?|Professor)\s/,
  judge: /\bJudge\s/, mayor: /\bMayor\s/, coach: /\bCoach\s/, president: /\bPresident\s/, minister: /\bMinister\s/, chancellor: /\bChancellor\s/,
  sheriff: /\bSheriff\s/, councillor: /\b(?:Cllr|Councillor)\s/, detective: /\b(?:Det\.?|Detective)\s/, inspector: /\b(?:Insp\.?|Inspector)\s/,
};

/** "the 34-year-old" about someone the narration gave another age. */
function otherAge(entity: Entity, phrase: string): boolean {
  const age = /\b(\d{1,3})-year-old\b/.exec(phrase)?.[1];
  return age !== undefined && entity.age !== undefined && entity.age !== Number(age);
}

/**
 * "the senator said" refers back to the person just named only when that person is a senator
 * (by title or description): otherwise it is someone else, known only by that description.
 */
function roleFits(entity: Entity, phrase: string): boolean {
  const known = `${entity.name} ${entity.description ?? ''}`;
  const roles = phrase.toLowerCase().split(/\s+/).slice(1).filter((w) => PERSON_ROLE.test(w) || lexiconTags(w).includes('Demonym'));
  if (roles.length === 0) return false;
  const role = roles[roles.length - 1]!.replace(/s$/, '');
  // Kinship and gendered nouns ("the mother-of-two", "the 34-year-old") describe, they do not rank; an age must be theirs.
  if (/^\d+-year-old$/.test(role)) return entity.age === undefined || entity.age === parseInt(role, 10);
  if (roleGender(role.split('-')[0]!)) return true;
  return new RegExp(`\\b${role.replace(/[^\p{L}-]/gu, '')}`, 'iu').test(known) || (ROLE_TITLES[role]?.test(`${entity.name} `) ?? false);
}

/**
 * "A council spokesman said: "…"" then ""…," the spokesman added": "the" and the same head noun is the speaker just
 * described, when only one described speaker nearby has that noun (two spokesmen leave it a new description).
 */
export function sameDescribed(head: string, registry: Registry, block: number, at: number): Entity | null {
  const m = /^the\s+([\p{Ll}-]+)$/iu.exec(head);
  if (!m) return null;
  const noun = m[1]!.toLowerCase();
  const matches = registry.recentDescribed(block, at).filter((e) => headNoun(e.name)?.toLowerCase() === noun);
  return matches.length === 1 ? matches[0]! : null;
}

/** "the Texas senator said" about Ted Cruz: the description the text used joins what we know of him. */
function describeAlso(entity: Entity, description: string): void {
  if (!description || entity.description?.toLowerCase().includes(description.toLowerCase())) return;
  entity.description = entity.description ? `${entity.description}; ${description}` : description;
}


/** Where a speaker phrase divides: a comma not inside a number ("1,000"), with a closing double mark after it. */
const SEGMENT_COMMA = /,(?!\d{3}\b)[”"]?\s*/;
/**
 * The phrase's comma-separated parts, trimmed, empty ones dropped. (A loop, not split-map-filter: the array that chain
 * made changed shape between one parse and the next, and the optimised resolveSpeaker was thrown away mid-article.)
 */
function commaSegments(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.split(SEGMENT_COMMA)) {
    const trimmed = part.trim();
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/**
 * What the comma segments after a speaker's name say of who they are: "Ann Bell, 34, a nurse" -> "a nurse". An age
 * is left out; a relative clause ("who declined to be named because …"), what the speaker was doing ("speaking of
 * Clinton", "asked about …") or where and when ("in Kentucky", "on Thursday", "before the barn event") is about the
 * occasion, and so is every segment after it ("on Thursday, hours after Trump retweeted …").
 */
export function describingSegments(segments: readonly string[]): string | null {
  const kept: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i]!;
    if (/^\d+$/.test(s)) continue;
    if (OCCASION_SEGMENT.test(s)) break;
    kept.push(s);
  }
  return kept.join(', ').replace(TRAILING_CIRCUMSTANCE, '') || null;
}
const OCCASION_SEGMENT = /^(?:who|which|whose|where|when|while|as|and|but|or|then|in|at|on|during|after|before|\p{Ll}+ing|(?!aged\b)\p{Ll}+ed)\b/iu;

/** A plural noun for people ("supporters", "aides", "groups"), not a verb ("says"). */
const isPeoplePlural = (w: string) => /^\p{Ll}[\p{Ll}-]*s$/u.test(w) && namesPeople(w);

/**
 * Who a speaker phrase refers to. Pronouns and "the doctor" resolve to someone already
 * mentioned; names merge with earlier mentions of the same person ("Tarakji" = "Dr Ahmad Tarakji").
 */
export function resolveSpeaker(
  phrase: string, registry: Registry, block: number, sentence: number, at: number, modelOffset: number,
  /** Right after a quote (`"…," Sharp said`): a capitalised word there is a name even if it is also a word or a town. */
  afterQuote = false,
): SpeakerRef | null {
  const segments = commaSegments(phrase);
  let head = segments[0] ?? '';
  const description = describingSegments(segments);
  // ("Said one Democrat familiar with the talks": an inverted verb opening the phrase is no part of the speaker.)
  // (Not "and said his remarks": a verb and a possessive are a clause.)
  head = withoutLeadingTime(head.replace(/^(?:said|says|added|asked)\s+(?=(?:one|a|an|the|another|two|three|several)\s)/i, '').replace(/^(?:and|but|so|then)\s+/i, ''));
  // "The president also", "Ann Bell on Friday": adverbs and times between the speaker and the verb are not the speaker.
  head = withoutTrailingAdverbs(head.split(/\s+/)).join(' ') || head;
  // "RNC spokesman Sean Spicer in a Friday tweet": where and when it was said is not the speaker.
  head = head.replace(TRAILING_CIRCUMSTANCE, '') || head;
  // "— @CllrPriyaShah" under a quoted post: the account is all the listener is told of who wrote it.
  const handle = HANDLE.exec(head);
  if (handle) return { entity: registry.described(handle[0], 'group', null), mention: 'name' };
  // '"Get out," I said', 'Here I …': the writer speaking of themselves gives the listener no one to name.
  if (isFirstPerson(head)) return null;
  // "A statement from Buckingham Palace said", "a letter from the council's lawyers": whoever the words come from speaks.
  // (Asked of the phrase as written: "from …" is cut from the head below as a circumstance.)
  const from = WORDS_FROM.exec(segments[0] ?? '');
  if (from?.[1] && !notASpeaker(from[1])) return resolveSpeaker(from[1], registry, block, sentence, at + from[0].length - from[1].length, modelOffset, afterQuote);
  const problem = registry.find(head) ? null : notASpeaker(head);
  if (problem && !(afterQuote && problem === 'place')) return null;
  // "One, a nurse in Croydon who asked not to be named, said": the description after "one" says who.
  if (/^(?:one|another)$/i.test(head) && segments[1] && /^(?:a|an)\s/i.test(segments[1]) && namesPeople(segments[1])) {
    return resolveSpeaker(segments.slice(1).join(', '), registry, block, sentence, at + phrase.indexOf(segments[1]), modelOffset, afterQuote);
  }
  if (NUMBER_TEN.test(head)) return { entity: registry.described(head, 'group', null), mention: 'name' };
  // "She smiled and" / "he turned to the crowd and": the clause's subject is its first word.
  const firstWord = head.split(/\s+/)[0] ?? '';
  if (PRONOUNS.has(firstWord.toLowerCase())) head = firstWord;
  const lower = head.toLowerCase();

  if (PRONOUNS.has(lower)) {
    const entity = registry.resolvePronoun(lower, block, at);
    if (!entity) return null;
    if (lower === 'he' || lower === 'she') entity.gender = entity.gender ?? (lower === 'he' ? 'male' : 'female');
    return { entity, mention: 'pronoun' };
  }

  // "the base chief known as Bob": the name after "known as" / "identified as".
  const knownAs = /\b(?:known|identified|named)\s+(?:only\s+)?as\s+(\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,2})/u.exec(phrase);
  const knownName = knownAs?.[1] ? readName(words(knownAs[1])) : null;
  if (knownAs?.[1] && knownName) {
    const entity = registry.person(knownName, phrase.slice(0, knownAs.index).trim().replace(/^(?:the|a|an)\s+/i, '') || null);
    const start = at + knownAs.index + knownAs[0].indexOf(knownAs[1]);
    registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + knownAs[1].length });
    return { entity, mention: 'name' };
  }
  // "Her lawyer, John Smith" / "the company's chief executive Jane Doe": the name is the speaker, the rest describes.
  const appositiveName = segments[1] ? readName(words(segments[1])) : null;
  if (DETERMINERS.test(head) && appositiveName?.person && appositiveName.used === words(segments[1]!).length) {
    const entity = registry.person(appositiveName, head);
    registry.mention(entity, block, sentence, at + phrase.indexOf(segments[1]!), { start: modelOffset + at + phrase.indexOf(segments[1]!), end: modelOffset + at + phrase.indexOf(segments[1]!) + segments[1]!.length });
    return { entity, mention: 'name' };
  }
  // "the driver's union, Unite, said", "The housing charity, Shelter, said": a body's name after what kind of body it is.
  const bodyKind = appositiveName && !appositiveName.person && DETERMINERS.test(head) ? /(\S+)$/.exec(head)?.[1] : undefined;
  // (Not a person met before: "the dawn of the movement, Bozell says" is Bozell, no body.)
  if (bodyKind && GROUP_KIND.test(bodyKind) && words(head).length <= 3 && appositiveName!.used === words(segments[1]!).length && !notASpeaker(appositiveName!.full) && registry.find(appositiveName!.bare)?.kind !== 'person') {
    const entity = registry.person(appositiveName!, head);
    entity.kind = 'group';
    const start = at + phrase.indexOf(segments[1]!);
    registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + segments[1]!.length });
    return { entity, mention: 'name' };
  }
  // "Another holidaymaker, retired nurse Margaret Coombes, ...": the appositive ends in the name.
  const appositiveTail = DETERMINERS.test(head) && segments[1] && !appositiveName ? trailingName(words(segments[1])) : null;
  if (appositiveTail?.name.person && appositiveTail.at > 0) {
    const entity = registry.person(appositiveTail.name, [head, words(segments[1]!).slice(0, appositiveTail.at).join(' ')].join(', '));
    const start = at + phrase.indexOf(segments[1]!) + segments[1]!.indexOf(appositiveTail.name.full.split(' ')[0]!);
    registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + appositiveTail.name.full.length });
    return { entity, mention: 'name' };
  }
  const headWords = words(head);
  // "The Royal College of Emergency Medicine": capitalised words after "of" / "for" / "and" end an organisation's name; they are no person.
  const endsLongerName = (i: number) => i > 1 && /^(?:and|&|of|for)$/i.test(headWords[i - 1]!) && /^[“"‘']?\p{Lu}/u.test(headWords[i - 2]!);
  // ("a spokesman for Bernie Sanders" is the spokesman: a name after a preposition is someone else.)
  const nameAt = headWords.findIndex((w, i) => {
    const name = i > 0 && /^\p{Lu}/u.test(w) && !endsLongerName(i) && !objectAt(headWords, i) ? readName(headWords.slice(i)) : null;
    return name?.person && name.used === headWords.length - i && !insideLongerName(headWords, i, name);
  });
  // "the family of retired fisherman Tom Hale said": the family speaks; its label keeps whose family it is.
  const peopleAt = nameAt > 0 ? peopleOfName(headWords.slice(0, nameAt)) : -1;
  if (peopleAt > 0) {
    const name = readName(headWords.slice(nameAt))!;
    const text = `${capitalise(headWords.slice(0, peopleAt + 1).join(' '))} ${name.full}`;
    const entity = registry.described(text, 'group', null);
    registry.mention(entity, block, sentence, at);
    return { entity, mention: 'description' };
  }
  if (DETERMINERS.test(head) && nameAt > 0) {
    const name = readName(headWords.slice(nameAt))!;
    const entity = registry.person(name, headWords.slice(0, nameAt).join(' ').replace(/^(?:the|a|an)(?:\s+|$)/i, '') || null);
    return { entity, mention: 'name' };
  }

  // "the campaign group Families for Safety", "the housing charity Shelter": the kind of body describes the name after it.
  const kindFrom = DETERMINERS.test(head) ? 1 : 0;
  const orgAt = headWords.findIndex((w, i) => i > kindFrom && /^\p{Lu}/u.test(w));
  if (orgAt > kindFrom && headWords.slice(kindFrom, orgAt).every((w) => /^\p{Ll}/u.test(w)) && GROUP_KIND.test(headWords[orgAt - 1]!)) {
    const org = readName(headWords.slice(orgAt));
    if (org && !org.person && org.used === headWords.length - orgAt && !notASpeaker(org.full)) {
      const entity = registry.person(org, description ?? headWords.slice(kindFrom, orgAt).join(' '));
      entity.kind = 'group';
      const start = at + phrase.indexOf(headWords[orgAt]!);
      registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + org.full.length });
      return { entity, mention: 'name' };
    }
  }
  // "the New York Post reported": a capitalised organisation name after "the".
  // ("The New York Times reported:" opens its sentence with a capital.)
  if (/^[Tt]he\s+\p{Lu}/u.test(head) && headWords.slice(1).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|for|on|and|the)$/.test(w))) {
    const org = readName(headWords.slice(1));
    if (org && !org.person && org.used === headWords.length - 1) {
      const entity = registry.person(org, description);
      entity.kind = 'group';
      const start = at + phrase.indexOf(headWords[1]!);
      registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + org.full.length });
      return { entity, mention: 'name' };
    }
  }
  // "Mr. Haskins's family", "Langford's office": the possessor's people speak, not the possessor.
  const possessiveAt = headWords.findIndex((w, i) => i < headWords.length - 1 && /[’']s?$/.test(w) && /^\p{Lu}/u.test(w));
  // ("Gowdy's office slammed a lawsuit filed by …": the clause after the noun phrase is no part of it.)
  const possessed = possessiveAt >= 0 ? nounPhraseOnly(head) : head;
  if (possessed !== head && possessed.split(' ').length > possessiveAt + 1) return resolveSpeaker(possessed, registry, block, sentence, at, modelOffset, afterQuote);
  if (possessiveAt >= 0 && /^\p{Ll}/u.test(headWords[possessiveAt + 1]!)) {
    // ("Tom Hale's latest victories", "Ann Bell's plan": what someone has or did is no speaker, when the possessor opens
    // the phrase and no name follows; "a source familiar with Hale's thinking" is the source.)
    const owned = headWords.slice(possessiveAt + 1);
    const ownerOpens = headWords.slice(0, possessiveAt).every((w) => /^\p{Lu}/u.test(w) || /^(?:the|a|an)$/i.test(w));
    if (ownerOpens && !namesPeople(owned.join(' ')) && !owned.some((w) => /^\p{Lu}/u.test(w))) return null;
    const text = capitalise(head.replace(/^(?:the|a|an)\s+/i, ''));
    const kind: 'person' | 'group' = PERSON_ROLE.test(headWords.slice(possessiveAt + 1).join(' ')) ? 'person' : 'group';
    const entity = registry.described(text, kind, roleGender(headWords[headWords.length - 1]!) ?? null);
    registry.mention(entity, block, sentence, at);
    return { entity, mention: 'description' };
  }
  // "Monarchs coach Rick Alvarado" / "Long-suffering supporter Dave Parfitt": the name ends the phrase, the rest describes.
  const tail = trailingName(headWords);
  // "… of the Institute for Rail and Road Studies": an unfamiliar pair after "and" ends a longer name; it is no person.
  const fragment = tail && !tail.name.known && endsLongerName(tail.at);
  if (tail && tail.at > 0 && tail.name.person && !fragment && peopleOfName(headWords.slice(0, tail.at)) < 0 && !objectAt(headWords, tail.at)) {
    const entity = registry.person(tail.name, description ?? (headWords.slice(0, tail.at).join(' ').replace(/^(?:the|a|an)(?:\s+|$)/i, '') || null));
    const start = at + phrase.indexOf(headWords[tail.at]!);
    registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + tail.name.full.length });
    return { entity, mention: 'name' };
  }
  if (!DETERMINERS.test(head) && /^\p{Lu}/u.test(head)) {
    // "Republican Donald Trump", "Texas Sen. Ted Cruz": party, nationality and state words describe the name.
    const lead = leadingDescriptors(headWords);
    if (lead > 0) {
      const name = readName(headWords.slice(lead));
      if (name?.person && name.used === headWords.length - lead) {
        const entity = registry.person(name, description ?? headWords.slice(0, lead).join(' '));
        const start = at + phrase.indexOf(headWords[lead]!);
        registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + name.full.length });
        return { entity, mention: 'name' };
      }
    }
    let nameWords = headWords;
    while (nameWords.length > 1 && isFunctionWord(nameWords[0]!)) nameWords = nameWords.slice(1);
    const name = readName(nameWords);
    // "Commentary", "Following": one ordinary word is no name unless the article already knows it as one.
    // ("Labour said", "But Labour said": a party by its name is a body that speaks.)
    const ordinary = !(afterQuote && headWords.length <= 3) && name && !name.person && !name.bare.includes(' ') && isCommonWord(name.bare) && !registry.find(name.bare) && !/^\p{Lu}{2,}$/u.test(name.bare) && !(PARTY_NAME.test(name.bare) && name.used === nameWords.length);
    // "Reform Was A Sign Of Leadership", "No Child Left Behind": a headline or a law's name, not a speaker's.
    const notAName = name && pieceCount(name.bare, 3) >= 3 && name.bare.split(' ').slice(1).some((w) => !ORG_JOINERS.has(w) && !isKnownFirstName(w) && !isKnownSurname(w) && isFunctionWord(w));
    // "Clinton supporters", "Biden aides", "Passenger groups": people known by whom or what they are with, not that name.
    if (name && name.used === nameWords.length - 1 && isPeoplePlural(nameWords[nameWords.length - 1]!)) {
      const entity = registry.described(capitalise(nameWords.join(' ')), 'group', null);
      registry.mention(entity, block, sentence, at);
      return { entity, mention: 'description' };
    }
    if (name && !ordinary && !notAName) {
      const entity = registry.person(name, description);
      if (!name.person && looksLikeOrganisation(name.bare)) entity.kind = 'group';
      const start = at + phrase.indexOf(nameWords[0]!);
      registry.mention(entity, block, sentence, start, { start: modelOffset + start, end: modelOffset + start + name.full.length });
      return { entity, mention: 'name' };
    }
  }
  if (isCommonWord(firstWord) && /^\p{Lu}/u.test(firstWord) && !PRONOUNS.has(firstWord.toLowerCase())) head = head.charAt(0).toLowerCase() + head.slice(1);

  // Descriptions.
  const possessive = POSSESSIVE_ROLE.exec(head);
  if (possessive?.[1] && possessive[2]) {
    const owner = registry.resolvePronoun(possessive[1].toLowerCase(), block, at);
    const role = head.slice(possessive[1].length).trim();
    const name = owner ? `${possessorName(owner)}'s ${role}` : capitalise(head);
    const entity = registry.described(name, 'person', roleGender(possessive[2]) ?? null);
    registry.mention(entity, block, sentence, at);
    return { entity, mention: 'description' };
  }
  if (/^the\b/i.test(head) && PERSON_ROLE.test(head) && headWords.length <= 4 && !/[’']s\b|(?<![\w-])(?:of|for|spokes\w*|officials?|woman|man|girl|boy|lady)(?![\w-])/i.test(head)) {
    const nounGender = phraseGender(head);
    const recent = registry.recentPerson(block, at, nounGender);
    // ...or the person the paragraph before ended on as a subject ("Brennan now has 19 goals. / The striker told Sky:").
    // (Not when the description names, in two capitalised words or more, what we do not know of them: an office by its
    // title, "The Prime Minister told MPs", a club, "the Manchester United manager"; a state or party word alone, "the
    // Florida senator", is a description that may fit. Nor an age that is someone else's.)
    const unknownQualifier = recent !== null && headWords.slice(1).filter((w) => /^\p{Lu}/u.test(w) && !`${recent.name} ${recent.description ?? ''}`.includes(w)).length >= 2;
    if (recent && (roleFits(recent, head) || (!unknownQualifier && !otherAge(recent, head) && registry.lastSubjectIn(block - 1) === recent && registry.peopleIn(block).length === 0))) {
      describeAlso(recent, head.replace(/^the\s+/i, ''));
      return { entity: recent, mention: 'description' };
    }
  }
  const same = sameDescribed(head, registry, block, at);
  if (same) {
    registry.mention(same, block, sentence, at);
    return { entity: same, mention: 'description' };
  }
  if (DETERMINERS.test(head) || /^\p{Ll}/u.test(head)) {
    // "A Treasury minister has repeatedly refused to ...": the speaker is the noun phrase, not the clause.
    // ...nor is what they were doing: "another source speaking to Fox News" is "another source".
    const phrase = nounPhraseOnly(head);
    // (A quoted title inside it is read as a name: 'the authors of the "Care First" review'.)
    let text = capitalise([phrase, description].filter(Boolean).join(', ').replace(TRAILING_CIRCUMSTANCE, '').replace(/[“”"]|[,.]+(?=[“”"]?$)/g, ''));
    // A long description keeps its people and drops where they work ("Nuclear experts Ann Bell and Jo Pike [of the Institute for …]").
    if (text.length > 120) text = text.replace(/\s+(?:of|at|for|from|with)\s.*$/, '');
    // ("A campaign TV ad released …" is the ad once the clause is cut off: a document, no speaker.)
    if (text.length > 120 || !namesPeople(phrase) || isDocument(phrase)) return null;
    const kind: 'person' | 'group' = PERSON_ROLE.test(head) ? 'person' : 'group';
    const gender: Gender | null = phraseGender(head);
    const entity = registry.described(text, kind, gender);
    registry.mention(entity, block, sentence, at);
    return { entity, mention: 'description' };
  }
  return null;
}
