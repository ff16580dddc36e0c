// What the listener is told of a speaker: the name and description the attribution found, without the
// punctuation and fragments of the sentence they were cut from.
import { isAbbreviatedTitle } from './sentences';
import { isKnownFirstName } from './people';
import { isTimePhrase } from './speaker-check';

/** "Inc." "Co." "J.": a name may end in these dots, or an abbreviated title's ("Jr."); any other final dot or comma is the sentence's. */
const NAME_END_ABBREVIATION = /(?:^|\s)(?:\p{Lu}|Inc|Co|Corp|Ltd|Bros)\.$/u;

/** "Plain Dealer." -> "Plain Dealer", "One party activist.)" -> "One party activist": the sentence's marks go. */
export function labelName(name: string): string {
  let label = name.trim();
  // A closing bracket with no opening one in the name belongs to the sentence around it.
  while (/[)\]]$/.test(label) && !/[([]/.test(label)) label = label.slice(0, -1).trimEnd();
  while (/[.,;:]$/.test(label) && !(label.endsWith('.') && (NAME_END_ABBREVIATION.test(label) || isAbbreviatedTitle(label.split(/\s+/).pop()!)))) {
    label = label.slice(0, -1).trimEnd();
  }
  return label || name;
}

/** "later", "for her part", "on Tuesday": words about when or how something was said, not about who said it. */
const NOT_A_DESCRIPTION = /^(?:later|earlier|then|also|now|again|too|still|meanwhile|however|instead|for (?:his|her|their|its) part)$/i;

/**
 * The description shown after a speaker's name ("Ann Bell, a surgeon at the hospital"), or null: trailing punctuation
 * goes, and a description the name already says ("Detective" for "Detective Inspector Helen Marsh") or that is only
 * a time or an adverb is dropped.
 */
export function labelDescription(description: string | null, name: string): string | null {
  const text = description?.trim().replace(/[\s,;:–—-]+$/u, '') ?? '';
  if (!text || repeatsName(text, name) || NOT_A_DESCRIPTION.test(text) || isTimePhrase(text)) return null;
  return text;
}

function repeatsName(description: string, name: string): boolean {
  const inName = new Set(name.toLowerCase().split(/\s+/));
  return description.toLowerCase().split(/\s+/).every((w) => inName.has(w));
}

/** A description cut after one of these words would be left hanging ("the governor of"). */
const DANGLING_WORD = /\b(?:of|in|from|for|at|the|a|an|and|to)$/i;
/** "(Assistant) U.S." before "Attorney …": the country is part of the office ("Attorney Renee Caldwell" alone sounds like a lawyer). */
const COUNTRY_OF_OFFICE = /(?:^|\s)((?:(?:Assistant|Deputy|Acting|Interim|Special) )?(?:U\.S\.|US|United States))$/;
const OFFICE_WITH_COUNTRY = /^(?:Attorney|Marshal|District (?:Judge|Attorney|Court Judge)|Circuit Judge|Magistrate Judge|Bankruptcy Judge)\b/;

/**
 * The name and description a listener hears. Where the attribution cut an office in two ("U.S." / "Attorney Renee
 * Caldwell") it is joined again, and a description ending in the name's first word ("Manhattan District" / "District
 * Attorney Alvin Bragg") loses it.
 */
export function speakerLabel(rawName: string, rawDescription: string | null): { name: string; description: string | null } {
  let name = labelName(rawName);
  let description = rawDescription?.trim().replace(/[\s,;:–—-]+$/u, '') ?? null;
  // (Only an office's word: "deputy mayor of Florence" keeps its place for Florence Rossi.)
  const firstOfName = name.split(' ')[0]!;
  if (description && description.split(/\s+/).length > 1 && description.endsWith(` ${firstOfName}`) && !isKnownFirstName(firstOfName)) {
    const shorter = description.slice(0, -firstOfName.length).trim();
    if (!DANGLING_WORD.test(shorter)) description = shorter;
  }
  const country = description ? COUNTRY_OF_OFFICE.exec(description) : null;
  if (description && country && OFFICE_WITH_COUNTRY.test(name)) {
    name = `${country[1]} ${name}`;
    description = description.slice(0, country.index).trim() || null;
  }
  return { name, description: labelDescription(description, name) };
}
