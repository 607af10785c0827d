/** Turns the fixes of the findings under the cursor into one-click quick fixes. */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, rangeOf, type DocumentLinter } from './documentLinter';
import type { LintFinding, Fix } from '../core/types';

export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly linter: DocumentLinter) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return this.linter.findings(document).flatMap((finding) => {
      const at = rangeOf(document, finding);
      if (at.intersection(range) === undefined) return [];
      const diagnostics = context.diagnostics.filter((diagnostic) => isDiagnosticOf(diagnostic, finding) && diagnostic.range.isEqual(at));
      return finding.fixes.map((fix) => toAction(document, fix, diagnostics));
    });
  }
}

function isDiagnosticOf(diagnostic: vscode.Diagnostic, finding: LintFinding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && code === finding.rule;
}

function toAction(document: vscode.TextDocument, fix: Fix, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits) action.edit.replace(document.uri, rangeOf(document, edit), edit.text);
  action.diagnostics = diagnostics;
  action.isPreferred = fix.preferred;
  return action;
}
