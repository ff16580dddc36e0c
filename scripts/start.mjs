// `npm start`: run the built app in Electron when its binary is installed, else say how to
// get it in one line. Never require('electron') here: from plain Node that starts a download.
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = join(root, 'node_modules', 'electron');
const pathFile = join(pkgDir, 'path.txt');
const binary = existsSync(pathFile) ? join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !existsSync(binary)) {
  console.error("Electron's binary is not installed (it is downloaded from GitHub at install time). With network access run: npm rebuild electron — then npm start. Meanwhile `npm run harness` runs the app in a browser.");
  process.exit(1);
}

// Extra arguments (an article path) go to the app: `npm start -- article.md`.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; it would start plain Node
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
