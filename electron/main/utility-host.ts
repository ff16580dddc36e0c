// The speech host in Electron: a utilityProcess (a Node child process managed by Electron)
// running dist/electron/speech-host.cjs, behind the same HostProcess interface as a fork.
import { utilityProcess } from 'electron';
import type { HostLauncher } from '../speech/host-client';
import type { HostMessage } from '../speech/host-protocol';

export function utilityLauncher(script: string): HostLauncher {
  return () => {
    const child = utilityProcess.fork(script, [], { serviceName: 'Article Reader speech', stdio: 'ignore' });
    return {
      get pid() { return child.pid; },
      send: (m) => void child.postMessage(m),
      onMessage: (f) => void child.on('message', (m: unknown) => f(m as HostMessage)),
      onExit: (f) => void child.once('exit', (code: number) => f(`exited with code ${code}`)),
      kill: () => {
        // The host starts no processes of its own: killing it ends everything it ran.
        if (child.pid) try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
        child.kill();
      },
    };
  };
}
