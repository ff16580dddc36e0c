// The article named on the command line. Pure, so the argument orders that reach the app
// (packaged, from source, from Playwright, from a file manager) are unit-tested.
import { absoluteArticlePath } from '../../scripts/launch/launch-plan.mjs';

/** Switches whose value is the next argument (Node's preload flag, as `electron -r x app`). */
const TAKES_VALUE = new Set(['-r', '--require']);

/** Arguments that are not switches, in order; everything after `--` counts. */
function positionals(args: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return [...found, ...args.slice(i + 1)];
    if (TAKES_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) found.push(a);
  }
  return found;
}

/**
 * The article argument as given, or null. Packaged: `article-reader [switches] file.md`.
 * From source the first positional argument is the app (`.`, a folder or main.cjs) and the
 * article is the next one; Playwright puts its own switches before the app path
 * (`electron --no-sandbox --inspect=0 --remote-debugging-port=0 main.cjs ...`), and macOS adds
 * `-psn_…`, so switches are skipped wherever they are.
 */
export function articlePathFromArgv(argv: readonly string[], isPackaged: boolean): string | null {
  const p = positionals(argv.slice(1));
  return (isPackaged ? p[0] : p[1]) ?? null;
}

/**
 * The article as an absolute path (so "last article" finds it again from anywhere): relative
 * to the folder the app was started in; a file:// URL (Linux file managers pass %U) as a path.
 * `npm start` has already resolved it against the folder npm was run in (INIT_CWD).
 */
export function articleFromCommandLine(argv: readonly string[], isPackaged: boolean, cwd: string): string | null {
  const arg = articlePathFromArgv(argv, isPackaged);
  return arg ? absoluteArticlePath(arg, cwd) : null;
}
