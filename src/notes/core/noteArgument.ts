import type { TopicId } from './';
import { isTopicId } from './notesProtocol';

/** What `deepscope.openNote` was asked for. */
export type NoteRequest =
  | { readonly kind: 'topic'; readonly topic: TopicId }
  /** A string that is no topic id: a stale link, a typo in a keybinding. */
  | { readonly kind: 'unknown'; readonly id: string }
  /** No argument (the palette) or something that is not an id (a Uri from a menu): let the user choose. */
  | { readonly kind: 'pick' };

/** Longest id echoed back in the "no such note" message. */
const MAX_SHOWN_ID = 60;

/** Reads the command's argument: hovers, diagnostics and the dashboard pass a topic id. */
export function readNoteArgument(argument: unknown): NoteRequest {
  if (isTopicId(argument)) {
    return { kind: 'topic', topic: argument };
  }
  if (typeof argument === 'string' && argument.trim() !== '') {
    const id = argument.trim();
    return { kind: 'unknown', id: id.length > MAX_SHOWN_ID ? `${id.slice(0, MAX_SHOWN_ID)}…` : id };
  }
  return { kind: 'pick' };
}
