/**
 * What scaffolding writes: the model module, plus iris.csv for the iris template. The CLI and the VS Code
 * command both write exactly these files, so they cannot drift apart.
 */
import { IRIS_CSV_FILE, irisCsv } from './irisCsv';
import type { ScaffoldOptions } from './scaffoldOptions';
import { generateModule } from './templates/index';

export interface PlannedFile {
  /** Relative to the model file's folder, forward slashes. */
  readonly relativePath: string;
  readonly contents: string;
}

export interface ScaffoldPlan {
  /** The model module first. */
  readonly files: readonly PlannedFile[];
}

/** `modelFileName`: the model file's name (e.g. `spiral.ts`), written in the model file's folder. */
export function planScaffold(options: ScaffoldOptions, modelFileName: string): ScaffoldPlan {
  const model: PlannedFile = { relativePath: modelFileName, contents: generateModule(options) };
  if (options.template !== 'iris') return { files: [model] };
  const csvPath = options.csv?.relativePath ?? IRIS_CSV_FILE;
  return { files: [model, { relativePath: csvPath, contents: irisCsv() }] };
}
