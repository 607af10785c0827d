/**
 * The knowledge base: every topic of knowledge/topics/, validated, in the notes' order, with the
 * index of the API symbols they explain. Read once, lazily, by whoever needs it first (a hover,
 * the notes viewer, lint, the CLI).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSymbolIndex, type SymbolIndex } from './symbols/symbolIndex';
import type { Topic } from './topic';
import { parseTopicFile, TopicFileError } from './topicFile';
import { TOPIC_IDS, type TopicId } from './topicIds';

export interface Knowledge {
  /** One per id of topicIds.ts, in that order (the order of the notes). */
  readonly topics: readonly Topic[];
  topic(id: TopicId): Topic;
  readonly symbols: SymbolIndex;
}

/** Reads and validates every topic file of `dir`; throws a TopicFileError naming the file and field. */
export function loadKnowledge(dir: string): Knowledge {
  const byId = new Map<TopicId, Topic>();
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.md')).sort()) {
    const file = path.join(dir, name);
    const topic = parseTopicFile(file, readFileSync(file, 'utf8'));
    byId.set(topic.id, topic);
  }
  const missing = TOPIC_IDS.find((id) => !byId.has(id));
  if (missing) {
    throw new TopicFileError(path.join(dir, `${missing}.md`), 'file', `is missing: every id of topicIds.ts needs its topic file`);
  }
  const topics = TOPIC_IDS.map((id) => byId.get(id) as Topic);
  rejectSharedSymbols(topics);
  return {
    topics,
    topic: (id) => byId.get(id) as Topic,
    symbols: buildSymbolIndex(topics),
  };
}

/** One symbol, one topic: the same entry in two topics would make the hover pick arbitrarily. */
function rejectSharedSymbols(topics: readonly Topic[]): void {
  const owner = new Map<string, TopicId>();
  for (const topic of topics) {
    for (const [language, symbols] of Object.entries(topic.symbols)) {
      for (const symbol of symbols) {
        const key = `${language}:${symbol}`;
        const other = owner.get(key);
        if (other && other !== topic.id) {
          throw new TopicFileError(topic.file, `symbols.${language}`, `"${symbol}" is already a symbol of ${other}`);
        }
        owner.set(key, topic.id);
      }
    }
  }
}

/**
 * The knowledge/topics folder, found by walking up from this module: `out/extension.js` (bundle),
 * `out/test/host/index.js` and `src/notes/core/*.ts` under tsx all sit below the package root.
 */
export function knowledgeDir(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'knowledge', 'topics');
    if (existsSync(candidate) && existsSync(path.join(dir, 'package.json'))) {
      return candidate;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`DeepScope: knowledge/topics not found above ${from}`);
    }
  }
}

let cached: Knowledge | undefined;

/** The knowledge base of this package, loaded on first use and kept. */
export function getKnowledge(): Knowledge {
  cached ??= loadKnowledge(knowledgeDir());
  return cached;
}
