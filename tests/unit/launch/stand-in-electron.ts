// A stand-in Electron release on 127.0.0.1, for proving `npm start` and electron-builder
// download, unpack and launch Electron without GitHub: an executable `electron` script that
// records how it was started, a `version` file, the zip, and its SHASUMS256.txt. The script
// carries Electron's fuse wire (sentinel, version 1, 8 fuses) so @electron/fuses can flip it
// as it does on the real binary.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const ELECTRON_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** What the stand-in writes to $STANDIN_RECORD when it is run. */
export interface StandInRecord {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

const STAND_IN_SCRIPT = `#!/usr/bin/env node
// Stand-in Electron. Fuse wire: ${FUSE_SENTINEL}\x01\x0800000000
const fs = require('fs');
const env = { INIT_CWD: process.env.INIT_CWD, ELECTRON_RUN_AS_NODE: process.env.ELECTRON_RUN_AS_NODE };
fs.writeFileSync(process.env.STANDIN_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), env }));
`;

async function zip(files: { name: string; data: string; mode?: number }[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const f of files) z.addBuffer(Buffer.from(f.data, 'latin1'), f.name, { mode: f.mode ?? 0o100644 });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface Mirror {
  /** ELECTRON_MIRROR value (ends with "/"). */
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves v<version>/electron-v<version>-linux-x64.zip and v<version>/SHASUMS256.txt;
 * `tamperedChecksums`: a SHASUMS256.txt that does not match the archive.
 */
export async function startMirror(o: { tamperedChecksums?: boolean } = {}): Promise<Mirror> {
  const name = `electron-v${ELECTRON_VERSION}-linux-x64.zip`;
  const archive = await zip([
    { name: 'electron', data: STAND_IN_SCRIPT, mode: 0o100755 },
    { name: 'version', data: ELECTRON_VERSION },
    { name: 'LICENSE', data: 'Stand-in Electron for tests.\n' },
    { name: 'resources/default_app.asar', data: '' },
  ]);
  const sha = createHash('sha256').update(o.tamperedChecksums ? 'something else' : archive).digest('hex');
  const sums = `${sha} *${name}\n`;
  const files = new Map<string, Buffer>([
    [`/v${ELECTRON_VERSION}/${name}`, archive],
    [`/v${ELECTRON_VERSION}/SHASUMS256.txt`, Buffer.from(sums)],
  ]);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * A copy of the project without Electron's binary: the sources `npm start` and packaging
 * need, and a node_modules whose entries link to ours except `electron`, which is copied
 * without dist/ and path.txt (as after `npm install` on a fresh machine).
 */
/** koffi and its prebuilt binaries (@koromix/koffi-<platform>). */
const NATIVE_PACKAGES = new Set(['koffi', '@koromix']);

export async function projectCopy(dir: string): Promise<string> {
  for (const entry of ['package.json', 'tsconfig.base.json', 'scripts', 'core', 'electron', 'renderer', 'harness', 'content']) {
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name === 'electron') continue;
    // Native modules are real folders, as in an install: electron-builder does not follow a
    // symlinked package to the platform package holding its binary.
    if (NATIVE_PACKAGES.has(name)) await cp(join(ROOT, 'node_modules', name), join(modules, name), { recursive: true, dereference: true });
    else await symlink(join(ROOT, 'node_modules', name), join(modules, name));
  }
  await cp(join(ROOT, 'node_modules', 'electron'), join(modules, 'electron'), {
    recursive: true,
    filter: (src) => !/[\\/]electron[\\/](dist|path\.txt)$/.test(src),
  });
  return dir;
}
