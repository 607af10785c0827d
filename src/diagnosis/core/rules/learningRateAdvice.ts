/** What the loss rules (NaN, diverging, oscillating) say about the learning rate, written once. */
import type { Bilingual } from '../findings';
import { bilingual } from '../format';
import type { RunData } from '../runData';

/** UMLAUT (Schoop et al., CHI 2021) flags plain SGD with a learning rate above 0.01. */
const UMLAUT_SGD_RATE = 0.01;

/** " Plain SGD with a rate above 0.01 …" when UMLAUT's check applies (PyTorch's SGD with momentum is not plain), else empty texts. */
export function plainSgdNote(run: RunData, rate: number | undefined): Bilingual {
  const optimizer = run.start.optimizer;
  if (optimizer?.name !== 'SGD' || (optimizer.momentum ?? 0) > 0 || rate === undefined || rate <= UMLAUT_SGD_RATE) return { en: '', fr: '' };
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

/** The rate changed from one epoch to another: a schedule is already in force. */
export function hasSchedule(run: RunData): boolean {
  const rates = run.history.map((record) => record.lr).filter(Number.isFinite);
  return rates.some((rate) => rate !== rates[0]);
}

/** Divide the rate by 10; then a step decay, unless the run already follows a schedule. */
export function divideRateFix(run: RunData): Bilingual {
  if (hasSchedule(run)) {
    return {
      en: 'Divide the learning rate by 10, and its schedule with it: its order of magnitude matters most.',
      fr: "Diviser le learning rate par 10, et son schedule avec : son ordre de grandeur compte avant tout.",
    };
  }
  return {
    en: 'Divide the learning rate by 10: its order of magnitude matters most. Then let it decay during training (step decay).',
    fr: "Diviser le learning rate par 10 : son ordre de grandeur compte avant tout. Puis le faire décroître au cours de l'apprentissage (step decay).",
  };
}
