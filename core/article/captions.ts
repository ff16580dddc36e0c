// Photo captions and credits in text copied from news sites and in web pages. A caption is
// read (or skipped) as a caption; its credit ("Credit: Getty Images") is a separate range so
// it can be skipped on its own. Each rule below is a named unit with its own example lines
// (tests/unit/article/captions.test.ts).

import { isKnownFirstName } from './people';
import { squashSpaces, wordCount } from './spaces';

/** "... Credit: ITV News", "Photograph: Jane Doe/Reuters", "(Image: PA)", "(AP Photo/Jane Doe)", "Credit...Jane Doe for The New York Times", "(Gazette photo / Ken Ortiz)", "(Staff photo by Ken Ortiz)", "(Courtesy of the family)", "Photo by Sam Ortiz/Gazette" at the end of a caption; "…installed(Image: PA)", the label copied glued to the caption (Reach sites). */
export const TRAILING_CREDIT = /(?:^|(?<=[\s.;|–—-])|(?<=\p{L})(?=\((?:Image|Picture|Photo|Credit)s?:))(?:(?:Credit|Credits|Photo|Photograph|Photography|Picture|Pictures|Image|Images|Pic|Illustration)\s*:\s*[^:\n]{1,120}|Credit(?:\.{3}|…)\s*[^\n]{1,120}|(?<=[.;|–—-]\s*|^)(?:Photo|Photograph|Picture|Image)s?\s+(?:by\s+\p{Lu}|courtesy\s+)[^\n]{0,79}[^\s.!?"”]|(?:REUTERS|AFP|EPA|AP|PA)\/[\p{L}\p{M} .'’-]{2,60}(?:\/File Photo)?|\((?:(?:Photo|Image|Picture|Credit)s?\s*(?::|by\b|\/)\s*[^)]{1,120}|AP Photo[^)]{0,120}|Getty Images|Reuters|PA|AFP)\)|\((?:\p{Lu}[\p{L}.'’&-]* ){0,3}[Pp](?:hoto|hotograph|icture)s?\s*(?:by\b|\/|:|courtesy\b|provided by\b)[^)]{1,120}\)|\((?:File|Submitted|Contributed|Courtesy|Staff) [Pp]hoto\)|\(Courtesy(?: [Pp]hoto| of [^)]{1,80})\))\s*$/u;

/** Every TRAILING_CREDIT match holds one of its label words, an agency's slash, or ends with a closing bracket: a cheap test first. */
const MAY_HOLD_CREDIT = /Credit|Photo|Pic|Image|Illustration|\/|\)\s*$/;

/** The last word of a paper's, a broadcaster's or a picture agency's name ("The Washington Post", "USA TODAY", "Getty Images"). */
const OUTLET_END = /\b(?:times|post|guardian|telegraph|observer|independent|journal|news|herald|tribune|mail|standard|gazette|chronicle|mirror|sun|express|press|star|record|echo|scotsman|economist|today|ledger|courier|examiner|sentinel|inquirer|globe|dispatch|bulletin|register|pool|reuters|images|ap|afp|epa|pa|bloomberg|network|media|photos?|wire|agency|npr|bbc|cnn|abc|cbs|nbc|itv|sky)$/i;
/** Whether `text` reads as the name of a news outlet or a picture agency. */
export const namesOutlet = (text: string) => OUTLET_END.test(text.trim());

/** A bracket at the end of a line, and what it holds. */
const TRAILING_BRACKET = /\(([^()]{3,100})\)\s*$/;

/** Where a caption's trailing credit starts, or null. */
export function creditStart(text: string): number | null {
  if (!MAY_HOLD_CREDIT.test(text)) return null;
  const m = TRAILING_CREDIT.exec(text);
  if (m) return m.index;
  // "(Craig Hudson/For The Washington Post)": the photographer and the outlet in brackets, starting with a first name we know.
  const bracket = TRAILING_BRACKET.exec(text);
  // (The outlet must read as one: "(Paul McCartney/John Lennon)" after a song is its writers.)
  const inside = bracket?.[1];
  return inside && NAME_SLASH_CREDIT.test(inside) && isKnownFirstName(inside.slice(0, inside.indexOf(' '))) && namesOutlet(inside.slice(inside.indexOf('/') + 1)) ? bracket.index : null;
}

/** Credits that name only the source ("Getty Images") get a label, so a listener knows what it is. */
export function labelCredit(credit: string): string {
  const c = squashSpaces(credit);
  return TRAILING_CREDIT.test(c) && creditStart(c) === 0 ? c : `Credit: ${c}`;
}

/** A caption's text followed by its credit, with where the credit starts. */
export function joinCaption(caption: string, credit: string | null): { text: string; creditAt?: number } {
  const text = squashSpaces(caption);
  if (!credit) {
    const at = creditStart(text);
    return at === null ? { text } : { text, creditAt: at };
  }
  const label = labelCredit(credit);
  if (!text) return { text: label, creditAt: 0 };
  return { text: `${text} ${label}`, creditAt: text.length + 1 };
}

export type CaptionLine =
  /** `credit`: one given on the caption's own line before it ("Image source, Getty Images Image caption, …"). */
  | { kind: 'caption'; text: string; credit?: string; rule: string }
  /** A credit alone on its line: BBC puts it before the caption ("next"), most sites after ("previous"). */
  | { kind: 'credit'; credit: string; attaches: 'next' | 'previous'; rule: string };

export interface CaptionRule {
  name: string;
  read(line: string): CaptionLine | null;
  examples: readonly { line: string; expect: CaptionLine['kind'] }[];
}

/** A short name-like phrase ("Getty Images", "Jane Doe/Reuters"), not a sentence. */
const looksLikeCreditText = (s: string) => s.length > 0 && (/\//.test(s) || (wordCount(s) <= 8 && !/[.!?]["”’]?$/.test(s.replace(/\b(?:Inc|Ltd|Co|Corp|Jr|Sr)\.$/, ''))));

/** A rule that is one pattern: what the line says comes from the text after its label (group 1) or the whole line. */
function patternRule(name: string, pattern: RegExp, reading: (rest: string, line: string) => Omit<CaptionLine, 'rule'>, examples: CaptionRule['examples']): CaptionRule {
  return {
    name,
    read(line) {
      const m = pattern.exec(line);
      return m ? ({ ...reading(m[1] ?? line, line), rule: name } as CaptionLine) : null;
    },
    examples,
  };
}
const creditBefore = (credit: string) => ({ kind: 'credit' as const, credit, attaches: 'next' as const });
const creditAfter = (_rest: string, line: string) => ({ kind: 'credit' as const, credit: line, attaches: 'previous' as const });

/** "Ruth Alvarez/NPR", "Ann Lee/AFP via Getty Images": two to four capitalised words of a name, a slash, an outlet. */
const NAME_SLASH_CREDIT = /^(?:\p{Lu}[\p{L}'’.-]+\s){1,3}\p{Lu}[\p{L}'’-]+\s?\/\s?\p{Lu}[\p{L}&'’.-]*(?:\s(?:\p{Lu}[\p{L}&'’.-]*|via|for|of|the)){0,5}$/u;

export const CAPTION_RULES: readonly CaptionRule[] = [
  // A BBC figure's source and caption read as one line (a figcaption's two labelled spans, or both copied on one line).
  {
    name: 'bbc-source-then-caption',
    read(line) {
      const m = /^(?:image|media|video) source\s*[,:]\s*(.+?)\s*(?:image|media|video) caption\s*[,:]\s*(.+)$/iu.exec(line);
      return m ? { kind: 'caption', text: m[2]!, credit: m[1]!, rule: this.name } : null;
    },
    examples: [
      { line: 'Image source, Getty Images Image caption, Nurses on a ward at a London hospital', expect: 'caption' },
      { line: 'Image source, Getty ImagesImage caption, Nurses on a ward', expect: 'caption' },
    ],
  },
  patternRule('bbc-image-caption', /^(?:image|media|video) caption\s*[,:]\s*(.+)$/iu, (text) => ({ kind: 'caption', text }), [
    { line: 'Image caption, Residents say the road has been closed for weeks', expect: 'caption' },
    { line: 'Image caption,Crews worked through the night', expect: 'caption' },
    { line: 'Media caption, Watch: Flood water pours through the high street', expect: 'caption' },
  ]),
  patternRule('bbc-image-source', /^(?:image|media|video) source\s*[,:]\s*(.+)$/iu, creditBefore, [
    { line: 'Image source, Getty Images', expect: 'credit' },
    { line: 'Image source,Severn Valley Council', expect: 'credit' },
  ]),
  {
    name: 'labelled-credit-line',
    read(line) {
      const m = /^(?:credit|credits|photograph|photography|pic|pics|picture|pictures|illustration|photo credit)\s*:\s*(.+)$/iu.exec(line) ?? /^credit(?:\.{3}|…)\s*(.+)$/iu.exec(line);
      return m && looksLikeCreditText(m[1]!) ? { kind: 'credit', credit: line, attaches: 'previous', rule: this.name } : null;
    },
    examples: [
      { line: 'Credit: PA', expect: 'credit' },
      { line: 'Photograph: Jane Doe/Reuters', expect: 'credit' },
      { line: 'Pic: Metropolitan Police', expect: 'credit' },
      { line: 'Credit...Marisol Vega for The New York Times', expect: 'credit' },
    ],
  },
  patternRule('agency-credit-line', /^\((?:AP|AFP|Reuters|PA|Getty)(?: Photo| Images| Wire)?(?:\/[^)]{1,120})?\)$/iu, creditAfter, [
    { line: '(AP Photo/Rosa Lindqvist)', expect: 'credit' },
    { line: '(AP Photo)', expect: 'credit' },
  ]),
  patternRule('agency-name-line', /^(?:getty images|reuters|pa(?: media| wire)?|afp|epa(?:-efe)?|shutterstock|alamy|ap|associated press|bloomberg|anadolu|rex features|getty)(?:\s*(?:\/|via)\s*[\p{L} .&-]{2,40})?$/iu, creditAfter, [
    { line: 'Getty Images', expect: 'credit' },
    { line: 'PA Media', expect: 'credit' },
    { line: 'AFP via Getty Images', expect: 'credit' },
  ]),
  // The Times and others set the credit in capitals under the caption: "ANDREW PARSONS FOR THE TIMES", "JANE DOE/THE TIMES".
  {
    name: 'capitals-credit',
    read(line) {
      const m = CAPITALS_CREDIT.exec(line);
      // (A paper or an agency after "FOR" or the slash: "HARRY KANE FOR CAPTAIN" is a slogan.)
      return m && isKnownFirstName(line.slice(0, line.indexOf(' '))) && namesOutlet(m[1] ?? m[2]!) ? { kind: 'credit', credit: line, attaches: 'previous', rule: this.name } : null;
    },
    examples: [
      { line: 'ANDREW PARSONS FOR THE TIMES', expect: 'credit' },
      { line: 'JANE DOE/THE SUNDAY TIMES', expect: 'credit' },
    ],
  },
  // NPR, Getty and others credit a photo on the line under its caption as "Name/Outlet": a person's name, a slash, a name.
  // (Only when the words before the slash start with a first name: "Labour Party Conference/Day Two" is a heading.)
  {
    name: 'name-slash-credit',
    read(line) {
      return NAME_SLASH_CREDIT.test(line) && isKnownFirstName(line.slice(0, line.indexOf(' '))) ? { kind: 'credit', credit: line, attaches: 'previous', rule: this.name } : null;
    },
    examples: [
      { line: 'Ruth Alvarez/NPR', expect: 'credit' },
      { line: 'Jane Doe / Getty Images', expect: 'credit' },
      { line: 'Ann Lee/AFP via Getty Images', expect: 'credit' },
    ],
  },
  {
    name: 'photo-label',
    read(line) {
      const m = /^(?:photo|image|picture|pictured|above|top|main image)\s*:\s*(.+)$/iu.exec(line);
      if (!m) return null;
      const rest = m[1]!;
      // "Photo: Jane Doe / The Ledger" is a credit; "Photo: Crews clear the road on Friday." a caption.
      if (looksLikeCreditText(rest)) return { kind: 'credit', credit: line, attaches: 'previous', rule: this.name };
      return { kind: 'caption', text: rest, rule: this.name };
    },
    examples: [
      { line: 'Photo: Dana Whitfield / The Harbor City Ledger', expect: 'credit' },
      { line: 'Photo: Volunteers fill sandbags outside the community centre on Friday morning.', expect: 'caption' },
      { line: 'Image: Lee Brannigan was jailed at Woolwich Crown Court on Friday. Pic: Met Police', expect: 'caption' },
    ],
  },
];

/** A photographer's name in capitals, then "FOR" and the paper, or a slash and it. */
const CAPITALS_CREDIT = /^(?:\p{Lu}[\p{Lu}'’.-]+ ){1,3}\p{Lu}[\p{Lu}'’-]+(?: FOR ((?:THE )?\p{Lu}+(?: \p{Lu}+){0,3})|\s?\/\s?(\p{Lu}[\p{Lu} ]{1,40}))$/u;
/** How every caption or credit line begins (a cheap test before the rules). */
const CAPTION_START = /^(?:image|media|video|credit|photo|pic|picture|illustration|\(|getty|reuters|pa\b|afp|epa|shutterstock|alamy|ap\b|associated|bloomberg|anadolu|rex|above|top|main)/i;

/** What a line of copied text is, if it is a caption or a credit. `squashed`: as for furnitureRule. */
export function captionLine(line: string, squashed = false): CaptionLine | null {
  const text = squashed ? line : squashSpaces(line);
  // (A name-slash credit holds a slash: most lines are told by that before the pattern.)
  if (text === '' || text.length > 600 || (!CAPTION_START.test(text) && !(text.includes('/') && NAME_SLASH_CREDIT.test(text)) && !CAPITALS_CREDIT.test(text))) return null;
  for (const rule of CAPTION_RULES) {
    const found = rule.read(text);
    if (found) return found;
  }
  return null;
}
