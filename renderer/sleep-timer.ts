// The sleep timer: off, at the end of the article, or after 15, 30 or 60 minutes, chosen by
// pressing the same key again. When the time is up the app finishes the sentence being read
// and stops there (so the next one is where listening resumes). Clock injected for tests.

export type SleepChoice = 'off' | 'end' | 15 | 30 | 60;

const CHOICES: readonly SleepChoice[] = ['off', 'end', 15, 30, 60];

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class SleepTimer {
  private choiceValue: SleepChoice = 'off';
  private deadline: number | null = null;
  private handle: unknown = null;
  private dueValue = false;

  /** `onDue` runs once when the minutes are up. */
  constructor(private readonly clock: Clock, private readonly onDue: () => void) {}

  get choice(): SleepChoice {
    return this.choiceValue;
  }

  /** True once the minutes are up: stop at the end of the sentence being read. */
  get due(): boolean {
    return this.dueValue;
  }

  /** Moves to the next choice (off → end of article → 15 → 30 → 60 → off) and returns it. */
  cycle(): SleepChoice {
    this.set(CHOICES[(CHOICES.indexOf(this.choiceValue) + 1) % CHOICES.length]!);
    return this.choiceValue;
  }

  set(choice: SleepChoice): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.choiceValue = choice;
    this.dueValue = false;
    this.deadline = typeof choice === 'number' ? this.clock.now() + choice * 60_000 : null;
    if (typeof choice === 'number') {
      this.handle = this.clock.setTimeout(() => {
        this.handle = null;
        this.dueValue = true;
        this.onDue();
      }, choice * 60_000);
    }
  }

  /** Whole minutes left (rounded up), or null when not counting down. */
  minutesLeft(): number | null {
    if (this.deadline === null || this.dueValue) return null;
    return Math.max(0, Math.ceil((this.deadline - this.clock.now()) / 60_000));
  }

  /** What the timer is set to, as said to the listener. */
  describe(): string {
    const left = this.minutesLeft();
    if (this.choiceValue === 'off') return 'Sleep timer off';
    if (this.choiceValue === 'end') return 'Sleep timer: stop at the end of the article';
    if (left === null) return 'Sleep timer: stopping at the end of this sentence';
    return left === this.choiceValue ? `Sleep timer: ${left} minutes` : `Sleep timer: ${left} ${left === 1 ? 'minute' : 'minutes'} left`;
  }
}
