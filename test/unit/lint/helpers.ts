/** Shared by the lint unit tests: run the rules, and apply a finding's fix the way VS Code would. */
import assert from 'node:assert/strict';
import { lint } from '../../../src/lint/core/rules';
import type { Edit, LintFinding, LintLanguage, LintRuleId } from '../../../src/lint/core/types';

export function findings(text: string, language: LintLanguage, rule?: LintRuleId): LintFinding[] {
  return lint(text, language).filter((finding) => rule === undefined || finding.rule === rule);
}

/** The one finding of `rule`, asserting there is exactly one. */
export function only(text: string, language: LintLanguage, rule: LintRuleId): LintFinding {
  const found = findings(text, language, rule);
  assert.equal(found.length, 1, `expected one ${rule} finding, got ${found.length}: ${found.map((f) => text.slice(f.start, f.end)).join(' | ')}`);
  return found[0];
}

/** The text a finding covers. */
export function flagged(text: string, finding: LintFinding): string {
  return text.slice(finding.start, finding.end);
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  ordered.forEach((edit, index) => {
    const next = ordered[index + 1];
    assert.ok(next === undefined || next.end <= edit.start, 'edits overlap');
  });
  return ordered.reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

/** Applies the preferred fix of the one `rule` finding; the result must no longer have it. */
export function fixed(text: string, language: LintLanguage, rule: LintRuleId): string {
  const finding = only(text, language, rule);
  const fix = finding.fixes.find((candidate) => candidate.preferred);
  assert.ok(fix, `the ${rule} finding has no preferred fix`);
  const result = applyEdits(text, fix.edits);
  assert.deepEqual(findings(result, language, rule), [], `the ${rule} fix did not clear the finding:\n${result}`);
  return result;
}

/** Drops a template literal's common indentation, so cases read like the code they stand for. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const indent = Math.min(...raw.split('\n').filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return raw
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}
