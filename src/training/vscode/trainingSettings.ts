import * as vscode from 'vscode';
import { BACKEND_PREFERENCES, type BackendPreference } from '../core/backendPreference';

export interface TrainingSettings {
  readonly backend: BackendPreference;
  readonly probeEverySteps: number;
  readonly watchLayers: readonly string[];
  readonly maxMemoryMb: number;
}

/** The `deepscope.*` training settings, read fresh for each run (they may change between runs). */
export function readTrainingSettings(scope?: vscode.Uri): TrainingSettings {
  const config = vscode.workspace.getConfiguration('deepscope', scope);
  const backend = config.get<string>('backend', 'auto');
  return {
    backend: (BACKEND_PREFERENCES as readonly string[]).includes(backend) ? (backend as BackendPreference) : 'auto',
    probeEverySteps: Math.max(1, Math.floor(config.get<number>('probe.everySteps', 50))),
    watchLayers: config.get<string[]>('probe.layers', []),
    maxMemoryMb: Math.max(256, Math.floor(config.get<number>('training.maxMemoryMb', 4096))),
  };
}
