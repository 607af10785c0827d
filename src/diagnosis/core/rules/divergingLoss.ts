/**
 * diverging-loss: the (finite) loss climbs epoch after epoch: each step overshoots the minimum a
 * little more. Tuned on the zoo: the diverging model's loss grows ×3 to ×4 per epoch; a healthy model's
 * loss can rise a few epochs in a row (dropout, mini-batch noise) but gives back a small part of what it
 * gained, hence the "lost half of the progress" condition (the moons example peaks at 5 % of it).
 */
import { bilingual, evidence } from '../format';
import { learningRateAt, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { DIVIDE_RATE_FIX, plainSgdNote, rateText } from './learningRateAdvice';

/** Rises in a row: a trend, not one noisy epoch. */
const RISES = 3;
/** The loss at least doubled from its lowest value… */
const GROWTH = 2;
/** …and gave back at least half of the progress made since the first epoch. */
const PROGRESS_LOST = 0.5;

export const divergingLoss: Rule = {
  id: 'diverging-loss',
  check(run: RunData): Draft[] {
    const firstNonFinite = run.history.findIndex((record) => !Number.isFinite(record.loss));
    const losses = run.history.slice(0, firstNonFinite < 0 ? undefined : firstNonFinite).map((record) => record.loss);
    const last = losses.length - 1;
    if (last < RISES || !losses.slice(-RISES - 1).every((loss, i, window) => i === 0 || loss > window[i - 1])) return [];
    const lowest = Math.min(...losses);
    const current = losses[last];
    if (current < GROWTH * lowest || current - lowest < PROGRESS_LOST * (losses[0] - lowest)) return [];
    let epoch = last;
    while (epoch > 0 && losses[epoch] > losses[epoch - 1]) epoch--;
    const rate = learningRateAt(run, last);
    const sgd = plainSgdNote(run, rate);
    const rateIs = rateText(rate);
    const growth = current / lowest;
    return [
      {
        rule: 'diverging-loss',
        severity: 'warning',
        epoch,
        evidence: evidence({ loss: current, lowestLoss: lowest, growth, learningRate: rate }),
        message: bilingual(
          (f) => `The loss is growing: ${f.num(current)} in epoch ${last + 1}, ${f.num(growth)}× its lowest value (${f.num(lowest)}), after rising ${last - epoch} epochs in a row. Each step overshoots the minimum a little more: ${rateIs.en} is too large.${sgd.en}`,
          (f) => `La loss augmente : ${f.num(current)} à l'époque ${last + 1}, ${f.num(growth)} fois sa valeur la plus basse (${f.num(lowest)}), après ${last - epoch} époques de hausse. Chaque pas dépasse le minimum un peu plus : ${rateIs.fr} est trop grand.${sgd.fr}`,
        ),
        topic: 'lr-step-decay',
        fix: DIVIDE_RATE_FIX,
        site: 'optimizer',
      },
    ];
  },
};
