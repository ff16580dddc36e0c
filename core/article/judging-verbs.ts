/**
 * Verbs of saying, writing and judging: what a subject does when the words in quotes after it
 * are theirs ("Cruz blasted the ruling as "lawless"", "Ramos believes in journalism that
 * "takes sides"") rather than a name or a scare quote in the narrator's sentence ("the SVP
 * launched the "expulsion initiative"", "Trump landed in Phoenix for a "policy address"").
 * Every inflection is generated once from the base forms, so a lookup is one Set access.
 */

import { bareWord, lexiconTags, someTag } from './people';

const BASE_FORMS = (
  // saying and answering
  'say tell add answer reply respond remark comment mention note state declare announce proclaim repeat reiterate ' +
  'explain recall recount insist maintain argue contend assert claim allege affirm confirm acknowledge admit concede deny ' +
  'testify swear vow pledge promise guarantee assure warn caution threaten predict forecast suggest propose recommend advise ' +
  'urge demand ask plead appeal beg invite thank apologize apologise joke quip tease boast brag complain grumble grouse lament ' +
  'bemoan mourn regret concede object protest sigh shout yell scream cry whisper mutter exclaim interject chime tweet post ' +
  'write text email wonder muse reflect observe stress emphasize emphasise underscore highlight cite quote reference refer ' +
  'talk speak riff preach lecture testify signal hint imply pitch tout promote market ' +
  // judging and naming
  'call dub label brand term name describe characterize characterise portray paint frame cast depict style hail herald ' +
  'praise laud applaud commend celebrate welcome credit thank congratulate endorse back champion defend excuse justify ' +
  'criticize criticise blast slam knock hit attack assail rip lash berate scold chide rebuke reproach mock ridicule deride ' +
  'taunt dismiss disparage belittle decry denounce condemn deplore accuse blame fault charge question challenge doubt dispute ' +
  'reject rebuff scoff sneer rail fume vent gripe whine lambast lambaste skewer savage pan trash hammer needle jab dig ' +
  'liken compare equate contrast deem judge consider rate rank grade view regard diagnose ' +
  // thinking and feeling, when news reports them as the subject's own words
  'think believe feel fear hope worry expect doubt suspect figure reckon guess imagine assume agree disagree insist want wish'
).split(' ');

const VOWEL = /[aeiou]/;

/** The inflections of an English verb, generously: over-generating costs nothing, a missed form costs a quote. */
function inflections(base: string): string[] {
  const out = [base];
  const last = base.charAt(base.length - 1);
  const stem = base.slice(0, -1);
  // third person: says, blasts, criticizes, decries, wishes
  if (/(?:s|sh|ch|x|z)$/.test(base)) out.push(`${base}es`);
  else if (last === 'y' && !VOWEL.test(base.charAt(base.length - 2))) out.push(`${stem}ies`);
  else out.push(`${base}s`);
  // past: blasted, described, decried, slammed (and the undoubled form, harmlessly)
  if (last === 'e') out.push(`${base}d`);
  else if (last === 'y' && !VOWEL.test(base.charAt(base.length - 2))) out.push(`${stem}ied`);
  else out.push(`${base}ed`);
  // present participle: describing, slamming
  out.push(last === 'e' && !base.endsWith('ee') ? `${stem}ing` : `${base}ing`);
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) out.push(`${base}${last}ed`, `${base}${last}ing`);
  return out;
}

const IRREGULAR = 'said told thought felt wrote written spoke spoken swore sworn'.split(' ');

const JUDGING = new Set([...BASE_FORMS.flatMap(inflections), ...IRREGULAR]);

/** Whether a (lower-case) word is a form of a verb of saying, writing or judging. */
export const isJudgingVerb = (word: string): boolean => JUDGING.has(word.toLowerCase());

/** Whether the narration between a subject and a quote holds a verb of saying or judging ("released a statement condemning"). */
export function judgingVerbAfter(clause: string): boolean {
  const words = clause.split(/[^\p{L}’'-]+/u);
  return words.some((w, i) => w && /^\p{Ll}/u.test(w) && JUDGING.has(w) && !(i > 0 && isPluralNounAfter(words[i - 1]!, w)));
}

/** Quantifiers and determiners before a plural noun ("many states", "the reports"). */
const QUANTIFIER = /^(?:many|several|some|few|all|most|other|both|these|those|the|two|three|four|five|numerous|various|multiple|recent|new|daily|weekly|further|his|her|their|its|our)$/i;

/** "many Asian states", "several news reports": an -s form after an adjective or a quantifier is a plural noun, not a verb. */
export function isPluralNounAfter(previous: string, word: string): boolean {
  if (!/[^s]s$/.test(word)) return false;
  const tags = lexiconTags(bareWord(previous));
  return QUANTIFIER.test(previous) || (modifierTag(tags) && !nounTag(tags));
}
const modifierTag = someTag(/Adjective|Demonym|Value|Cardinal/);
const nounTag = someTag(/Noun|Pronoun|Person/);
