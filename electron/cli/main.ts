// Command line: `parse`, `plan` and `speak` over an article file. Exit codes: 0 ok, 1 bad input, 2 bad usage.
import { loadArticleSource } from '../articles/load-article';
import { formatParseJson, formatParseScript } from './format-parse';
import { runPlan } from './plan-command';

const USAGE = `usage: article-reader <command> [options] FILE|URL
commands:
  parse [--json] FILE                                   the article's blocks, quotes and speakers
  plan [--json] FILE                                    the reading plan: what is spoken, in which voice
  speak --out FILE.wav [--rate WPM] [--voice V] FILE    render the whole reading to one WAV file
FILE is a text, Markdown or saved web page (.html) file, or an http(s) address (the page is fetched).`;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (command === 'parse') {
    const json = rest.includes('--json');
    const files = rest.filter((a) => a !== '--json');
    if (files.length !== 1 || files[0]!.startsWith('--')) return usage(io);
    const loaded = await loadArticleSource(files[0]!);
    if (!loaded.ok) return fail(io, loaded.message);
    for (const n of loaded.notices) io.stderr(`note: ${n}\n`);
    io.stdout(json ? formatParseJson(loaded.model) + '\n' : formatParseScript(loaded.model));
    return 0;
  }
  if (command === 'plan') return runPlan(rest, io, USAGE);
  if (command === 'speak') {
    const { runSpeak } = await import('./speak');
    return runSpeak(rest, { stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY });
  }
  return usage(io);
}

function usage(io: CliIo): number {
  io.stderr(USAGE + '\n');
  return 2;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`error: ${message}\n`);
  return 1;
}

const isMain = process.argv[1] !== undefined && /cli[\\/]main\.(?:ts|js|cjs|mjs)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
  }).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
