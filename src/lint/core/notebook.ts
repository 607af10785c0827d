/**
 * A Jupyter notebook as lint reads it: its code cells joined in order into one Python text (so a model
 * built in one cell and trained in the next is read as one program), and the way back from an offset
 * of that text to a cell and a line within it. Cells are numbered from 1 over all the notebook's cells,
 * markdown included, so the number is the cell's position as Jupyter and VS Code show them.
 */

export interface CellPosition {
  /** 1-based index of the cell among all cells. */
  readonly cell: number;
  /** 1-based line and column within the cell. */
  readonly line: number;
  readonly column: number;
}

export interface NotebookText {
  readonly text: string;
  positionAt(offset: number): CellPosition;
}

import { joinCodeCells } from './notebookLint';

interface RawCell {
  readonly cell_type?: unknown;
  readonly source?: unknown;
}

/** The notebook's code text, or undefined when it is not a notebook or its kernel is not Python. */
export function notebookText(json: string): NotebookText | undefined {
  let notebook: { cells?: unknown; metadata?: { language_info?: { name?: unknown }; kernelspec?: { language?: unknown } } };
  try {
    notebook = JSON.parse(json) as typeof notebook;
  } catch {
    return undefined;
  }
  const language = notebook.metadata?.language_info?.name ?? notebook.metadata?.kernelspec?.language ?? 'python';
  if (!Array.isArray(notebook.cells) || language !== 'python') return undefined;
  const code = (notebook.cells as RawCell[]).flatMap((cell, index) => (cell.cell_type === 'code' ? [{ cell: index + 1, source: sourceOf(cell) }] : []));
  const joined = joinCodeCells(code.map((cell) => cell.source));
  const text = joined.text;
  const starts = code.map((cell, index) => ({ cell: cell.cell, start: joined.starts[index] }));
  return {
    text,
    positionAt(offset) {
      let at = starts.length - 1;
      while (at > 0 && starts[at].start > offset) at--;
      const { cell, start } = starts[Math.max(at, 0)] ?? { cell: 1, start: 0 };
      const before = text.slice(start, offset);
      const lineStart = before.lastIndexOf('\n') + 1;
      return { cell, line: before.split('\n').length, column: before.length - lineStart + 1 };
    },
  };
}

function sourceOf(cell: RawCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '';
}
