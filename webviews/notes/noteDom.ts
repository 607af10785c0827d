import type { TopicId } from '../../src/notes/core/topicIds';
import type { Language, NoteView } from '../../src/notes/core/notesProtocol';
import { el } from '../shared/dom';
import { API_NAMES, LABELS, type NoteLabels } from './labels';
import { renderMarkdown } from './markdown';

export interface NoteActions {
  openTopic(topic: TopicId): void;
  setLanguage(language: Language): void;
}

const LANGUAGES: readonly Language[] = ['en', 'fr'];

/** The whole note as DOM: the plain-text fields through textContent, the Markdown text through renderMarkdown. */
export function renderNote(note: NoteView, actions: NoteActions): HTMLElement {
  const labels = LABELS[note.language];
  const sections: HTMLElement[] = [
    header(note, labels, actions),
    el('p', { class: 'summary' }, note.summary),
    inShort(note, labels),
    el('section', { class: 'note-text' }, el('h2', {}, labels.note), noteText(note.text)),
  ];
  if (note.beyondNotes) {
    // Shown as text, not a link: the reader copies it to a browser, the webview navigates nowhere.
    sections.push(el('p', { class: 'further-reading' }, labels.furtherReading, ' ', el('cite', {}, note.beyondNotes.d2l), ` (${note.beyondNotes.url})`));
  }
  if (note.symbols.length > 0) {
    sections.push(el('section', { class: 'symbols' }, el('h2', {}, labels.inCode), symbolList(note)));
  }
  if (note.related.length > 0) {
    sections.push(el('section', { class: 'related' }, el('h2', {}, labels.related), relatedList(note, actions)));
  }
  return el('main', { class: 'note', 'data-topic': note.topic }, ...sections);
}

function header(note: NoteView, labels: NoteLabels, actions: NoteActions): HTMLElement {
  const toggle = el('div', { class: 'language-toggle', role: 'group', 'aria-label': labels.language });
  for (const language of LANGUAGES) {
    const current = language === note.language;
    const button = el(
      'button',
      { type: 'button', lang: language, 'aria-pressed': String(current), title: labels.languageNames[language], 'data-language': language },
      language.toUpperCase(),
    );
    if (!current) button.addEventListener('click', () => actions.setLanguage(language));
    toggle.append(button);
  }
  return el(
    'header',
    { class: 'note-header' },
    el('div', {}, el('p', { class: 'eyebrow' }, `DeepScope · ${note.beyondNotes ? labels.beyondNotes : labels.lectureNote}`), el('h1', { tabindex: '-1' }, note.title)),
    toggle,
  );
}

function inShort(note: NoteView, labels: NoteLabels): HTMLElement {
  const box = el('aside', { class: 'in-short', 'aria-label': labels.inShort }, el('ul', {}, ...note.keyPoints.map((point) => el('li', {}, point))));
  if (note.recommended) {
    box.append(el('p', { class: 'recommended' }, el('strong', {}, labels.recommended), ' ', note.recommended));
  }
  return box;
}

function noteText(markdown: string): HTMLElement {
  const body = el('div', { class: 'markdown' });
  // The one place markup is parsed: markdown-it with raw HTML off escapes every character of the
  // note, and KaTeX (trust off) only emits its own spans and MathML.
  body.innerHTML = renderMarkdown(markdown);
  return body;
}

function symbolList(note: NoteView): HTMLElement {
  return el(
    'dl',
    {},
    ...note.symbols.flatMap(({ api, code }) => [
      el('dt', {}, API_NAMES[api]),
      el('dd', {}, ...code.map((symbol) => el('code', {}, symbol))),
    ]),
  );
}

function relatedList(note: NoteView, actions: NoteActions): HTMLElement {
  return el(
    'ul',
    {},
    ...note.related.map(({ topic, title }) => {
      const link = el('button', { type: 'button', class: 'topic-link', 'data-topic': topic }, title);
      link.addEventListener('click', () => actions.openTopic(topic));
      return el('li', {}, link);
    }),
  );
}
