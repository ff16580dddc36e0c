// Page furniture in text copied from news sites: the lines a page shows around an article
// (share buttons, timestamps, "Advertisement", newsletter boxes, related links) that are not
// part of it. Each rule recognises a whole line, never part of one, so a sentence that
// mentions an advertisement or a newsletter is never dropped. Every rule carries the example
// lines it is meant for (tests/unit/article/furniture.test.ts checks them, and checks that no
// rule matches real sentences). One rule reaches past its line: the heading of a comment section under
// the article ("2 thoughts on “…”", "Leave a Reply") ends the article there (blocks.ts, after three
// paragraphs of it), so readers' comments and the sidebar are not read.

import { squashSpaces } from './spaces';

export interface LineRule {
  name: string;
  /** Matches the whole line (trimmed, spaces squashed). */
  test(line: string): boolean;
  /** Lines this rule must recognise. */
  examples: readonly string[];
}

const whole = (body: string) => new RegExp(`^(?:${body})$`, 'iu');
/** Most furniture is a few words: a longer line is tried only by rules that say how a long one of theirs begins. */
const SHORT_LINE = 120;

/** `hint`: a cheap test every matching line passes. `long`: how a line longer than SHORT_LINE that this rule matches begins (none: never that long). */
const byPattern = (name: string, body: string, examples: string[], opts: { hint?: RegExp; long?: RegExp } = {}): LineRule => {
  const re = whole(body);
  const test = (line: string) => (line.length <= SHORT_LINE || (opts.long?.test(line) ?? false)) && (!opts.hint || opts.hint.test(line)) && re.test(line);
  return { name, test, examples };
};

/** Words that make up share bars: a line made only of these is buttons, not text. */
const SHARE_WORD = String.raw`share(?: (?:this|full|the) (?:article|story|page))?|share this:|like this:|like loading(?:\.{3}|…)?|save(?: (?:this )?(?:article|story|for later))?|saved|article saved|print(?: this page)?|e-?mail|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|flipboard|messenger|threads|bluesky|copy(?: the)? link|link copied!?|copied!?|share or comment on this article:?|purchase licensing rights|gift(?: this)? article|gift|give this article|read in app|bookmark|playlist|download|embed|transcript|share via [\p{L} ]{1,20}|,? opens (?:in )?(?:a )?new (?:tab|window)`;

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = 'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const DATE_WORD = new RegExp(
  `^(?:\\d{1,4}(?:st|nd|rd|th)?|\\d{1,2}[:.]\\d{2}(?:[ap]m)?|\\d{1,2}[ap]m|[ap]\\.?m\\.?|[apm]|${MONTH}|${DAY}|today|yesterday|ago|an?|one|two|three|four|five|six|seven|eight|nine|ten|just|now|seconds?|secs?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|at|on|gmt|bst|utc|cet|cest|et|edt|est|ct|cdt|cst|mt|mdt|mst|pt|pdt|pst|uk|us|local time)$`,
  'iu',
);
const MONTH_DAY_OR_YEAR = new RegExp(`\\b(?:${MONTH}|${DAY})\\b|\\b\\d{4}\\b`, 'i');
const DATE_LABEL = /^(?:(?:first |last )?(?:published|updated|posted|modified|created)(?: on| at)?|date|time)\s*:?\s*/iu;

const GLUED_YEAR_TIME = /\b((?:19|20)\d\d)(\d{1,2}[:.]\d\d)\b/g;
/** What a date line starts with, if not a label: its first word as the test below splits it (separators skipped, up to the next separator or bar). */
const FIRST_DATE_WORD = /^[\s,./·•–-]*([^\s,./·•–|-]*)/;
/** How a date line that starts with a label starts (every DATE_LABEL starts so). */
const LABEL_START = /^(?:first|last|published|updated|posted|modified|created|date|time)/i;

const DAY_OR_TIME = /\b\d{1,2}(?:st|nd|rd|th)?\b|\d(?:[ap]m|[:.]\d\d)/i;
/** "Nov 30, 2026 - Politics & Policy", "Monday December 01 2026, 12.01am GMT, The Times": a date, then the section or the paper. */
const DATE_THEN_SECTION = /^(.{6,80}?(?:\d|[ap]m|\b[A-Z]{2,4}))(?:\s+[-–·|]|,)\s+\p{Lu}[\p{L}]*(?:\s+(?:&|and|\p{Lu}[\p{L}]*)){0,3}$/u;

/** "Published 3 hours ago", "Friday 4 October 2026 18:42, UK", "Updated 6:04 PM EDT, Fri October 4, 2026". */
function isDateLine(line: string): boolean {
  if (line.length > 120) return false;
  const dated = DATE_THEN_SECTION.exec(line);
  // (A stamp has its day or its time: "March 2020 - Lockdown" is a timeline's heading.)
  if (dated) return /\b(?:19|20)\d\d\b/.test(dated[1]!) && DAY_OR_TIME.test(dated[1]!.replace(/\b(?:19|20)\d\d\b/g, '')) && isDateLine(dated[1]!);
  // Speed only: the first part of a date line is a label, or its first word is a date word (most lines fail here).
  if (!LABEL_START.test(line) && !DATE_WORD.test(FIRST_DATE_WORD.exec(line)![1]!)) return false;
  // Two stamps on one line: "Published: 09:30 BST, 4 October 2026 | Updated: 11:02 BST, 4 October 2026".
  // ...or a date and then "Updated 2 hours ago" on the same line, as copied from a page showing both.
  return line.split(/\s*\|\s*|(?<!\b(?:last|first))\s+(?=(?:last |first )?(?:published|updated|posted|modified)\b)/i).every((part) => {
    // "November 18, 20265:00 AM ET": a page's date and time in two elements, copied with nothing between them.
    const rest = part.replace(DATE_LABEL, '').replace(GLUED_YEAR_TIME, '$1 $2');
    if (rest === '') return DATE_LABEL.test(part);
    const words = rest.split(/[\s,./·•–-]+/).filter(Boolean);
    if (words.length === 0 || words.length > 14 || !words.every((w) => DATE_WORD.test(w))) return false;
    // A bare clock time ("6:01 p.m.") heads an entry of a live report: only a stamp with a label, a date or "ago" is furniture.
    return rest !== part || /\b(?:ago|today|yesterday|just now)\b/i.test(rest) || (/\d/.test(rest) && MONTH_DAY_OR_YEAR.test(rest));
  });
}

const SITE_LOGO = /^(?:[\p{Lu}\d][\p{L}\d'’.&-]*\s){1,3}[Ll]ogo$/u;
/** A few lines about the writer under the article, with how to reach them (the line with their name alone before it goes too). */
export const WRITER_BIO_RULE = 'writer-bio';
/** The heading of a post's comment section: what comes after it is readers' comments and the page's foot, not this article. */
export const COMMENT_SECTION_RULE = 'comment-section';

export const FURNITURE_RULES: readonly LineRule[] = [
  byPattern('share-bar', `(?:(?:${SHARE_WORD})[\\s|·•/,]*)+`, ['Share', 'Save', 'Share Save', 'Facebook Twitter Email', 'Copy link Link copied', 'Share full article', 'Give this article', 'Read in app', 'Share this article', 'Share via Email', 'Article saved', 'Print this page', 'Link Copied!', 'Share or comment on this article:', 'Purchase Licensing Rights', 'Purchase Licensing Rights, opens new tab', 'Share this:', 'Like this:', 'Like Loading...', 'Playlist', 'Download Embed Transcript', 'Share Save Gift']),
  byPattern('advertisement',
    String.raw`(?:\(?(?:advertisement|advertising|ads?)\)?\s*[·•|-]\s*)?(?:\(?(?:advertisement|advertising|ads?|sponsored(?: content| stories)?|promoted(?: content)?|paid (?:content|post)|partner content|skip advertisement)\)?|(?:continue reading|story continues|article continues|content continues) (?:the )?(?:main )?(?:story |article )?below(?: (?:this )?(?:advertisement|ad))?|scroll (?:down )?to continue(?: (?:with|reading) (?:the )?(?:content|article))?|remove ads|(?:video )?ad feedback)`,
    ['Advertisement', 'ADVERTISEMENT', 'Skip Advertisement', 'Story continues below advertisement', 'Article continues below this ad', 'Scroll to continue with content', 'Sponsored content', 'Sponsored Stories', '(Advertisement)', 'Video Ad Feedback', 'Advertisement · Scroll to continue']),
  { name: 'timestamp', test: isDateLine, examples: ['Published', '3 hours ago', 'Published 3 hours ago', 'Friday 4 October 2026 18:42, UK', 'Updated 6:04 PM EDT, Fri October 4, 2026', 'Oct. 4, 2026, 6:04 p.m. ET', 'Published: 09:30 BST, 4 October 2026 | Updated: 11:02 BST, 4 October 2026', 'Posted Oct 4, 2026', 'Sat 5 Oct 2026 07.00 BST', 'Last updated on 4 October 2026', 'November 29, 2026 2:02 PM UTC Updated 2 hours ago', 'November 18, 20265:00 AM ET', 'Nov 30, 2026 - Politics & Policy', 'Monday December 01 2026, 12.01am GMT, The Times'] },
  byPattern('listen-to-article',
    String.raw`(?:listen to (?:this )?(?:article|story)|listen|play audio|audio (?:version )?available|hear (?:this )?(?:article|story))(?:\s*[·•(,-]?\s*\d{1,2}(?::\d{2})?\s*(?:min(?:ute)?s?)?\)?)?(?:\s*learn more)?|\d{1,3}\s*min(?:ute)?s?\s+(?:read|listen)|\d{1,3}-minute (?:read|listen)|heard on [\p{L}'’ ]{2,40}|(?:estimated )?reading time:?\s*\d{1,3}\s*min(?:ute)?s?`,
    ['Listen to this article', '4-Minute Listen', 'Heard on Morning Edition', 'Listen to this article · 6:45 min Learn more', 'Listen (4 min)', '5 min read', 'Reading time: 4 minutes', 'Play audio']),
  byPattern('related-links',
    String.raw`related(?: topics| stories| articles| content| coverage| links| internet links)?:?|more on this story|read more (?:from|on|in|at) [\p{L}'’ &.-]{1,40}:?|more (?:from|on|in) [\p{L}'’ &.-]{1,40}|more stories|more like this|top stories|most (?:read|viewed|popular|shared)|trending(?: now)?|recommended(?: for you| stories| reading)?|you (?:may|might) also like|read (?:more|next)|see (?:more|also)|explore more on these topics|around the bbc|elsewhere on [\p{L}'’ ]{1,30}|latest(?: news| stories| headlines)?|editor'?s? picks|popular now|in other news|from our partners|what to read next|go deeper|read this next|watch more|you (?:may|might) (?:also )?be interested in`,
    ['Related Topics', 'Go deeper', 'More on this story', 'Top stories', 'Most viewed', 'Explore more on these topics', 'More from Sky News', 'You may also like', 'Related:', 'Read this next', 'Watch more', 'You might be interested in']),
  byPattern('read-more-link',
    String.raw`(?:read more|related|see also|also read|read also|more|watch|listen|read|go deeper)\s*:.{1,160}|video\s*:.{1,160}(?<![.!?])`,
    ['Read more: Council pledges to fix potholes within a year', 'Watch: The moment the roof collapsed', 'Related: Storm warnings issued for Scotland', 'Go deeper: Derailments are down, but hazardous spills are up', 'Video: Drone footage shows the fire jumping a highway']),
  byPattern('newsletter',
    String.raw`(?:sign up|subscribe|register)(?: now| today| here| free)?(?: (?:to|for) [^.!?]{0,80})?|(?:sign up|subscribe|register) (?:here|now|today)[.!]|(?:get|receive) our .{0,60}(?:newsletter|e-?mail|briefing|bulletin)[^!?]{0,120}|(?:get|receive) the .{0,60}(?:newsletter|briefing|bulletin)[^!?]{0,120}|i would like to be e-?mailed about .{0,300}|newsletter(?: sign-?up)?|.{0,60}newsletter:? sign up.{0,120}|privacy notice: newsletters may contain.{0,400}|(?:after|skip past) newsletter promotion|enter your e-?mail(?: address)?|your e-?mail(?: address)?|by signing up,? you (?:agree|accept).{0,300}|(?:thank you|thanks) for (?:signing up|subscribing).{0,200}|you(?:'re|’re| are) (?:now )?(?:subscribed|signed up).{0,120}|(?:our|the|a|this) (?:[\p{L}-]+ ){0,3}(?:e-?mail|newsletter|briefing|bulletin) (?:breaks down|brings|delivers|sends|gives|rounds up|explains)[^.!?]{0,160}`,
    ['Sign up to First Edition, our free daily newsletter', 'Subscribe', 'Sign up here.', 'Sign up for our newsletter', 'Get our Morning Briefing newsletter', 'after newsletter promotion', 'skip past newsletter promotion', 'Enter your email address', 'Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.', 'By signing up, you agree to our Terms of Use and Privacy Policy.', 'Get our free Daily Edition email', 'I would like to be emailed about offers, events and updates from The Independent. Read our privacy notice', 'Thanks for signing up to the Daily Edition email', 'Thank you for subscribing!'],
    { hint: /sign|subscri|regist|mail|newsletter|briefing|bulletin|promotion|privacy|thank you|you(?:'re|’re| are)/i, long: /^(?:privacy notice|by signing up|thank you for signing|thanks for signing|i would like to be e-?mailed|(?:our|the|a|this) [^.]{0,40}(?:e-?mail|newsletter|briefing|bulletin) )/i }),
  // What a page shows around an embedded post or video (BBC's consent box, Instagram's frame, a player's fallback).
  byPattern('embed-frame',
    String.raw`(?:skip|end of) (?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads|spotify|google youtube) (?:post|content|video)(?: \d+)?(?:,? by .{1,60})?|allow (?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads|spotify|google youtube) content\??|this article contains content provided by .{1,400}|accept and continue|(?:the )?[\p{L} ]{2,30} is not responsible for the content of external (?:sites|websites)\.?|warning:? third party content may contain adverts\.?|view this post on (?:instagram|tiktok|x|facebook|threads)|a post shared by [^.!?]{1,60}\(@[\w.]{1,40}\)|watch on (?:tiktok|youtube|instagram|x)|(?:this )?content (?:is )?(?:not|no longer|currently not) available(?: due to your (?:privacy|cookie) (?:preferences|settings)| in your (?:region|country|location))?\.?|(?:sorry,? )?your browser does not support (?:the )?(?:video|audio)(?: element| tag| playback)?\.?|embed from getty images|load more|show more`,
    ['Skip twitter post by Norfolk Police', 'End of twitter post by Norfolk Police', 'Allow Twitter content?', 'This article contains content provided by Twitter. We ask for your permission before anything is loaded, as they may be using cookies and other technologies.', 'Accept and continue', 'The BBC is not responsible for the content of external sites.', 'Warning: Third party content may contain adverts', 'View this post on Instagram', 'A post shared by Jane Doe (@janedoe)', 'Watch on TikTok', 'This content is not available due to your privacy preferences.', 'Your browser does not support the audio element.', 'Embed from Getty Images', 'Load more'],
    { hint: /post|content|continue|responsible|warning|instagram|tiktok|youtube|browser|getty|more/i, long: /^this article contains content provided by/i }),
  byPattern('cookie-banner',
    String.raw`(?:we|this (?:site|website))(?: and our (?:\d+ )?partners)? use(?:s)? cookies.{0,400}|(?:accept|reject|allow|refuse)(?: all)?(?: cookies)?|(?:manage|cookie) (?:cookies|preferences|settings|options|policy)|do not sell or share my personal information|your privacy choices|i (?:agree|accept)|got it`,
    ['We use cookies to improve your experience. You can change your settings at any time.', 'We and our partners use cookies and similar technologies to personalise content and ads.', 'Accept all cookies', 'Reject all', 'Manage preferences', 'Cookie settings', 'Do Not Sell or Share My Personal Information'],
    { long: /^(?:we|this (?:site|website))(?: and our (?:\d+ )?partners)? uses? cookies/i }),
  byPattern('paywall',
    String.raw`subscribe (?:now )?to (?:continue|keep) reading.{0,200}|(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to) (?:paying )?(?:subscribers|members).{0,200}|already (?:a )?(?:subscriber|member)\??.{0,80}|(?:log|sign) in(?: (?:to|or) (?:continue|read|subscribe|register).{0,80})?|you have (?:\d+|one|no) (?:free )?(?:articles?|stories) (?:left|remaining).{0,120}|you(?:'ve|’ve| have) (?:read|reached) .{0,40} (?:free )?articles.{0,160}|to continue reading.{0,80}(?:subscribe|log in|sign in|register).{0,80}|support (?:the guardian|our journalism|independent journalism).{0,400}|support us|donate(?: now)?|(?:fund|support) (?:independent|quality|our|trusted) (?:journalism|reporting).{0,80}|create (?:a )?free account.{0,120}|become a (?:member|subscriber|supporter).{0,120}|you have a preview view of this article.{0,200}|thank you for your patience while we verify access.{0,200}|unlock (?:this|unlimited) (?:article|access).{0,120}|(?:subscriber|premium|members?)[- ]only(?: content| article)?`,
    ['Subscribe to continue reading', 'Already a subscriber? Log in', 'This article is for subscribers only.', 'You have 2 free articles left this month.', 'Support the Guardian and independent journalism.', 'Sign in', 'You have a preview view of this article while we are checking your access.', 'Create a free account to keep reading'],
    { long: /^(?:subscribe|(?:this|the) (?:article|story|content) is|already a|you have|you(?:'ve|’ve)|to continue reading|support|create|become|thank you for your patience|unlock)/i }),
  byPattern('comments',
    String.raw`comments?(?: \(?\d+\)?)?|\d+ comments?|share what you think|(?:view|show|hide|load|read) (?:all )?(?:\d+ )?comments|join the (?:conversation|discussion)|leave a comment|comment now|post a comment|have your say|be the first to comment|comments are closed|reader comments|(?:the )?[\p{L} ]{2,30} values your comments.{0,300}|(?:please )?(?:review|read) our commenting (?:policy|guidelines).{0,80}|join (?:our|the) comment(?:ing|s)? (?:forum|section)|join thought-provoking conversations.{0,200}|comments are subject to our community (?:guidelines|standards|rules).{0,200}`,
    ['Comments', '142 comments', 'View comments', 'Join the conversation', 'Comments (38)', 'Have your say', 'Comments 12', 'Share what you think', 'Join our commenting forum', 'The Telegraph values your comments but kindly requests all posts are on topic, constructive and respectful. Please review our commenting policy.', 'Join thought-provoking conversations, follow other Independent readers and see their replies', 'Comments are subject to our community guidelines, which can be viewed here.'],
    // (The hint has the pattern's flags, so it folds case as the pattern does.)
    { hint: /comment|share what you think|join the (?:conversation|discussion)|have your say|join thought-provoking conversations/iu, long: /^(?:(?:the )?[\p{L} ]{2,30} values your comments|comments are subject)/iu }),
  // A reader's comment copied with the page: its text, then " - name, place, 2 hours ago".
  byPattern('reader-comment',
    String.raw`.{1,600}\s[-–—]\s[\p{L}\p{N} ._'’-]{1,40}(?:,\s*[\p{L} .'’-]{1,40}){0,2},\s*(?:\d{1,2}|an?)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago`,
    ['What a brave lady! - Sue, Bolton, 2 hours ago', 'Well done that woman. The firefighters were right though - DaveT, Manchester, United Kingdom, 35 minutes ago'],
    { hint: /ago$/i, long: /ago$/i }),
  // What a blog-style page (WordPress and the like) shows under its post: tags, links to the posts either side.
  byPattern('post-footer',
    String.raw`(?:tagged(?: with)?|posted in|tags|filed under|categories|category)\s*:\s*[^.!?:]{1,150}|(?:tagged(?: with)?|posted in)\s+[^.!?:,]{1,40}(?:,\s*[^.!?:,]{1,40})+|post navigation|(?:previous|next|prev|older|newer) (?:post|article|story|entry)(?:\s*[:»«›‹]\s*.{1,160})?|[«‹] ?(?:previous|prev|older)(?: posts?)?|(?:next|newer)(?: posts?)? ?[»›]`,
    ['Tagged council, parks', 'Tags: Bristol, buses, strikes', 'Filed under: Local News', 'Categories: News', 'Posted in News, Local', 'Post navigation', 'Previous Post: Library extends weekend hours', 'Next article', '« Previous'],
    { hint: /tag|filed|posted|categor|navigation|previous|next|prev|older|newer|«|»|‹|›/i }),
  // The comment section at the foot of a post: its heading ("2 thoughts on “…”", "Leave a Reply") and form.
  byPattern(COMMENT_SECTION_RULE,
    String.raw`(?:\d+|one) (?:thoughts?|responses?|comments?|repl(?:y|ies)|reactions?) (?:on|to) ["“‘'].{1,200}["”’']|leave a (?:reply|response)|cancel reply|your e-?mail address will not be published\.?(?: required fields are marked \*)?|required fields are marked \*`,
    ['2 thoughts on “Council approves new skate park after two-year campaign”', 'One response to "Library extends weekend hours"', '2 thoughts on “Mayor’s budget cuts libraries”', 'One reply on “Skate park approved”', 'Leave a Reply', 'Cancel reply', 'Your email address will not be published. Required fields are marked *'],
    { hint: /thought|respons|comment|repl|e-?mail address|required fields/i }),
  // The box about the writer under a post: "Dana Whitfield covers local government for the Gazette. Reach her at dana@…".
  // (Only with an address to reach them at: "X is a reporter for the Journal" alone may be the story's own sentence about a journalist.)
  byPattern(WRITER_BIO_RULE,
    String.raw`(?:\p{Lu}[\p{L}'’.-]+ ){1,3}(?:covers|reports on|writes about|is (?:a|an|the) [^.!?]{0,80}(?:reporter|correspondent|editor|writer|journalist|columnist|intern|producer))\b[^!?]{0,200}(?:reach|contact|e-?mail|follow) (?:her|him|them|me|[\p{Lu}][\p{L}]+)\b[^@]{0,60}(?:[\w.+-]+@[\w-]+\.[\w.-]+|@\w{1,30}|\d{3}-\d{4})\.?`,
    ['Dana Whitfield covers local government for the Gazette. Reach her at dana@example.com.', 'Sam Ortiz is a staff writer for the Gazette. Follow him on X @samortiz.'],
    // (The hint is case-sensitive, as the rule's pattern is not: the line must open on a capitalised name.)
    { hint: /^(?:\p{Lu}[\p{L}'’.-]+ ){1,3}(?:covers|reports|writes|is )/u, long: /^(?:\p{Lu}[\p{L}'’.-]+ ){1,3}(?:covers|reports|writes|is )/u }),
  // "NPR logo", "The Gazette Logo": a site's logo named by its alt text (a capitalised name only: "Council unveils new logo" is news).
  { name: 'site-logo', test: (line) => line.length <= 60 && SITE_LOGO.test(line), examples: ['NPR logo', 'Riverside Gazette Logo'] },
  // "___", "* * *", "•••": a rule drawn in characters (a wire story's section break) has nothing to read.
  { name: 'separator', test: (line) => line.length <= 120 && !/[\p{L}\p{N}"“”‘’'?!]/u.test(line), examples: ['___', '* * *', '•••', '—'] },
  byPattern('site-chrome',
    String.raw`skip to [\p{L} ]{2,30}|skip navigation|accessibility (?:links|help|statement)|keyboard shortcuts(?: for [\p{L} ]{1,30})?|(?:open|close) navigation menu|(?:tap|click) here(?: (?:to|for) [^.!?]{1,100})?|keep up (?:to date )?with .{0,120}(?:by following|on whatsapp|our app|newsletter).{0,60}|[\p{L}'’ .&]{2,40} [-–|] (?:breaking|latest|the latest|top|local|world|uk|us) news.{0,100}|(?:open |close )?(?:menu|navigation)|search|close|back to top|home|reuse this content|order reprints.{0,80}|today(?:'s|’s) paper|supported by|why you can trust [\p{L} ]{1,30}|our (?:editorial )?standards:.{1,100}|please use (?:the )?chrome browser for a more accessible video player|join (?:the|our) [\p{L}'’ ]{1,40} (?:whatsapp|facebook|telegram) (?:community|group|channel)(?: here)?[.!]?|follow [\p{L}'’ ]{1,40} on (?:whatsapp|facebook|x|twitter|instagram|tiktok|youtube|google|threads|bluesky|linkedin).{0,80}|add [\p{L} ]{1,30} on google|(?:image|video|audio|gallery|photos?|media)(?: \d+ of \d+)?:?|click to (?:enlarge|expand|play|view)|view image in fullscreen|open image in gallery|close icon|hide|(?:download|get) (?:the|our) app|please turn on javascript to use this feature\.?|this article is more than (?:\d+|one|two|three|four|five|six) (?:years?|months?) old|(?:show )?key events(?: only)?|enlarge (?:this )?image|(?:toggle|hide|show) caption|caption|copyright .{0,300}|for the latest (?:news|local news),? weather.{0,200}|© .{0,300}|all rights reserved.{0,80}|(?:the )?associated press is an independent global news organization.{0,300}|a version of this article appears in print.{0,300}|see more on:? .{0,100}|\d+ (?:photos|images|videos)|view (?:the )?(?:gallery|slideshow|video)|watch (?:the )?video|play video|video duration.{0,20}|[\p{L}'’]+(?: [\p{L}'’]+){0,2} (?:news|times|post|herald|tribune|journal|gazette|telegraph|guardian|ledger|chronicle|examiner|courier|echo|standard|independent|observer|sentinel)(?: logo)?`,
    ['Skip to content', 'Accessibility links', 'Keyboard shortcuts for audio player', 'Open Navigation Menu', 'CLICK HERE TO GET THE FOX NEWS APP', 'Click here for more sports coverage', 'Menu', 'Search', 'Home', 'Reuse this content', 'Supported by', 'Why you can trust Sky News', 'Our Standards: The Thomson Reuters Trust Principles., opens new tab', 'Please use Chrome browser for a more accessible video player', 'Follow Sky News on WhatsApp', 'Join the Manchester Evening News WhatsApp community HERE', 'Add AP News on Google', 'BBC News', 'The Harbor City Ledger', 'Image', 'Image 2 of 5', 'Copyright 2026 The Associated Press. All rights reserved.', 'The Associated Press is an independent global news organization dedicated to factual reporting.', 'A version of this article appears in print on Oct. 5, 2026, Section A, Page 18 of the New York edition with the headline: Water Vapor Found.', 'See more on: NASA', 'Toggle caption', 'View image in fullscreen', 'Open image in gallery', 'This article is more than 2 years old', 'Show key events only', 'Get the app', 'For the latest news, weather, sports, and streaming video, head to WXYZ News Channel 7.'],
    { long: /^(?:copyright|©|all rights reserved|for the latest|(?:the )?associated press is|a version of this article|keep up|follow|join|please use|order reprints)/i }),
  byPattern('section-nav',
    String.raw`(?:news|sport|sports|business|politics|world|uk|us|u\.s\.|opinion|culture|travel|earth|video|videos|live|lifestyle|health|science|tech|technology|entertainment|arts|money|weather|local|national|obituaries|puzzles|games|crosswords|podcasts|newsletters|account|my account|sign in|log in|register|subscribe|innovation|climate|sounds|bitesize|iplayer|the latest|world news|uk news|us news|local news|more|sections|shop|jobs|real estate|homes|cars|dating|food|style|books|music|film|tv|television|football|cricket|rugby|tennis|golf|f1|formula 1|sign out|classifieds|e-edition|epaper|print edition|contact us|about us|advertise|careers)`,
    ['News', 'Sport', 'Business', 'Culture', 'Local News', 'Innovation']),
  byPattern('stylesheet',
    String.raw`[.#@]?[\w-]+(?:[\s,>+~]+[.#:]?[\w-]+|[.#:][\w-]+)*\s*\{|-?[a-z][a-z-]*\s*:\s*[^;{}]{1,60};\s*\}?|\}\.?|@media [^{]{1,80}\{`,
    ['.gmobile {', 'width:100%;', 'border-top:1px solid #cccccc;', '}', '@media screen and (max-width: 600px) {', '-webkit-border-radius: 50px;']),
  byPattern('contact-footer',
    String.raw`(?:contact|reach|email|e-mail) (?:the )?(?:reporter|writer|author|us)?.{0,60}\b[\w.+-]+@[\w-]+\.[\w.-]+.{0,80}|(?:do you )?(?:got|have) a (?:news )?(?:tip|story)(?: to share)?\??.{0,120}|send us your (?:stories|tips|pictures|photos).{0,120}|share your (?:story|experience|views).{0,80}(?:contact|email|whatsapp|form).{0,80}`,
    ['Contact reporter Jane Doe at jdoe@harborledger.com or 555-0100.', 'Got a news tip? Email us at news@example.com', 'Do you have a story to share? Email us at newsdesk@example.co.uk', 'Send us your stories and photos'],
    { hint: /@|tip|story|stories|photos|pictures/i, long: /^(?:contact|reach|e-?mail|got|have|do you|send|share)/i }),
];

/**
 * The rule a line of copied page text matches, or null when the line is (possibly) article text.
 * `squashed`: the caller has squashed its spaces already (reading copied text squashes every line once).
 */
export function furnitureRule(line: string, squashed = false): LineRule | null {
  const text = squashed ? line : squashSpaces(line);
  if (text === '' || text.length > 600) return null;
  return FURNITURE_RULES.find((r) => r.test(text)) ?? null;
}

/** A heading over a list of links to other stories: the lines after it are headlines, not this article. */
export const LINK_LIST_RULE = 'related-links';

export function isFurniture(line: string): boolean {
  return furnitureRule(line) !== null;
}
