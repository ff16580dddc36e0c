import nlp from 'compromise';
import { pieceCount } from './spaces';
import { mapped, objectList } from './object-list';

export type Gender = 'female' | 'male';

/** compromise's lexicon: a plain word -> tag map, so a lookup is O(1) (its full NLP pass is not needed here). */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;

const NO_TAGS: string[] = [];
const tagCache = new Map<string, string[]>();
export function lexiconTags(word: string): string[] {
  let tags = tagCache.get(word);
  if (tags) return tags;
  const tag = LEXICON[word.toLowerCase()];
  tags = tag === undefined ? NO_TAGS : Array.isArray(tag) ? tag : [tag];
  // Bounded: one article may hold millions of distinct tokens, the cache only the first ones.
  if (tagCache.size < 50_000) tagCache.set(word, tags);
  return tags;
}

/**
 * `(tags) => tags.some((t) => re.test(t))`, answered once per tag list: a word's list is one shared array, never
 * changed, and the rules ask the same questions of the same few thousand words all through an article.
 */
export function someTag(re: RegExp): (tags: readonly string[]) => boolean {
  const known = new WeakMap<readonly string[], boolean>();
  return (tags) => {
    let answer = known.get(tags);
    if (answer === undefined) known.set(tags, (answer = tags.some((t) => re.test(t))));
    return answer;
  };
}

export function firstNameGender(word: string): Gender | null | undefined {
  const tags = lexiconTags(word);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('FirstName')) return null;
  return undefined;
}

export const isKnownFirstName = (w: string) => firstNameGender(w) !== undefined;
export const isKnownSurname = (w: string) => lexiconTags(w).includes('LastName');
/** A capitalised word that is ordinary English at a sentence start ("The", "Despite", "Joining"). */
export const isCommonWord = memoised((w: string) => {
  // "Audiences", "Aides": the lexicon lists the singular only.
  const tags = lexiconTags(w).length === 0 && /[^s]s$/i.test(w) ? lexiconTags(w.slice(0, -1)) : lexiconTags(w);
  return tags.length > 0 && !namedThingTag(tags);
});

/** Determiners, prepositions and the like: never the start of a name ("The", "In", "But"). */
export const isFunctionWord = memoised((w: string) => functionTag(lexiconTags(w)));
const namedThingTag = someTag(/Name|Person|Place|Country|City|Organization/);
const functionTag = someTag(/Determiner|Preposition|Conjunction|Adverb|Pronoun|Verb|Modal|Copula|QuestionWord/);

/** A word as the lexicon knows it: lower case, without a possessive 's or punctuation ("Trump's," -> "trump"). */
export const bareWord = memoised((w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/[^\p{L}\p{N}-]/gu, ''));

/** A word function asked about every word of an article: each word is looked at once. */
export function memoised<T>(test: (w: string) => T): (w: string) => T {
  // An undefined answer is kept as a marker, so that a word seen before costs one lookup, not two.
  const seen = new Map<string, T | typeof NO_ANSWER>();
  return (w) => {
    const known = seen.get(w);
    if (known !== undefined) return (known === NO_ANSWER ? undefined : known) as T;
    const r = test(w);
    if (seen.size < 50_000) seen.set(w, r === undefined ? NO_ANSWER : r);
    return r;
  };
}
const NO_ANSWER = Symbol('no answer');

/** Titles that come before a name; the value is the gender the title implies. */
const TITLES: Record<string, Gender | null> = {
  mr: 'male', mrs: 'female', ms: 'female', miss: 'female', mx: null, sir: 'male', dame: 'female', lord: 'male', lady: 'female',
  baroness: 'female', baron: 'male', dr: null, doctor: null, prof: null, professor: null, rev: null, reverend: null,
  father: 'male', sister: 'female', rabbi: null, imam: null, sen: null, senator: null, rep: null, representative: null,
  gov: null, governor: null, gen: null, general: null, col: null, colonel: null, capt: null, captain: null, lt: null,
  sgt: null, sergeant: null, det: null, detective: null, insp: null, inspector: null, supt: null, superintendent: null,
  ch: null, chief: null, cllr: null, councillor: null, councilman: 'male', councilwoman: 'female', judge: null, justice: null,
  president: null, chancellor: null, secretary: null, mayor: null, pc: null, dc: null, constable: null, officer: null,
  pope: 'male', king: 'male', queen: 'female', prince: 'male', princess: 'female', duke: 'male', duchess: 'female',
  minister: null, premier: null, deputy: null, coach: null, manager: null, commissioner: null, ambassador: null,
  prime: null, vice: null, speaker: null, archbishop: null, bishop: null, cardinal: null, sheriff: null, attorney: null, congressman: 'male', congresswoman: 'female',
};
/**
 * Personal titles, never a name word themselves ("King", "Bishop", "Judge" can be surnames; these cannot). An office
 * ("State Rep.", "Navy Capt.") is left to the description rules: "State" says which house.
 */
const HONORIFIC = /^(?:Sir|Dame|Mr|Mrs|Ms|Dr|Cllr|Prof|Rev)\.?$/;
const NAME_SUFFIXES = new Set(['obe', 'mbe', 'cbe', 'kbe', 'dbe', 'qc', 'kc', 'mp', 'msp', 'ms', 'mla', 'mep', 'jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);
/** "Royal College of Emergency Medicine", "Department for Education": these join an organisation's name. */
const ORG_CONNECTORS = new Set(['of', 'for', 'on']);
const DATE_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'ter', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ben', 'dos', 'das', 'y']);

export const titleGender = memoised((w: string): Gender | null | undefined => TITLES[w.toLowerCase().replace(/\.$/, '')]);
export const isTitle = (w: string) => titleGender(w) !== undefined;
export const isSuffix = memoised((w: string) => NAME_SUFFIXES.has(w.toLowerCase().replace(/[.,]/g, '')));
/** A name word: capitalised, or after a lower-case Arabic or European particle ("al-Awlaki", "bin-Salman"). */
const isCapitalised = (w: string) => /^(?:(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|ul|de|di|da|le|la|du|van|von)-)?\p{Lu}[\p{L}\p{M}'’.\-]*$/u.test(w);

/** What readName asks of a word as written: one lookup per word read, where each question was one (or a pattern test). */
interface NameWordFacts {
  title: Gender | null | undefined;
  capitalised: boolean;
  suffix: boolean;
  firstGender: Gender | null | undefined;
  knownSurname: boolean;
}
const nameWord = memoised((w: string): NameWordFacts => ({
  title: titleGender(w), capitalised: isCapitalised(w), suffix: isSuffix(w), firstGender: firstNameGender(w), knownSurname: isKnownSurname(w),
}));

const FEMALE_ROLES = 'mother mum mom mummy wife daughter sister grandmother grandma gran nan aunt auntie niece girl woman lady girlfriend bride widow actress queen princess duchess chairwoman spokeswoman businesswoman policewoman congresswoman councilwoman headmistress waitress sportswoman granddaughter stepmother fiancee fiancée nun mistress stepdaughter';
const MALE_ROLES = 'father dad daddy husband son brother grandfather grandpa grandad uncle nephew boy man gentleman boyfriend groom widower king prince duke chairman spokesman businessman policeman congressman councilman headmaster sportsman grandson stepfather fiance fiancé monk stepson';
const ROLE_GENDER = new Map<string, Gender>([
  ...FEMALE_ROLES.split(' ').map((w) => [w, 'female'] as [string, Gender]),
  ...MALE_ROLES.split(' ').map((w) => [w, 'male'] as [string, Gender]),
]);
export const roleGender = (noun: string): Gender | undefined => ROLE_GENDER.get(noun.toLowerCase());
export const GENDERED_ROLE_PATTERN = [...ROLE_GENDER.keys()].join('|');

/** Nouns that name a person by role; "the doctor said" usually means the person just named. */
export const PERSON_ROLE = new RegExp(
  `\\b(?:${GENDERED_ROLE_PATTERN}|doctor|surgeon|nurse|mayor|minister|officer|official|spokesperson|spokesman|spokeswoman|player|coach|manager|actor|singer|star|lawyer|attorney|judge|senator|president|chief|executive|founder|director|teacher|professor|scientist|researcher|author|writer|artist|driver|pilot|owner|resident|witness|victim|survivor|student|worker|farmer|campaigner|activist|leader|politician|candidate|economist|analyst|expert|striker|captain|veteran|doctor|chef|pensioner|parent|\\d+-year-old|` +
    // People of politics and the press, as news names them ("a Trump supporter", "one Democrat familiar with the talks").
    `supporter|critic|opponent|voter|delegate|staffer|aide|adviser|advisor|front-?runner|nominee|hopeful|contender|rival|challenger|` +
    `lawmaker|legislator|strategist|consultant|operative|donor|historian|commentator|blogger|journalist|reporter|editor|columnist|` +
    `pollster|lobbyist|prosecutor|investigator|agent|soldier|protester|demonstrator|organi[sz]er|advocate|ally|colleague|employee|` +
    `democrat|republican|diplomat|negotiator|comedian|pastor|priest|cleric|preacher|scholar|academic|physician|volunteer|insider|` +
    `host|anchor|moderator|governor|commissioner|ambassador|secretary|chairman|chairwoman|source|` +
    // People of everyday news, as local and UK papers name them ("a forecaster said", "one shopkeeper told the BBC").
    `forecaster|shopkeeper|shopper|trader|passenger|commuter|motorist|cyclist|pedestrian|tenant|landlord|homeowner|householder|` +
    `neighbou?r|onlooker|bystander|eyewitness|spectator|fan|paramedic|firefighter|constable|sergeant|detective|inspector|` +
    `headteacher|headmaster|headmistress|principal|pupil|midwife|carer|councillor|councilman|councilwoman|mp|mep|engineer|` +
    `planner|architect|builder|athlete|referee|umpire|boss|entrepreneur|businessman|businesswoman|landowner|fisherman|` +
    `villager|holidaymaker|tourist|visitor|customer|patient|relative|mourner|chaplain|rabbi|imam|vicar|` +
    // Workers by trade, as a local story names them ("one healthcare assistant said", "a cleaner at the hospital"; not "porter", also a name).
    `assistant|receptionist|cleaner|cashier|caretaker|janitor|technician|mechanic|plumber|electrician|labou?rer|miner|steelworker|waiter|waitress|bartender)s?\\b`,
  'i',
);

const ORG_WORDS = /\b(?:Government|Office|Ministry|Department|Council|Police|Service|Services|Agency|Association|Company|Group|University|Hospital|Committee|Party|Union|Club|Court|News|Commission|Foundation|Institute|Trust|Bank|Inc|Ltd|Corp|Authority|Board|Network|Times|Post|BBC|ITV|CNN|Reuters|Kremlin|Pentagon|Street|House|Administration|Federation|League|Society|Centre|Center|Force|Army|Navy|Command|Organisation|Organization|Council|Parliament|Congress|Senate|Assembly|Cabinet|Embassy|Fund|Programme|Program|Alliance|Coalition|Campaign|Charity|Brigade|Helmets|Nations|Watch|International|Media|Press|Industries|Airlines|Motors|Energy|Partners)\b/;

/** Lexicon tags of a place that is not also a person's name ("Asia", not "Georgia" the first name). */
export const placeTags = (tags: readonly string[]) => placeTag(tags) && !personTag(tags);
const placeTag = someTag(/Place|Country|City|Region/);
/** A person's name or the like among a word's tags. */
export const personTag = someTag(/Person|Name/);
const isPlaceWord = (w: string) => placeTags(lexiconTags(w));
/** Last words of place and building names. */
const PLACE_NOUN = /^(?:County|City|Township|Province|District|Avenue|Boulevard|Road|Tower|Towers|Plaza|Hotel|Casino|Airport|Stadium|Arena|Valley|Square|Beach|Mountains|Island|Islands|Heights)$/;

export interface ParsedName {
  /** Title words, name words and suffixes as written: "Professor David Nott OBE". */
  full: string;
  /** The name without titles and suffixes: "David Nott". */
  bare: string;
  first: string | null;
  surname: string | null;
  gender: Gender | null;
  /** Evidence that this names a person, not an organisation. */
  person: boolean;
  /** Stronger evidence: a title, or a first name or surname English speakers know. */
  known: boolean;
  /** How many words of the input it used. */
  used: number;
}

/** A title or a known first name, and a surname after it (or a title and a surname): "of" after that starts where the person is from or works, not more name. */
const personSoFar = (titleCount: number, names: readonly string[]) =>
  (names.length === 2 && (titleCount > 0 || firstNameGender(names[0]!) !== undefined) && !ORG_WORDS.test(names[1]!)) ||
  // "Lord Grant of Hale", "Mayor Jones of Leeds": a title and a surname.
  (names.length === 1 && titleCount > 0 && !ORG_WORDS.test(names[0]!));

/** Reads a proper name from the start of `words` ("Dr", "Ahmad", "Tarakji", ...). */
export function readName(words: readonly string[]): ParsedName | null {
  // (The titles are words[0, titleCount) and the suffixes words[suffixStart, used): counted, not copied into arrays of
  // their own, nor the name words' facts: this runs for most capitalised words of an article.)
  let i = 0;
  let gender: Gender | null = null;
  // The facts of words[i] (undefined past the last word), looked up once whichever steps below ask.
  let facts = words.length > 0 ? nameWord(words[0]!) : undefined;
  while (facts && facts.title !== undefined && facts.capitalised) {
    gender = facts.title ?? gender;
    facts = ++i < words.length ? nameWord(words[i]!) : undefined;
  }
  const titleCount = i;
  const names: string[] = [];
  let firstFacts: NameWordFacts | undefined;
  let lastFacts: NameWordFacts | undefined;
  while (facts) {
    const w = words[i]!.endsWith('s') ? words[i]!.replace(/[’']s$/, '') : words[i]!;
    const possessive = w !== words[i];
    const wordFacts = possessive ? nameWord(w) : facts;
    // "Hale Valley Sir John Bright": an honorific after a name word starts the next name (the place before it is no part of it).
    if (names.length > 0 && HONORIFIC.test(w)) break;
    if (wordFacts.capitalised && !wordFacts.suffix) names.push(w);
    // ("Council on Foreign Relations" joins; "Ann Bell on Friday", "Jo Pike in March" do not: a date is no part of a name;
    // nor is where a person is from: "Sen. Rand Paul of Kentucky", "Sen. Dan Hale of Peoria", "Jo Pike of Acme Bank".)
    else if ((PARTICLES.has(w.toLowerCase()) || ORG_CONNECTORS.has(w)) && names.length > 0 && i + 1 < words.length && isCapitalised(words[i + 1]!.replace(/[’']s$/, '')) && !DATE_WORD.test(words[i + 1]!) &&
      !(w === 'of' && (titleCount > 0 || firstNameGender(names[0]!) !== undefined) && (isPlaceWord(bareWord(words[i + 1]!)) || personSoFar(titleCount, names)))) names.push(w);
    else break;
    firstFacts ??= wordFacts;
    lastFacts = wordFacts;
    facts = ++i < words.length ? nameWord(words[i]!) : undefined;
    if (possessive) break;
  }
  const suffixStart = i;
  while (facts && facts.suffix && /^\p{Lu}/u.test(words[i]!)) {
    facts = ++i < words.length ? nameWord(words[i]!) : undefined;
  }
  if (names.length === 0) {
    // "…," said Baron.: a surname that is also a title, alone where a name stands.
    if (words.length === 1 && titleCount === 1 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|President|Minister|Mayor|Speaker|Chancellor|Secretary|Judge|Justice|Governor|Senator|Pope|King|Queen|Prince|Princess|Deputy|Officer|Coach|Manager|Doctor|Professor|Chief)$/.test(words[0]!)) {
      return { full: words[0]!, bare: words[0]!, first: null, surname: words[0]!, gender, person: false, known: false, used: 1 };
    }
    // A bare title with a role ("the Prime Minister") is not a name.
    return null;
  }
  const first = names.length > 1 || titleCount === 0 ? names[0]! : null;
  const surname = names[names.length - 1]!;
  const firstGender = first ? firstFacts!.firstGender : undefined;
  const knownSurname = lastFacts!.knownSurname;
  gender = gender ?? (firstGender ?? null);
  const bare = names.join(' ');
  const joined = names.some((w) => ORG_CONNECTORS.has(w));
  // "Jefferson County", "Trump Tower Manila": a place or a building, whatever first name it starts with.
  // ...and "Central Asia", "New York": a place name last, with no title or first name to make it a person's.
  const place = (names.length >= 2 && names.slice(1).some((w) => PLACE_NOUN.test(w))) ||
    (titleCount === 0 && firstGender === undefined && names.length >= 2 && isPlaceWord(surname));
  const person = !joined && !place && (titleCount > 0 || firstGender !== undefined || knownSurname || (names.length >= 2 && names.length <= 4 && !ORG_WORDS.test(bare)));
  const known = titleCount > 0 || firstGender !== undefined || knownSurname;
  // (mapped, not map: the spread below read map()'s result, whose hidden class depends on whether the caller runs optimised.)
  const full = titleCount === 0 && suffixStart === i ? bare : [...words.slice(0, titleCount), ...names, ...mapped(words.slice(suffixStart, i), withoutTrailingComma)].join(' ');
  return { full, bare, first, surname, gender, person, known, used: i };
}

const withoutTrailingComma = (w: string) => w.replace(/,$/, '');

export const looksLikeOrganisation = (s: string) => ORG_WORDS.test(s);

/** " and Sue Pellow": "and", a first name, then the surname the couple share. */
const AND_FIRST_SURNAME = /^\s+and\s+(\p{Lu}\p{Ll}+)\s+(\p{Lu}[\p{L}’'-]+)/u;

/**
 * "Graham and Sue Pellow": a first name alone, joined by "and" to a first name and a surname, shares that surname (so
 * "Mr Pellow" is Graham Pellow, not Sue); `after` is the text right after the first name. Any other name as it is.
 */
export function withSharedSurname(name: ParsedName, after: string): ParsedName {
  if (name.full !== name.bare || name.bare.includes(' ') || firstNameGender(name.bare) === undefined) return name;
  const m = AND_FIRST_SURNAME.exec(after);
  if (!m || firstNameGender(m[1]!) === undefined) return name;
  const joint = readName([name.bare, m[2]!]);
  return joint?.person && joint.used === 2 ? joint : name;
}

/**
 * "The RSPCA", "OPEC", "the VWS": a word of capitals that is no English word, place or title names an organisation
 * (so "it said" after "The RSPCA took in …" goes back to it, not to a body named paragraphs before).
 */
export const isAcronym = memoised((w: string) => /^\p{Lu}{2,6}$/u.test(w) && !isTitle(w) && !isSuffix(w) && !COMMON_INITIALISMS.has(w) && !lexiconTags(w).some((t) => t !== 'Organization'));
/** Letters that name a thing or an office, not a body that speaks ("The PM called it brave", "The GP told her"). */
const COMMON_INITIALISMS = new Set('PM GP AI DNA ID PR VAR ICU IVF PPE CCTV TV CEO CFO COO GDP HIV AIDS IQ IT OK PC SUV ATM CPR ER ADHD MRI VAT GCSE PHD MP MSP MEP QC KC DJ VIP HQ UFO USB PIN'.split(' '));
/** "The Voluntary Welfare Society (VWS)": the letters in brackets after a name are that name again. */
export const BRACKETED_ACRONYM = /^\s*\((\p{Lu}{2,6})\)/u;

/** Whether a person already known by a full name has a first name other than `first`. */
function otherFirstName(entity: Entity, first: string): boolean {
  if (entity.kind !== 'person') return false;
  // "Wasserman Schultz" after "Debbie Wasserman Schultz" is her double surname, not a relative.
  const words = fullNameWords(entity.name);
  return words !== null && !words.includes(first.toLowerCase());
}

/** The lower-case words of a full name that has a first name ("Debbie Wasserman Schultz"), else null; asked at every mention. */
const fullNameWords = memoised((name: string): string[] | null => {
  const known = readName(name.split(' '));
  const words = known?.bare.toLowerCase().split(' ') ?? [];
  return known?.first && words.length > 1 ? words : null;
});

/** A name without its titles, to name someone by relation: "Khalid's mother". */
export const possessorName = (e: { name: string }) => e.name.split(' ').filter((w) => !isTitle(w)).join(' ');

// ---------------------------------------------------------------------------------------
// Who is who: entities, their mentions in narration, and pronoun resolution.

export interface Entity {
  id: number;
  kind: 'person' | 'group';
  name: string;
  /** Lower-case keys that refer to this entity: surname, full bare name, description. */
  keys: Set<string>;
  gender: Gender | null;
  description: string | null;
  /** Name mentions, as [start, end) offsets into the model text. */
  mentions: { start: number; end: number }[];
  /** Known by a proper name, not only a description. */
  named: boolean;
  /** A body known by its noun alone ("The local authority"), which "it" may go back to as to a named one. */
  body?: boolean;
  /** Described while saying something about a "he" or "she" ("One club source said he had lost …"): "he" after that may be either. */
  doubtful?: boolean;
  /** The age the narration gave with the name ("Jenny Walsh, 29,"), so "the 34-year-old" is someone else. */
  age?: number;
}

export interface MentionEvent {
  at: number;
  sentence: number;
  entity: Entity;
  /** The subject of its clause ("Kunin said", "Clinton, 68, argued"), not an object ("thanked Clinton"). */
  subject: boolean;
  /** The person named right before, joined to this one by "and" ("Mark Ford and Paul Hardy both visited"). */
  joined?: Entity;
  /** Named as the owner of someone named next ("Ms Lee's mother, Carol"): that one is who the sentence is about. */
  possessive?: boolean;
}

/** How far back (in blocks) a pronoun may look for its antecedent. */
const PRONOUN_WINDOW = 10;
/** "it said" / "they said" reach an organisation named in this paragraph or the one before, no further. */
const PLURAL_PRONOUN_WINDOW = 2;

/**
 * "Mark Ford and Paul Hardy both visited. He said …": two people who fit the pronoun, joined by "and" in the
 * sentence it would go back to, leave the listener to guess; the pronoun names neither.
 */
export function jointCandidates(list: readonly MentionEvent[], chosen: MentionEvent, fits: (e: Entity) => boolean): boolean {
  return list.some((ev) => ev.sentence === chosen.sentence && ev.joined !== undefined && (ev.entity === chosen.entity || ev.joined === chosen.entity) && fits(ev.entity) && fits(ev.joined));
}

export class Registry {
  readonly entities = objectList<Entity>();
  private readonly byKey = new Map<string, Entity>();
  private readonly events = new Map<number, MentionEvent[]>();

  find(key: string): Entity | undefined {
    return this.byKey.get(key.toLowerCase());
  }

  /** Another name for a known entity ("VWS" for "Voluntary Welfare Society"), unless it already names someone. */
  alias(entity: Entity, key: string): void {
    if (!this.byKey.has(key.toLowerCase())) this.byKey.set(key.toLowerCase(), entity);
  }

  /** The entity a parsed name refers to, created when new; a longer form of the name replaces a shorter one. */
  person(name: ParsedName, description: string | null): Entity {
    // People are found again by surname ("Tarakji"); organisations only by their whole name ("Police Scotland").
    // (Each key looked up once, the surname only when the whole name is not known: asked at every mention of a name.)
    const bareKey = name.bare.toLowerCase();
    const surnameKey = (name.person ? name.surname?.toLowerCase() : undefined) || undefined;
    const byBare = this.byKey.get(bareKey);
    const bySurname = byBare === undefined && surnameKey !== undefined ? this.byKey.get(surnameKey) : undefined;
    let entity = byBare ?? bySurname;
    // "Sir Edmund" after "Sir Edmund Calloway": a knight or dame is named by first name.
    if (/^(?:Sir|Dame)\b/.test(name.full) && name.bare.split(' ').length === 1) {
      entity = this.entities.find((e) => e.kind === 'person' && e.name.startsWith(`${name.full.split(' ')[0]} ${name.bare} `)) ?? entity;
    }
    // "Mr Smith" must not merge into a "Jane Smith" whose gender says otherwise; another Smith who may be him is the one
    // ("Mrs Pellow" after "Graham and Sue Pellow" is Sue), when that Smith is known to be of that gender ("his son, Jordan Smith" is no Mrs Smith).
    if (entity && name.gender && entity.gender && entity.gender !== name.gender) {
      const other = entity;
      entity = name.bare === name.surname ? this.entities.find((e) => e !== other && e.kind === 'person' && e.named && e.name.endsWith(` ${name.surname}`) && e.gender === name.gender) : undefined;
    }
    // ...nor "Chloe Dunne" into "Margaret Dunne": relatives share a surname, not a first name.
    if (entity && name.person && name.first && name.bare.includes(' ') && otherFirstName(entity, name.first)) entity = undefined;
    if (!entity) {
      entity = this.create(name.person ? 'person' : 'group', name.full, name.gender, description);
      entity.named = true;
    } else {
      if (pieceCount(name.full) > pieceCount(entity.name)) entity.name = name.full;
      entity.gender = entity.gender ?? name.gender;
      entity.description = entity.description ?? description;
      if (name.person) entity.kind = 'person';
    }
    // The surname alone still means the one named first: "Trump said" after "Melania Trump" is Donald Trump.
    if (byBare === undefined) this.byKey.set(bareKey, entity);
    if (surnameKey !== undefined && bySurname === undefined && !this.byKey.has(surnameKey)) this.byKey.set(surnameKey, entity);
    return entity;
  }

  /** A speaker known only by a description ("A spokesperson for Tesco", "Khalid's mother"). */
  described(name: string, kind: 'person' | 'group', gender: Gender | null): Entity {
    const key = name.toLowerCase().replace(/^(?:the|a|an|one)\s+/, '');
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const entity = this.create(kind, name, gender, null);
    this.byKey.set(key, entity);
    return entity;
  }

  private create(kind: Entity['kind'], name: string, gender: Gender | null, description: string | null): Entity {
    // (Made with every field, age unset and the flags false: one hidden class for all entities, so the code reading them
    // stays optimised; a flag added to some later gave them another.)
    const entity: Entity = { id: this.entities.length, kind, name, keys: new Set(), gender, description, mentions: [], named: false, body: false, doubtful: false, age: undefined };
    this.entities.push(entity);
    return entity;
  }

  mention(entity: Entity, block: number, sentence: number, at: number, range?: { start: number; end: number }, subject = false, joined?: Entity, possessive = false): void {
    let list = this.events.get(block);
    if (!list) this.events.set(block, (list = []));
    // (One literal with every field: events of two or three hidden classes made the pronoun searches over them deoptimise.)
    const event: MentionEvent = { at, sentence, entity, subject, joined: joined && joined !== entity ? joined : undefined, possessive };
    list.push(event);
    if (range) entity.mentions.push(range);
  }

  /**
   * The person a pronoun at (block, at) refers to: the most recent sentence with a compatible
   * mention wins, and within it the first mention (usually the subject).
   */
  resolvePronoun(pronoun: string, block: number, at: number): Entity | null {
    const p = pronoun.toLowerCase();
    const want: Gender | null = p === 'he' || p === 'his' || p === 'him' ? 'male' : p === 'she' || p === 'her' ? 'female' : null;
    const plural = p === 'they' || p === 'their' || p === 'them' || p === 'it' || p === 'its';
    // "it said" / "they said": only a named organisation ("Tesco", "the Home Office") is a safe antecedent.
    const fits = (e: Entity) => (plural ? e.kind === 'group' && (e.named || (e.body === true && (p === 'it' || p === 'its'))) : e.kind === 'person' && (e.gender === null || e.gender === want));
    // "they wrote" two paragraphs after "the Bank of England" is more likely the people named in between by a common noun ("economists at …").
    const window = plural ? PLURAL_PRONOUN_WINDOW : PRONOUN_WINDOW;
    for (let b = block; b >= 0 && b > block - window; b--) {
      // (A body known by its noun alone is "it" only in its own paragraph: after that, "it" may be any body named since.)
      const list = (this.events.get(b) ?? []).filter((ev) => (b < block || ev.at < at) && fits(ev.entity) && (b === block || ev.entity.body !== true));
      if (list.length === 0) {
        // "Alan Ford said … . She also accused …": this paragraph's subject is someone of the other gender, so "she" is
        // someone the listener has to work out; a woman from paragraphs before is a guess.
        if (b === block && want && this.otherGenderSubjectBefore(block, at, want)) return null;
        continue;
      }
      // "she" after several people in a paragraph: the most recent one of that gender who was the subject of a clause.
      const subjects = list.filter((ev) => ev.subject);
      // Within that sentence the first subject is the main clause's ("Reid said that Sanders had energized them" -> Reid).
      let lastSentence = -1;
      for (const ev of list) lastSentence = Math.max(lastSentence, ev.sentence);
      // With no subject, an owner ("was welcomed by Ms Lee's mother, Carol") gives way to another mention in that sentence.
      const last = list.filter((ev) => ev.sentence === lastSentence).sort((x, y) => x.at - y.at);
      const chosen = subjects.length
        ? subjects.reduce((x, y) => (y.sentence > x.sentence || (y.sentence === x.sentence && y.at < x.at) ? y : x))
        : last.find((ev) => !ev.possessive);
      // "Health Secretary Wes Carter met them, but Dr Fiona Bell said … . "…," she said": a subject of that sentence known
      // to be a woman may be "she" as well as the first one, whose gender we do not know: the listener is not told.
      if (want && chosen && chosen.entity.gender === null && subjects.some((ev) => ev.sentence === chosen.sentence && ev.entity !== chosen.entity && ev.entity.gender === want)) return null;
      // ("Okafor's mother, Chidi, travelled …" with Chidi no name we could read: the sentence is about her, not Okafor.)
      if (!chosen) return null;
      if (want && chosen.entity.doubtful) return null;
      return want && jointCandidates(list, chosen, fits) ? null : chosen.entity;
    }
    return null;
  }

  /** Whether a named person of the other gender is the subject of a clause earlier in this paragraph. */
  private otherGenderSubjectBefore(block: number, at: number, gender: Gender): boolean {
    return (this.events.get(block) ?? []).some((ev) => ev.subject && ev.at < at && ev.entity.kind === 'person' && ev.entity.gender !== null && ev.entity.gender !== gender);
  }

  /** The person a passage is about: the most recent named person who was the subject of a clause, within the pronoun window. */
  recentSubject(block: number, at: number, gender: Gender | null): Entity | null {
    for (let b = block; b >= 0 && b > block - PRONOUN_WINDOW; b--) {
      const list = (this.events.get(b) ?? []).filter(
        (ev) => ev.subject && (b < block || ev.at < at) && ev.entity.kind === 'person' && ev.entity.named && (gender === null || ev.entity.gender === null || ev.entity.gender === gender),
      );
      if (list.length) return list.reduce((x, y) => (y.at > x.at ? y : x)).entity;
    }
    return null;
  }

  /** The most recently mentioned person within the window, for "the doctor said". */
  recentPerson(block: number, at: number, gender: Gender | null): Entity | null {
    for (let b = block; b >= 0 && b > block - 3; b--) {
      const list = (this.events.get(b) ?? []).filter(
        (ev) => (b < block || ev.at < at) && ev.entity.kind === 'person' && /\p{Lu}/u.test(ev.entity.name[0] ?? '') && !ev.entity.name.includes("'s ") && (gender === null || ev.entity.gender === null || ev.entity.gender === gender),
      );
      if (list.length) return list.sort((x, y) => y.at - x.at)[0]!.entity;
    }
    return null;
  }

  /** Speakers known only by a description ("A council spokesman"), mentioned in `block` before `at` or in the two blocks before, latest first. */
  recentDescribed(block: number, at: number): Entity[] {
    const out: Entity[] = [];
    for (let b = block; b >= 0 && b > block - 3; b--) {
      const list = (this.events.get(b) ?? []).filter((ev) => (b < block || ev.at < at) && !ev.entity.named).sort((x, y) => y.at - x.at);
      for (const ev of list) if (!out.includes(ev.entity)) out.push(ev.entity);
    }
    return out;
  }

  /** The subject of the last sentence in `block` that has a named subject, if any. */
  lastSubjectIn(block: number): Entity | null {
    const list = (this.events.get(block) ?? []).filter((ev) => ev.subject && ev.entity.named);
    if (list.length === 0) return null;
    const lastSentence = Math.max(...list.map((ev) => ev.sentence));
    const all = (this.events.get(block) ?? []).filter((ev) => ev.sentence === lastSentence);
    const subjects = list.filter((ev) => ev.sentence === lastSentence).sort((x, y) => x.at - y.at);
    // Only when that sentence is the paragraph's last one with anybody in it.
    const latest = Math.max(...(this.events.get(block) ?? []).map((ev) => ev.sentence));
    return latest === lastSentence && all.length > 0 ? subjects[0]!.entity : null;
  }

  /** Whether `entity` is mentioned in `block` before offset `at`. */
  mentionedBefore(entity: Entity, block: number, at: number): boolean {
    return (this.events.get(block) ?? []).some((ev) => ev.entity === entity && ev.at < at);
  }

  /** Whether `entity` is the subject of a clause in `block`. */
  isSubjectIn(block: number, entity: Entity): boolean {
    return (this.events.get(block) ?? []).some((ev) => ev.subject && ev.entity === entity);
  }

  /** The people named in up to `count` paragraphs before `block`, each once. */
  peopleNamedBefore(block: number, count: number): Entity[] {
    const out: Entity[] = [];
    for (let b = Math.max(0, block - count); b < block; b++) for (const e of this.peopleIn(b)) if (e.named && !out.includes(e)) out.push(e);
    return out;
  }

  /** People mentioned in one block, in order (for quotes that follow a paragraph about one person). */
  peopleIn(block: number): Entity[] {
    const seen: Entity[] = [];
    for (const ev of [...(this.events.get(block) ?? [])].sort((x, y) => x.at - y.at)) {
      if (ev.entity.kind === 'person' && !seen.includes(ev.entity)) seen.push(ev.entity);
    }
    return seen;
  }
}
