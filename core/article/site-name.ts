// A page's title as its <title> or a web clipper gives it carries the site's name after a separator.

/** "Headline - BBC News", "Headline | The Guardian": the part before the last separator, when the rest is short. */
export function stripSiteName(title: string): string {
  const m = /^(.{10,}?)\s+[|\-–—:·•]\s+([^|\-–—:·•]{2,40})$/.exec(title);
  return m && m[2]!.split(/\s+/).length <= 5 ? m[1]!.trim() : title;
}
