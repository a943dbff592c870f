/**
 * Rebuilds the site after an upload: `astro build` into a fresh folder beside
 * dist/, swapped in only when the build succeeded, so a failed build leaves
 * the live site as it was (and says why in /api/status). One build at a
 * time; uploads that arrive during a build wait together for one more.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Recent } from '../core/upload/recent.ts';
import { buildFault } from './buildFault.ts';
import type { BuildEntry, Rebuilder } from '../core/upload/types.ts';

export interface BuilderOptions {
  /** The project root (astro.config.mjs, node_modules). */
  root: string;
  dataDir: string;
  distDir: string;
  /** The command to run, `--outDir <dir>` appended; default: astro build on this process's Node (the project's 24, via npm). */
  command?: string[];
  /** Called around the swap of dist/, so the server holds requests for the instant it takes. */
  swap?: (replace: () => Promise<void>) => Promise<void>;
  timeoutMs?: number;
  /** The operator's log: a failed build's whole output goes here (the status only says what and where). */
  log?: (line: string) => void;
}


export class LocalBuilder implements Rebuilder {
  private readonly log = new Recent<BuildEntry>(50);
  private running: Promise<void> | null = null;
  private queued: BuildEntry | null = null;
  private child: ChildProcess | null = null;

  private readonly options: BuilderOptions;

  constructor(options: BuilderOptions) {
    this.options = options;
  }

  async request(version: string): Promise<void> {
    if (this.queued) this.queued.versions.push(version);
    else {
      this.queued = { id: `build-${randomBytes(4).toString('hex')}`, versions: [version], state: 'queued', started: null, finished: null, durationMs: null, error: null };
      this.log.add(this.queued);
    }
    if (!this.running) this.running = this.loop();
  }

  async recent(): Promise<BuildEntry[]> {
    return this.log.list().map((b) => ({ ...b, versions: [...b.versions] }));
  }

  /**
   * Removes the `dist.next-*` and `dist.old-*` folders beside dist/ that a killed build or swap left
   * (call before the first build: this builder's own are made later).
   */
  async cleanUp(): Promise<string[]> {
    const parent = dirname(this.options.distDir);
    const base = basename(this.options.distDir);
    const names = await readdir(parent).catch(() => [] as string[]);
    const left = names.filter((n) => n.startsWith(`${base}.next-`) || n.startsWith(`${base}.old-`));
    for (const name of left) await rm(join(parent, name), { recursive: true, force: true });
    return left;
  }

  /** Stops a running build (shutdown): its folder is removed, the live site stays. */
  stop(): void {
    this.child?.kill('SIGKILL');
  }

  /** Resolves when no build is running or queued (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Builds now, outside the queue's versions (npm start with a missing or stale dist/). */
  async buildNow(reason: string): Promise<BuildEntry> {
    await this.request(reason);
    await this.idle();
    return (await this.recent()).find((b) => b.versions.includes(reason))!;
  }

  private async loop(): Promise<void> {
    try {
      while (this.queued) {
        const entry = this.queued;
        this.queued = null;
        await this.build(entry);
      }
    } finally {
      this.running = null;
    }
  }

  private async build(entry: BuildEntry): Promise<void> {
    const started = Date.now();
    entry.state = 'running';
    entry.started = new Date(started).toISOString();
    const next = `${this.options.distDir}.next-${entry.id}`;
    const { code, output } = await this.run(next);
    if (code === 0 && (await stat(join(next, 'index.html')).catch(() => null))) {
      try {
        await (this.options.swap ?? ((replace) => replace()))(() => this.replaceDist(next, entry.id));
        entry.state = 'succeeded';
      } catch (error) {
        // The swap failed (a disk error): the entry says so instead of staying "running", the old site stays.
        await rm(next, { recursive: true, force: true });
        const code = (error as NodeJS.ErrnoException).code;
        Object.assign(entry, { state: 'failed', error: `the new site could not replace the old one${code ? ` (${code})` : ''}` });
        this.options.log?.(`Build ${entry.id} could not be put in place: ${(error as Error).stack ?? error}`);
      }
    } else {
      await rm(next, { recursive: true, force: true });
      // The reason first, then the state: a status read in between must never see a failure without one.
      const error = await buildFault(output, code, this.options.dataDir);
      Object.assign(entry, { state: 'failed', error });
      this.options.log?.(`Build ${entry.id} failed (${entry.error}). Its output:\n${output.trim()}`);
    }
    entry.finished = new Date().toISOString();
    entry.durationMs = Date.now() - started;
  }

  /** dist -> dist.old, next -> dist, then the old one removed: two renames, held behind `swap`. */
  private async replaceDist(next: string, id: string): Promise<void> {
    const { distDir } = this.options;
    const old = `${distDir}.old-${id}`;
    const hadDist = await stat(distDir).then(() => true, () => false);
    if (hadDist) await rename(distDir, old);
    await rename(next, distDir);
    if (hadDist) void rm(old, { recursive: true, force: true });
  }

  private run(outDir: string): Promise<{ code: number | null; output: string }> {
    const { root, dataDir, command, timeoutMs = 600_000 } = this.options;
    const [exec, ...args] = command ?? [process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build'];
    return new Promise((resolve) => {
      let output = '';
      const child = (this.child = spawn(exec, [...args, '--outDir', outDir], {
        cwd: root,
        env: { ...process.env, KEEPSCORE_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }));
      const collect = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-64_000));
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ code: null, output: `${output}\n${error.message}` });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        this.child = null;
        resolve({ code, output });
      });
    });
  }
}
