/**
 * plateau: the loss stopped moving before the model learned much. Either the steps are far too small
 * (a learning rate orders of magnitude too low: the weights barely change) or the optimiser sits near a
 * saddle point, where the gradient is almost zero. A model that converged also has a flat loss, but it
 * got there well below its baseline: `learningWell` tells the two apart. The message compares the loss
 * with the baseline in words true of the two numbers ("close to", "N× the", "N % below").
 */
import { bilingual, evidence, type Formatter } from '../format';
import { kernelOf, learningRateAt, learningWell, median, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { hasMomentum } from './modelShape';

const MIN_EPOCHS = 5;
/** The loss moved by less than 1 % over the window (the last third of the run, at least 5 epochs). */
const FLAT = 0.01;
/**
 * ||ΔW|| / ||W|| per step below which the learning rate is the cause: two orders of magnitude under the
 * usual ≈1e-3. The zoo's 1e-7 learning rate gives a median of 5e-8; healthy models 2e-4 to 7e-3.
 */
const TINY_UPDATE = 1e-5;
/** Within this band around the baseline the loss is "close to" it; outside, the message gives the ratio. */
const CLOSE_ABOVE = 1.25;
const CLOSE_BELOW = 0.8;

export const plateau: Rule = {
  id: 'plateau',
  check(run: RunData): Draft[] {
    const losses = run.history.map((record) => record.loss);
    if (losses.length < MIN_EPOCHS || learningWell(run) || losses.some((loss) => !Number.isFinite(loss))) return [];
    const window = losses.slice(-Math.max(MIN_EPOCHS, Math.ceil(losses.length / 3)));
    const change = (Math.max(...window) - Math.min(...window)) / Math.abs(window[0]);
    const updates = (run.frames.at(-1)?.layers ?? []).flatMap((layer) => kernelOf(layer)?.updateRatio ?? []);
    const update = updates.length > 0 ? median(updates) : undefined;
    const tinySteps = update !== undefined && update < TINY_UPDATE;
    const rate = learningRateAt(run, losses.length - 1);
    const loss = window.at(-1) as number;
    const baseline = run.start.baselineLoss;
    if (!(change < FLAT)) return [];
    const momentum = hasMomentum(run.start);
    const shared = {
      rule: 'plateau' as const,
      severity: 'warning' as const,
      epoch: losses.length - window.length,
      evidence: evidence({ loss, baselineLoss: baseline, change, epochs: window.length, updateRatio: update, learningRate: rate, momentum: run.start.optimizer?.momentum, keepsMomentum: momentum ? 1 : undefined }),
      site: 'optimizer' as const,
    };
    const stuck = bilingual(
      (f) => `The loss has not moved for ${window.length} epochs: it stays at ${f.num(loss)} (changes under ${f.pct(FLAT)})${baseline !== undefined ? `, ${comparedEn(loss, baseline, f)} always predicting the average` : ''}.`,
      (f) => `La loss ne bouge plus depuis ${window.length} époques : elle reste à ${f.num(loss)} (variations inférieures à ${f.pct(FLAT)})${baseline !== undefined ? `, ${comparedFr(loss, baseline, f)} en prédisant toujours la moyenne` : ''}.`,
    );
    if (tinySteps) {
      const steps = bilingual(
        (f) => ` Each step changes the weights by ${f.num(update)} of their norm (≈1e-3 is usual): the learning rate${rate ? ` (${f.num(rate)})` : ''} is orders of magnitude too small.`,
        (f) => ` Chaque pas change les poids de ${f.num(update)} de leur norme (≈1e-3 d'habitude) : le learning rate${rate ? ` (${f.num(rate)})` : ''} est trop petit de plusieurs ordres de grandeur.`,
      );
      return [
        {
          ...shared,
          message: { en: stuck.en + steps.en, fr: stuck.fr + steps.fr },
          topic: 'lr-step-decay',
          fix: {
            en: 'Multiply the learning rate by 10 until the loss moves: getting its order of magnitude right comes first.',
            fr: "Multiplier le learning rate par 10 jusqu'à ce que la loss bouge : avoir le bon ordre de grandeur passe en premier.",
          },
        },
      ];
    }
    const saddle = {
      en: ' Near a saddle point the gradient is almost zero and plain steps stall.',
      fr: ' Au voisinage d\'un saddle point le gradient est quasi nul et les pas s\'enlisent.',
    };
    // Advice is never what the model already does: an optimiser with momentum is told about the rate.
    const fix = momentum
      ? {
          en: `The optimiser already keeps momentum (${run.start.optimizer?.name}): change the learning rate by factors of 10 (up if the weights barely move, down if the loss is stuck high), then check the initialisation and the inputs' scale.`,
          fr: `L'optimiseur a déjà un momentum (${run.start.optimizer?.name}) : changer le learning rate par facteurs de 10 (vers le haut si les poids bougent à peine, vers le bas si la loss reste haute), puis vérifier l'initialisation et l'échelle des entrées.`,
        }
      : {
          en: 'Use SGD with (Nesterov) momentum 0.9: the memory of past gradients keeps it moving where the gradient fades. Check the learning rate\'s order of magnitude too.',
          fr: 'Utiliser la SGD avec momentum (Nesterov) 0,9 : la mémoire des gradients passés la fait avancer là où le gradient s\'efface. Vérifier aussi l\'ordre de grandeur du learning rate.',
        };
    return [{ ...shared, message: { en: stuck.en + saddle.en, fr: stuck.fr + saddle.fr }, topic: 'optim-saddle-points', fix }];
  },
};

/** Where the plateau stands against the baseline, in words true of the two numbers. */
function comparedEn(loss: number, baseline: number, f: Formatter): string {
  const ratio = loss / baseline;
  if (ratio > CLOSE_ABOVE) return `${f.num(ratio)}× the ${f.num(baseline)} of`;
  if (ratio < CLOSE_BELOW) return `${f.pct(1 - ratio)} below the ${f.num(baseline)} of`;
  return `close to the ${f.num(baseline)} of`;
}

function comparedFr(loss: number, baseline: number, f: Formatter): string {
  const ratio = loss / baseline;
  if (ratio > CLOSE_ABOVE) return `${f.num(ratio)} fois les ${f.num(baseline)} obtenus`;
  if (ratio < CLOSE_BELOW) return `${f.pct(1 - ratio)} sous les ${f.num(baseline)} obtenus`;
  return `proche des ${f.num(baseline)} obtenus`;
}
