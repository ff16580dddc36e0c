import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpeechEngine, installHint, voiceList } from '../../../electron/speech/create-engine';
import { EspeakEngine } from '../../../electron/speech/espeak';
import { asciiFold, SayEngine, windowsClipFolder } from '../../../electron/speech/say-engine';
import { hasEspeak, tempDir } from './helpers';

describe('engine selection', () => {
  it('never builds the say engine on Linux (say on Linux is a Festival command injection)', () => {
    expect(() => new SayEngine({ platform: 'linux' })).toThrow(/not allowed on linux/);
    expect(() => new SayEngine({ platform: 'freebsd' })).toThrow(/not allowed/);
    if (process.platform === 'linux') {
      // Not even when asked for another platform's flavour while running on Linux.
      expect(() => new SayEngine({ platform: 'darwin' })).toThrow(/not allowed on linux/);
      expect(() => new SayEngine({ platform: 'win32' })).toThrow(/not allowed on linux/);
      expect(() => new SayEngine()).toThrow(/not allowed on linux/);
    }
  });

  it('on Linux without espeak-ng: no engine, no say, no throw, and what to install', async () => {
    const command = join(tempDir(), 'espeak-ng-missing');
    const debian = await createSpeechEngine({ platform: 'linux', command, osRelease: 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n' });
    expect(debian.engine).toBeNull();
    expect(debian.problem).toBe('No speech engine found. Install espeak-ng: sudo apt install espeak-ng');
    const ubuntu = await createSpeechEngine({ platform: 'linux', command, osRelease: 'ID=ubuntu\nID_LIKE=debian\n' });
    expect(ubuntu.problem).toMatch(/sudo apt install espeak-ng/);
    const fedora = await createSpeechEngine({ platform: 'linux', command, osRelease: 'ID=fedora\n' });
    expect(fedora.problem).toMatch(/sudo dnf install espeak-ng/);
    const unknown = await createSpeechEngine({ platform: 'linux', command, osRelease: '' });
    expect(unknown.problem).toMatch(/Debian\/Ubuntu: sudo apt install espeak-ng; Fedora: sudo dnf install espeak-ng/);
    expect(await voiceList(debian)).toEqual({ engine: null, voices: [], problem: debian.problem });
  });

  it('names the package manager of other distributions', () => {
    expect(installHint('linux', 'ID=arch\n')).toMatch(/pacman -S espeak-ng/);
    expect(installHint('linux', 'ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n')).toMatch(/zypper install espeak-ng/);
    expect(installHint('linux', 'ID=rocky\nID_LIKE="rhel centos fedora"\n')).toMatch(/dnf install/);
    expect(installHint('linux', 'ID=alpine\n')).toMatch(/apk add espeak-ng/);
  });

  it.skipIf(!hasEspeak)('on Linux with espeak-ng: the espeak-ng engine, and its voices', async () => {
    const choice = await createSpeechEngine({ platform: 'linux' });
    expect(choice.problem).toBeNull();
    expect(choice.engine).toBeInstanceOf(EspeakEngine);
    expect(choice.engine).not.toBeInstanceOf(SayEngine);
    expect(choice.engine!.name).toBe('espeak-ng');
    const list = await voiceList(choice);
    expect(list.engine).toBe('espeak-ng');
    expect(list.voices.length).toBeGreaterThan(8);
    choice.engine!.dispose();
  });

  it.runIf(process.platform === 'linux')('a Linux host never gets say, whatever platform is asked for', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const choice = await createSpeechEngine({ platform, command: join(tempDir(), 'missing') });
      expect(choice.engine).not.toBeInstanceOf(SayEngine);
      expect(choice.engine).toBeNull();
      expect(choice.problem).toBeTruthy();
    }
  });

  const sayHost = process.platform === 'darwin' || process.platform === 'win32';
  if (!sayHost) console.warn(`skipped "picks say on macOS and Windows": it needs a macOS or Windows host (this is ${process.platform})`);
  it.runIf(sayHost)('picks say on macOS and Windows', async () => {
    const choice = await createSpeechEngine();
    expect(choice.engine).toBeInstanceOf(SayEngine);
  });

  it('folds text to ASCII for the Windows pipe, keeping it readable', () => {
    expect(asciiFold('“Don’t” — café… 😀 naïve')).toBe('"Don\'t" - cafe...   naive');
  });

  it('writes Windows clips to a folder PowerShell can name: the temporary folder, else ProgramData, else Public', () => {
    expect(windowsClipFolder(['C:\\Users\\JOHNSM~1\\AppData\\Local\\Temp', 'C:\\ProgramData'])).toBe('C:\\Users\\JOHNSM~1\\AppData\\Local\\Temp');
    expect(windowsClipFolder(['C:\\Users\\José\\AppData\\Local\\Temp', 'C:\\ProgramData', 'C:\\Users\\Public'])).toBe('C:\\ProgramData');
    expect(windowsClipFolder(["C:\\Users\\O'Brien\\AppData\\Local\\Temp", undefined, 'C:\\Users\\Public'])).toBe('C:\\Users\\Public');
    expect(windowsClipFolder(['C:\\Users\\José\\Temp', undefined, undefined])).toBeNull();
  });
});
