/**
 * `npm start` for tests: the real entry (src/node/main.ts) as a child
 * process on the project's Node, on 127.0.0.1, over the data and dist
 * folders given. It builds first when dist/ is missing (when dist/ is older
 * than the data, it serves it and rebuilds behind it), then prints the URL
 * it serves; the promise waits for that line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../astroBuild.ts';

export interface Started {
  url: string;
  port: number;
  /** Everything the server printed so far (build output included). */
  output(): string;
  stop(): Promise<void>;
}

export function npmStart(options: { data: string; dist: string; port?: number; env?: Record<string, string>; timeoutMs?: number }): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'src/node/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, ...options.env,
      KEEPSCORE_DATA: options.data, KEEPSCORE_DIST: options.dist, HOST: '127.0.0.1', PORT: String(options.port ?? 0),
      ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm start did not serve within ${options.timeoutMs ?? 180_000} ms:\n${output}`));
    }, options.timeoutMs ?? 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const served = / on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (served) {
        clearTimeout(timer);
        resolve({ url: served[1], port: Number(served[2]), output: () => output, stop });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}
