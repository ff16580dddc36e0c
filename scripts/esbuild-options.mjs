// esbuild options shared by scripts/build.mjs, the tests that bundle a piece of the app and the benchmarks that bundle as
// the app does (bench/child.ts), so a test or a figure is of code built the way the app is.

/**
 * esbuild's table has Node (even 22) without Unicode property escapes, so with a `node20` target it rewrote every
 * regular expression literal with the `u` flag into `new RegExp("…", "u")`: built again at each call, in the parser's
 * hot loops (about 170 ns a time, several times the match itself). Node 20 and every Electron have them since Node 10.
 */
const supported = { 'regexp-unicode-property-escapes': true };

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, logLevel: 'warning', legalComments: 'none', target: 'es2022', supported };
/** @type {import('esbuild').BuildOptions} */
export const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'say'] };
/** @type {import('esbuild').BuildOptions} */
export const browser = { ...common, platform: 'browser', format: 'iife' };
/**
 * A sandboxed preload can require only 'electron' (and a few polyfills), so the rest is bundled for the browser
 * platform: any accidental Node import fails the build.
 * @type {import('esbuild').BuildOptions}
 */
export const preload = { ...common, platform: 'browser', format: 'cjs', external: ['electron'] };
