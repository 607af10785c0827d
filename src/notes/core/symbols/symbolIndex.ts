import { API_LANGUAGES, type ApiLanguage, type Topic } from '../topic';
import type { TopicId } from '../topicIds';
import { DIALECT_OF } from './dialect';
import type { SourceDialect } from '../../../syntax/lexer';
import { patternMatches } from './match';
import { occurrencesAt, type Occurrence } from './occurrence';
import { parsePattern, specificity, type Pattern } from './pattern';

export interface SymbolEntry {
  readonly topic: TopicId;
  readonly language: ApiLanguage;
  /** The entry as written in the topic file, e.g. `optim.SGD(params, momentum=0.9, nesterov=True)`. */
  readonly symbol: string;
  readonly pattern: Pattern;
}

export interface SymbolMatch {
  readonly topic: TopicId;
  readonly language: ApiLanguage;
  readonly symbol: string;
  /** Offsets of the recognised token in the scanned text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Every topic's symbols, keyed by the name or key they hinge on so a lookup reads only a few entries. */
export class SymbolIndex {
  private readonly byKey = new Map<string, SymbolEntry[]>();

  constructor(readonly entries: readonly SymbolEntry[]) {
    for (const entry of entries) {
      const key = indexKey(entry.pattern);
      const bucket = this.byKey.get(key);
      if (bucket) {
        bucket.push(entry);
      } else {
        this.byKey.set(key, [entry]);
      }
    }
  }

  /**
   * The topic of the DL symbol at `offset` in `text` (a few lines of `dialect` code), or undefined
   * when the token there is not one. `languages` narrows the APIs considered (default: all of the dialect);
   * `lineStart` is where the hovered line starts in `text` (the lines before are context, see occurrence.ts).
   */
  matchAt(text: string, offset: number, dialect: SourceDialect, languages?: readonly ApiLanguage[], lineStart = 0): SymbolMatch | undefined {
    for (const occurrence of occurrencesAt(text, offset, dialect, lineStart)) {
      const best = this.best(occurrence, (entry) =>
        languages ? languages.includes(entry.language) : DIALECT_OF[entry.language] === dialect,
      );
      if (best) {
        return { topic: best.topic, language: best.language, symbol: best.symbol, start: occurrence.start, end: occurrence.end };
      }
    }
    return undefined;
  }

  private best(occurrence: Occurrence, accept: (entry: SymbolEntry) => boolean): SymbolEntry | undefined {
    const key = occurrence.kind === 'slot' ? `slot:${occurrence.key}` : `name:${occurrence.chain[occurrence.chain.length - 1]}`;
    const bias = isBiasContext(occurrence);
    // An argument takes the entry most about it (fewest constraints), a name the most specific one.
    const better = occurrence.kind === 'name' && occurrence.argument ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
    let best: SymbolEntry | undefined;
    for (const entry of this.byKey.get(key) ?? []) {
      if (!accept(entry) || (bias && entry.topic.startsWith('init-')) || !patternMatches(entry.pattern, occurrence)) {
        continue;
      }
      // Ties keep the earlier entry: topics come in the notes' order.
      if (!best || better(specificity(entry.pattern), specificity(best.pattern))) {
        best = entry;
      }
    }
    return best;
  }
}

function indexKey(pattern: Pattern): string {
  return pattern.kind === 'slot' ? `slot:${pattern.key}` : `name:${pattern.chain[pattern.chain.length - 1]}`;
}

/**
 * Initialising biases to zero is the usual practice, so `biasInitializer: tf.initializers.zeros()`
 * or `nn.init.zeros_(layer.bias)` must not point to the notes on weight initialisation.
 */
function isBiasContext(occurrence: Occurrence): boolean {
  if (occurrence.kind !== 'name') {
    return false;
  }
  return /bias/i.test(occurrence.valueOf ?? '') || /bias/i.test(occurrence.call?.positional[0]?.text ?? '');
}

/** Builds the index; every symbol was already parsed when its topic file was validated. */
export function buildSymbolIndex(topics: readonly Topic[]): SymbolIndex {
  const entries: SymbolEntry[] = [];
  for (const topic of topics) {
    for (const language of API_LANGUAGES) {
      for (const symbol of topic.symbols[language]) {
        entries.push({ topic: topic.id, language, symbol, pattern: parsePattern(symbol, DIALECT_OF[language]).pattern });
      }
    }
  }
  return new SymbolIndex(entries);
}
