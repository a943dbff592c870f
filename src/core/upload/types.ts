/**
 * The adapters the upload handler is given. The handler knows nothing of
 * disks, git or deploy hooks: a store keeps the data and its history, a
 * rebuilder turns accepted data into a site. Each edge (the Node server,
 * the Cloudflare Pages Functions) picks its own.
 */
import type { DataSource } from '../ingest/dataset.ts';
import type { Problem } from '../ingest/problems.ts';
import type { UploadKind } from './kinds.ts';
import type { PipelineSnapshot } from './history.ts';
import type { TokenBackoff, UploadGate } from './limits.ts';

/** One file to write into the data folder, by its plain name (never a path from the request). */
export interface FileChange {
  name: string;
  text: string;
}

/** What an accepted upload writes: the uploaded file, derived stage history and close dates, the pipeline snapshot. */
export interface Accepted {
  version: string;
  /** ISO time of acceptance. */
  at: string;
  kind: UploadKind;
  file: string;
  rows: number;
  /** Written in this order (stage history and close dates before deals, so every reader sees files that agree). */
  changes: FileChange[];
  snapshot: PipelineSnapshot | null;
}

/** One upload's outcome, as `/api/status` shows it: no token, no body, no path. */
export interface UploadEntry {
  version: string | null;
  at: string;
  kind: UploadKind | null;
  file: string | null;
  rows: number | null;
  outcome: 'accepted' | 'rejected' | 'failed';
  /** HTTP status given. */
  status: number;
  durationMs: number;
  /** The first problem or the reason, for a rejected or failed upload. */
  error: string | null;
  /** Stage history rows added from a deals export. */
  stageChanges?: number;
}

/** One build (or deploy trigger), as `/api/status` shows it. */
export interface BuildEntry {
  id: string;
  /** Versions whose data this build includes. */
  versions: string[];
  /** `triggered`: handed to CI or a deploy hook, which builds elsewhere. */
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'triggered';
  started: string | null;
  finished: string | null;
  durationMs: number | null;
  error: string | null;
}

export interface UploadStore {
  /** The data as it stands, for validating an upload against the other files. */
  source(): DataSource;
  /** Runs `fn` alone: no other upload validates or writes meanwhile, so what was validated is what gets written over. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Writes every change atomically, keeping the earlier versions. Throws when it cannot. */
  commit(accepted: Accepted): Promise<void>;
  /** Remembers an outcome for `/api/status`. */
  record(entry: UploadEntry): Promise<void>;
  /** The last outcomes, newest first. */
  recent(): Promise<UploadEntry[]>;
}

export interface Rebuilder {
  /** Asks for a site with `version`'s data; returns at once (builds run in the background). */
  request(version: string): Promise<void>;
  /** The last builds, newest first. */
  recent(): Promise<BuildEntry[]>;
}

export interface UploadConfig {
  /** KEEPSCORE_UPLOAD_TOKEN; null or '' disables uploads (403). */
  token: string | null;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
}

export interface UploadDeps {
  store: UploadStore;
  rebuild: Rebuilder;
  config: UploadConfig;
  /** The gate on uploads in progress and the wrong-token backoff: one of each per process (isolate). */
  limits: { gate: UploadGate; backoff: TokenBackoff };
  now(): Date;
  /** The operator's log (stderr): the full text of a fault the public status only names. */
  log(line: string): void;
}

export type { Problem };
