// `npm run harness`: start the harness and print its URL for trying the app in a browser.
import { startHarness } from './server';

const portArg = process.argv.find((a) => a.startsWith('--port='));
const fileArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const harness = await startHarness({ port: portArg ? Number(portArg.slice(7)) : 0, initialPath: fileArg ?? null });
console.log(`Article Reader harness: ${harness.url}  (Ctrl+C to stop)`);
const stop = () => void harness.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
