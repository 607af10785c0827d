/**
 * Building blocks of fixes that keep the user's layout: replace a value, add an entry to an object
 * or argument list (same line or one per line, trailing comma kept), remove one, and add a layer
 * right after another (`model.add(…)` line, list element, or `x = Layer(…)(x)`).
 */
import type { Edit } from '../types';
import { quoteOf } from '../../../syntax/token';
import { isSequentialCall, type Layer } from './layers';
import type { Item, Source, Span } from './source';

export function replace(span: { readonly start: number; readonly end: number }, text: string): Edit {
  return { start: span.start, end: span.end, text };
}

/** A string literal in the quote style of `like` when it is a string, else the language's usual one. */
export function quoted(source: Source, value: string, like?: Span): string {
  const token = like && source.tokenOf(like);
  const quote = token?.kind === 'string' ? quoteOf(token) : source.python ? '"' : "'";
  return `${quote}${value}${quote}`;
}

/** Adds `text` as a new entry of the bracket at token `open`, after entry `after` (default: the last). */
export function insertItem(source: Source, open: number, text: string, after?: number): Edit[] {
  const items = source.items(open);
  const brace = source.is(open, '{');
  if (items.length === 0) {
    const at = source.tokens[open].end;
    return [{ start: at, end: at, text: brace ? ` ${text} ` : text }];
  }
  const previous = items[after ?? items.length - 1];
  const comma = source.is(previous.to, ',') ? previous.to : -1;
  const following = source.tokens[comma >= 0 ? comma + 1 : previous.to];
  const onOwnLine = following !== undefined && source.spansLines(previous.end, following.start);
  if (!onOwnLine) {
    const at = comma >= 0 ? source.tokens[comma].end : previous.end;
    return [{ start: at, end: at, text: comma >= 0 ? ` ${text},` : `, ${text}` }];
  }
  const indent = source.indentAt(previous.start);
  if (comma >= 0) {
    const at = source.lineEnd(source.tokens[comma].end);
    return [{ start: at, end: at, text: `\n${indent}${text},` }];
  }
  const lineEnd = source.lineEnd(previous.end);
  // One edit when the entry ends its line: two insertions at one offset would apply in either order.
  if (lineEnd === previous.end) return [{ start: lineEnd, end: lineEnd, text: `,\n${indent}${text}` }];
  return [
    { start: previous.end, end: previous.end, text: ',' },
    { start: lineEnd, end: lineEnd, text: `\n${indent}${text}` },
  ];
}

/** Removes entry `index` of `items` with its comma (and its line, when it has one of its own). */
export function removeItem(source: Source, items: readonly Item[], index: number): Edit {
  const item = items[index];
  const comma = source.is(item.to, ',') ? item.to : -1;
  const end = comma >= 0 ? source.tokens[comma].end : item.end;
  const next = source.tokens[comma >= 0 ? comma + 1 : item.to];
  if (source.startsLine(item.start) && next !== undefined && source.spansLines(end, next.start)) {
    return { start: source.lineStart(item.start), end: source.lineEnd(end) + 1, text: '' };
  }
  if (comma >= 0 && next !== undefined) return { start: item.start, end: next.start, text: '' };
  return index > 0 ? { start: items[index - 1].end, end: item.end, text: '' } : { start: item.start, end: item.end, text: '' };
}

/** Edits that add the layer call `text` right after `layer` in its model, or undefined when the code's shape is unclear. */
export function insertLayerAfter(source: Source, layer: Layer, text: string): Edit[] | undefined {
  const { call } = layer;
  const list = source.parent[call.from];
  if (list >= 0 && (source.is(list, '[') || isSequentialCall(source, list))) {
    const index = source.items(list).findIndex((item) => item.from === call.from && item.to === call.to);
    return index >= 0 ? insertItem(source, list, text, index) : undefined;
  }
  const lineStart = source.lineStart(call.start);
  const prefix = source.text.slice(lineStart + source.indentAt(call.start).length, call.start);
  let last = call.to - 1;
  while (source.tokens[last + 1] !== undefined && !source.spansLines(source.tokens[last].end, source.tokens[last + 1].start)) last++;
  const suffix = source.text.slice(call.end, source.tokens[last].end);
  const line = copiedLine(prefix, suffix, text);
  if (line === undefined) return undefined;
  const at = source.lineEnd(source.tokens[last].end);
  return [{ start: at, end: at, text: `\n${source.indentAt(call.start)}${line}` }];
}

/** The statement adding `text` shaped like the one around the previous layer (`prefix` layer `suffix`). */
function copiedLine(prefix: string, suffix: string, text: string): string | undefined {
  if (/^[\w.[\]]+\.add\($/.test(prefix) && /^\)\s*;?$/.test(suffix)) return `${prefix}${text}${suffix}`;
  const assigned = /^(\w+)\s*=\s*$/.exec(prefix)?.[1];
  const applied = /^(\.apply)?\((\w+)\)(\s*;)?$/.exec(suffix);
  // Functional style: the new layer applies to the previous layer's output, under the same name.
  if (assigned !== undefined && applied !== null) return `${prefix}${text}${applied[1] ?? ''}(${assigned})${applied[3] ?? ''}`;
  return undefined;
}
