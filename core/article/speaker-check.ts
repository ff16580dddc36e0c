/**
 * What can be a speaker. A listener hears the speaker's name at every change of voice, so a
 * wrong name is worse than none: each rule here names one kind of phrase that news language
 * puts where a speaker usually stands ("Wednesday, saying ...", "on Twitter, adding ...",
 * "a letter said") but that never speaks. Pure functions, each tested on its own sentences.
 */
import { PERSON_ROLE, bareWord, firstNameGender, isTitle, lexiconTags, memoised, personTag, placeTags, someTag } from './people';
import { mapped } from './object-list';

/** Why a phrase cannot be a speaker, or null when it can. */
export type NotASpeaker = 'time' | 'place' | 'platform' | 'document' | 'preposition' | 'clause' | 'fragment' | 'headline';

const PREPOSITIONS = new Set(
  'in on at about to from into onto over under with without after before during for of by since until amid among against despite through throughout toward towards via upon within beyond near per than like unlike'.split(' '),
);
const TIME_WORDS = new Set(
  ('today tonight yesterday tomorrow now then later earlier recently currently previously meanwhile ' +
    'morning afternoon evening night week weekend month year decade day days weeks months years ago last next this that ' +
    'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec').split(' '),
);
/** Where words are posted or printed: the poster speaks, the platform does not. */
const PLATFORMS = new Set('twitter facebook instagram youtube tiktok snapchat linkedin reddit threads bluesky truth whatsapp telegram website site blog web internet online podcast x'.split(' '));
/** Things that carry words: a named author may speak through them, but they are no one's name. */
const DOCUMENTS = new Set(
  ('report reports letter letters paper papers memo memos document documents statement statements editorial editorials email emails e-mail ' +
    'tweet tweets post posts message messages interview interviews transcript transcripts excerpt excerpts video videos clip footage poll polls survey surveys ' +
    'study studies book books article articles story stories ad ads advertisement advertisements sign signs banner banners hat hats shirt shirts t-shirt ' +
    'headline headlines caption captions release filing filings complaint lawsuit ruling order bill law text speech speeches remarks comments comment ' +
    'page pages website account feed note notes analysis review draft version line lines slogan chant rule rules proposal plan section article ' +
    'leaflet leaflets flyer flyers mailer mailers pamphlet pamphlets brochure brochures poster posters manifesto ' +
    // Rules and papers of institutions: "the school's uniform policy states", "the guidance says", "the indictment alleges".
    'policy policies guidance guideline guidelines handbook manual code contract contracts agreement agreements treaty constitution ' +
    'legislation regulation regulations charter minutes agenda petition petitions motion resolution amendment indictment affidavit ' +
    'warrant verdict judgment judgement notice notices terms').split(' '),
);
/** Nouns for bodies of people that speak as one ("the campaign said", "the committee wrote"). */
const GROUP_NOUN = /\b(?:campaign|camp|committee|think tank|groups?|department|agency|company|firm|corporation|organi[sz]ation|party|government|administration|police|council|union|court|network|newspaper|magazine|outlet|station|channel|team|club|office|ministry|board|commission|authority|service|family|families|staff|league|association|foundation|institute|institution|coalition|alliance|caucus|panel|jury|charity|trust|bank|university|college|school|hospital|army|military|navy|force|forces|embassy|white house|kremlin|pentagon|parliament|congress|senate|house|legislature|regime|people|crowd|protesters|residents|voters|supporters|critics|opponents|lawmakers|democrats|republicans|conservatives|liberals|sources?|aides?|advisers?|advisors?|officials?|authors?|researchers?|experts?|analysts?|scientists?|organizers?|organisers?|editors?|reporters?|journalists?|workers?|members?|leaders?|observers?|economists?|pollsters?|strategists?|operatives?|allies|friends?|neighbou?rs?|colleagues?|students?|parents?|doctors?|nurses?|prosecutors?|investigators?|attorneys?|lawyers?|counsel|reviewers?|judges?|justices?|delegates?|donors?|fans?|users?|commenters?|commentators?|critics?|mps?|meps?|councillors?|ministers?|mayors?|governors?|senators?|congressm[ae]n|legislators?|politicians?|candidates?|nominees?|directors?|executives?|managers?|coach|coaches|players?|owners?|residents?|witness(?:es)?|victims?|survivors?|relatives?|pastor|priest|bishop|rabbi|imam|host|hosts|anchor|moderator|head|chief|chair|chairman|chairwoman|chairperson|spokesperson|spokesman|spokeswoman|representative|person|man|woman|someone|anyone|everyone|nobody|operator|provider|retailer|supermarket|airline|carrier|insurer|manufacturer|maker|developer|publisher|broadcaster|supplier|lender|regulator|watchdog|utility|charity)\b/i;


/** "Wednesday", "Last week", "Now": only time words (and determiners). */
export function isTimePhrase(phrase: string): boolean {
  return timeWords(mapped(phrase.split(/\s+/), bareWord));
}
/** isTimePhrase of a phrase's words, each already made bare: notASpeaker splits its phrase once for all its tests. */
function timeWords(bare: readonly string[]): boolean {
  const ws = bare.filter(Boolean);
  return ws.some(isTimeWord) && ws.every((w) => isTimeWord(w) || /^(?:the|a|an|of|on|\d+)$/.test(w));
}
const isTimeWord = memoised((w: string) => TIME_WORDS.has(w) || timeTag(lexiconTags(w)));
const timeTag = someTag(/WeekDay|Month|Date|Duration/);

const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|new|san|santa|los|las|el|la|st|saint|port|fort|mount|lake)$/;

/** "Libya", "South Carolina", "Paris": a place name that is not also a person's name. */
export function isPlaceName(phrase: string): boolean {
  return placeWords(mapped(phrase.split(/\s+/).filter(Boolean), bareWord));
}
function placeWords(bare: readonly string[]): boolean {
  if (bare.length === 0 || bare.length > 3) return false;
  const whole = lexiconTags(bare.join(' '));
  const tagsOf = whole.length ? [whole] : mapped(bare, lexiconTags);
  const place = placeTags;
  // Word by word, every word must be a place or a compass word ("Central Asia"); "Priorities USA" is an organisation.
  return whole.length ? place(whole) : tagsOf[tagsOf.length - 1]!.length > 0 && place(tagsOf[tagsOf.length - 1]!) &&
    tagsOf.every((t, i) => place(t) || t.includes('Adjective') || COMPASS.test(bare[i]!));
}

/** "Twitter", "on Facebook", "his website": where words appear. */
export function isPlatform(phrase: string): boolean {
  return platformWords(mapped(phrase.split(/\s+/), bareWord));
}
function platformWords(bare: readonly string[]): boolean {
  const ws = bare.filter((w) => w && !/^(?:the|a|an|his|her|their|its|on|in|via|official)$/.test(w));
  return ws.length > 0 && ws.length <= 2 && PLATFORMS.has(ws[ws.length - 1]!);
}

/** "A letter", "the report", "That memo", "Its statement": a document as the only noun. */
export function isDocument(phrase: string): boolean {
  const ws = phrase.split(/\s+/).filter(Boolean);
  return documentWords(ws, ws.map(bareWord));
}
function documentWords(ws: readonly string[], bare: readonly string[]): boolean {
  const head = headNounOf(ws, bare);
  return head !== null && DOCUMENTS.has(head);
}

/** The last word of a phrase's first noun group: "a spokesman for the council" -> spokesman. */
export function headNoun(phrase: string): string | null {
  const ws = phrase.split(/\s+/).filter(Boolean);
  return headNounOf(ws, ws.map(bareWord));
}
function headNounOf(ws: readonly string[], bare: readonly string[]): string | null {
  let end = ws.length;
  for (let i = 1; i < ws.length; i++) {
    const w = bare[i]!;
    if (PREPOSITIONS.has(w) || /^(?:who|which|that|whose|where|when|and|or|but)$/.test(w) || /,$/.test(ws[i - 1]!)) {
      end = i;
      break;
    }
  }
  return end > 0 ? bare[end - 1]! : null;
}

/** A description ("the campaign's spokesman", "one aide") names a person or a body of people. */
export function namesPeople(description: string): boolean {
  const firstGroup = description.split(/\s+(?:who|which|that|whose|where)\b|,/i)[0] ?? description;
  // "the Portuguese", "an American": a nationality stands for a person.
  const last = firstGroup.trim().split(/\s+/).pop() ?? '';
  return PERSON_ROLE.test(firstGroup) || GROUP_NOUN.test(firstGroup) || lexiconTags(bareWord(last)).includes('Demonym');
}

/**
 * Why `phrase` (the words where a speaker would stand) cannot be a speaker; null when it can.
 * Names, pronouns and descriptions of people pass; the rest is abstained from.
 */
export function notASpeaker(phrase: string): NotASpeaker | null {
  const trimmed = phrase.trim().replace(/^[,;:–—-]+\s*/, '');
  const words = trimmed.split(/\s+/).filter(Boolean);
  const first = bareWord(words[0] ?? '');
  if (!first) return 'fragment';
  if (first !== 'according' && PREPOSITIONS.has(first)) return 'preposition';
  // Each word made bare once, for all the tests below.
  const bare = mapped(words, bareWord);
  if (timeWords(bare)) return 'time';
  if (platformWords(bare)) return 'platform';
  // "HIGHER TURNOUT IN IOWA": a section heading run into the paragraph.
  if (words.length >= 3 && words.filter((w) => /^\p{Lu}{2,}[\p{Lu}’'.,-]*$/u.test(w)).length >= 3) return 'headline';
  if (/^\p{Ll}/u.test(words[0]!)) {
    const tags = lexiconTags(first);
    // "came from ...", "do not": a clause, not a noun phrase.
    // ...unless a name follows ("coach Maria Lopez": a role word that is also a verb).
    if (!/\s\p{Lu}/u.test(trimmed) && !/^(?:the|a|an|one|his|her|their|its|our|my|your|another|some|two|three|four|several|many|most|both|all|each|other|former|top|senior|local)$/.test(first) && verbTag(tags) && !nounTag(tags)) return 'clause';
  }
  if (words.length === 1 && fragmentTag(lexiconTags(first)) && !/^(?:he|she|they|it|i|we)$/.test(first)) return 'fragment';
  if (placeWords(bare)) return 'place';
  if (documentWords(words, bare) && !/^\p{Lu}/u.test(words[words.length - 1]!)) return 'document';
  return null;
}

const verbTag = someTag(/Verb|PastTense|Gerund|Infinitive|Modal|Copula|Auxiliary|Negative/);
const nounTag = someTag(/Noun|Singular|Plural|Actor/);
const fragmentTag = someTag(/Conjunction|Adverb|Determiner|Preposition|QuestionWord|Expression/);

/** "Sunday the Rev. Al Sharpton" -> "the Rev. Al Sharpton": time words before a speaker set the scene. */
export function withoutLeadingTime(phrase: string): string {
  const words = phrase.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && isTimePhrase(words[i]!)) i++;
  return i === 0 ? phrase : words.slice(i).join(' ');
}

/** Kinds of body that stand before their own name ("the charity Shelter", "the pressure group Keep Our Parks", "the housing charity, Shelter,"). */
export const GROUP_KIND = /^(?:group|charity|organi[sz]ation|union|association|campaign|movement|network|company|firm|bank|agency|party|club|coalition|alliance|tank|institute|foundation|trust|society|body|watchdog|regulator|newspaper|paper|magazine|broadcaster|website|outlet|station|channel|council|authority|department|ministry|service|force)$/i;

/** Parties and the like that stand before a name as descriptions ("Republican Donald Trump"). */
const PARTY = /^(?:republican|democrat|democratic|independent|conservative|labour|liberal|tory|green|libertarian|socialist|gop)$/i;

/** The kind of place after a place's name: "Wayne County", "Orleans Parish". */
const PLACE_KIND = /^(?:county|parish|borough|township|city)$/i;
/** ...of which these never start a title ("District Attorney" does). */
const PLACE_KIND_ALONE = /^(?:county|parish|borough|township)$/i;

/** One word that names a person by role ("resident", "witness"). */
const ROLE_WORD = new RegExp(`^(?:${PERSON_ROLE.source})$`, 'i');
const isRoleWord = memoised((w: string) => ROLE_WORD.test(w));

const originTag = someTag(/Demonym|Country|Region|City/);

/** What leadingDescriptors asks of a word as written, answered once per distinct word. */
const descriptorWord = memoised((raw: string) => {
  const w = bareWord(raw);
  const tags = lexiconTags(w);
  return {
    placeKind: PLACE_KIND.test(w),
    // ...and a role noun that is no title, capitalised at the start of a sentence ("Resident Anne Marsh", "Witness Tom Hale"),
    // or the kind of place left of a place name cut off before it ("[Oakland] County Sheriff …").
    leadingRole: (isRoleWord(w) && !isTitle(w)) || PLACE_KIND_ALONE.test(w),
    describes: PARTY.test(w) || (originTag(tags) && !personTag(tags)),
    // "Violinist Maria Okafor", "Shareholder Linda Gray": a word for what someone is or does, before a first name.
    occupation: !isTitle(w) && !personTag(tags) && firstNameGender(w) === undefined && (actorTag(tags) || (tags.length === 0 && OCCUPATION_ENDING.test(w))),
    firstName: firstNameGender(w) !== undefined,
    // "ASSOCIATED PRESSOhio Gov. …": capitals run into a capitalised word where a line break was lost; no part of the name.
    glued: GLUED_WORDS.test(raw),
  };
});
const actorTag = someTag(/Actor/);
const GLUED_WORDS = /^\p{Lu}{2,}\p{Lu}\p{Ll}{2,}$/u;
/** How words for a trade or a part someone plays end: violinist, shareholder, campaigner, pensioner, librarian. */
const OCCUPATION_ENDING = /^[a-z]{3,}(?:ist|er|or|ian)$/;

/**
 * How many words (two or three) of a city, state or region open `words`, with "City" or "County" after them if there,
 * then a title or a first name ("New York City Mayor …", not "New Hampshire Public Radio"); 0 when none.
 */
function leadingPlaceLength(words: readonly string[]): number {
  if (words.length < 4 || !/^\p{Lu}/u.test(words[1]!)) return 0;
  for (const n of [3, 2]) {
    if (words.length <= n + 1 || !words.slice(0, n).every((w) => /^\p{Lu}[\p{L}.]*$/u.test(w)) || !placeName(words.slice(0, n).join(' ').toLowerCase())) continue;
    const kind = PLACE_KIND.test(bareWord(words[n]!)) && words.length > n + 2 ? 1 : 0;
    const next = words[n + kind]!;
    return isTitle(next) || firstNameGender(next) !== undefined ? n + kind : 0;
  }
  return 0;
}
const placeName = memoised((phrase: string) => placeTags(lexiconTags(phrase)));

/**
 * How many leading words of a capitalised phrase describe the person rather than name them:
 * party, nationality, place ("Republican Donald Trump", "Texas Sen. Ted Cruz", "French President ...").
 */
export function leadingDescriptors(words: readonly string[]): number {
  let i = 0;
  while (i < words.length - 1) {
    // "Oakland County Sheriff Michael Bouchard", "Jefferson Parish": a place and its kind of place, whatever the first word is.
    if (i + 2 < words.length && /^\p{Lu}/u.test(words[i]!) && descriptorWord(words[i + 1]!).placeKind) {
      i += 2;
      continue;
    }
    // "Los Angeles Mayor Karen Bass", "New York Gov. Ann Bell": a place of two or three words, then the title or name.
    const place = i === 0 ? leadingPlaceLength(words) : 0;
    if (place > 0) {
      i += place;
      continue;
    }
    const facts = descriptorWord(words[i]!);
    const describes = facts.glued || (i === 0 && (facts.leadingRole || (facts.occupation && i + 2 < words.length && descriptorWord(words[i + 1]!).firstName))) || facts.describes;
    if (!describes) break;
    i++;
  }
  return i;
}
