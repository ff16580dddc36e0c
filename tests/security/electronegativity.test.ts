// Electronegativity (Doyensec's Electron security linter) over our main-process sources and
// over the built app as it ships. Any HIGH or MEDIUM finding fails, unless the source line
// carries `// eng-disable CHECK_ID -- reason` (the reason is required here, not by the tool).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../electron/services/csp';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');

interface Issue { id: string; file: string; location: { line: number }; severity: { name?: string; value: number } | string; description: string }
type Run = (o: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const run = require('@doyensec/electronegativity') as Run;
const severityName = (i: Issue) => (typeof i.severity === 'string' ? i.severity : (i.severity.name ?? String(i.severity.value))).toUpperCase();
const serious = (issues: Issue[]) => issues.filter((i) => ['HIGH', 'MEDIUM'].includes(severityName(i)));
const show = (issues: Issue[]) => issues.map((i) => `${i.id} ${severityName(i)} ${i.file}:${i.location.line} ${i.description}`);

/** Check ids disabled in our sources, each with its reason. */
async function inlineJustifications(dir: string): Promise<{ ids: Set<string>; missingReason: string[] }> {
  const ids = new Set<string>();
  const missingReason: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js|html)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    (await readFile(path, 'utf8')).split('\n').forEach((line, n) => {
      const m = /eng-disable[ \t]+([\w \t,]+?)(?:[ \t]*(?:--|:)[ \t]*(.*))?$/.exec(line);
      if (!m) return;
      const reason = (m[2] ?? '').replace(/\*\/|-->/g, '').trim();
      if (reason.length < 15) missingReason.push(`${relative(ROOT, path)}:${n + 1}`);
      for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) ids.add(id.toUpperCase());
    });
  }
  return { ids, missingReason };
}

let stage: string;
beforeAll(async () => {
  stage = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  // Our sources plus the page they load (its <meta> CSP), as the tool sees an app.
  await cp(join(ROOT, 'electron'), join(stage, 'src', 'electron'), { recursive: true });
  if (existsSync(join(ROOT, 'renderer', 'index.html'))) await cp(join(ROOT, 'renderer', 'index.html'), join(stage, 'src', 'renderer', 'index.html'));
  // The built app: the tool only reads .js, so the .cjs bundles are copied as .js. (Not the
  // parse worker: no Electron API in it, and 700 KB of NLP library to walk.)
  const built = join(stage, 'built');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), `--out=${built}`], { cwd: ROOT, stdio: 'ignore' });
  await mkdir(join(stage, 'dist', 'electron'), { recursive: true });
  for (const name of ['main', 'preload']) {
    await cp(join(built, 'electron', `${name}.cjs`), join(stage, 'dist', 'electron', `${name}.js`));
  }
  await cp(join(built, 'renderer'), join(stage, 'dist', 'renderer'), { recursive: true, filter: (f) => !f.endsWith('.map') });
}, 120_000);
afterAll(async () => {
  if (stage) await rm(stage, { recursive: true, force: true });
});

const scan = (input: string) =>
  // AvailableSecurityFixes fetches Electron's release list from the network: not in a test.
  run({ input, isRelative: true, electronVersionOverride: '45.4.1', excludeFromScan: ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'] });

describe('electronegativity', () => {
  it('every eng-disable in our code gives a reason', async () => {
    const { missingReason } = await inlineJustifications(join(ROOT, 'electron'));
    expect(missingReason, 'write `// eng-disable CHECK_ID -- why this is safe`').toEqual([]);
  });

  it('finds no HIGH or MEDIUM issue in electron/ sources', async () => {
    const result = await scan(join(stage, 'src'));
    expect(result.errors.filter((e) => !e.tolerable), 'files the tool could not parse').toEqual([]);
    expect(show(serious(result.issues))).toEqual([]);
  }, 120_000);

  it('finds no HIGH or MEDIUM issue in the built app, except ones justified in the sources', async () => {
    const result = await scan(join(stage, 'dist'));
    // Bundles lose comments, so a finding is justified when its source line says why.
    const { ids } = await inlineJustifications(join(ROOT, 'electron'));
    expect(show(serious(result.issues).filter((i) => !ids.has(i.id)))).toEqual([]);
  }, 120_000);

  it('the CSP the app sends passes Google’s CSP evaluator without HIGH or MEDIUM findings', () => {
    const csp = require(require.resolve('@doyensec/csp-evaluator', { paths: [join(ROOT, 'node_modules', '@doyensec', 'electronegativity')] }));
    const parsed = new csp.CspParser(APP_CSP).csp;
    const findings = new csp.CspEvaluator(parsed, csp.Version.CSP3).evaluate() as { severity: number; description: string; directive: string }[];
    const bad = findings.filter((f) => [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE].includes(f.severity));
    expect(bad.map((f) => `${f.directive}: ${f.description}`)).toEqual([]);
  });
});
