import type { TopicId } from './topicIds';

/** Command that opens the notes viewer on a topic (registered by the notes viewer feature). */
export const OPEN_NOTE_COMMAND = 'deepscope.openNote';

/**
 * A `command:` link that opens a topic's note. Hovers (trusted Markdown restricted to this command),
 * diagnostics and findings all link to notes this way, so there is one format to keep right.
 */
export function noteCommandUri(topic: TopicId): string {
  return `command:${OPEN_NOTE_COMMAND}?${encodeURIComponent(JSON.stringify([topic]))}`;
}
