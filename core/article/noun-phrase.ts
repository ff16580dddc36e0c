/**
 * The subject right before a speech verb, read the way news writes it: the noun phrase that
 * ends where the verb starts ("..., former congressman Dan Maffei said"), skipping appositives
 * between them ("Steve Adler, the firm's owner, said"; "Kunin, who has been critical, said").
 * Scene-setting before it ("Tuesday at a rally in Berea, after winning Ohio, Gov. John Kasich
 * said") is not the subject. Pure string work on compromise's lexicon, cheap enough to run for
 * every quote of a 1 MB article.
 */
import { PERSON_ROLE, bareWord, isTitle, lexiconTags, readName, someTag } from './people';
import { GROUP_KIND, isTimePhrase, namesPeople } from './speaker-check';
import { squashSpaces } from './spaces';

export interface Phrase {
  phrase: string;
  /** Offset of the phrase in the text it was read from. */
  start: number;
}

const DETERMINER = /^(?:the|a|an|one|his|her|their|its|another|some|two|three|four|five|several|many|most|both|all|each|our|my|your|this|these|those|no)$/i;
/** Prepositions that join two noun groups inside one noun phrase ("a spokesman for the council"). */
const JOINING = /^(?:of|for|at|with|from|in|on|to)$/i;
const NOT_IN_PHRASE = someTag(/Verb|PastTense|Gerund|Infinitive|Modal|Copula|Auxiliary|Adverb|Conjunction|Preposition|Pronoun|QuestionWord|Negative|Expression/);
const NOUNISH = someTag(/Noun|Singular|Plural|Actor|Adjective|Demonym|Person|Name|Place|Organization|Value|Cardinal|Comparable|Uncountable|Title/);


/** Can this lower-case word sit inside a noun phrase ("former", "presidential", "candidate", "34-year-old")? */
function nounish(word: string): boolean {
  const w = bareWord(word);
  if (!w) return false;
  if (/^\d/.test(w) || /-year-old$/.test(w)) return true;
  const tags = lexiconTags(w);
  if (tags.length === 0) return !/(?:ly|ed|ing)$/.test(w);
  return NOUNISH(tags) || !NOT_IN_PHRASE(tags);
}

const capitalised = (w: string) => /^[\p{Lu}\d]/u.test(w) || /^(?:de|da|di|du|del|della|der|den|van|von|ter|la|le|al|el|bin|ibn|ben|dos|das|y|of|and)$/.test(w);

/**
 * Where the noun phrase that ends `words` starts (an index into words), or -1. A determiner
 * opens it; "for"/"of"/"at" join two groups ("a spokesman for the campaign").
 */
export function trailingNounPhrase(words: readonly string[]): number {
  let i = words.length - 1;
  let start = -1;
  while (i >= 0) {
    const w = words[i]!;
    if (/[,;:]$/.test(w) && i < words.length - 1) break;
    if (capitalised(w) && !(i === words.length - 1 && /^(?:of|and)$/.test(w))) {
      // A capitalised joining word only counts between capitalised words ("Bank of England").
      if (/^(?:of|and)$/.test(w) && !(i > 0 && /^\p{Lu}/u.test(words[i - 1]!))) {
        // "the family of Tom Hale", "the widow of a soldier": "of" after a lower-case noun joins it to the name.
        const before = w === 'of' && start >= 0 && i > 0 && /^\p{Ll}/u.test(words[i - 1]!) && nounish(words[i - 1]!) ? trailingNounPhrase(words.slice(0, i)) : -1;
        if (before >= 0 && before < i && DETERMINER.test(words[before]!)) return before;
        break;
      }
      start = i--;
      continue;
    }
    if (DETERMINER.test(w)) {
      start = i--;
      // "a spokesman for the campaign": keep going past a joining word to the group before it.
      // (The group before is read once: reading it twice at every level of this recursion doubled the work per level.)
      const before = i > 0 && JOINING.test(words[i]!) ? trailingNounPhrase(words.slice(0, i)) : -1;
      if (before >= 0 && !isTitle(words[i - 1]!)) {
        if (/^(?:the|a|an|one|another|his|her|their|its)$/i.test(words[before]!)) return before;
        // "Leaders of the organization", "members of the panel": people of a body, named by a bare plural.
        if (before === i - 1 && /s$/i.test(words[before]!) && namesPeople(words[before]!)) return before;
      }
      break;
    }
    if (JOINING.test(w) && start >= 0 && i > 0) {
      const before = trailingNounPhrase(words.slice(0, i));
      // "professor at Yale", "chairman of the committee": joined to a role or name before it.
      if (before >= 0 && before < i) {
        const head = words[i - 1]!;
        if (/^\p{Ll}/u.test(head) && nounish(head)) return before;
        // ("Families for Safety", "Department for Transport": "for" between capitalised words joins one name too.)
        if (/^\p{Lu}/u.test(head) && (/^(?:of)$/i.test(w) || (w === 'for' && /^\p{Lu}/u.test(words[i + 1] ?? '')))) return before;
      }
      break;
    }
    // "retired teacher", "elected officials": a participle before a noun describes it.
    if (/^\p{Ll}/u.test(w) && (nounish(w) || (/ed$/.test(w) && start === i + 1 && /^\p{Ll}/u.test(words[i + 1]!)))) {
      start = i--;
      continue;
    }
    break;
  }
  return start;
}

/** An aside opening on a participle: "asked about the row", "speaking after the hearing". */
const PARTICIPLE_ASIDE = /^\s*(?:asked|speaking|writing|responding|pressed|questioned|referring|commenting|appearing|talking)\b/;
const APPOSITIVE_OPENER = /^\s*(?:who|which|whose|where|aged?|\d{1,3}\b)/u;
const AUXILIARY = /^(?:has|had|have|would|will|also|later|then|once|previously|repeatedly|publicly|again|just|now|still|recently|already|never|often|simply|quickly|first|had|did|does|do|can|could|may|might|must|should|shall)$/i;
const TIME_WORD = /^(?:today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year)$/i;

/** Nouns that end like adverbs: "the family said" keeps its family. */
const NOUN_IN_LY = /^(?:family|families|ally|rally|assembly|supply|bully|monopoly|anomaly|daily|weekly|monthly|quarterly|italy|lily|holly|folly|belly)$/;

/** "Trump also", "Smith on Tuesday", "Jones later": words between a subject and its verb. */
export function withoutTrailingAdverbs(words: string[]): string[] {
  let end = words.length;
  while (end > 0) {
    const w = bareWord(words[end - 1]!);
    if (AUXILIARY.test(w) || (/ly$/.test(w) && !NOUN_IN_LY.test(w) && !/^\p{Lu}/u.test(words[end - 1]!)) || (lexiconTags(w).some((t) => t === 'Adverb') && /^\p{Ll}/u.test(words[end - 1]!))) end--;
    else if (TIME_WORD.test(w) && end > 1) {
      end--;
      while (end > 0 && /^(?:on|last|this|late|early|in|the|on)$/i.test(words[end - 1]!)) end--;
    } else break;
  }
  return words.slice(0, end);
}
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|said|says|did|does)\b/i;

/**
 * The speaker phrase before a speech verb: the noun phrase of the last clause part, with the
 * appositives after it as its description ("Steve Adler, the firm's owner"). Null when the
 * region ends in something else (a clause, a preposition, an adverb).
 */
export function nounPhraseBeforeVerb(region: string, offset: number): Phrase | null {
  const masked = region.includes('(') ? region.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length)) : region;
  const parts: { text: string; at: number }[] = [];
  const re = /[^,;:–—]+/g;
  for (let m = re.exec(masked); m; m = re.exec(masked)) if (m[0].trim()) parts.push({ text: m[0], at: m.index });
  if (parts.length === 0) return null;
  // Appositives after the subject: "Kunin, who has been critical of Sanders," / "Adler, rVotes' owner,".
  let last = parts.length - 1;
  const appositive = (text: string) => /^\s*\d{1,3}\s*$/.test(text) || /^\s*[RDI]-[\p{Lu}][\p{L}.]*\s*$/u.test(text) ||
    // ("a veteran consultant who had tried to organise a campaign": the finite verb is the relative clause's.)
    ((APPOSITIVE_OPENER.test(text) || /^\s*\p{Ll}/u.test(text)) && (!FINITE.test(text.split(/\b(?:who|which|whose|that)\b/)[0]!) || /^\s*(?:who|which|whose)\b/i.test(text)));
  // "Director of Doctors Under Fire": a capitalised role after a name is an appositive too.
  // ...but "Judge Nicola Harkness" is a title and a name, not an appositive.
  const role = (text: string) => PERSON_ROLE.test(text.trim().split(/\s+/)[0] ?? '') && !readName(text.trim().split(/\s+/))?.person;
  let first = last;
  // "the Capitol, where Senate leader Harry Reid told": a "where" clause running into the verb holds its subject; it is
  // an appositive only when a comma closes it ("Leeds, where she grew up, said").
  const openWhere = (i: number) => i === parts.length - 1 && !/,\s*$/.test(masked) && /^\s*(?:where|when)\b/i.test(parts[i]!.text);
  while (first > 0 && (appositive(parts[first]!.text) || role(parts[first]!.text)) && !openWhere(first)) first--;
  if (first < last) {
    const words = parts[first]!.text.trim().split(/\s+/);
    // "Steve Adler, the firm's owner, said": a name, then what describes it.
    if (trailingNounPhrase(words) === 0 && /^\p{Lu}/u.test(words[words.length - 1]!) && !/^\p{Lu}\p{Ll}+ing$/u.test(words[0]!)) last = first;
    // "The Prime Minister's official spokesman, asked about the minister, said": a participle aside describes the
    // person before it; the noun at its end is no subject.
    else if (trailingNounPhrase(words) === 0 && PARTICIPLE_ASIDE.test(parts[first + 1]!.text) && namesPeople(words.join(' '))) last = first;
    // "In a statement, an 88-year-old widow from Sidcup, who cannot be named, said": the first noun phrase after the scene.
    else if (trailingNounPhrase(parts[first + 1]!.text.trim().split(/\s+/)) === 0 && !/^\s*(?:who|which|whose|where)\b/.test(parts[first + 1]!.text)) last = first + 1;
  }
  // "The housing charity, Shelter, said", "the driver's union, Unite, said": a body's name after its kind is read with it.
  if (last === parts.length - 1 && last > 0 && /^\s*\p{Lu}/u.test(parts[last]!.text) && !isTimePhrase(parts[last]!.text.trim())) {
    const kind = parts[last - 1]!.text.trim().split(/\s+/);
    // (A person's name there is read alone, as before: "the dawn of the movement, Bozell says" is Bozell.)
    if (/^(?:the|its|their)$/i.test(kind[0]!) && kind.length <= 3 && trailingNounPhrase(kind) === 0 && GROUP_KIND.test(kind[kind.length - 1]!) && !readName(parts[last]!.text.trim().split(/\s+/))?.person) last--;
  }
  const part = parts[last]!;
  const words = withoutTrailingAdverbs(part.text.trim().split(/\s+/));
  if (words.length === 0) return null;
  let at = trailingNounPhrase(words);
  if (at < 0) return null;
  // "Another intelligence source speaking to Fox News": a participle phrase describes the noun phrase before it.
  if (at >= 3 && JOINING.test(words[at - 1]!) && /^\p{Ll}+ing$/u.test(words[at - 2]!)) {
    const owner = trailingNounPhrase(words.slice(0, at - 2));
    if (owner >= 0 && namesPeople(words.slice(owner, at - 2).join(' '))) at = owner;
  }
  const lead = part.text.length - part.text.trimStart().length;
  const before = words.slice(0, at).join(' ');
  const start = part.at + lead + (at === 0 ? 0 : before.length + 1);
  const phraseEnd = last < parts.length - 1 ? parts[parts.length - 1]!.at + parts[parts.length - 1]!.text.trimEnd().length : part.at + part.text.trimEnd().length;
  const phrase = squashSpaces(region.slice(start, phraseEnd));
  return phrase ? { phrase, start: offset + start } : null;
}

/**
 * What may stand between a subject and its verb: a party tag, an appositive, where they are from ("Dr Fiona Bell of the
 * British Medical Association said"), adverbs and auxiliaries.
 */
const SUBJECT_THEN_WORD = /^(?:\s*\([^)]{0,40}\))?(?:\s*,[^,;"“”]{1,160},)?(?<from>\s+(?:of|at|from)\s+(?:the\s+)?\p{Lu}[\p{L}’'.&-]*(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}’'.&-]*)){0,5})?\s+(?:(?:both|together|also|later|then|again|just|now|still|once|quickly|previously|recently|repeatedly|never|often|finally|immediately|quietly|publicly)\s+)*(\p{Ll}[\p{Ll}’']+)\b/u;
const FULL_NAME = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+)+$/u;
const NAMED_APPOSITIVE_THEN_WORD = /^,\s+(\p{Ll}[\p{Ll}’']+)\b/u;
/** "described by", "jailed in", "named as": a past participle opening a phrase about the name, not its verb. */
const PARTICIPLE_PHRASE = /^\p{Ll}+ed\s+(?:by|as|in|at|on|from|after|for|to|with)\b/u;
const AUXILIARY_VERB = /^(?:is|was|were|are|has|had|have|will|would|can|could|did|does|do|may|might|must|should|shall|said|says|told|tells)$/;

/**
 * Whether the name at [start, end) of `text` is the subject of its clause: a verb follows it
 * (past an appositive or adverb), and no preposition or possessive governs it.
 */
export function isClauseSubject(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (/\b(?:of|to|for|with|by|from|about|against|at|on|in|into|than|like|and|or|behind|toward|towards|between|over|under|beside|during|through|via|past|near|around|across|unlike|called|named)\s+$/i.test(before)) return false;
  // "went after Bush" governs Bush; "After Anna Keller spoke" opens a clause.
  if (/\b(?:after|before)\s+$/.test(before)) return false;
  const after = text.slice(end, end + 220);
  if (/^[’']s\b/.test(after)) return false;
  // "The council's chief executive, Mark Lowe, said": a name set off by commas after a description is the subject too.
  // (Only a full name after a lower-case noun: not "McConnell, R-Ky., said", nor a first name alone, "his wife, Jane, said".)
  // (A past participle after it is no verb of his: "Police named the victim, Tom Pike, described by neighbours as …",
  // "the defendant, Tom Pike, jailed in 2019".)
  const appositive = /\s\p{Ll}{3,},\s*$/u.test(before) && FULL_NAME.test(text.slice(start, end));
  let direct = SUBJECT_THEN_WORD.exec(after);
  // (Only a person's name is followed by where they are from: "Secretary of State Ann Bell said" is no "Secretary" from
  // "State Ann Bell", "Bank of England said" no bank from England.)
  // (...and only before a speech verb: "Dr Ann Cole of the Royal College of Nursing met the minister, but Sara Reid said"
  // leaves Sara Reid the sentence's speaker.)
  if (direct?.groups?.from && (!fromFollowsPerson(text.slice(start, end)) || !SPEECH_AFTER_FROM.test(direct[direct.length - 1]!))) direct = null;
  const m = direct ?? (appositive ? NAMED_APPOSITIVE_THEN_WORD.exec(after) : null);
  // (The word after the subject is the last group of either pattern.)
  const word = m?.[m.length - 1];
  if (!m || !word || (!direct && PARTICIPLE_PHRASE.test(after.slice(m.index + m[0].length - word.length)))) return false;
  const verb = word.toLowerCase();
  if (AUXILIARY_VERB.test(verb) || /ed$/.test(verb)) return true;
  const tags = lexiconTags(verb);
  // "Trump supporters", "Sanders campaign": a noun after a name is no verb; "went", "threw", "argues" are.
  return VERB_TAG(tags) && !NOUN_TAG(tags);
}
const SPEECH_AFTER_FROM = /^(?:said|says|told|tells|added|adds|warned|warns|argued|insisted|explained|wrote|stressed|noted|admitted|agreed|confirmed|denied|urged|claimed|described|called)$/i;
const fromFollowsPerson = (name: string) => {
  const words = name.split(/\s+/);
  return !isTitle(words[words.length - 1]!) && readName(words)?.person === true;
};
const VERB_TAG = someTag(/PastTense|PresentTense|Verb|Infinitive/);
const NOUN_TAG = someTag(/Plural|Singular|Noun/);

const SUBJECT_CANDIDATE = /\b(?:he|she)\b|\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:(?:de|da|di|van|von|del|der|al|el|bin|la|le)\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*)*/gu;

/** The clause subjects (names or he/she followed by their verb) in `region`, in order. */
export function clauseSubjects(region: string, offset: number): Phrase[] {
  const out: Phrase[] = [];
  SUBJECT_CANDIDATE.lastIndex = 0;
  for (let m = SUBJECT_CANDIDATE.exec(region); m; m = SUBJECT_CANDIDATE.exec(region)) {
    if (/[’']s$/.test(m[0])) continue;
    // "After Anna Keller": a sentence-initial function word is not part of the name.
    const lead = /^(?:After|Before|When|While|As|Since|Although|Though|If|But|And|So|Then|Yet|Because|Until|Once|Meanwhile|Later|Now|Still)\s+/.exec(m[0])?.[0].length ?? 0;
    const phrase = m[0].slice(lead);
    if (phrase && isClauseSubject(region, m.index + lead, m.index + m[0].length)) out.push({ phrase, start: offset + m.index + lead });
  }
  return out;
}
