/**
 * The article path given on the command line, if any. Packaged: `article-reader file.md`
 * (argv[1]); from source: `electron . file.md` (argv[2]). Chromium/Electron switches start
 * with "-" and are skipped.
 */
export function articlePathFromArgv(argv: readonly string[], isPackaged: boolean): string | null {
  const rest = argv.slice(isPackaged ? 1 : 2);
  return rest.find((a) => !a.startsWith('-') && a !== '.') ?? null;
}
