// Picks the speech engine for this OS. Never throws: with no engine the app still shows and
// navigates articles, and `problem` tells the user what to install.

import { readFileSync } from 'node:fs';
import type { VoiceList } from '../../core/contract';
import type { SpeechEngine } from './engine';
import { EspeakEngine, type EspeakOptions } from './espeak';
import { SpeechHost, type HostLauncher, type SpeechHostOptions } from './host-client';
import { LibEspeakEngine } from './lib-engine';
import { SayEngine } from './say-engine';

export interface EngineChoice {
  engine: SpeechEngine | null;
  problem: string | null;
}

export interface CreateEngineOptions extends EspeakOptions {
  platform?: NodeJS.Platform;
  /** Contents of /etc/os-release, to name the right package manager (tests pass their own). */
  osRelease?: string;
  /** Starts the speech host (libespeak-ng); without one, or when the library does not load, the espeak-ng command line. */
  host?: HostLauncher | null;
  hostOptions?: SpeechHostOptions;
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** One sentence: what to install, with the command for this OS. */
export function installHint(platform: NodeJS.Platform, osRelease = ''): string {
  if (platform === 'darwin') return 'Speech needs the macOS "say" command (System Settings > Accessibility > Spoken Content).';
  if (platform === 'win32') return 'Speech needs Windows PowerShell with System.Speech (Settings > Time & Language > Speech to add voices).';
  if (platform === 'freebsd' || platform === 'openbsd') return 'No speech engine found. Install espeak-ng: sudo pkg install espeak-ng';
  const ids = [...osRelease.matchAll(/^ID(?:_LIKE)?="?([^"\n]*)"?$/gm)].flatMap((m) => m[1]!.toLowerCase().split(/\s+/));
  const cmd =
    ids.some((i) => ['debian', 'ubuntu', 'linuxmint', 'pop', 'raspbian'].includes(i)) ? 'sudo apt install espeak-ng'
    : ids.some((i) => ['fedora', 'rhel', 'centos', 'rocky', 'almalinux'].includes(i)) ? 'sudo dnf install espeak-ng'
    : ids.some((i) => ['arch', 'manjaro', 'endeavouros'].includes(i)) ? 'sudo pacman -S espeak-ng'
    : ids.some((i) => ['opensuse', 'suse', 'opensuse-tumbleweed', 'opensuse-leap', 'sles'].includes(i)) ? 'sudo zypper install espeak-ng'
    : ids.includes('alpine') ? 'sudo apk add espeak-ng'
    : null;
  return cmd
    ? `No speech engine found. Install espeak-ng: ${cmd}`
    : 'No speech engine found. Install espeak-ng with your package manager (Debian/Ubuntu: sudo apt install espeak-ng; Fedora: sudo dnf install espeak-ng).';
}

export async function createSpeechEngine(opts: CreateEngineOptions = {}): Promise<EngineChoice> {
  const platform = opts.platform ?? process.platform;
  try {
    if (platform === 'darwin' || platform === 'win32') return { engine: new SayEngine({ platform }), problem: null };
    // Linux and the BSDs: espeak-ng only. `say` must never be used here (see say-engine.ts).
    if (opts.host) {
      const lib = new LibEspeakEngine(new SpeechHost(opts.host, opts.hostOptions));
      if ((await lib.probe()) === null) return { engine: lib, problem: null };
      lib.dispose(); // no library (or no host): the command line below
    }
    const engine = new EspeakEngine(opts);
    const why = await engine.probe();
    if (why === null) return { engine, problem: null };
    engine.dispose();
    return { engine: null, problem: installHint(platform, opts.osRelease ?? readOsRelease()) };
  } catch (e) {
    return { engine: null, problem: `Speech is not available: ${(e as Error).message}` };
  }
}

/** What listVoices() over the bridge returns. */
export async function voiceList(choice: EngineChoice): Promise<VoiceList> {
  if (!choice.engine) return { engine: null, voices: [], problem: choice.problem };
  try {
    return { engine: choice.engine.name, voices: await choice.engine.listVoices(), problem: null };
  } catch (e) {
    return { engine: choice.engine.name, voices: [], problem: `Could not list voices: ${(e as Error).message}` };
  }
}
