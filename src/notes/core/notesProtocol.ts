/**
 * Messages between the extension host and the notes viewer webview. Imported by both sides (no
 * `vscode`, no DOM). The webview says `ready` first; the host then sends the note to show, as data.
 */
import type { ApiLanguage, Language } from './topic';
import { TOPIC_IDS, type TopicId } from './topicIds';
import { asRecord } from '../../common/core/untrusted';

// Re-exported for the webview, which imports nothing of the knowledge base but topic ids.
export type { ApiLanguage, Language };

/** One topic in one language, as the viewer shows it. */
export interface NoteView {
  readonly topic: TopicId;
  readonly language: Language;
  readonly title: string;
  readonly summary: string;
  readonly keyPoints: readonly string[];
  readonly recommended?: string;
  /** The full note: Markdown with `$…$` / `$$…$$` LaTeX, rendered in the webview (HTML disabled). */
  readonly text: string;
  /** The API symbols the topic explains, per framework, frameworks without any left out. */
  readonly symbols: readonly { readonly api: ApiLanguage; readonly code: readonly string[] }[];
  readonly related: readonly { readonly topic: TopicId; readonly title: string }[];
  /** Set on a topic beyond the notes: the d2l.ai section to read (the viewer marks the topic as such). */
  readonly beyondNotes?: { readonly d2l: string; readonly url: string };
}

export type ToNotes = { readonly type: 'show'; readonly note: NoteView };

export type FromNotes =
  | { readonly type: 'ready' }
  /** A related-topic link was clicked: show that topic in the same panel. */
  | { readonly type: 'openTopic'; readonly topic: TopicId }
  /** The EN/FR toggle: show the current topic in that language. */
  | { readonly type: 'setLanguage'; readonly language: Language };

/** What the webview saves with `setState`, and what the host gets back to restore the panel after a reload. */
export interface NotesState {
  readonly topic: TopicId;
  readonly language: Language;
}

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === 'string' && (TOPIC_IDS as readonly string[]).includes(value);
}

function isNoteLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'fr';
}

/** Checks a message from the webview; anything malformed (unknown type, topic or language) is dropped. */
export function parseFromNotes(value: unknown): FromNotes | undefined {
  const message = asRecord(value);
  switch (message?.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openTopic':
      return isTopicId(message.topic) ? { type: 'openTopic', topic: message.topic } : undefined;
    case 'setLanguage':
      return isNoteLanguage(message.language) ? { type: 'setLanguage', language: message.language } : undefined;
    default:
      return undefined;
  }
}

/** Checks the state VS Code hands back on restore (it was written by the webview, so it is not trusted either). */
export function parseNotesState(value: unknown): NotesState | undefined {
  const state = asRecord(value);
  return state && isTopicId(state.topic) && isNoteLanguage(state.language) ? { topic: state.topic, language: state.language } : undefined;
}
