import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sample = join(root, 'content/idlib-bloody-week.txt');
const tmp = mkdtempSync(join(tmpdir(), 'cli-test-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('command line', () => {
  it('`npm run --silent cli -- parse --json` prints one JSON document of the documented shape', () => {
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'parse', '--json', sample], { cwd: root, encoding: 'utf8' });
    const doc = JSON.parse(out);
    expect(Object.keys(doc).sort()).toEqual(['blocks', 'byline', 'quotes', 'speakers', 'title']);
    expect(doc.speakers[0]).toEqual({ id: expect.any(String), name: expect.any(String), description: expect.toSatisfy((d: unknown) => d === null || typeof d === 'string') });
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: expect.stringContaining('Sleeping four-year-old') });
    expect(doc.quotes.find((q: { text: string }) => q.text.startsWith('A rocket'))).toMatchObject({ blocks: [13, 14], partial: false });
  });

  it('prints a readable script without --json', async () => {
    const r = await run('parse', sample);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[byline] Video report by ITV News correspondent Dan Rivers');
    expect(r.out).toMatch(/quote \(paragraphs 16-18\), Dr Ahmad Tarakji \(president of SAMS\): “The airstrikes/);
  });

  it.each([
    ['empty', '', /is empty/],
    ['binary', '\u0000\u0001\u0002PNG\u0000', /not a text file/],
  ])('exits 1 with one clear line on %s input', async (name, content, message) => {
    const file = join(tmp, `${name}.txt`);
    writeFileSync(file, content);
    const r = await run('parse', '--json', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('exits 1 for a missing file and for an oversized one', async () => {
    expect((await run('parse', join(tmp, 'nope.txt'))).err).toMatch(/does not exist/);
    const big = join(tmp, 'big.txt');
    writeFileSync(big, Buffer.alloc(17 * 1024 * 1024, 'a'));
    const r = await run('parse', big);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/too large/);
  });

  it('reads invalid UTF-8 with a note rather than failing', async () => {
    const file = join(tmp, 'latin1.txt');
    writeFileSync(file, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x0a]));
    const r = await run('parse', '--json', file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/not valid UTF-8/);
    expect(JSON.parse(r.out).title).toBe('Caf\uFFFD opens');
  });

  it('exits 2 with usage on bad usage', async () => {
    for (const argv of [[], ['frobnicate'], ['parse'], ['parse', 'a', 'b']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^usage:/);
    }
  });

  it('plan --json lists utterances with kind, voice and range', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'plan', '--json', sample], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout) as { kind: string; text: string; voice: string; start: number; end: number }[];
    expect(plan[0]).toMatchObject({ kind: 'title', speakerId: null });
    expect(plan.filter((u) => u.kind === 'label').map((u) => u.text)).toContain('Professor David Nott OBE:');
  });
});
