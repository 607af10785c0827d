/** Quick fixes of runtime findings: the edits of quickFixEdits.ts for the finding under the cursor. */
import * as vscode from 'vscode';
import type { DiagnosisService } from './diagnosisService';
import { explanationLanguage as displayLanguage } from '../../common/vscode/settings';
import { ruleOf } from './findingDiagnostics';
import { quickFixes } from '../core/quickFixEdits';

export class DiagnosisCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly service: DiagnosisService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const language = displayLanguage();
    const findings = this.service.findings(document.uri);
    return context.diagnostics.flatMap((diagnostic) => {
      const rule = ruleOf(diagnostic);
      const finding = findings.find((candidate) => candidate.rule === rule && (candidate.line ?? 1) - 1 === diagnostic.range.start.line);
      if (!finding) return [];
      return quickFixes(document.getText(), finding, document.languageId === 'python' ? 'python' : 'typescript').map((fix, index) => {
        const action = new vscode.CodeAction(fix.title[language], vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) {
          action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
        }
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        return action;
      });
    });
  }
}
