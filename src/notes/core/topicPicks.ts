import { searchTopics, type Language, type Topic, type TopicId } from './';
import { BEYOND_NOTES_LABEL } from './topic';

/** One row of the "Open Lecture Note…" quick pick (a vscode.QuickPickItem plus its topic). */
export interface TopicPick {
  readonly topic: TopicId;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /**
   * Set on the topics searchTopics finds for the query, so VS Code shows them even when the word is
   * only in the full text, which its own filter (label, id, summary) never sees.
   */
  readonly alwaysShow: boolean;
}

/**
 * Every topic, in the notes' order, whatever the query: VS Code identifies the row the user accepts
 * by its index in the last list the extension sent, so a list that changed under a fast Enter would
 * open another topic. The query only decides which rows searchTopics makes visible.
 */
export function topicPicks(topics: readonly Topic[], query: string, language: Language): TopicPick[] {
  const found = new Set(searchTopics(topics, query, language).map((topic) => topic.id));
  return topics.map((topic) => ({
    topic: topic.id,
    label: topic.title[language],
    description: topic.beyondNotes ? `${topic.id} · ${BEYOND_NOTES_LABEL[language]}` : topic.id,
    detail: topic.summary[language],
    alwaysShow: found.has(topic.id),
  }));
}
