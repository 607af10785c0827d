/**
 * A strict reader of VS Code snippet bodies, for tests: parse tab stops and placeholders the way
 * VS Code's SnippetParser does, reject anything VS Code would read differently from what the
 * author meant, and expand a body to the text inserted when every placeholder keeps its default.
 *
 * Accepted syntax: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`, `$0`; escapes `\$`, `\}`,
 * `\\` (and `\,` `\|` inside a choice). Rejected: variables (`$TM_FILENAME`, `${foo}`, which
 * includes an unescaped template literal `${x}`), transforms (`${1/a/b/}`), a `$` that starts
 * nothing, and unterminated placeholders or choices. A `}` outside a placeholder is plain text, as
 * in VS Code.
 */

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number }
  | { readonly kind: 'placeholder'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] };

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'SnippetSyntaxError';
  }
}

/** VS Code stores a body as one string or as lines joined with `\n`. */
export function bodyText(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

function isDigit(ch: string): boolean {
  return ch.length === 1 && ch >= '0' && ch <= '9';
}

function around(src: string, at: number): string {
  return JSON.stringify(src.slice(Math.max(0, at - 20), at + 20));
}

export function parseSnippet(src: string): SnippetNode[] {
  let pos = 0;
  /** The character at `i`, or '' past the end. */
  const at = (i: number): string => src.charAt(i);

  const fail = (message: string, offset = pos): never => {
    throw new SnippetSyntaxError(`${message} at offset ${offset} near ${around(src, offset)}`, offset);
  };

  const readInt = (): number => {
    const start = pos;
    while (isDigit(at(pos))) pos++;
    return Number(src.slice(start, pos));
  };

  const readChoice = (index: number, start: number): SnippetNode => {
    const options: string[] = [];
    let current = '';
    for (;;) {
      const ch = at(pos);
      if (ch === '') return fail('unterminated choice', start);
      if (ch === '\\' && at(pos + 1) !== '' && ',|\\$}'.includes(at(pos + 1))) {
        current += at(pos + 1);
        pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        pos++;
      } else if (ch === '|') {
        if (at(pos + 1) !== '}') return fail('a choice must end with |}');
        options.push(current);
        pos += 2;
        if (options.some((o) => o.length === 0)) fail('empty choice option', start);
        return { kind: 'choice', index, options };
      } else {
        current += ch;
        pos++;
      }
    }
  };

  /** Reads nodes until the end, or until an unescaped `}` when inside a placeholder. */
  const readSequence = (inPlaceholder: boolean, start: number): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const ch = at(pos);
      if (ch === '\\') {
        const next = at(pos + 1);
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += ch; // VS Code keeps a backslash that escapes nothing
          pos++;
        }
      } else if (ch === '}' && inPlaceholder) {
        flush();
        pos++;
        return nodes;
      } else if (ch === '$') {
        flush();
        const dollarAt = pos;
        pos++;
        if (isDigit(at(pos))) {
          nodes.push({ kind: 'tabstop', index: readInt() });
        } else if (at(pos) === '{') {
          pos++;
          if (!isDigit(at(pos))) {
            fail('`${` not followed by a tab-stop number: VS Code reads a variable here (escape it as \\${)', dollarAt);
          }
          const index = readInt();
          const sep = at(pos);
          pos++;
          if (sep === '}') nodes.push({ kind: 'tabstop', index });
          else if (sep === ':') nodes.push({ kind: 'placeholder', index, children: readSequence(true, dollarAt) });
          else if (sep === '|') nodes.push(readChoice(index, dollarAt));
          else if (sep === '/') fail('transforms are not supported by this reader', dollarAt);
          else fail('malformed tab stop', dollarAt);
        } else {
          fail('unescaped `$` (write \\$ for a literal dollar; `$name` is a VS Code variable)', dollarAt);
        }
      } else {
        text += ch;
        pos++;
      }
    }
    if (inPlaceholder) fail('unterminated placeholder', start);
    flush();
    return nodes;
  };

  return readSequence(false, 0);
}

/** Every tab-stop index used, sorted, without duplicates (0 included when present). */
export function tabStopIndices(nodes: readonly SnippetNode[]): number[] {
  const found = new Set<number>();
  const walk = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      found.add(node.index);
      if (node.kind === 'placeholder') walk(node.children);
    }
  };
  walk(nodes);
  return [...found].sort((a, b) => a - b);
}

/**
 * The text VS Code inserts when the user tabs through every stop without typing. As in VS Code, the
 * first placeholder (or choice) of an index that has a value gives that value to every other
 * occurrence of the index; a choice's value is its first option; `$0` and value-less stops are empty.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const nodes = parseSnippet(bodyText(body));
  const defaults = new Map<number, readonly SnippetNode[]>();
  const collect = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'placeholder') {
        if (!defaults.has(node.index) && node.children.length > 0) defaults.set(node.index, node.children);
        collect(node.children);
      } else if (node.kind === 'choice' && !defaults.has(node.index)) {
        defaults.set(node.index, [{ kind: 'text', value: node.options[0] ?? '' }]);
      }
    }
  };
  collect(nodes);

  const render = (list: readonly SnippetNode[], depth: number): string => {
    if (depth > 20) throw new SnippetSyntaxError('placeholder defaults refer to each other in a cycle', 0);
    let out = '';
    for (const node of list) {
      if (node.kind === 'text') out += node.value;
      else if (node.kind === 'placeholder' && node.children.length > 0) out += render(node.children, depth + 1);
      else out += render(defaults.get(node.index) ?? [], depth + 1);
    }
    return out;
  };
  return render(nodes, 0);
}
