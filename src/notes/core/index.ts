/**
 * Public API of the knowledge base (VS Code-free): hovers, the notes viewer, lint, findings and the
 * CLI import from here.
 */
export { TOPIC_IDS, type TopicId } from './topicIds';
export { OPEN_NOTE_COMMAND, noteCommandUri } from './noteLinks';
export { API_LANGUAGES, type ApiLanguage, type Bilingual, type Language, type Topic } from './topic';
export { getKnowledge, knowledgeDir, loadKnowledge, type Knowledge } from './knowledge';
export { TopicFileError } from './topicFile';
export { asLanguageSetting, pickLanguage, type LanguageSetting } from './language';
export { findTopicForSymbol, matchSymbolAt } from './lookup';
export { searchTopics } from './search';
export { DIALECT_OF } from './symbols/dialect';
export type { SourceDialect } from '../../syntax/lexer';
export type { SymbolEntry, SymbolIndex, SymbolMatch } from './symbols/symbolIndex';
