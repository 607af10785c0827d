import type * as vscode from 'vscode';
import { registerCommands } from './common/vscode/registerCommands';
import { useDisplayLanguageMessages } from './common/vscode/displayLanguage';
import { DashboardController } from './dashboard/vscode/dashboardController';
import { register as registerDiagnosis } from './diagnosis/vscode';
import { register as registerHover } from './notes/vscode/hover';
import { LabsController } from './labs/vscode/labsController';
import { register as registerLint } from './lint/vscode';
import { NotesController } from './notes/vscode/notesController';
import { LogFollower } from './training/vscode/logFollower';
import { TrainingController } from './training/vscode/trainingController';
import { openWalkthroughOnFirstStart } from './walkthrough/vscode/openOnFirstStart';

/** What `activate` returns to other extensions (and to DeepScope's own host tests). */
export interface DeepScopeApi {
  /** Fires when a training run starts. */
  readonly onDidStartTraining: vscode.Event<unknown>;
}

/** Thin on purpose: each feature registers itself and returns one disposable. */
export function activate(context: vscode.ExtensionContext): DeepScopeApi {
  useDisplayLanguageMessages();
  const training = new TrainingController();
  const dashboard = new DashboardController(context, training);
  const notes = new NotesController(context.extensionUri, context.workspaceState);
  const labs = new LabsController(context.extensionUri);
  context.subscriptions.push(training, dashboard, notes, labs, registerCommands({ training, dashboard, notes, labs, extensionUri: context.extensionUri }));
  context.subscriptions.push(registerLint(context));
  context.subscriptions.push(registerHover(context));
  const diagnosis = registerDiagnosis(context, training);
  context.subscriptions.push(diagnosis, new LogFollower(training));
  void openWalkthroughOnFirstStart(context);
  return { onDidStartTraining: training.onDidStartSession };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
