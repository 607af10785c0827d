/**
 * Which branch of which `if`/`elif`/`else` chain a statement runs in (Python by indentation,
 * TypeScript/JavaScript by `if (…) {…} else {…}` blocks). Two layers in different
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
  if (!source.python) return jsBranchesOf(source, index);
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

/** TypeScript/JavaScript: the `if (…) {` / `else {` blocks around token `index`, each identified by its `{`. */
function jsBranchesOf(source: Source, index: number): Branch[] {
  const branches: Branch[] = [];
  for (let open = source.parent[index]; open >= 0; open = source.parent[open]) {
    const chain = source.is(open, '{') ? jsChainHead(source, open) : undefined;
    if (chain !== undefined) branches.push({ chain, header: open });
  }
  return branches;
}

/** The `if` starting the chain whose block opens at `open` (`if (…) {`, `else if (…) {`, `else {`), or undefined for another block. */
function jsChainHead(source: Source, open: number): number | undefined {
  const before = open - 1;
  let keyword: number;
  if (source.is(before, 'else')) keyword = before;
  else if (source.is(before, ')') && source.is(source.match[before] - 1, 'if')) keyword = source.match[before] - 1;
  else return undefined;
  // `else` and `else if` continue the chain of the block closed just before them.
  const elseAt = source.is(keyword, 'else') ? keyword : source.is(keyword - 1, 'else') ? keyword - 1 : -1;
  if (elseAt < 0) return keyword;
  const previous = source.is(elseAt - 1, '}') ? source.match[elseAt - 1] : -1;
  return previous >= 0 ? jsChainHead(source, previous) ?? keyword : keyword;
}

/** Whether code in these two sets of branches can run in one pass: no chain where they took different branches. */
export function compatible(a: readonly Branch[], b: readonly Branch[]): boolean {
  return a.every((left) => b.every((right) => left.chain !== right.chain || left.header === right.header));
}
