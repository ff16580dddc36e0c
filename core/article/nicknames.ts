/**
 * Names are not speech: a nickname quoted inside a person's name (Gov. C.L. "Butch" Otter,
 * Thomas "Tip" O'Neill) is part of the name the narrator reads, with no speaker.
 */

/** One to three capitalised words ("Butch", "The Rock"), with no sentence punctuation. */
const NICKNAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;
/** Right before the opening mark: a capitalised word or an initial, then one space. */
const NAME_BEFORE = /(?:^|\s)\p{Lu}[\p{L}'’.-]*\s$/u;
/** Right after the closing mark: one space, then a capitalised word that is not a day or a month. */
const NAME_AFTER = /^\s(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}\p{Ll}/u;

/** Whether quoted `text`, between the narration `before` and `after` it, is a nickname inside a name. */
export function isNickname(text: string, before: string, after: string): boolean {
  return NICKNAME.test(text) && NAME_BEFORE.test(before) && NAME_AFTER.test(after);
}
