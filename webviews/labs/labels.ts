import type { Language } from '../../src/labs/core/labPanelProtocol';

/** A text in both display languages; `say` picks the view's. */
export interface Words {
  readonly en: string;
  readonly fr: string;
}

export function say(language: Language, words: Words): string {
  return words[language];
}

/** The view's own words around every lab (lab-specific words live with each lab's view). */
export const LABELS = {
  lab: { en: 'DeepScope lab', fr: 'Labo DeepScope' },
  claim: { en: 'What the notes claim', fr: 'Ce que disent les notes' },
  notes: { en: 'Read in the notes:', fr: 'À lire dans les notes :' },
  parameters: { en: 'Parameters', fr: 'Paramètres' },
  run: { en: 'Run', fr: 'Lancer' },
  stop: { en: 'Stop', fr: 'Arrêter' },
  reset: { en: 'Defaults', fr: 'Valeurs par défaut' },
  idle: { en: 'Not run yet.', fr: 'Pas encore lancé.' },
  running: { en: 'Running in a separate process…', fr: 'Calcul dans un processus séparé…' },
  stopped: { en: 'Stopped.', fr: 'Arrêté.' },
  failed: { en: 'The lab failed:', fr: 'Le labo a échoué :' },
  stale: { en: 'Parameters changed: Run to update the results.', fr: 'Paramètres modifiés : lancez pour mettre à jour les résultats.' },
  autoRerun: { en: 'Cheap to compute: it runs again as you change a parameter.', fr: 'Peu coûteux : relancé à chaque changement de paramètre.' },
  keyNumbers: { en: 'Key numbers', fr: 'Chiffres clés' },
  keyNumbersHint: {
    en: 'The tables “deepscope lab” prints in a terminal, from the same run.',
    fr: 'Les tableaux qu’affiche « deepscope lab » dans un terminal, issus du même calcul.',
  },
  loading: { en: 'Loading the lab…', fr: 'Chargement du labo…' },
} as const satisfies Record<string, Words>;

/** "Ran on the wasm backend in 8.2 s" — or "in plain JavaScript" for labs without tfjs. */
export function ranOn(language: Language, backend: string, seconds: number): string {
  const time = seconds.toFixed(1);
  if (backend === 'none') return language === 'fr' ? `Calculé en JavaScript en ${time} s.` : `Computed in plain JavaScript in ${time} s.`;
  return language === 'fr' ? `Calculé sur le backend ${backend} en ${time} s.` : `Computed on the ${backend} backend in ${time} s.`;
}

export function elapsed(language: Language, seconds: number): string {
  return language === 'fr' ? `${seconds.toFixed(0)} s écoulées` : `${seconds.toFixed(0)} s elapsed`;
}
