/**
 * "The Irishman admitted …", "The 34-year-old said …", "The Spaniard added …": news refers back to
 * the person a passage is about by nationality or age, with "the". Such a description at the start
 * of a sentence, before its verb, names nobody new: it is that person again, as the subject of a
 * clause, so a "he said" after it finds them and not whoever was named in passing since.
 */
import type { Gender } from './people';
import { PERSON_ROLE, lexiconTags, roleGender } from './people';

export interface DefiniteSubject {
  /** Offset of "The" in the text. */
  at: number;
  phrase: string;
  gender: Gender | null;
  /** A body named by its noun alone ("The local authority said"), not a person referred back to. */
  body?: true;
  /** A described speaker whose words are about a "he" or "she" ("One club source said he had lost …"): of which gender. */
  about?: Gender;
}

/** "The" at a sentence start, up to three words of description, then a lower-case word (its verb). */
const SENTENCE_THE = /(?:^|[.!?]["”’)]?\s+)(The\s+((?:[\p{L}\d-]+\s+){0,2}?[\p{L}\d-]+))\s+(?=\p{Ll})/gu;
const AGE = /^\d{1,3}-year-old$/;
const DEMONYM_PERSON = /^\p{Lu}\p{Ll}+(man|woman)$/u;

/**
 * Singular nouns for a body that "it" may go back to ("The local authority said it was investigating. In a statement,
 * it said: …"). Plurals and people are left out: "they" and "he"/"she" have their own rules.
 */
const BODY_NOUN = 'council|authority|company|firm|trust|department|ministry|agency|charity|hospital|school|university|college|club|board|government|regulator|watchdog|operator|airline|bank|union|commission|inspectorate|retailer|supermarket|broadcaster|insurer|utility|landlord|developer|manufacturer|publisher|federation|association|organi[sz]ation|body';
/** After "The ": up to two lower-case words, the body's noun, then its verb ("The company director said" is a person). */
const BODY_AFTER_THE = new RegExp(`((?:\\p{Ll}+\\s+){0,2}(?:${BODY_NOUN}))\\s+(?=(?:said|says|told|tells|added|confirmed|announced|apologi[sz]ed|insisted|denied|warned|admitted|declined|refused|agreed|stated|responded|replied|explained|is|was|has|had|will|would|did|does)\\b)`, 'uy');
/** Another body named in the paragraph after one ("Separately, the local council said …"): "it" may be either. */
export const ANOTHER_BODY = new RegExp(`\\b(?:the|a|an|its|their)\\s+(?:\\p{Ll}+\\s+){0,2}(?:${BODY_NOUN}|service|agency|police|force)\\b`, 'iu');

/** The head word of a description that refers back to a person, and the gender it says; undefined when it does not refer back. */
function referringHead(words: readonly string[]): Gender | null | undefined {
  const last = words[words.length - 1]!;
  const noun = DEMONYM_PERSON.exec(last);
  if (noun) return noun[1] === 'woman' ? 'female' : 'male';
  // "The 34-year-old mother-of-two": the noun after the age may say more.
  if (AGE.test(words[0]!)) return roleGender(words[1]?.split('-')[0] ?? '') ?? null;
  // "The Spaniard", "the Brazilian": one capitalised nationality word.
  if (words.length === 1 && /^\p{Lu}/u.test(last) && lexiconTags(last).includes('Demonym')) return null;
  return undefined;
}

/**
 * Sentence-initial definite descriptions that refer back to a person ("The Irishman", "The 34-year-old mother-of-two"),
 * and bodies named by their noun alone ("The local authority").
 */
export function definiteSubjects(text: string): DefiniteSubject[] {
  const out: DefiniteSubject[] = [];
  SENTENCE_THE.lastIndex = 0;
  for (let m = SENTENCE_THE.exec(text); m; m = SENTENCE_THE.exec(text)) {
    const words = m[2]!.split(/\s+/);
    // "The 34-year-old mother-of-two said": the lower-case word after an age is its noun, not yet the verb.
    if (words.length === 1 && AGE.test(words[0]!)) words.push(/^[\p{Ll}-]+/u.exec(text.slice(m.index + m[0].length))?.[0] ?? '');
    // "The local authority said …": lower-case words ending in a body's noun.
    BODY_AFTER_THE.lastIndex = m.index + m[0].indexOf(m[1]!) + 4;
    const body = /^\p{Ll}/u.test(words[0]!) ? BODY_AFTER_THE.exec(text) : null;
    if (body) {
      out.push({ at: m.index + m[0].indexOf(m[1]!), phrase: `The ${body[1]!}`, gender: null, body: true });
      continue;
    }
    const gender = referringHead(words);
    if (gender === undefined) continue;
    out.push({ at: m.index + m[0].indexOf(m[1]!), phrase: m[1]!, gender });
  }
  return out;
}

/**
 * A sentence that opens on someone described, not named, who says something: "A police officer said …",
 * "Germany's economy minister told reporters …", "One diplomat added …".
 * Up to four words after the article or owner, the last a lower-case word for a person, then a speech verb.
 */
const DESCRIBED_SPEAKER = /(?:^|[.!?]["”’)]?\s+)((?:A|An|One|Another|(?:The\s+)?\p{L}[\p{L}-]*[’']s)\s+(?:[\p{L}-]+\s+){0,3}?([\p{Ll}-]+))\s+(?:also\s+)?(?:said|says|told|added|warned|argued|insisted|explained|wrote|stressed|noted|admitted|acknowledged|agreed|conceded|confirmed|denied|suggested|urged)\b/gu;
const CONTRACTION_OPENING = /^(?:that|here|there|what|who|it|he|she|let|where|how|when)[’']s\s/i;
const THIRD_PERSON = /\b(?:he|she|him|his|her)\b/i;
/** The head noun of a person's description, and no word that makes it a body of people or a thing. */
const PERSON_HEAD = new RegExp(`^(?:${PERSON_ROLE.source.replace(/^\\b/, '')})$`);

/** Sentence-initial descriptions of one person who speaks ("A police officer said"), so "he said" after them is theirs. */
export function describedSubjects(text: string): DefiniteSubject[] {
  const out: DefiniteSubject[] = [];
  DESCRIBED_SPEAKER.lastIndex = 0;
  for (let m = DESCRIBED_SPEAKER.exec(text); m; m = DESCRIBED_SPEAKER.exec(text)) {
    const head = m[2]!;
    if (!PERSON_HEAD.test(head)) continue;
    // "That's what one poll worker told us": a contraction, not an owner.
    if (CONTRACTION_OPENING.test(m[1]!)) continue;
    // "One club source said he had lost the dressing room": what they said may be about someone else (the caller decides).
    const clauseEnd = text.slice(m.index + m[0].length).search(/[.!?]/);
    const pronoun = THIRD_PERSON.exec(text.slice(m.index + m[0].length, clauseEnd < 0 ? undefined : m.index + m[0].length + clauseEnd))?.[0].toLowerCase();
    const about = pronoun === undefined ? null : pronoun.startsWith('s') || pronoun === 'her' ? 'female' : 'male';
    out.push({ at: m.index + m[0].indexOf(m[1]!), phrase: m[1]!, gender: roleGender(head) ?? null, ...(about ? { about } : {}) });
  }
  return out;
}
