// `npm run harness`: start the harness and print its URL for trying the app in a browser.
//   npm run harness -- [FILE] [--port=N] [--user-data=DIR]
import { resolve } from 'node:path';
import { startHarness } from './server';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) || undefined;
// Paths are the user's, relative to the folder npm was run in (npm runs the script in the project's folder).
const fromUser = (path: string | undefined) => (path ? resolve(process.env.INIT_CWD || process.cwd(), path) : undefined);
const harness = await startHarness({
  port: Number(option('port') ?? 0),
  initialPath: fromUser(process.argv.slice(2).find((a) => !a.startsWith('--'))) ?? null,
  // Settings and reading positions kept between runs in DIR (without it, a fresh folder each run, deleted at the end).
  userDataDir: fromUser(option('user-data')),
  // A person at the browser: Open shows the browser's file chooser (there is no native dialog to show).
  browserFileChooser: true,
});
console.log(`Article Reader harness: ${harness.url}  (Ctrl+C to stop)`);
const stop = () => void harness.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
