import { describe, expect, it } from 'vitest';
import { SleepTimer, type Clock } from '../../../renderer/sleep-timer';

/** A clock the test moves by hand. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 1_000_000;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: next }), next++),
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

describe('sleep timer', () => {
  it('cycles off, end of article, 15, 30, 60 minutes, off', () => {
    const timer = new SleepTimer(fakeClock(), () => undefined);
    expect(timer.describe()).toBe('Sleep timer off');
    expect([timer.cycle(), timer.cycle(), timer.cycle(), timer.cycle(), timer.cycle()]).toEqual(['end', 15, 30, 60, 'off']);
  });

  it('counts down and is due once, after the minutes chosen', () => {
    const clock = fakeClock();
    let calls = 0;
    const timer = new SleepTimer(clock, () => calls++);
    timer.set(15);
    expect(timer.describe()).toBe('Sleep timer: 15 minutes');
    clock.advance(4 * 60_000 + 1);
    expect(timer.describe()).toBe('Sleep timer: 11 minutes left');
    expect(timer.due).toBe(false);
    clock.advance(11 * 60_000);
    expect([timer.due, calls]).toEqual([true, 1]);
    expect(timer.describe()).toBe('Sleep timer: stopping at the end of this sentence');
    clock.advance(60 * 60_000);
    expect(calls).toBe(1);
  });

  it('a new choice cancels the running countdown', () => {
    const clock = fakeClock();
    let calls = 0;
    const timer = new SleepTimer(clock, () => calls++);
    timer.set(15);
    clock.advance(10 * 60_000);
    timer.set('end');
    clock.advance(30 * 60_000);
    expect([timer.due, calls, timer.describe()]).toEqual([false, 0, 'Sleep timer: stop at the end of the article']);
  });
});
