// The speech host in Electron: a utilityProcess (a Node child process managed by Electron)
// running dist/electron/speech-host.cjs, behind the same HostProcess interface as a fork.
// The host's heartbeat is posted from inside the library's synchronous synthesis; from
// Electron's source, parentPort.postMessage writes to its mojo pipe before it returns, so it
// should arrive while the call runs, but this has never run here (no Electron binary). The
// engine does not depend on it: each host call is bounded (lib-engine.ts, MAX_PIECE_CHARS).
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
