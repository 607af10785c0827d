/**
 * What `deepscope lint` reads: the files given, and below the folders given every TypeScript,
 * JavaScript, Python and notebook file outside node_modules and hidden folders; each file's findings
 * placed by line and column (notebooks: by cell, then line and column within the cell).
 */
import * as l10n from '@vscode/l10n';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { notebookText } from '../lint/core/notebook';
import { lint } from '../lint/core/rules';
import type { LintFinding, LintLanguage, LintRuleId } from '../lint/core/types';
import { UsageError } from './io';

const LANGUAGES: Readonly<Record<string, LintLanguage>> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.js': 'javascript',
  '.jsx': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.py': 'python',
  '.ipynb': 'python',
};

export interface PlacedFinding {
  readonly file: string;
  /** Notebooks only: the 1-based cell index among all cells. */
  readonly cell?: number;
  readonly line: number;
  readonly column: number;
  readonly finding: LintFinding;
}

/** The files to lint under the paths given, sorted; a missing path or a file lint does not read is a usage error. */
export function filesToLint(paths: readonly string[]): string[] {
  const files = paths.flatMap((given) => {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      throw new UsageError(l10n.t('no such file or folder: {0}', given));
    }
    if (stats.isDirectory()) return walk(given);
    if (LANGUAGES[path.extname(given)] === undefined) throw new UsageError(l10n.t('{0}: lint reads {1} files', given, Object.keys(LANGUAGES).join(' ')));
    return [given];
  });
  return [...new Set(files)].sort();
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.isFile() && LANGUAGES[path.extname(entry.name)] !== undefined && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The enabled rules' findings in one file, in document order. */
export function lintFile(file: string, rules: ReadonlySet<LintRuleId>): PlacedFinding[] {
  const raw = readFileSync(file, 'utf8');
  const enabled = (rule: LintRuleId): boolean => rules.has(rule);
  if (path.extname(file) === '.ipynb') {
    const notebook = notebookText(raw);
    if (notebook === undefined) return [];
    return lint(notebook.text, 'python', enabled).map((finding) => ({ file, ...notebook.positionAt(finding.start), finding }));
  }
  return lint(raw, LANGUAGES[path.extname(file)], enabled).map((finding) => {
    const before = raw.slice(0, finding.start);
    return { file, line: before.split('\n').length, column: finding.start - before.lastIndexOf('\n'), finding };
  });
}
