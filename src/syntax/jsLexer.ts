/** Tokens of TypeScript/JavaScript: comments listed apart; strings, template literals and regexes kept whole. */
import { isSpace, lineEnd, readPlainToken, skipQuoted } from './scanning';
import type { Lexed, Token } from './token';

/** After these keywords a `/` starts a regular expression, not a division. */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

export function lexJs(text: string): Lexed {
  const { tokens, comments }: Lexed = { tokens: [], comments: [] };
  let at = 0;
  while (at < text.length) {
    const ch = text[at];
    const next = text[at + 1];
    let end: number;
    if (isSpace(ch)) {
      at++;
      continue;
    } else if (ch === '/' && next === '/') {
      end = lineEnd(text, at);
      comments.push({ start: at, end });
      at = end;
      continue;
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', at + 2);
      end = close < 0 ? text.length : close + 2;
      comments.push({ start: at, end });
      at = end;
      continue;
    } else if (ch === '"' || ch === "'") {
      end = skipQuoted(text, at, ch, false);
    } else if (ch === '`') {
      end = skipTemplate(text, at);
    } else if (ch === '/' && regexMayStart(tokens[tokens.length - 1]) && (end = skipRegex(text, at)) > at) {
      tokens.push({ kind: 'regex', text: text.slice(at, end), start: at, end });
      at = end;
      continue;
    } else {
      const token = readPlainToken(text, at);
      tokens.push(token);
      at = token.end;
      continue;
    }
    tokens.push({ kind: 'string', text: text.slice(at, end), start: at, end });
    at = end;
  }
  return { tokens, comments };
}

function regexMayStart(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.kind === 'punct') return ![')', ']', '}'].includes(previous.text);
  return previous.kind === 'name' && BEFORE_EXPRESSION.has(previous.text);
}

/** End of a regex literal opening at `at`, or `at` when the line ends first (then it was a division). */
function skipRegex(text: string, at: number): number {
  let inClass = false;
  for (let j = at + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '\n') return at;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) {
      let flagsEnd = j + 1;
      while (flagsEnd < text.length && /[a-z]/i.test(text[flagsEnd])) flagsEnd++;
      return flagsEnd;
    }
  }
  return at;
}

/** End of a template literal, stepping over `${ … }` holes that may hold strings, comments and templates. */
function skipTemplate(text: string, at: number): number {
  for (let j = at + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '`') return j + 1;
    else if (ch === '$' && text[j + 1] === '{') j = skipHole(text, j + 2) - 1;
  }
  return text.length;
}

/** Offset after the `}` closing a template hole whose code starts at `at`. */
function skipHole(text: string, at: number): number {
  let depth = 1;
  let j = at;
  while (j < text.length) {
    const ch = text[j];
    if (ch === '"' || ch === "'") j = skipQuoted(text, j, ch, false);
    else if (ch === '`') j = skipTemplate(text, j);
    else if (ch === '/' && text[j + 1] === '/') j = lineEnd(text, j);
    else if (ch === '/' && text[j + 1] === '*') j = text.indexOf('*/', j + 2) < 0 ? text.length : text.indexOf('*/', j + 2) + 2;
    else {
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return j + 1;
      j++;
    }
  }
  return text.length;
}
