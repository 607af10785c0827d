import * as vscode from 'vscode';
import { DisposableStore } from '../../common/core/disposable';
import { resolveParams } from '../core/experiments/lab';
import { getKnowledge } from '../../notes/core';
import { explanationLanguage } from '../../common/vscode/settings';
import type { LabName } from '../core/labs';
import { isLabName, parseLabState, type LabState, type Language } from '../core/labPanelProtocol';
import { registerPanelRestorer } from '../../common/vscode/webviewPanelHost';
import { LAB_CATALOG, labInfo } from '../core/catalog';
import { LAB_VIEW_TYPE, LabPanel } from './labPanel';
import { labPicks, labPresentation, type LabPick } from '../core/labPresentation';
import { restoredParams } from '../core/labParams';

/**
 * "DeepScope: Open Lab…": one panel per lab, so labs sit side by side in tabs and each keeps its own
 * controls, results and lab process; opening a lab that is open reveals it. Panels come back after a
 * reload with their parameters (serializer + the view's state {lab, params}).
 */
export class LabsController implements vscode.Disposable {
  private readonly panels = new Map<LabName, LabPanel>();
  private readonly disposables = new DisposableStore();

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.registerAll(
      registerPanelRestorer(LAB_VIEW_TYPE, parseLabState, (webviewPanel, state) => this.restore(webviewPanel, state)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('deepscope.language')) this.showAgain();
      }),
    );
  }

  /**
   * The `deepscope.openLab` command: a lab name opens that lab; nothing opens the quick pick. A new
   * panel runs the lab with its defaults at once. Resolves with the panel (tests run labs through it).
   */
  async open(argument?: unknown): Promise<LabPanel | undefined> {
    if (argument !== undefined && !isLabName(argument)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('DeepScope has no lab "{0}". Run "DeepScope: Open Lab…" to choose one.', String(argument)));
      return undefined;
    }
    const name = argument ?? (await this.pick());
    if (!name) return undefined;
    const open = this.panels.get(name);
    if (open) {
      open.reveal();
      return open;
    }
    const info = labInfo(name);
    const language = this.language();
    const panel = this.attach(LabPanel.create(this.extensionUri, name, language));
    const params = resolveParams(info.params, {});
    panel.show(labPresentation(info, language, getKnowledge()), params);
    void panel.run(params);
    return panel;
  }

  dispose(): void {
    this.panels.forEach((panel) => panel.panel.dispose());
    this.disposables.dispose();
  }

  private async pick(): Promise<LabName | undefined> {
    const language = this.language();
    const picks: (LabPick & vscode.QuickPickItem)[] = labPicks(LAB_CATALOG, language, getKnowledge());
    const picked = await vscode.window.showQuickPick(
      picks,
      {
        title: vscode.l10n.t('DeepScope: Open Lab'),
        placeHolder: vscode.l10n.t('Choose a claim of the notes to reproduce'),
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    return picked?.lab;
  }

  private restore(webviewPanel: vscode.WebviewPanel, state: LabState | undefined): void {
    if (!state) {
      // Closed before it showed a lab: nothing to restore.
      webviewPanel.dispose();
      return;
    }
    this.panels.get(state.lab)?.panel.dispose();
    const language = this.language();
    const panel = this.attach(new LabPanel(webviewPanel, state.lab, this.extensionUri, language));
    try {
      const info = labInfo(state.lab);
      const params = restoredParams(info, state.params);
      panel.show(labPresentation(info, language, getKnowledge()), params);
      panel.runWhenVisible(params);
    } catch (error) {
      panel.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private attach(panel: LabPanel): LabPanel {
    this.panels.set(panel.lab, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(panel.lab) === panel) this.panels.delete(panel.lab);
    });
    return panel;
  }

  /** The language setting changed: every open lab shows its texts again (results and controls stay). */
  private showAgain(): void {
    const language = this.language();
    for (const panel of this.panels.values()) {
      const { presentation, params } = panel;
      if (presentation && params) panel.show(labPresentation(presentation.info, language, getKnowledge()), params);
    }
  }

  private language(): Language {
    return explanationLanguage();
  }
}
