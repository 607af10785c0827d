/** Findings as VS Code diagnostics: on the line of the layer at fault, in the display language, linked to their note. */
import * as vscode from 'vscode';
import type { Language } from '../../notes/core';
import { noteCommandUri } from '../../notes/core/noteLinks';
import { RULE_IDS, type Finding, type RuleId } from '../core/findings';

export const DIAGNOSTIC_SOURCE = 'DeepScope';

const SEVERITY: Readonly<Record<Finding['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};
const FIX_LABEL: Readonly<Record<Language, string>> = { en: 'Fix:', fr: 'Correction :' };


/** `lines`: the module's text split in lines, to underline the code of the line rather than its indentation. */
export function toDiagnostic(finding: Finding, lines: readonly string[], language: Language): vscode.Diagnostic {
  const line = Math.max(0, Math.min((finding.line ?? 1) - 1, lines.length - 1));
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  const range = new vscode.Range(line, start, line, Math.max(start + 1, text.trimEnd().length));
  const message = `${finding.message[language]} ${FIX_LABEL[language]} ${finding.fix[language]}`;
  const diagnostic = new vscode.Diagnostic(range, message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  // The code links to the note that explains the finding (Problems panel and hover).
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(noteCommandUri(finding.topic)) };
  return diagnostic;
}

/** The runtime rule of a DeepScope diagnostic (lint diagnostics share the source, not the rule ids). */
export function ruleOf(diagnostic: vscode.Diagnostic): RuleId | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && (RULE_IDS as readonly unknown[]).includes(code) ? (code as RuleId) : undefined;
}
