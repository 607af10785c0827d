/**
 * Runtime diagnosis in the editor: findings of each training run in the Problems panel on the
 * line of the layer at fault, with quick fixes, and an event for the dashboard's findings list. The
 * rules themselves are VS Code-free (src/diagnosis/core).
 */
import type * as vscode from 'vscode';
import type { TrainingController } from '../../training/vscode/trainingController';
import { DiagnosisService } from './diagnosisService';

export type { DiagnosisService, FindingsChange } from './diagnosisService';

/** Push the result to context.subscriptions; its `onDidChangeFindings` feeds the dashboard. */
export function register(_context: vscode.ExtensionContext, training: TrainingController): DiagnosisService {
  return new DiagnosisService(training);
}
