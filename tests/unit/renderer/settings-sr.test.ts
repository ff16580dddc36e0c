import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../core/settings';

describe('screen-reader settings', () => {
  it('an older settings file without them loads with their defaults', () => {
    const old = { version: 1, voice: null, rate: 200, verbosity: 'always', theme: 'dark' };
    const { settings, rejected } = mergeSettings(DEFAULT_SETTINGS, old);
    expect(rejected).toEqual([]);
    expect(settings).toMatchObject({ rate: 200, announceWhileReading: 'brief', navigatePartialQuotes: true });
  });

  it('keeps valid values and rejects others by name', () => {
    const { settings, rejected } = mergeSettings(DEFAULT_SETTINGS, { announceWhileReading: 'off', navigatePartialQuotes: false });
    expect(settings).toMatchObject({ announceWhileReading: 'off', navigatePartialQuotes: false });
    const bad = mergeSettings(DEFAULT_SETTINGS, { announceWhileReading: 'loud', navigatePartialQuotes: 'yes' });
    expect(bad.rejected.sort()).toEqual(['announceWhileReading', 'navigatePartialQuotes']);
    expect(bad.settings).toMatchObject({ announceWhileReading: 'brief', navigatePartialQuotes: true });
  });
});
