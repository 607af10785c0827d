/**
 * A document as the rules see it: tokens without comments, matched brackets, every call expression
 * (`a.b.c(…)`) with its arguments split at top-level commas, and line helpers for writing fixes.
 * Robust to code being typed: an unclosed bracket simply has no match.
 */
import type { LintLanguage } from '../types';
import { lex } from '../../../syntax/lexer';
import { lineEnd } from '../../../syntax/scanning';
import { stringContent, type Token } from '../../../syntax/token';

/** A run of tokens [from, to) and the text offsets it covers. */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
}

/** One comma-separated entry of a bracket: `key: value` (object), `key=value` (Python keyword) or a bare value. */
export interface Item extends Span {
  readonly key?: string;
  readonly value: Span;
}

export interface Call extends Span {
  /** Dotted name before the parenthesis, e.g. `tf.layers.dense`. */
  readonly callee: string;
  readonly calleeStart: number;
  readonly calleeEnd: number;
  /** Called on an expression (`foo().bar(…)`, `x[0].fill_(…)`): `callee` is then only the tail. */
  readonly member: boolean;
  /** Token index of `(`; `to - 1` is its `)`. */
  readonly open: number;
  readonly args: readonly Item[];
}

const NOT_CALLEES = new Set(['if', 'elif', 'while', 'for', 'switch', 'catch', 'with', 'return', 'typeof', 'function', 'not', 'and', 'or', 'in', 'is', 'assert', 'yield', 'await', 'lambda', 'else']);
const DECLARATIONS = new Set(['function', 'def', 'class']);
const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

export class Source {
  readonly tokens: readonly Token[];
  /** For each bracket token, the index of its partner; -1 for other tokens and unmatched brackets. */
  readonly match: Int32Array;
  /** For each token, the index of the innermost open bracket around it; -1 at top level. */
  readonly parent: Int32Array;
  readonly calls: readonly Call[];
  private readonly callsByOpen = new Map<number, Call>();

  constructor(
    readonly text: string,
    readonly language: LintLanguage,
  ) {
    this.tokens = lex(text, language === 'python' ? 'python' : 'js').tokens;
    this.match = new Int32Array(this.tokens.length).fill(-1);
    this.parent = new Int32Array(this.tokens.length).fill(-1);
    this.matchBrackets();
    this.calls = this.findCalls();
    for (const call of this.calls) this.callsByOpen.set(call.open, call);
  }

  get python(): boolean {
    return this.language === 'python';
  }

  private matchBrackets(): void {
    const stack: number[] = [];
    this.tokens.forEach((token, index) => {
      this.parent[index] = stack.length > 0 ? stack[stack.length - 1] : -1;
      if (token.kind !== 'punct') return;
      if (OPENERS[token.text]) {
        stack.push(index);
      } else if (token.text === ')' || token.text === ']' || token.text === '}') {
        // Pop to the nearest opener of the same type; a stray closer is ignored.
        let at = stack.length - 1;
        while (at >= 0 && OPENERS[this.tokens[stack[at]].text] !== token.text) at--;
        if (at < 0) return;
        const open = stack[at];
        stack.length = at;
        this.match[open] = index;
        this.match[index] = open;
        this.parent[index] = this.parent[open];
      }
    });
  }

  private findCalls(): Call[] {
    const calls: Call[] = [];
    this.tokens.forEach((token, open) => {
      const close = this.match[open];
      if (token.text !== '(' || token.kind !== 'punct' || close < 0 || this.tokens[open - 1]?.kind !== 'name') return;
      let first = open - 1;
      while (this.is(first - 1, '.') && this.tokens[first - 2]?.kind === 'name') first -= 2;
      const callee = this.tokens.slice(first, open).map((t) => t.text).join('');
      const before = this.tokens[first - 1];
      if (NOT_CALLEES.has(callee) || (before?.kind === 'name' && DECLARATIONS.has(before.text))) return;
      calls.push({
        ...this.span(first, close + 1),
        callee,
        calleeStart: this.tokens[first].start,
        calleeEnd: this.tokens[open - 1].end,
        member: this.is(first - 1, '.') || this.is(first - 1, '?.'),
        open,
        args: this.items(open),
      });
    });
    return calls;
  }

  is(index: number, text: string): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.kind !== 'string' && token.text === text;
  }

  span(from: number, to: number): Span {
    return { from, to, start: this.tokens[from].start, end: this.tokens[to - 1].end };
  }

  textOf(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }

  /** The entries between a bracket at `open` and its partner. */
  items(open: number): Item[] {
    const close = this.match[open];
    const items: Item[] = [];
    let from = open + 1;
    for (let index = open + 1; index <= close; index++) {
      if (index === close || this.is(index, ',')) {
        if (index > from) items.push(this.item(from, index));
        from = index + 1;
      } else if (this.match[index] > index) {
        index = this.match[index];
      }
    }
    return items;
  }

  private item(from: number, to: number): Item {
    const head = this.tokens[from];
    const keyed = to - from >= 3 && (head.kind === 'name' || head.kind === 'string') && this.is(from + 1, this.python ? '=' : ':');
    return {
      ...this.span(from, to),
      key: keyed ? (head.kind === 'string' ? stringContent(head) : head.text) : undefined,
      value: keyed ? this.span(from + 2, to) : this.span(from, to),
    };
  }

  /** The call that a span consists of, e.g. the value `tf.initializers.zeros()`. */
  callOf(span: Span): Call | undefined {
    const call = this.callsByOpen.get(this.match[span.to - 1]);
    return call !== undefined && call.from === span.from && !call.member ? call : undefined;
  }

  callAt(open: number): Call | undefined {
    return this.callsByOpen.get(open);
  }

  /** The single token a span consists of. */
  tokenOf(span: Span): Token | undefined {
    return span.to - span.from === 1 ? this.tokens[span.from] : undefined;
  }

  stringOf(span: Span): string | undefined {
    const token = this.tokenOf(span);
    return token?.kind === 'string' ? stringContent(token) : undefined;
  }

  numberOf(span: Span): number | undefined {
    const token = this.tokenOf(span);
    return token?.kind === 'number' ? Number(token.text.replace(/_/g, '')) : undefined;
  }

  /** `a.b.c` when the span is exactly a dotted name. */
  dottedOf(span: Span): string | undefined {
    for (let index = span.from; index < span.to; index++) {
      const expected = (index - span.from) % 2 === 0 ? this.tokens[index].kind === 'name' : this.is(index, '.');
      if (!expected) return undefined;
    }
    return (span.to - span.from) % 2 === 1 ? this.textOf(span) : undefined;
  }

  /** An object literal `{ … }` (or Python dict) that the span consists of: its entries. */
  objectOf(span: Span): Item[] | undefined {
    return this.is(span.from, '{') && this.match[span.from] === span.to - 1 ? this.items(span.from) : undefined;
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  lineEnd(offset: number): number {
    return lineEnd(this.text, offset);
  }

  /** The whitespace that starts the line holding `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, offset))?.[0] ?? '';
  }

  /** Whether only whitespace precedes `offset` on its line. */
  startsLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() === '';
  }

  /** Whether the text between two offsets crosses a line break. */
  spansLines(start: number, end: number): boolean {
    return this.text.slice(start, end).includes('\n');
  }

  /** Whether any code token (not a comment or string) has one of these names. */
  mentions(names: ReadonlySet<string>): boolean {
    return this.tokens.some((token) => token.kind === 'name' && names.has(token.text));
  }
}
