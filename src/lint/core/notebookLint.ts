/**
 * Lint of a notebook's code cells. The cells of a notebook are one program run in order (the model in
 * one cell, its optimiser in the next), so they are linted as one text and each finding is handed back
 * to the cell it starts in, with offsets in that cell. IPython's magics and shell lines (`%time`,
 * `!pip …`) are blanked first: they are not Python. A fix whose edits leave the cell is dropped.
 */
import { lint } from './rules';
import type { Fix, LintFinding, LintLanguage } from './types';

const NOT_PYTHON = /^[ \t]*[%!].*$/gm;

/** Findings per cell, in the cells' order; offsets are the cell's own. */
export function lintCells(cells: readonly string[], language: LintLanguage = 'python', linter: (text: string, language: LintLanguage) => readonly LintFinding[] = lint): LintFinding[][] {
  const { text, starts } = joinCodeCells(cells);
  const perCell: LintFinding[][] = cells.map(() => []);
  for (const finding of linter(text, language)) {
    const index = cellAt(starts, finding.start);
    const [from, to] = [starts[index], starts[index] + cells[index].length];
    if (finding.end > to) continue;
    const inside = (fix: Fix): boolean => fix.edits.every((edit) => edit.start >= from && edit.end <= to);
    const fixes = finding.fixes.filter(inside).map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start - from, end: edit.end - from })) }));
    perCell[index].push({ ...finding, start: finding.start - from, end: finding.end - from, fixes });
  }
  return perCell;
}

/** The cells as one text, one newline between them, magics blanked (offsets kept); `starts[i]` is where cell i begins. */
export function joinCodeCells(cells: readonly string[]): { readonly text: string; readonly starts: readonly number[] } {
  const starts: number[] = [];
  let offset = 0;
  for (const cell of cells) {
    starts.push(offset);
    offset += cell.length + 1;
  }
  return { text: cells.map((cell) => cell.replace(NOT_PYTHON, (line) => ' '.repeat(line.length))).join('\n'), starts };
}

function cellAt(starts: readonly number[], offset: number): number {
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1] <= offset) index++;
  return index;
}
