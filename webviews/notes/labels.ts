import type { ApiLanguage, Language } from '../../src/notes/core/notesProtocol';

/** The viewer's own words, in the language of the note it shows. */
export interface NoteLabels {
  readonly lectureNote: string;
  /** The eyebrow of a topic DeepScope wrote, which is not from the notes. */
  readonly beyondNotes: string;
  readonly furtherReading: string;
  readonly inShort: string;
  /** With its colon, spaced the French way in French. */
  readonly recommended: string;
  readonly note: string;
  readonly inCode: string;
  readonly related: string;
  readonly language: string;
  readonly languageNames: Readonly<Record<Language, string>>;
}

export const LABELS: Readonly<Record<Language, NoteLabels>> = {
  en: {
    lectureNote: 'Lecture note',
    beyondNotes: 'Beyond the notes',
    furtherReading: 'Read more in d2l.ai, the book the notes cite:',
    inShort: 'In short',
    recommended: 'Recommended:',
    note: 'The note',
    inCode: 'In code',
    related: 'Related topics',
    language: 'Language of the note',
    languageNames: { en: 'English', fr: 'French' },
  },
  fr: {
    lectureNote: 'Note de cours',
    beyondNotes: 'Hors des notes du cours',
    furtherReading: 'Pour aller plus loin, d2l.ai, le livre que citent les notes\u00a0:',
    inShort: 'En bref',
    recommended: 'Recommandé\u00a0:',
    note: 'La note',
    inCode: 'Dans le code',
    related: 'Sujets liés',
    language: 'Langue de la note',
    languageNames: { en: 'anglais', fr: 'français' },
  },
};

/** Framework names are the same in both languages. */
export const API_NAMES: Readonly<Record<ApiLanguage, string>> = {
  tfjs: 'TensorFlow.js',
  keras: 'Keras',
  pytorch: 'PyTorch',
};
