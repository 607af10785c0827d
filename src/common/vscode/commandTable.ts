import type * as vscode from 'vscode';
import type { DashboardController } from '../../dashboard/vscode/dashboardController';
import type { LabsController } from '../../labs/vscode/labsController';
import type { NotesController } from '../../notes/vscode/notesController';
import type { TrainingController } from '../../training/vscode/trainingController';
import { runNewModel } from '../../scaffold/vscode/newModelCommand';
import { setUpPython } from '../../training/vscode/pythonSetup';
import { openBrokenExample } from '../../walkthrough/vscode/openBrokenExample';

/** Long-lived objects commands act on, created once in activate(). */
export interface Services {
  readonly training: TrainingController;
  readonly dashboard: DashboardController;
  readonly notes: NotesController;
  readonly labs: LabsController;
  /** DeepScope's own folder (the broken examples it ships). */
  readonly extensionUri: vscode.Uri;
}

export interface CommandSpec {
  /**
   * Commands that execute workspace code (training, labs) need a trusted workspace;
   * scaffolding only writes a new file, so it works in Restricted Mode too.
   */
  readonly requiresTrust: boolean;
  readonly run: (...args: unknown[]) => unknown;
}

/** Every command DeepScope contributes. package.json must list the same ids (a host test checks both ways). */
export const COMMAND_IDS = [
  'deepscope.newModel',
  'deepscope.trainModel',
  'deepscope.runProgram',
  'deepscope.setUpPython',
  'deepscope.stopTraining',
  'deepscope.showDashboard',
  'deepscope.openRun',
  'deepscope.compareRun',
  'deepscope.saveReport',
  'deepscope.openNote',
  'deepscope.openLab',
  'deepscope.openBrokenExample',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export function createCommands(services: Services): Readonly<Record<CommandId, CommandSpec>> {
  return {
    'deepscope.newModel': { requiresTrust: false, run: () => runNewModel() },
    'deepscope.trainModel': { requiresTrust: true, run: (uri) => services.training.train(asUri(uri)) },
    // Runs the user's own program: trusted workspaces only, like training.
    'deepscope.runProgram': { requiresTrust: true, run: (uri) => services.training.runProgram(asUri(uri)) },
    // Installs or copies DeepScope's own package: no workspace code runs.
    'deepscope.setUpPython': { requiresTrust: false, run: () => setUpPython() },
    'deepscope.stopTraining': { requiresTrust: false, run: () => services.training.stop() },
    'deepscope.showDashboard': { requiresTrust: false, run: () => services.dashboard.show() },
    // Reads a log only (no workspace code runs), so it works in Restricted Mode.
    'deepscope.openRun': { requiresTrust: false, run: (file) => services.dashboard.openRun(asUri(file)) },
    'deepscope.compareRun': { requiresTrust: false, run: () => services.dashboard.compareRun() },
    'deepscope.saveReport': { requiresTrust: false, run: () => services.dashboard.saveReport() },
    // Shows the notes' text only: no workspace code runs, so it works in Restricted Mode.
    'deepscope.openNote': { requiresTrust: false, run: (topic) => services.notes.open(topic) },
    // Labs run engine code in a process, like training: trusted workspaces only.
    'deepscope.openLab': { requiresTrust: true, run: (lab) => services.labs.open(lab) },
    // Copies a file DeepScope ships into the workspace, as New Model does: no workspace code runs.
    'deepscope.openBrokenExample': { requiresTrust: false, run: () => openBrokenExample(services.extensionUri) },
  };
}

/** Explorer and editor-title menus pass the file's Uri; the palette passes nothing. */
function asUri(value: unknown): vscode.Uri | undefined {
  return typeof value === 'object' && value !== null && 'fsPath' in value && 'scheme' in value ? (value as vscode.Uri) : undefined;
}
