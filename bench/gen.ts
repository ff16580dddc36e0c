// Realistic-looking news text of a given size: varied paragraphs, names, roles and quotes
// (quotes before/after/inside attribution, multi-sentence quotes), from a seeded PRNG so
// every run parses the same text.

const FIRST_F = ['Amira', 'Sarah', 'Layla', 'Fatima', 'Helen', 'Maria', 'Noor', 'Grace', 'Rania', 'Elena'];
const FIRST_M = ['Ahmad', 'David', 'Khaled', 'Omar', 'James', 'Yusuf', 'Peter', 'Samir', 'Tom', 'Hassan'];
const LAST = ['Tarakji', 'Nott', 'Haddad', 'Rivers', 'Mansour', 'Clarke', 'Ibrahim', 'Okafor', 'Lindqvist', 'Barakat'];
const TITLES = ['Dr', 'Professor', '', '', '', 'Mr', 'Ms'];
const ROLES = ['a surgeon at the hospital', 'president of the medical society', 'a local councillor', 'a spokesperson for the ministry',
  'the head of the rescue team', 'a resident of the town', 'an aid worker', 'the regional governor'];
const PLACES = ['Idlib', 'Aleppo', 'the northern province', 'the capital', 'the border town', 'the coastal city'];
const SAY = ['said', 'told reporters', 'added', 'explained', 'warned'];
const NARR = [
  'The area has come under heavy bombardment from rockets and airstrikes in recent days.',
  'Figures released on {day} suggest that {n} people have been injured this week alone.',
  'Hospitals in {place} are struggling to cope with the number of patients arriving.',
  'Aid agencies say supplies of fuel and medicine are running dangerously low.',
  'Families have fled towards {place}, many of them sleeping in the open.',
  'The government has not responded to requests for comment.',
  'Talks between the two sides broke down on {day} without agreement.',
  'Witnesses described a scene of chaos as rescuers searched through the rubble.',
  'More than {n} schools have been closed since the offensive began.',
];
const QUOTES = [
  'We have never seen anything like this before',
  'The children are the ones who suffer most. They cannot understand why this is happening',
  'We need the world to pay attention to what is happening here',
  'I started counting my children, and one of them was missing',
  'There is no safe place left in {place}',
  'We are doing everything we can, but we are running out of time',
  'It is a catastrophe. Nobody is listening to us',
  'Our teams worked through the night to reach the families trapped inside',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateArticle(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const fill = (s: string) => s.replace('{place}', pick(PLACES)).replace('{day}', pick(DAYS)).replace('{n}', String(10 + Math.floor(r() * 900)));
  const person = () => {
    const female = r() < 0.5;
    const title = pick(TITLES);
    const name = `${title ? title + ' ' : ''}${pick(female ? FIRST_F : FIRST_M)} ${pick(LAST)}`;
    return { name, pronoun: female ? 'She' : 'He', role: pick(ROLES) };
  };
  const parts: string[] = [
    `Dozens injured in ${pick(PLACES)} during week of bombing`,
    `By ${pick(FIRST_F)} ${pick(LAST)}, Middle East correspondent`,
  ];
  let size = parts.join('\n\n').length;
  while (size < bytes) {
    let p: string;
    const k = r();
    if (k < 0.4) {
      p = [fill(pick(NARR)), fill(pick(NARR)), r() < 0.5 ? fill(pick(NARR)) : ''].filter(Boolean).join(' ');
    } else {
      const who = person();
      const q = fill(pick(QUOTES));
      const form = Math.floor(r() * 4);
      if (form === 0) p = `"${q}," ${who.name}, ${who.role}, ${pick(SAY)}.`;
      else if (form === 1) p = `${who.name}, ${who.role}, said: "${q}. ${fill(pick(QUOTES))}."`;
      else if (form === 2) p = `${fill(pick(NARR))} ${who.name} said the situation was "${q.toLowerCase()}".`;
      else p = `"${q}," ${who.pronoun.toLowerCase()} said. "${fill(pick(QUOTES))}."`;
    }
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n').slice(0, Math.max(bytes, 0));
}

/**
 * Pathological but legal news text for the big-article work: paragraphs of many short quoted
 * exchanges (`"Yes now," said Ann Lee.`), about 37,000 quotes per MB where a news story has
 * a few dozen. Seeded like generateArticle.
 */
export function generateQuoteDense(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const words = ['Yes', 'No', 'Now', 'Later', 'Maybe', 'Never', 'Stop', 'Go', 'Wait', 'Run'];
  const verbs = ['said', 'added', 'replied', 'asked'];
  const people = [...FIRST_F, ...FIRST_M].map((first, i) => `${first} ${LAST[i % LAST.length]}`);
  const parts: string[] = ['A day of short answers', `By ${pick(FIRST_F)} ${pick(LAST)}`];
  let size = parts.join('\n\n').length;
  while (size < bytes) {
    const p = Array.from({ length: 3 + Math.floor(r() * 5) }, () => `"${pick(words)} ${pick(words).toLowerCase()}," ${pick(verbs)} ${pick(people)}.`).join(' ');
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n').slice(0, Math.max(bytes, 0));
}

/** One paragraph of about `bytes` of plain sentences: no blank line anywhere. */
export function generateLongParagraph(bytes: number, seed = 1): string {
  const r = rng(seed);
  const sentences: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = NARR[Math.floor(r() * NARR.length)]!.replace('{place}', PLACES[Math.floor(r() * PLACES.length)]!).replace('{day}', DAYS[Math.floor(r() * DAYS.length)]!).replace('{n}', String(10 + Math.floor(r() * 900)));
    sentences.push(s);
    size += s.length + 1;
  }
  return `One very long paragraph\n\n${sentences.join(' ')}`.slice(0, Math.max(bytes, 0));
}

/** A title, a short paragraph, `bytes` of combining marks stacked on one letter, a last paragraph ("Zalgo" text at its worst). */
export function generateCombiningMarks(bytes: number): string {
  const marks = '\u0301\u0308\u0327\u0336';
  return `Combining marks\n\nA first short paragraph.\n\nZ${marks.repeat(Math.ceil(bytes / marks.length)).slice(0, bytes)}\n\nThe last paragraph is plain text.`;
}
