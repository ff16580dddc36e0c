// `npm run harness`: start the harness and print its URL for trying the app in a browser.
//   npm run harness -- [FILE] [--port=N] [--user-data=DIR] [--test-routes]
import { startHarness } from './server';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const fileArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const harness = await startHarness({
  port: Number(option('port') ?? 0),
  initialPath: fileArg ?? null,
  // Settings and reading positions kept between runs in DIR (without it, a fresh folder each run, deleted at the end).
  userDataDir: option('user-data'),
  testRoutes: process.argv.includes('--test-routes'),
  // A person at the browser: Open shows the browser's file chooser (there is no native dialog to show).
  browserFileChooser: true,
});
console.log(`Article Reader harness: ${harness.url}  (Ctrl+C to stop)`);
const stop = () => void harness.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
