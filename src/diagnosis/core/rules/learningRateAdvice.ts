/** What the loss rules (NaN, diverging, oscillating) say about the learning rate, written once. */
import type { Bilingual } from '../findings';
import { bilingual } from '../format';
import type { RunData } from '../runData';

/** UMLAUT (Schoop et al., CHI 2021) flags plain SGD with a learning rate above 0.01. */
const UMLAUT_SGD_RATE = 0.01;

/** " Plain SGD with a rate above 0.01 …" when UMLAUT's check applies, else empty texts. */
export function plainSgdNote(run: RunData, rate: number | undefined): Bilingual {
  if (run.start.optimizer?.name !== 'SGD' || rate === undefined || rate <= UMLAUT_SGD_RATE) return { en: '', fr: '' };
  return bilingual(
    (f) => ` Plain SGD with a learning rate above ${f.num(UMLAUT_SGD_RATE)} is a classic cause (UMLAUT's check).`,
    (f) => ` Une SGD sans momentum avec un learning rate supérieur à ${f.num(UMLAUT_SGD_RATE)} en est une cause classique (règle d'UMLAUT).`,
  );
}

/** The rate, as the messages show it. */
export function rateText(rate: number | undefined): Bilingual {
  if (rate === undefined) return { en: 'the learning rate', fr: 'le learning rate' };
  return bilingual((f) => `the learning rate (${f.num(rate)})`, (f) => `le learning rate (${f.num(rate)})`);
}

export const DIVIDE_RATE_FIX: Bilingual = {
  en: 'Divide the learning rate by 10: its order of magnitude matters most. Then let it decay during training (step decay).',
  fr: "Diviser le learning rate par 10 : son ordre de grandeur compte avant tout. Puis le faire décroître au cours de l'apprentissage (step decay).",
};
