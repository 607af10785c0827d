import * as vscode from 'vscode';
import type { RunStart } from '../../runs/core/trainingData';

/** "$(pulse) DeepScope: epoch 3/20 · loss 0.412 · wasm" while a run goes; click to stop it. */
export class TrainingStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('deepscope.training', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = vscode.l10n.t('DeepScope Training');
  }

  running(start: RunStart, epoch: number, loss: number | undefined): void {
    const shown = Math.min(epoch + 1, start.epochs);
    const text = loss === undefined || !Number.isFinite(loss)
      ? vscode.l10n.t('DeepScope: epoch {0}/{1} · {2}', shown, start.epochs, start.backend)
      : vscode.l10n.t('DeepScope: epoch {0}/{1} · loss {2} · {3}', shown, start.epochs, loss.toPrecision(3), start.backend);
    this.item.text = `$(sync~spin) ${text}`;
    this.item.tooltip = vscode.l10n.t('DeepScope is training. Click to stop after the current batch.');
    this.item.command = 'deepscope.stopTraining';
    this.item.show();
  }

  finished(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
