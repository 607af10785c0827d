/** Arguments of `deepscope lint <files or folders…> [--json] [--rules a,b]`. */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { LINT_RULE_IDS, type LintRuleId } from '../lint/core/types';
import { UsageError } from './io';

export interface LintRequest {
  /** Absolute paths, as given (files or folders). */
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly rules: ReadonlySet<LintRuleId>;
}

export function parseLintArgs(args: readonly string[], cwd: string): LintRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, rules: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(l10n.t('give the files or folders to lint'));
  return { paths: positionals.map((file) => path.resolve(cwd, file)), json: values.json ?? false, rules: ruleSet(values.rules) };
}

function ruleSet(list: string | undefined): ReadonlySet<LintRuleId> {
  if (list === undefined) return new Set(LINT_RULE_IDS);
  const names = list.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(LINT_RULE_IDS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) throw new UsageError(`--rules takes rule ids among ${LINT_RULE_IDS.join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`);
  return new Set(names as LintRuleId[]);
}
