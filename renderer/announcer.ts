import { REPEAT_MARK } from './announce-policy';

/**
 * Speaks short messages through screen readers without moving focus: a polite live region
 * for status ("Paused", "Quote 3 of 13, Dr Ahmad Tarakji") and an assertive alert region
 * for errors. The same text twice in a row is still announced: Orca drops a live region's text that is the same as the
 * last it was given, however long ago ("Event is believed to be duplicate message"), so a repeat carries a zero-width
 * space that is not spoken (pressing Where am I again must answer again).
 */
export class Announcer {
  private timer: number | undefined;
  private readonly log: string[] = [];
  /** The text last put in the status region, as put there. */
  private shown = '';

  constructor(private readonly status: HTMLElement, private readonly alert: HTMLElement) {}

  /** Polite: waits for the screen reader to finish what it is saying. */
  say(message: string): void {
    this.log.push(message);
    if (this.log.length > 50) this.log.shift();
    this.status.textContent = '';
    window.clearTimeout(this.timer);
    const text = message === this.shown ? `${message}${REPEAT_MARK}` : message;
    this.shown = text;
    // A new text node after a short delay is what screen readers reliably pick up.
    this.timer = window.setTimeout(() => {
      this.status.textContent = text;
    }, 30);
  }

  /** Errors: visible and assertive until cleared. */
  error(message: string): void {
    this.log.push(message);
    // A status still waiting to be spoken ("Opening bad.bin") is out of date once this is said.
    window.clearTimeout(this.timer);
    this.status.textContent = '';
    this.alert.textContent = '';
    const p = document.createElement('p');
    p.textContent = message;
    this.alert.append(p);
    this.alert.classList.add('is-visible');
  }

  clearError(): void {
    this.alert.textContent = '';
    this.alert.classList.remove('is-visible');
  }

  /** Everything announced so far, newest last (tests and "repeat last message"). */
  history(): readonly string[] {
    return this.log;
  }
}
