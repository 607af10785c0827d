/**
 * diverging-loss: the (finite) loss climbs epoch after epoch, or it jumped far above the loss of
 * always predicting the mean target and stays there: the steps overshoot the minimum, a little more
 * each time or all at once. Tuned on the zoo: the diverging model's loss grows ×3 to ×4 per epoch; a
 * healthy model's loss can rise a few epochs in a row (dropout, mini-batch noise) but gives back a
 * small part of what it gained, hence the "lost half of the progress" condition (the moons example
 * peaks at 5 % of it). With a learning rate ×100 the zoo's ReLU net jumps to 11, 10× its baseline
 * ln 3, in its second epoch and stays there (its softmax saturated on wrong classes): a model that
 * predicts worse than ignoring its inputs, epoch after epoch, is not on a plateau near the baseline.
 */
import type { Bilingual } from '../findings';
import { bilingual, evidence } from '../format';
import { learningRateAt, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { divideRateFix, plainSgdNote, rateText } from './learningRateAdvice';

/** Rises in a row: a trend, not one noisy epoch. */
const RISES = 3;
/** The loss at least doubled from its lowest value… */
const GROWTH = 2;
/** …and gave back at least half of the progress made since the first epoch. */
const PROGRESS_LOST = 0.5;
/** Jumped: this many of the last epochs, each at least ABOVE_BASELINE × the baseline. */
const STAYS = 3;
const ABOVE_BASELINE = 3;

interface Sign {
  readonly epoch: number;
  readonly loss: number;
  readonly values: Readonly<Record<string, number | undefined>>;
  readonly what: Bilingual;
}

export const divergingLoss: Rule = {
  id: 'diverging-loss',
  check(run: RunData): Draft[] {
    const firstNonFinite = run.history.findIndex((record) => !Number.isFinite(record.loss));
    const losses = run.history.slice(0, firstNonFinite < 0 ? undefined : firstNonFinite).map((record) => record.loss);
    const sign = climbing(losses) ?? farAboveBaseline(losses, run.start.baselineLoss);
    if (!sign) return [];
    const rate = learningRateAt(run, losses.length - 1);
    const sgd = plainSgdNote(run, rate);
    const rateIs = rateText(rate);
    return [
      {
        rule: 'diverging-loss',
        severity: 'warning',
        epoch: sign.epoch,
        evidence: evidence({ ...sign.values, learningRate: rate }),
        message: {
          en: `${sign.what.en} Each step overshoots the minimum: ${rateIs.en} is too large.${sgd.en}`,
          fr: `${sign.what.fr} Chaque pas dépasse le minimum : ${rateIs.fr} est trop grand.${sgd.fr}`,
        },
        topic: 'lr-step-decay',
        fix: divideRateFix(run),
        site: 'optimizer',
      },
    ];
  },
};

function climbing(losses: readonly number[]): Sign | undefined {
  const last = losses.length - 1;
  if (last < RISES || !losses.slice(-RISES - 1).every((loss, i, window) => i === 0 || loss > window[i - 1])) return undefined;
  const lowest = Math.min(...losses);
  const current = losses[last];
  if (current < GROWTH * lowest || current - lowest < PROGRESS_LOST * (losses[0] - lowest)) return undefined;
  let epoch = last;
  while (epoch > 0 && losses[epoch] > losses[epoch - 1]) epoch--;
  const growth = current / lowest;
  return {
    epoch,
    loss: current,
    values: { loss: current, lowestLoss: lowest, growth },
    what: bilingual(
      (f) => `The loss is growing: ${f.num(current)} in epoch ${last + 1}, ${f.num(growth)}× its lowest value (${f.num(lowest)}), after rising ${last - epoch} epochs in a row.`,
      (f) => `La loss augmente : ${f.num(current)} à l'époque ${last + 1}, ${f.num(growth)} fois sa valeur la plus basse (${f.num(lowest)}), après ${last - epoch} époques de hausse.`,
    ),
  };
}

function farAboveBaseline(losses: readonly number[], baseline: number | undefined): Sign | undefined {
  if (baseline === undefined || !(baseline > 0) || losses.length < STAYS) return undefined;
  const recent = losses.slice(-STAYS);
  if (!recent.every((loss) => loss >= ABOVE_BASELINE * baseline)) return undefined;
  let epoch = losses.length - STAYS;
  while (epoch > 0 && losses[epoch - 1] >= ABOVE_BASELINE * baseline) epoch--;
  const loss = losses.at(-1) as number;
  const ratio = loss / baseline;
  return {
    epoch,
    loss,
    values: { loss, baselineLoss: baseline, ratioToBaseline: ratio, epochsAbove: losses.length - epoch },
    what: bilingual(
      (f) => `The loss has stayed far above chance since epoch ${epoch + 1}: ${f.num(loss)} in epoch ${losses.length}, ${f.num(ratio)}× the ${f.num(baseline)} of always predicting the average, so the model predicts worse than if it ignored its inputs.`,
      (f) => `La loss reste très au-dessus du hasard depuis l'époque ${epoch + 1} : ${f.num(loss)} à l'époque ${losses.length}, ${f.num(ratio)} fois les ${f.num(baseline)} obtenus en prédisant toujours la moyenne : le modèle prédit moins bien que s'il ignorait ses entrées.`,
    ),
  };
}
