import { getKnowledge, type Knowledge } from './knowledge';
import { DIALECT_OF } from './symbols/dialect';
import type { SourceDialect } from '../../syntax/lexer';
import { parsePattern } from './symbols/pattern';
import type { SymbolMatch } from './symbols/symbolIndex';
import type { ApiLanguage } from './topic';
import type { TopicId } from './topicIds';

/**
 * The topic a piece of `language` code is about, e.g. `findTopicForSymbol('tfjs', "activation: 'sigmoid'")`
 * or `findTopicForSymbol('pytorch', line, column)`. Without `offset` the code must be one symbol
 * (a name, a call, a `key: value`) and its head is looked up; with it, the token at `offset`.
 */
export function findTopicForSymbol(
  language: ApiLanguage,
  code: string,
  offset?: number,
  knowledge: Knowledge = getKnowledge(),
): TopicId | undefined {
  const dialect = DIALECT_OF[language];
  const at = offset ?? headOf(code, dialect);
  return at === undefined ? undefined : knowledge.symbols.matchAt(code, at, dialect, [language])?.topic;
}

/**
 * The DL symbol at `offset` in a few lines of code (`text`), for hovers: its topic, the API it belongs
 * to and its range in `text`. Undefined for anything else (ordinary names, comments, strings).
 * `lineStart` is where the hovered line starts in `text`: lines before it only help find the call an
 * argument belongs to.
 */
export function matchSymbolAt(
  text: string,
  offset: number,
  dialect: SourceDialect,
  knowledge: Knowledge = getKnowledge(),
  lineStart = 0,
): SymbolMatch | undefined {
  return knowledge.symbols.matchAt(text, offset, dialect, undefined, lineStart);
}

function headOf(code: string, dialect: SourceDialect): number | undefined {
  try {
    return parsePattern(code, dialect).head;
  } catch {
    return undefined;
  }
}
