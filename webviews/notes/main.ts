/**
 * Entry of the notes viewer webview. Says `ready`, then shows each note the host sends (as data),
 * saves {topic, language} so VS Code can restore the panel after a reload, and turns clicks into
 * validated-on-arrival messages (a related topic, the EN/FR toggle).
 */
import 'katex/dist/katex.css';
import './notes.css';
import type { FromNotes, NotesState, NoteView, ToNotes } from '../../src/notes/core/notesProtocol';
import { el } from '../shared/dom';
import { vscodeApi } from '../shared/vscodeApi';
import { renderNote, type NoteActions } from './noteDom';

const api = vscodeApi<NotesState>();
let shown: NoteView | undefined;
/** What gets the keyboard focus once the note asked for by a click arrives. */
let focusNext: 'title' | 'toggle' | undefined;

function post(message: FromNotes): void {
  api?.postMessage(message);
}

const actions: NoteActions = {
  openTopic: (topic) => {
    focusNext = 'title';
    post({ type: 'openTopic', topic });
  },
  setLanguage: (language) => {
    focusNext = 'toggle';
    post({ type: 'setLanguage', language });
  },
};

function show(note: NoteView): void {
  const newTopic = note.topic !== shown?.topic;
  shown = note;
  document.documentElement.lang = note.language;
  document.body.replaceChildren(renderNote(note, actions));
  api?.setState({ topic: note.topic, language: note.language });
  if (newTopic) window.scrollTo(0, 0);
  if (focusNext === 'title') document.querySelector<HTMLElement>('h1')?.focus();
  if (focusNext === 'toggle') document.querySelector<HTMLElement>('.language-toggle [aria-pressed="true"]')?.focus();
  focusNext = undefined;
}

window.addEventListener('message', (event: MessageEvent<ToNotes>) => {
  if (event.data?.type === 'show') show(event.data.note);
});
document.body.replaceChildren(el('p', { class: 'loading' }, 'DeepScope…'));
post({ type: 'ready' });
