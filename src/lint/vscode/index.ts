/**
 * Lint with quick fixes: the rules in src/lint/core/rules are VS Code-free; this wires them to the
 * editor. Works in Restricted Mode: it only reads the text of open documents.
 */
import * as vscode from 'vscode';
import { LintCodeActions } from './codeActions';
import { DocumentLinter, LINTED_DOCUMENTS } from './documentLinter';
import { LINT_SECTION } from '../../common/vscode/settings';

export function register(_context: vscode.ExtensionContext): vscode.Disposable {
  const linter = new DocumentLinter();
  for (const document of vscode.workspace.textDocuments) linter.schedule(document, 0);
  return vscode.Disposable.from(
    linter,
    vscode.workspace.onDidOpenTextDocument((document) => linter.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) linter.scheduleChanged(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => linter.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(LINT_SECTION)) linter.refreshAll();
    }),
    vscode.languages.registerCodeActionsProvider(LINTED_DOCUMENTS, new LintCodeActions(linter), LintCodeActions.metadata),
  );
}
