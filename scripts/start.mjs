// `npm start [-- [flags] [article]]`: get Electron's binary if it is missing (Electron's own
// install.js), then open the built app on the article named (relative to the folder npm start
// was run in), else the last article read, else the bundled sample. Every failure ends in one
// line that says what to do. The rules live in scripts/launch/ and are unit-tested.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectron, electronInstallState } from './launch/electron-install.mjs';
import { electronArguments, launchFailureHint, nodeVersionProblem } from './launch/launch-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = join(root, 'node_modules', 'electron');

function fail(line) {
  console.error(line);
  process.exit(1);
}

const nodeProblem = nodeVersionProblem(process.versions.node);
if (nodeProblem) fail(nodeProblem);

// Before any download: a launch that cannot work is refused first.
const plan = electronArguments({
  appDir: root,
  args: process.argv.slice(2),
  initCwd: process.env.INIT_CWD || process.cwd(),
  uid: process.getuid?.() ?? null,
  platform: process.platform,
});
if (!plan.ok) fail(plan.message);

let state;
try {
  state = electronInstallState(pkgDir);
} catch {
  fail('Electron is not installed in node_modules: run npm install, then npm start.');
}
if (!state.installed) {
  const problem = await downloadElectron(pkgDir);
  if (problem) fail(problem);
  state = electronInstallState(pkgDir);
  if (!state.installed) fail(`Electron ${state.version} was downloaded but its binary is missing: delete node_modules/electron/dist and run npm start again.`);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; it would start plain Node
// stderr passes through and is also kept, so a sandbox or library failure gets its one-line fix.
const child = spawn(state.binary, plan.args, { stdio: ['inherit', 'inherit', 'pipe'], env });
let stderr = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  stderr = (stderr + chunk.toString('utf8')).slice(-65_536);
});
child.once('error', (e) => fail(`Electron could not be started (${e.message}): delete node_modules/electron/dist and run npm start again.`));
child.once('close', (code, signal) => {
  if (code !== 0 && !signal) {
    const hint = launchFailureHint(stderr, { sandboxHelper: join(dirname(state.binary), 'chrome-sandbox') });
    if (hint) console.error(hint);
  }
  process.exit(signal ? 1 : (code ?? 0));
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
