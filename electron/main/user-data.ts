// The settings folder given by ARTICLE_READER_USER_DATA (tests, portable installs). Electron's
// app.setPath('userData', dir) throws when dir does not exist, so it is created first.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder to use, created; null to keep Electron's default. Throws a message for people. */
export function userDataFromEnv(env: NodeJS.ProcessEnv, cwd: string): string | null {
  const given = env.ARTICLE_READER_USER_DATA;
  if (!given) return null;
  const dir = resolve(cwd, given);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new Error(`Article Reader cannot use the settings folder ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)}): check ARTICLE_READER_USER_DATA.`);
  }
  return dir;
}
