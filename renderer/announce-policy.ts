// What the app's live region says while its own voice is reading. With a screen reader running,
// every announcement is a second voice over the app's: while reading, say only what the voice
// does not (setting "brief"), everything ("full"), or nothing but answers to questions the user
// asked and errors ("off"). When the app is not reading, everything is said. Pure.

import type { AnnounceWhileReading } from '../core/contract';

/**
 * status:   the player's state ("Playing", "Paused"): the voice starting or stopping says it.
 * position: where a jump went ("Quote 3 of 9, Dr Ahmad Tarakji"); `brief` is the part the
 *           voice will not say (null: it says it all).
 * answer:   a reply to an explicit request (where am I, rate, no more quotes, sleep timer).
 */
export type AnnouncementKind = 'status' | 'position' | 'answer';

export interface Announcement {
  kind: AnnouncementKind;
  text: string;
  /** For `position`: what to say while the voice reads; null when the voice says all of it. */
  brief?: string | null;
}

export function announcementText(a: Announcement, setting: AnnounceWhileReading, reading: boolean): string | null {
  if (!reading || setting === 'full') return a.text;
  if (a.kind === 'answer') return a.text;
  if (setting === 'off' || a.kind === 'status') return null;
  return a.brief === undefined ? a.text : a.brief;
}

/** Makes a repeated announcement differ from the one before, unheard (U+200B ZERO WIDTH SPACE): see announcer.ts. */
export const REPEAT_MARK = '\u200B';
