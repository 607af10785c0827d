import type * as vscode from 'vscode';
import type { DashboardController } from '../dashboard/dashboardController';
import type { TrainingController } from '../training/trainingController';
import { runNewModel } from './newModel/newModelCommand';

/** Long-lived objects commands act on, created once in activate(). */
export interface Services {
  readonly training: TrainingController;
  readonly dashboard: DashboardController;
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
  'deepscope.stopTraining',
  'deepscope.showDashboard',
  'deepscope.openRun',
  'deepscope.saveReport',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export function createCommands(services: Services): Readonly<Record<CommandId, CommandSpec>> {
  return {
    'deepscope.newModel': { requiresTrust: false, run: () => runNewModel() },
    'deepscope.trainModel': { requiresTrust: true, run: (uri) => services.training.train(asUri(uri)) },
    'deepscope.stopTraining': { requiresTrust: false, run: () => services.training.stop() },
    'deepscope.showDashboard': { requiresTrust: false, run: () => services.dashboard.show() },
    'deepscope.openRun': { requiresTrust: false, run: () => services.dashboard.openRun() },
    'deepscope.saveReport': { requiresTrust: false, run: () => services.dashboard.saveReport() },
  };
}

/** Explorer and editor-title menus pass the file's Uri; the palette passes nothing. */
function asUri(value: unknown): vscode.Uri | undefined {
  return typeof value === 'object' && value !== null && 'fsPath' in value && 'scheme' in value ? (value as vscode.Uri) : undefined;
}
