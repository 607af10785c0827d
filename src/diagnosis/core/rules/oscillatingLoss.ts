/**
 * oscillating-loss: the epoch loss goes up and down without settling: the steps (learning rate,
 * momentum) are so large that they overshoot the minimum back and forth. Epoch losses average out
 * mini-batch noise, so a zigzag there is the optimiser's. Tuned on the zoo: the oscillating model turns
 * at 75 % of its last epochs with a median swing of 28 % of its first loss; near convergence the
 * examples' losses turn as often (spiral 88 %, moons 75 %) but swing 3 % of their first loss at most,
 * hence the second condition.
 */
import { bilingual, evidence } from '../format';
import { learningRateAt, median, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { divideRateFix, plainSgdNote, rateText } from './learningRateAdvice';

const WINDOW = 10;
const MIN_EPOCHS = 6;
/** Share of the window's epochs where the loss changes direction. */
const TURNS = 0.5;
/** Median swing |Δloss| relative to the first epoch's loss… */
const SWING_OF_FIRST = 0.1;
/** …and to the loss level in the window. */
const SWING_OF_LEVEL = 0.25;

export const oscillatingLoss: Rule = {
  id: 'oscillating-loss',
  check(run: RunData): Draft[] {
    const losses = run.history.map((record) => record.loss);
    if (losses.length < MIN_EPOCHS || losses.some((loss) => !Number.isFinite(loss))) return [];
    const window = losses.slice(-WINDOW);
    const deltas = window.slice(1).map((loss, i) => loss - window[i]);
    const turns = deltas.slice(1).filter((delta, i) => Math.sign(delta) !== Math.sign(deltas[i]) && delta !== 0).length;
    // The median: the first epochs' descent, when still in the window, is not a swing.
    const swing = median(deltas.map(Math.abs));
    const level = window.reduce((sum, loss) => sum + loss, 0) / window.length;
    if (turns < TURNS * (deltas.length - 1) || swing < SWING_OF_FIRST * losses[0] || swing < SWING_OF_LEVEL * level) return [];
    const epoch = losses.length - window.length;
    const rate = learningRateAt(run, losses.length - 1);
    const momentum = run.start.optimizer?.momentum;
    const sgd = plainSgdNote(run, rate);
    const rateIs = rateText(rate);
    return [
      {
        rule: 'oscillating-loss',
        severity: 'warning',
        epoch,
        evidence: evidence({ turns, epochs: window.length, medianSwing: swing, meanLoss: level, learningRate: rate, momentum }),
        message: bilingual(
          (f) => `The loss oscillates: over the last ${window.length} epochs it changed direction ${turns} times, typically by ${f.num(swing)}, around ${f.num(level)}. The steps overshoot the minimum back and forth: ${rateIs.en}${momentum ? ` with momentum ${f.num(momentum)}` : ''} is too large.${sgd.en}`,
          (f) => `La loss oscille : sur les ${window.length} dernières époques elle a changé de sens ${turns} fois, typiquement de ${f.num(swing)}, autour de ${f.num(level)}. Les pas dépassent le minimum dans un sens puis dans l'autre : ${rateIs.fr}${momentum ? ` avec un momentum de ${f.num(momentum)}` : ''} est trop grand.${sgd.fr}`,
        ),
        topic: 'lr-step-decay',
        fix: divideRateFix(run),
        site: 'optimizer',
      },
    ];
  },
};
