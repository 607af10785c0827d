/**
 * nan-loss: the loss became NaN or infinite. The weights overflowed; by far the most common cause is a
 * learning rate too large for the model (the steps overshoot until the numbers overflow).
 */
import { bilingual, evidence } from '../format';
import { learningRateAt, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { divideRateFix, plainSgdNote, rateText } from './learningRateAdvice';

export const nanLoss: Rule = {
  id: 'nan-loss',
  check(run: RunData): Draft[] {
    const record = run.history.find((candidate) => !Number.isFinite(candidate.loss));
    const epoch = run.nonFiniteStep?.epoch ?? record?.epoch;
    if (epoch === undefined) return [];
    const rate = learningRateAt(run, epoch);
    const lastFinite = run.history.slice(0, epoch).filter((candidate) => Number.isFinite(candidate.loss)).at(-1)?.loss;
    const sgd = plainSgdNote(run, rate);
    const where = run.nonFiniteStep;
    const rateIs = rateText(rate);
    return [
      {
        rule: 'nan-loss',
        severity: 'error',
        epoch,
        step: where?.step,
        evidence: evidence({ learningRate: rate, lastFiniteLoss: lastFinite }),
        message: bilingual(
          () =>
            `The loss became NaN/Infinity in epoch ${epoch + 1}${where ? ` (step ${where.step})` : ''}: the weights overflowed. Most often ${rateIs.en} is too large, so each step overshoots further until the numbers overflow.${sgd.en}`,
          () =>
            `La loss est devenue NaN/infinie à l'époque ${epoch + 1}${where ? ` (pas ${where.step})` : ''} : les poids ont débordé. Le plus souvent ${rateIs.fr} est trop grand : chaque pas va plus loin que le précédent jusqu'au débordement.${sgd.fr}`,
        ),
        topic: 'lr-step-decay',
        fix: divideRateFix(run),
        site: 'optimizer',
      },
    ];
  },
};
