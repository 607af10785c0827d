/** Tables of a lab view, built with textContent only (no data becomes markup); numbers right-aligned. */
import type { KeyTable } from '../../src/labs/core/labs';
import { el } from '../shared/dom';
import { formatValue } from './format';

export type Cell = string | number | null;

export function table(columns: readonly string[], rows: readonly (readonly Cell[])[], caption?: string): HTMLElement {
  const numeric = (c: number): boolean => rows.some((row) => typeof row[c] === 'number');
  const head = el('tr', {}, ...columns.map((column, c) => el('th', { scope: 'col', class: numeric(c) ? 'num' : '' }, column)));
  const body = rows.map((row) => el('tr', {}, ...row.map((cell, c) => el('td', { class: numeric(c) ? 'num' : '' }, formatValue(cell)))));
  const element = el('table', {}, ...(caption ? [el('caption', {}, caption)] : []), el('thead', {}, head), el('tbody', {}, ...body));
  // Wide tables scroll inside their box instead of widening the page.
  return el('div', { class: 'table-box' }, element);
}

/** The key numbers exactly as `deepscope lab <name>` prints them, one table each. */
export function keyTables(tables: readonly KeyTable[]): HTMLElement[] {
  return tables.map((key) =>
    el('figure', { class: 'key-table' }, table(key.columns, key.rows, key.title), ...(key.note ? [el('figcaption', { class: 'hint' }, key.note)] : [])),
  );
}
