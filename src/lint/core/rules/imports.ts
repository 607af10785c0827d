/**
 * Python imports a fix needs, so every preferred fix leaves code that runs: which names the file's
 * top-level imports bind, and the edit adding one (a new line after the imports, or after the
 * `from … import` statement that brings in a sibling name, so the new name comes from the same module).
 */
import type { Source } from '../scan/source';
import { column, statementStart } from '../scan/structure';
import type { Edit } from '../types';

interface ImportStatement {
  /** `from` module (`keras.layers`), or undefined for `import a.b as c`. */
  readonly from?: string;
  /** The names it binds. */
  readonly names: readonly string[];
  /** Offset where its logical line ends. */
  readonly end: number;
}

function importsOf(source: Source): ImportStatement[] {
  const statements: ImportStatement[] = [];
  source.tokens.forEach((token, index) => {
    if (token.kind !== 'name' || (token.text !== 'import' && token.text !== 'from') || statementStart(source, index) !== index || column(source, index) !== 0) return;
    let last = index;
    while (source.tokens[last + 1] !== undefined && statementStart(source, last + 1) === index) last++;
    const words = source.tokens.slice(index, last + 1).filter((t) => t.kind === 'name' || t.text === '.' || t.text === ',');
    const text = words.map((t) => t.text).join(' ').replace(/ \. /g, '.');
    const from = token.text === 'from' ? /^from (\S+) import/.exec(text)?.[1] : undefined;
    const list = text.replace(/^(?:from \S+ )?import /, '').split(' , ');
    // `a as b` binds b; `import a.b` binds a.
    const names = list.map((entry) => /\bas (\w+)$/.exec(entry)?.[1] ?? (from === undefined ? entry.split('.')[0] : entry)).map((name) => name.trim());
    statements.push({ from, names, end: source.lineEnd(source.tokens[last].end) });
  });
  return statements;
}

export function binds(source: Source, name: string): boolean {
  return importsOf(source).some((statement) => statement.names.includes(name));
}

/** Adds `statement` (`import torch`) after the file's last top-level import, or at its top. */
export function addImport(source: Source, statement: string): Edit {
  const last = importsOf(source).pop();
  return last === undefined ? { start: 0, end: 0, text: `${statement}\n` } : { start: last.end, end: last.end, text: `\n${statement}` };
}

/** The edits making `name` available where `sibling` is (`from torch.nn import Sigmoid` → also `ReLU`); none when already bound. */
export function importLike(source: Source, name: string, sibling: string): Edit[] {
  if (binds(source, name)) return [];
  const statement = importsOf(source).find((candidate) => candidate.from !== undefined && candidate.names.includes(sibling));
  return statement === undefined ? [] : [{ start: statement.end, end: statement.end, text: `\nfrom ${statement.from} import ${name}` }];
}
