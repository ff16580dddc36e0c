// A real screen reader for tests: Orca reading Debian Chromium on a private Xvfb display and a
// private D-Bus session, speaking through speech-dispatcher's dummy module (no sound card
// needed). What Orca says is read back from its debug file ("SPEECH OUTPUT: '…'" lines).
// Keys are real X key presses (xdotool): Playwright's CDP key events go straight into the page
// and never pass through Orca, so they cannot test what a screen-reader user's keys do. The
// Playwright page is used only to look at the DOM (focus, state), never to press keys.
//
// Every process gets its own process group, temporary HOME/XDG folders and display, so several
// runs on one machine never share a display, a bus or a speech-dispatcher socket.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { CHROMIUM_PATH } from '../chromium-path';

/** Debian's python3: Orca's modules (pyatspi, gi) are installed for it, not for a pyenv one. */
const PYTHON = '/usr/bin/python3';
const ORCA = '/usr/bin/orca';
const CHROMIUM = CHROMIUM_PATH;
const PROGRAMS = ['Xvfb', 'xdotool', 'speech-dispatcher', 'dbus-daemon', 'dbus-send'];
/** The Debian packages that provide all of the above (what .ci/run installs). */
export const ORCA_PACKAGES = [
  'orca', 'xvfb', 'xdotool', 'speech-dispatcher', 'python3-speechd', 'python3-pyatspi', 'gir1.2-atspi-2.0',
  'gir1.2-gtk-3.0', 'gir1.2-wnck-3.0', 'python3-gi', 'at-spi2-core', 'dbus', 'chromium',
];

// Orca's debug file is block-buffered upstream: this launcher makes it line-buffered, so a test
// sees each utterance as soon as Orca speaks it.
const LINE_BUFFERED_ORCA = `import builtins, runpy, sys
_open = builtins.open
def _open_line_buffered(file, mode="r", buffering=-1, *a, **k):
    if "w" in str(mode) and isinstance(file, str) and file.endswith(".out"):
        buffering = 1
    return _open(file, mode, buffering, *a, **k)
builtins.open = _open_line_buffered
sys.argv[0] = "orca"
runpy.run_path("${ORCA}", run_name="__main__")
`;

const SPEECH_LINE = /^[\d:.]+ - SPEECH OUTPUT: '(.*)'(?: voice=[a-z-]+)? ?(?:\{.*\})?$/;
/** Where Orca's attention (its "locus of focus") moves, spoken or not: "[push button | Close]". */
const LOCUS_LINE = /^[\d:.]+ - ORCA: Changing locusOfFocus from .* to \[(.*)\]\. Notify: (?:True|False)$/;

function onPath(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', program], { stdio: 'ignore' }).status === 0;
}

/** Why Orca cannot run here, or null when everything it needs is installed. */
export function missingPrerequisite(): string | null {
  if (process.platform !== 'linux') return `Orca runs on Linux only (this is ${process.platform})`;
  const missing = [...PROGRAMS.filter((p) => !onPath(p)), ...[ORCA, CHROMIUM, PYTHON].filter((p) => !existsSync(p))];
  if (missing.length) return `not installed: ${missing.join(', ')} (Debian: apt-get install ${ORCA_PACKAGES.join(' ')})`;
  const py = spawnSync(PYTHON, ['-c', 'import gi, pyatspi, speechd; gi.require_version("Gtk", "3.0"); gi.require_version("Wnck", "3.0"); gi.require_version("Atspi", "2.0")'], { encoding: 'utf8' });
  if (py.status !== 0) return `Orca's Python modules are missing (${py.stderr.trim().split('\n').pop()}); install ${ORCA_PACKAGES.join(' ')}`;
  return null;
}

/** Runs `fn` every 100 ms until it returns a value, or throws `message()` after `timeoutMs`. */
async function poll<T>(fn: () => T | null | Promise<T | null>, timeoutMs: number, message: () => string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > until) throw new Error(message());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first line a child writes on `stream`, e.g. Xvfb's display number or dbus-daemon's address. */
function firstLine(stream: NodeJS.ReadableStream, what: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const nl = text.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(text.slice(0, nl).trim());
      }
    });
    stream.on('end', () => reject(new Error(`${what} exited before it was ready`)));
  });
}

export class OrcaSession {
  private readonly children: ChildProcess[] = [];
  private browser: Browser | null = null;
  private pageValue: Page | null = null;
  private env: NodeJS.ProcessEnv = {};
  private debugFile: FileHandle | null = null;
  private readOffset = 0;
  private partial = '';
  private readonly spoken: string[] = [];
  private readonly locus: string[] = [];

  private constructor(readonly workDir: string) {}

  /** Starts the display, the bus, speech-dispatcher, Orca and Chromium on `url`. */
  static async start(url: string): Promise<OrcaSession> {
    const session = new OrcaSession(await mkdtemp(join(tmpdir(), 'article-reader-orca-')));
    try {
      await session.boot(url);
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  }

  get page(): Page {
    if (!this.pageValue) throw new Error('Chromium is not running');
    return this.pageValue;
  }

  get logFile(): string {
    return join(this.workDir, 'logs', 'orca-debug.out');
  }

  private spawnChild(command: string, args: string[], stdio: ('ignore' | 'pipe')[], log?: string): ChildProcess {
    // detached: a process group of its own, so close() ends it and everything it started.
    // Output goes to a log file (a pipe nobody reads would fill up and stall the child).
    const child = spawn(command, args, { env: this.env, stdio, detached: true });
    child.on('error', () => undefined);
    if (log) {
      const sink = (chunk: Buffer) => void writeFile(join(this.workDir, 'logs', log), chunk, { flag: 'a' }).catch(() => undefined);
      child.stdout?.on('data', sink);
      child.stderr?.on('data', sink);
    }
    this.children.push(child);
    return child;
  }

  private async boot(url: string): Promise<void> {
    const w = this.workDir;
    const dir = (...p: string[]) => join(w, ...p);
    for (const d of ['home', 'run', 'logs/speechd', 'config/speech-dispatcher/modules', 'data', 'cache']) await mkdir(dir(d), { recursive: true, mode: 0o700 });
    await writeFile(dir('config/speech-dispatcher/speechd.conf'), [
      'LogLevel 3', 'DisableAutoSpawn', `LogDir "${dir('logs/speechd')}"`, 'AddModule "dummy" "sd_dummy" "dummy.conf"',
      'DefaultModule dummy', 'AudioOutputMethod "alsa"', '',
    ].join('\n'));
    await writeFile(dir('config/speech-dispatcher/modules/dummy.conf'), '');
    // No sound card: audio goes to ALSA's null device.
    await writeFile(dir('home/.asoundrc'), 'pcm.!default { type null }\n');
    await writeFile(dir('orca-line-buffered.py'), LINE_BUFFERED_ORCA);
    // Orca's defaults, except that it does not start reading a page aloud when it loads: that
    // say-all moves focus through the page as it reads, so where focus is when a test presses
    // its first key would depend on timing. (The page summary is still spoken.)
    await mkdir(dir('data/orca'), { recursive: true });
    await writeFile(dir('data/orca/user-settings.conf'), JSON.stringify({
      general: { sayAllOnLoad: false, pageSummaryOnLoad: true },
      profiles: { default: { profile: ['Default', 'default'] } },
      pronunciations: {},
      keybindings: {},
    }));

    this.env = {
      PATH: process.env.PATH,
      HOME: dir('home'),
      XDG_RUNTIME_DIR: dir('run'),
      XDG_CONFIG_HOME: dir('config'),
      XDG_DATA_HOME: dir('data'),
      XDG_CACHE_HOME: dir('cache'),
      LANG: 'C.UTF-8',
      GTK_MODULES: 'gail:atk-bridge',
      ACCESSIBILITY_ENABLED: '1',
      NO_AT_BRIDGE: '0',
    };

    // A display of our own: Xvfb picks a free number and writes it to fd 3.
    const xvfb = this.spawnChild('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], ['ignore', 'ignore', 'pipe', 'pipe'], 'xvfb.out');
    const display = await firstLine(xvfb.stdio[3] as NodeJS.ReadableStream, 'Xvfb');
    this.env.DISPLAY = `:${display}`;

    // A session bus of our own; the accessibility bus is started on it on demand.
    const bus = this.spawnChild('dbus-daemon', ['--session', '--nofork', '--print-address=1'], ['ignore', 'pipe', 'pipe'], 'dbus.out');
    this.env.DBUS_SESSION_BUS_ADDRESS = await firstLine(bus.stdout!, 'dbus-daemon');
    const enable = spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.a11y.Bus', '/org/a11y/bus', 'org.freedesktop.DBus.Properties.Set',
      'string:org.a11y.Status', 'string:IsEnabled', 'variant:boolean:true'], { env: this.env, encoding: 'utf8', timeout: 20_000 });
    if (enable.status !== 0) throw new Error(`could not enable accessibility on the session bus: ${enable.stderr}`);

    this.spawnChild('speech-dispatcher', ['-s', '-t', '0', '-C', dir('config/speech-dispatcher')], ['ignore', 'pipe', 'pipe'], 'speechd.out');
    const socket = dir('run/speech-dispatcher/speechd.sock');
    await poll(() => (existsSync(socket) ? true : null), 20_000, () => 'speech-dispatcher did not open its socket');

    this.spawnChild(PYTHON, [dir('orca-line-buffered.py'), `--debug-file=${this.logFile}`], ['ignore', 'pipe', 'pipe'], 'orca.out');
    await this.waitForSpeech(/^Screen reader on/, 0, 60_000);

    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: false,
      env: this.env,
      args: [...CHROMIUM_ARGS, '--force-renderer-accessibility', '--window-position=0,0', '--window-size=1200,900', '--password-store=basic'],
    });
    const context = await this.browser.newContext({ viewport: null });
    this.pageValue = await context.newPage();
    await this.pageValue.goto(url);
    // Keys go to the window under the pointer (no window manager): put the pointer on Chromium.
    this.xdotool('mousemove', '600', '450');
  }

  private xdotool(...args: string[]): void {
    const r = spawnSync('xdotool', args, { env: this.env, encoding: 'utf8', timeout: 10_000 });
    if (r.status !== 0) throw new Error(`xdotool ${args.join(' ')} failed: ${r.stderr}`);
  }

  /**
   * A real key press, as X key names: "ctrl+alt+q", "space", "Escape", "F1", "Down". The key is
   * released before its modifiers, as people type: `xdotool key ctrl+q` releases Ctrl first,
   * and Orca takes a lone "q" release for its own quick-navigation command.
   */
  press(keys: string): void {
    const parts = keys.split('+');
    const name = parts.pop()!;
    // With Shift held, a letter's keysym is its capital: xdotool would release Shift to type "q".
    const key = parts.includes('shift') && /^[a-z]$/.test(name) ? name.toUpperCase() : name;
    this.xdotool(...parts.flatMap((m) => ['keydown', m]), 'key', key, ...parts.reverse().flatMap((m) => ['keyup', m]));
  }

  /** Everything Orca has said so far, one utterance per entry. */
  async utterances(): Promise<readonly string[]> {
    await this.readNewSpeech();
    return this.spoken;
  }

  /** A bookmark: utterances after it are what Orca says next. */
  async mark(): Promise<number> {
    return (await this.utterances()).length;
  }

  async spokenSince(mark: number): Promise<string[]> {
    return (await this.utterances()).slice(mark);
  }

  /** Waits until Orca says something matching `pattern` after `mark`; returns that utterance. */
  async waitForSpeech(pattern: RegExp, mark: number, timeoutMs = 30_000): Promise<string> {
    return poll(async () => (await this.spokenSince(mark)).find((s) => pattern.test(s)) ?? null, timeoutMs,
      () => `Orca did not say ${pattern} within ${timeoutMs / 1000} s; it said:\n${this.spoken.slice(mark).map((s) => `  ${s}`).join('\n') || '  (nothing)'}`);
  }

  /**
   * Presses `keys` and waits until Orca's attention has moved to an object matching `pattern`
   * ("article | Title", "tool bar | Reading keys"), for moves Orca makes without speaking.
   */
  async pressAndFollow(keys: string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    await this.readNewSpeech();
    const from = this.locus.length;
    this.press(keys);
    await poll(async () => {
      await this.readNewSpeech();
      return this.locus.slice(from).some((x) => pattern.test(x)) ? true : null;
    }, timeoutMs, () => `Orca did not move to ${pattern} within ${timeoutMs / 1000} s; it moved to:\n${this.locus.slice(from).map((x) => `  ${x}`).join('\n') || '  (nothing)'}`);
  }

  /** Presses `keys` and waits for Orca to say `pattern`; returns what it said from the press on. */
  async pressAndHear(keys: string, pattern: RegExp, timeoutMs = 30_000): Promise<string[]> {
    const m = await this.mark();
    this.press(keys);
    await this.waitForSpeech(pattern, m, timeoutMs);
    return this.spokenSince(m);
  }

  private async readNewSpeech(): Promise<void> {
    if (!this.debugFile) {
      if (!existsSync(this.logFile)) return;
      this.debugFile = await open(this.logFile, 'r');
    }
    for (;;) {
      const chunk = Buffer.alloc(256 * 1024);
      const { bytesRead } = await this.debugFile.read(chunk, 0, chunk.length, this.readOffset);
      if (bytesRead === 0) break;
      this.readOffset += bytesRead;
      const lines = (this.partial + chunk.subarray(0, bytesRead).toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) {
        const m = SPEECH_LINE.exec(line);
        // (A zero-width space is not heard: the app marks a repeated announcement with one, renderer/announcer.ts.)
        if (m) this.spoken.push(m[1]!.replaceAll('\u200B', '').trimEnd());
        const l = LOCUS_LINE.exec(line);
        if (l) this.locus.push(l[1]!);
      }
    }
  }

  /** Stops every process it started (each process group, by its id) and removes its folders. */
  async close(keepFiles = false): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
    await this.debugFile?.close().catch(() => undefined);
    this.debugFile = null;
    const alive = () => this.children.filter((c) => c.exitCode === null && c.signalCode === null && c.pid);
    for (const c of alive().reverse()) {
      try {
        process.kill(-c.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await poll(() => (alive().length === 0 ? true : null), 3000, () => '').catch(() => {
      for (const c of alive()) {
        try {
          process.kill(-c.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    });
    if (!keepFiles) await rm(this.workDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
