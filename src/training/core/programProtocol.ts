/**
 * The program protocol: what a program process run by `deepscope run` / Run with DeepScope tells its
 * parent, one JSON line each on file descriptor 3 (encoded like run-log lines). Run-log records, plus
 * two notices that are not logged: which backend the program got, and a model that trains unwatched.
 * The parent decides how the run ended from the process's exit, so the program sends no `end`.
 */
import type { TrainingRecord } from '../../engine/train';
import type { ErrorRecord } from '../../runs/core/runRecord';
import type { BackendName, PyTorchBackend } from '../../runs/core/trainingData';
import type { BackendPreference } from './backendPreference';

export interface BackendNotice {
  readonly type: 'backend';
  readonly backend: BackendName | PyTorchBackend;
  /** Why a faster backend was not used. */
  readonly why?: string;
}

export interface UnwatchedNotice {
  readonly type: 'unwatched';
  readonly model: string;
}

export type FromProgramProcess = TrainingRecord | ErrorRecord | BackendNotice | UnwatchedNotice;

/** Passed to the program process in its environment (its argv and stdin belong to the program). */
export interface ProgramProcessOptions {
  readonly backend: BackendPreference;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
}

export const PROGRAM_OPTIONS_ENV = 'DEEPSCOPE_PROGRAM_OPTIONS';

/** What the CLI and the output channel say of a model that trains unwatched. */
export function unwatchedModelText(model: string): string {
  return `model "${model}" also trains, unwatched: DeepScope watches one model per run, the first that trains or the one the program passes to watch(model)`;
}
