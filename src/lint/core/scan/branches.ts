/**
 * Which branch of which `if`/`elif`/`else` chain a Python statement runs in. Two layers in different
 * branches of one chain never run one after the other (`if preact: BN, ReLU` / `else: Conv, BN`), so
 * the rules must not read them as one sequence.
 */
import type { Source } from './source';
import { column, enclosingHeaders, keywordOf, statementStart } from './structure';

/** A branch: the token index of its chain's `if` and of its own header (`if`, `elif` or `else`). */
export interface Branch {
  readonly chain: number;
  readonly header: number;
}

const BRANCH_KEYWORDS = new Set(['if', 'elif', 'else']);

/** The branches holding token `index`, innermost first, up to the enclosing `def`/`class`. */
export function branchesOf(source: Source, index: number): Branch[] {
  if (!source.python) return [];
  const branches: Branch[] = [];
  for (const header of enclosingHeaders(source, index)) {
    const keyword = keywordOf(source, header);
    if (keyword === 'def' || keyword === 'class') break;
    if (keyword !== undefined && BRANCH_KEYWORDS.has(keyword)) branches.push({ chain: chainHead(source, header), header });
  }
  return branches;
}

/** The `if` that starts the chain an `elif`/`else` header belongs to (the header itself for an `if`). */
function chainHead(source: Source, header: number): number {
  const col = column(source, header);
  let statement = header;
  while (statement > 0 && source.tokens[statement].text !== 'if') {
    let previous = statementStart(source, statement - 1);
    while (previous > 0 && column(source, previous) > col) previous = statementStart(source, previous - 1);
    if (column(source, previous) < col || !BRANCH_KEYWORDS.has(source.tokens[previous].text)) return statement;
    statement = previous;
  }
  return statement;
}

/** Whether code in these two sets of branches can run in one pass: no chain where they took different branches. */
export function compatible(a: readonly Branch[], b: readonly Branch[]): boolean {
  return a.every((left) => b.every((right) => left.chain !== right.chain || left.header === right.header));
}
