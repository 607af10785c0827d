/**
 * output-range-mismatch: a regression whose output activation cannot produce the targets' range —
 * sigmoid, softmax (0 to 1), tanh (-1 to 1) or ReLU (0 and up) against targets beyond it. The notes:
 * the sigmoid maps all its inputs into [0, 1], tanh into [-1, 1], ReLU is max(0, x). The model's
 * predictions stay inside, so the loss cannot fall below what the targets outside cost: the
 * classic Stack Overflow "regression stuck at a huge loss" (a sigmoid output on prices, ages, scores).
 */
import { bilingual, evidence, type Formatter } from '../format';
import { learningWell, outputLayer, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import type { TopicId } from '../../../notes/core/topicIds';
import { activationRange, lossKind, outputActivation } from './modelShape';

/** Targets farther outside than 5 % of their own spread: a tolerance for rounding and label noise. */
const TOLERANCE = 0.05;
/** Beyond a quarter of the spread the model cannot fit a large share of them: a warning even if the loss falls. */
const FAR = 0.25;

const TOPICS: Readonly<Record<string, TopicId>> = { tanh: 'activation-tanh', softsign: 'activation-tanh', relu: 'activation-relu', relu6: 'activation-relu' };

export const outputRangeMismatch: Rule = {
  id: 'output-range-mismatch',
  check(run: RunData): Draft[] {
    const { start } = run;
    const targets = start.targets;
    const activation = outputActivation(start);
    const range = activationRange(activation);
    const layer = outputLayer(start);
    if (!targets || !range || !layer || lossKind(start) !== 'regression') return [];
    const [low, high] = range;
    const spread = Math.max(targets.max - targets.min, Math.abs(targets.max), Math.abs(targets.min), 1e-12);
    const beyond = Math.max(low - targets.min, targets.max - high, 0);
    if (beyond <= TOLERANCE * spread) return [];
    const loss = run.history.at(-1)?.loss;
    const baseline = start.baselineLoss;
    const interval = (f: Formatter): string => `[${f.num(low)}, ${Number.isFinite(high) ? `${f.num(high)}]` : '∞)'}`;
    const lossNow =
      loss !== undefined && Number.isFinite(loss)
        ? bilingual(
            (f) => ` The loss is ${f.num(loss)}${baseline !== undefined ? ` (always predicting the average: ${f.num(baseline)})` : ''}.`,
            (f) => ` La loss vaut ${f.num(loss)}${baseline !== undefined ? ` (prédire toujours la moyenne : ${f.num(baseline)})` : ''}.`,
          )
        : { en: '', fr: '' };
    // PyTorch runs describe the targets of the first batch only.
    const firstBatch = start.framework === 'pytorch';
    const text = bilingual(
      (f) => `The output layer ${layer} ends in ${activation}, which only produces values in ${interval(f)}, but the targets${firstBatch ? ' of the first batch' : ''} go from ${f.num(targets.min)} to ${f.num(targets.max)}: the predictions cannot reach the targets outside that range, whatever the weights.`,
      (f) => `La couche de sortie ${layer} se termine par ${activation}, qui ne produit que des valeurs dans ${interval(f)}, mais les cibles${firstBatch ? ' du premier batch' : ''} vont de ${f.num(targets.min)} à ${f.num(targets.max)} : les prédictions ne peuvent pas atteindre les cibles hors de cet intervalle, quels que soient les poids.`,
    );
    return [
      {
        rule: 'output-range-mismatch',
        severity: beyond >= FAR * spread || !learningWell(run) ? 'warning' : 'information',
        layer,
        epoch: 0,
        evidence: evidence({ targetMin: targets.min, targetMax: targets.max, outputMin: low, outputMax: Number.isFinite(high) ? high : undefined, beyond, loss, baselineLoss: baseline }),
        message: { en: text.en + lossNow.en, fr: text.fr + lossNow.fr },
        topic: TOPICS[activation ?? ''] ?? 'activation-sigmoid',
        fix: {
          en: `For a regression, give the output layer no activation (activation: 'linear', the default of tf.layers.dense), so it can output any value; or rescale the targets into the ${activation} range in loadData and scale the predictions back.`,
          fr: `Pour une régression, ne pas mettre d'activation sur la couche de sortie (activation: 'linear', le défaut de tf.layers.dense) pour qu'elle puisse produire toute valeur ; ou ramener les cibles dans l'intervalle de ${activation} dans loadData et remettre les prédictions à l'échelle.`,
        },
        site: 'layer',
      },
    ];
  },
};
