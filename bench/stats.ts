export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const max = (xs: readonly number[]): number => (xs.length ? Math.max(...xs) : NaN);
export const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
export const log = (...a: unknown[]): void => { console.error('[bench]', ...a); };
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
