import { API_LANGUAGES, type Knowledge, type Language, type TopicId } from './';
import type { NoteView } from './notesProtocol';

/** What the viewer shows of `topic` in `language`: plain data, sent to the webview by postMessage. */
export function noteView(knowledge: Knowledge, topic: TopicId, language: Language): NoteView {
  const source = knowledge.topic(topic);
  return {
    topic,
    language,
    title: source.title[language],
    summary: source.summary[language],
    keyPoints: source.keyPoints[language],
    recommended: source.recommended?.[language],
    text: source.text[language],
    symbols: API_LANGUAGES.map((api) => ({ api, code: source.symbols[api] })).filter((entry) => entry.code.length > 0),
    related: source.related.map((id) => ({ topic: id, title: knowledge.topic(id).title[language] })),
    beyondNotes: source.beyondNotes,
  };
}
