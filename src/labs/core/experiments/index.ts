/**
 * The labs by name: what the CLI lists and runs, and what the lab webviews will open. Each lab reproduces
 * one claim of the lecture notes with real numbers (see each file's header for the section).
 */
import type { LabReport } from '../labs';
import { selectBackend, type BackendPreference } from '../../../engine/backend';
import type { AnyLab, LabOutcome } from './lab';
import { activationsLab } from './activations';
import { attentionLab } from './attention';
import { optimizersLab } from './optimizers';
import { preprocessingLab } from './preprocessing';
import { regularizationLab } from './regularization';
import { schedulesLab } from './schedules';
import { textLab } from './text';
import { weightInitLab } from './weightInit';

export const LABS: readonly AnyLab[] = [weightInitLab, activationsLab, optimizersLab, schedulesLab, regularizationLab, preprocessingLab, textLab, attentionLab];

export function findLab(name: string): AnyLab | undefined {
  return LABS.find((lab) => lab.info.name === name);
}

export interface LabRun {
  readonly report: LabReport;
  /** The key numbers, as `deepscope lab <name>` prints them. */
  readonly tables: LabOutcome['tables'];
}

/**
 * Runs a lab (see findLab) on validated parameters (strings from the CLI are parsed), on the chosen tfjs
 * backend (labs that need no tfjs report `none`). Throws EngineError('config') for a bad parameter.
 */
export async function runLab(lab: AnyLab, raw: Readonly<Record<string, unknown>>, backend: BackendPreference = 'auto'): Promise<LabRun> {
  const backendName = lab.info.usesTensorflow ? await selectBackend(backend) : 'none';
  const started = performance.now();
  const { params, result, tables } = await lab.outcome(raw);
  const { name, title, topics } = lab.info;
  return { report: { name, title, topics, backend: backendName, params, elapsedMs: performance.now() - started, result }, tables };
}
