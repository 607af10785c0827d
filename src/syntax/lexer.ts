/**
 * One lexer for TypeScript/JavaScript and Python, shared by the lint rules (whole documents) and the
 * hovers (a few lines around the pointer, so a string or comment opened above them looks like code).
 */
import { lexJs } from './jsLexer';
import { lexPython } from './pythonLexer';
import type { Lexed } from './token';

/** Source syntax: tfjs code is TypeScript/JavaScript, Keras and PyTorch code is Python. */
export type SourceDialect = 'js' | 'python';

export function lex(text: string, dialect: SourceDialect): Lexed {
  return dialect === 'python' ? lexPython(text) : lexJs(text);
}
