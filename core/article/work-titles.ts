/**
 * Titles are not speech: quoted names of shows, books, songs and films ("on NBC's "Meet the
 * Press"", "the song "Bridge Over Troubled Water"") are shown with their marks but read by the
 * narrator, with no speaker.
 */

/** Little words that stay lower case inside a title ("Fox and Friends", "The Lead with Jake Tapper"). */
const SMALL = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|with|by|from|as|vs\.?|de|la|le|du|n|o'|'n')$/i;
/** What leads into a title: a network's possessive, "on"/"in", "told"/"with"/"as" (told "Fox and Friends", billed as "…"), or a noun that names a work; an article may stand between ("the authors of the "Care First" review"). */
const LEAD = /(?:[’']s|\b(?:on|in|of|from|to|at|with|as|told|titled|entitled|called|named|dubbed|show|program|programme|series|book|memoir|novel|film|movie|documentary|song|album|single|play|musical|opera|episode|column|podcast|broadcast|newsletter|magazine|hosts?|anchors?|co-hosts?|appearance|appearing|interview|sequel|hit|classic|blockbuster|drama|comedy|sitcom|segment|edition|headline|essay|editorial|poem|painting|exhibit|exhibition)(?:\s+(?:the|a|an|his|her|their|its))?)\s*[,:]?\s*$/i;

/** A phrase in title case: every word capitalised but the small ones, and no sentence inside it. */
export function isTitleCase(text: string): boolean {
  const t = text.replace(/[.,!?;:]+$/, '').trim();
  if (!t || /[.!?;:]\s/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 10) return false;
  let capitals = 0;
  for (const [i, w] of words.entries()) {
    const core = w.replace(/^[("'‘“]+|[)"'’”]+$/g, '');
    if (!core) continue;
    if (/^[\p{Lu}\d]/u.test(core)) capitals++;
    else if (!(i > 0 && SMALL.test(core)) && !/^[\p{P}\p{S}]+$/u.test(core)) return false;
  }
  return capitals > 0;
}

/** Whether quoted `text`, with the narration `before` it, is the title of a work rather than speech. */
export function isWorkTitle(text: string, before: string): boolean {
  return LEAD.test(before) && isTitleCase(text);
}
