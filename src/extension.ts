import type * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { DashboardController } from './dashboard/dashboardController';
import { register as registerHover } from './editor/hover';
import { register as registerLint } from './lint';
import { TrainingController } from './training/trainingController';

/** What `activate` returns to other extensions (and to DeepScope's own host tests). */
export interface DeepScopeApi {
  /** Fires when a training run starts. */
  readonly onDidStartTraining: vscode.Event<unknown>;
}

/** Thin on purpose: each feature registers itself and returns one disposable. */
export function activate(context: vscode.ExtensionContext): DeepScopeApi {
  const training = new TrainingController();
  const dashboard = new DashboardController(context, training);
  context.subscriptions.push(training, dashboard, registerCommands({ training, dashboard }));
  context.subscriptions.push(registerLint(context));
  context.subscriptions.push(registerHover(context));
  return { onDidStartTraining: training.onDidStartSession };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
