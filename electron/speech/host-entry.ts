// Where the speech host script is. The Electron main process and the harness run the built
// bundle (dist/electron/speech-host.cjs); code run from source under tsx (the command line,
// tests, benchmarks) forks the TypeScript entry through tsx's loader. ESM only: the bundled
// main process never imports this file.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forkLauncher, type HostLauncher } from './host-client';

/** The host from source, through tsx (`args`: e.g. `--espeak-lib=PATH`). */
export function sourceHostLauncher(args: string[] = []): HostLauncher {
  const script = fileURLToPath(new URL('./speech-host.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return forkLauncher(script, { execArgv: ['--import', tsx], args });
}

/** The built host in `distDir` (the folder holding electron/ and renderer/). */
export function builtHostLauncher(distDir: string, args: string[] = []): HostLauncher {
  return forkLauncher(join(distDir, 'electron', 'speech-host.cjs'), { args });
}
