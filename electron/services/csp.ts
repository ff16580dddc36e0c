// The renderer's Content Security Policy, sent as a response header by both the app://
// protocol (Electron) and the test harness, so tests run under the policy users get.

const DIRECTIVES: readonly [string, string][] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['media-src', "'self' blob:"],
  ['font-src', "'self'"],
  // The app talks to Node only through the preload, never over the network.
  ['connect-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['manifest-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const APP_CSP = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * The harness's only difference: its window.reader is fetch + EventSource to its own origin.
 */
export const HARNESS_CSP = APP_CSP.replace("connect-src 'none'", "connect-src 'self'");

/** Headers for every response that reaches the renderer. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
