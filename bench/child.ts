import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs bench/<file> under tsx in a fresh Node process; resolves its last stdout line as JSON, or null on timeout/failure. */
export function runChild<T>(file: string, args: string[], timeoutMs: number): Promise<T | null> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) return resolve(null);
      try { resolve(JSON.parse(line) as T); } catch { resolve(null); }
    });
  });
}
