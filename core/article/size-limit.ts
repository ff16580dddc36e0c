/** Larger files are refused with a message: no news article comes near it, and parsing stays interactive. */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The one message for a file over the limit, wherever it is found (loader, dropped file). */
export function tooLargeMessage(shown: string, bytes: number): string {
  return `${shown} is too large to read as an article (${mb(bytes)}; the limit is ${mb(MAX_ARTICLE_BYTES)}).`;
}
