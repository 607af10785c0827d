/**
 * The runs folder: where logs go (`.deepscope/runs/` under the workspace or the current directory),
 * how a new run's log is named, what the list of runs shows, and pruning to the last N runs per file.
 */
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { readRunLogFile, RunLogError, type RunLog } from './readRunLog';
import type { EpochEndRecord, FindingsRecord } from './runRecord';
import type { RunStatus } from './runSnapshot';

export const DEFAULT_RUNS_DIRECTORY = path.join('.deepscope', 'runs');
export const DEFAULT_KEEP_RUNS_PER_FILE = 20;
export const RUN_LOG_EXTENSION = '.jsonl';

/** `dir` as given (absolute, or relative to `base`), else `base/.deepscope/runs`. */
export function runsDirectory(base: string, dir?: string): string {
  return path.resolve(base, dir && dir.trim() !== '' ? dir : DEFAULT_RUNS_DIRECTORY);
}

/** `20261202-183525-123-spiral-classifier-k3f9`: sorts by start time, says which file, never collides. */
export function newRunId(modelFile: string, now: Date = new Date()): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}-${pad(now.getMilliseconds(), 3)}`;
  const name = path.basename(modelFile, path.extname(modelFile)).replace(/[^\w-]+/g, '-').slice(0, 40) || 'run';
  return `${stamp}-${name}-${Math.random().toString(36).slice(2, 6)}`;
}

export function runLogPath(dir: string, id: string): string {
  return path.join(dir, `${id}${RUN_LOG_EXTENSION}`);
}

/** A log's id from its path (its name without `.jsonl`). */
export function runIdOf(file: string): string {
  return path.basename(file, RUN_LOG_EXTENSION);
}

/** What the list of runs says about one log. */
export interface RunLogSummary {
  readonly id: string;
  readonly file: string;
  readonly startedAt: number;
  readonly modelFile: string;
  readonly backend: string;
  readonly status: RunStatus;
  readonly epochs: number;
  readonly finalLoss?: number;
  readonly findings: number;
}

export function summarizeRunLog(log: RunLog): RunLogSummary {
  const epochs = log.records.filter((record): record is EpochEndRecord => record.type === 'epoch');
  const findings = log.records.filter((record): record is FindingsRecord => record.type === 'findings').at(-1);
  return {
    id: runIdOf(log.file),
    file: log.file,
    startedAt: Date.parse(log.start.startedAt) || 0,
    modelFile: log.start.modelFile,
    backend: log.start.backend,
    status: runStatusOf(log),
    epochs: epochs.length,
    finalLoss: epochs.at(-1)?.loss,
    findings: findings?.findings.length ?? 0,
  };
}

export function runStatusOf(log: RunLog): RunStatus {
  const last = log.records[log.records.length - 1];
  if (last.type === 'end') return last.status;
  if (last.type === 'error') return 'failed';
  return 'interrupted';
}

export interface RunLogListing {
  /** Readable logs, most recent first. */
  readonly runs: readonly RunLogSummary[];
  /** Logs that could not be read, each with its file:line message. */
  readonly problems: readonly RunLogError[];
}

export function listRunLogs(dir: string): RunLogListing {
  const runs: RunLogSummary[] = [];
  const problems: RunLogError[] = [];
  for (const file of logFiles(dir)) {
    try {
      runs.push(summarizeRunLog(readRunLogFile(file)));
    } catch (error) {
      if (error instanceof RunLogError) problems.push(error);
      else throw error;
    }
  }
  runs.sort((a, b) => b.id.localeCompare(a.id));
  return { runs, problems };
}

/**
 * Deletes all but the `keep` most recent logs of each model file; unreadable logs are left alone
 * (the user may want to look at them). Returns the deleted files.
 */
export function pruneRunLogs(dir: string, keep: number): string[] {
  const byModel = new Map<string, RunLogSummary[]>();
  for (const run of listRunLogs(dir).runs) byModel.set(run.modelFile, [...(byModel.get(run.modelFile) ?? []), run]);
  const deleted: string[] = [];
  for (const runs of byModel.values()) {
    for (const run of runs.slice(Math.max(0, keep))) {
      rmSync(run.file, { force: true });
      deleted.push(run.file);
    }
  }
  return deleted;
}

function logFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(RUN_LOG_EXTENSION))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
