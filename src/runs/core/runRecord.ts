/**
 * The run log's records: the one contract between whatever trains (DeepScope's training process today,
 * other producers later) and everything that reads a run (dashboard, diagnosis, report, CLI). The same
 * union crosses the training process's channel, fills `.deepscope/runs/<run-id>.jsonl` (one record per
 * line) and feeds every consumer, live or replayed. `schema/run-log.schema.json` describes it for
 * producers in other languages; keep the two in step (a test checks every record type against it).
 */
import type { Finding } from '../../diagnosis/core/findings';
import type { EngineErrorKind, SourceLocation } from '../../engine/engineError';
import type { BatchLoss, EpochRecord, ProbeFrame, RunStart } from './trainingData';

/** Bumped when a record changes shape incompatibly; readers refuse versions they do not know. */
export const RUN_LOG_VERSION = 1;

/** First record: what trains, where, on which backend, with which layers, optimiser and inputs. */
export interface StartRecord extends RunStart {
  readonly type: 'start';
  readonly version: number;
  /** ISO 8601 time the run started. */
  readonly startedAt: string;
  /** Who wrote the log, e.g. `deepscope-tfjs 0.1.0`. */
  readonly producer: string;
}

/** Losses of consecutive optimiser steps, in order (producers group steps to keep the log small). */
export interface StepsRecord {
  readonly type: 'steps';
  readonly losses: readonly BatchLoss[];
}

export interface ProbeRecord extends ProbeFrame {
  readonly type: 'probe';
}

export interface EpochEndRecord extends EpochRecord {
  readonly type: 'epoch';
}

/** The diagnosis's findings so far: each record replaces the previous one. */
export interface FindingsRecord {
  readonly type: 'findings';
  readonly findings: readonly Finding[];
}

/** Last record of a run that ended normally (to completion or stopped by the user). */
export interface EndRecord {
  readonly type: 'end';
  readonly status: 'finished' | 'cancelled';
  readonly endedAt: string;
  /** Tensors still allocated by the producer after cleanup (0 unless something leaked). */
  readonly leakedTensors?: number;
  /** Runs of a program: other models it trained, unwatched (DeepScope watches the first model that trains). */
  readonly unwatchedModels?: readonly string[];
}

/** Last record of a run that failed: a bad model module, a crash, out of memory. */
export interface ErrorRecord {
  readonly type: 'error';
  readonly kind: EngineErrorKind | 'internal';
  readonly message: string;
  readonly location?: SourceLocation;
  readonly endedAt: string;
  /** As in EndRecord. */
  readonly unwatchedModels?: readonly string[];
}

export type RunRecord = StartRecord | StepsRecord | ProbeRecord | EpochEndRecord | FindingsRecord | EndRecord | ErrorRecord;

export type RunRecordType = RunRecord['type'];

export const RUN_RECORD_TYPES: readonly RunRecordType[] = ['start', 'steps', 'probe', 'epoch', 'findings', 'end', 'error'];

/** Anything that reads a run: fed each record in order, live or from a file. */
export interface RunConsumer {
  add(record: RunRecord): void;
}
