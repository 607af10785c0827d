/**
 * exploding-gradients: gradients that grow as they flow back through the layers — the backward-pass
 * counterpart of activation distributions that drift from layer to layer (the notes, batch norm).
 * Any of three signs, at any probe of the run:
 * - AUTOTRAINER's: the first layer's gradient norm over the last layer's above 70;
 * - the gradient norm overflowed (Infinity or NaN), which AUTOTRAINER counts too;
 * - a layer's gradient grew ×100 since the run's first probe and now exceeds its weights' norm. Healthy
 *   gradients shrink as training converges (no healthy model's ever exceeds its first probe); the
 *   saturated tanh net's grow ×18, the diverging model's ×7.6e5. The deep linear net with a large init
 *   overflows at its first probe.
 * Healthy models' ratio stays under 7 (the sine example, 6.3). Linear nets scale the forward signal and
 * the backward one alike, so the ratio stays near 1 there even when they explode (measured 0.7 to 2.8):
 * the overflow and growth signs catch them.
 */
import type { ProbeFrame } from '../../../runs/core/trainingData';
import { bilingual, evidence } from '../format';
import { symptomSeverity, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { kernelGradients, type LayerGradient } from './gradientNorms';
import { layerLabel } from '../../../runs/core/layerLabel';

const AUTOTRAINER_RATIO = 70;
const GROWTH = 100;

interface Sign {
  readonly frame: ProbeFrame;
  readonly layer: string;
  readonly values: Record<string, number | undefined>;
  readonly reason: { en: string; fr: string };
}

export const explodingGradients: Rule = {
  id: 'exploding-gradients',
  check(run: RunData): Draft[] {
    const first = run.frames[0] ? kernelGradients(run.frames[0]) : [];
    let sign: Sign | undefined;
    let previous: readonly LayerGradient[] = [];
    for (const frame of run.frames) {
      const layers = kernelGradients(frame);
      sign = signIn(frame, layers, first, previous);
      if (sign) break;
      previous = layers;
    }
    if (!sign) return [];
    const { frame, layer, values, reason } = sign;
    return [
      {
        rule: 'exploding-gradients',
        severity: symptomSeverity(run),
        layer,
        epoch: frame.epoch,
        step: frame.step,
        evidence: evidence(values),
        message: {
          en: `Exploding gradients in ${layerLabel(run.start, layer)} (step ${frame.step}): ${reason.en}. The gradients grow as they flow back through the layers, the backward-pass twin of activation distributions that drift from layer to layer; the updates then throw the weights away.`,
          fr: `Explosion des gradients dans ${layerLabel(run.start, layer)} (pas ${frame.step}) : ${reason.fr}. Les gradients grossissent en remontant les couches, le pendant côté back-propagation de distributions d'activation qui dérivent d'une couche à l'autre ; les mises à jour emportent alors les poids.`,
        },
        topic: 'batch-norm',
        fix: {
          en: 'Initialise with He normal (ReLU) or Xavier (tanh, linear) so each layer keeps the spread of its input, add batch normalisation before the activations, and lower the learning rate.',
          fr: "Initialiser avec He normal (ReLU) ou Xavier (tanh, linéaire) pour que chaque couche garde l'étalement de son entrée, ajouter une batch normalization avant les activations, et baisser le learning rate.",
        },
        site: 'layer',
      },
    ];
  },
};

function signIn(frame: ProbeFrame, layers: readonly LayerGradient[], first: readonly LayerGradient[], previous: readonly LayerGradient[]): Sign | undefined {
  const overflowed = layers.find((gradient) => !Number.isFinite(gradient.norm));
  if (overflowed) {
    const before = previous.find((gradient) => gradient.layer === overflowed.layer);
    return {
      frame,
      layer: overflowed.layer,
      values: { previousGradientNorm: before?.norm, weightNorm: overflowed.weights },
      reason: bilingual(
        (f) => `its gradient norm overflowed to ${overflowed.norm}${before ? ` (it was ${f.num(before.norm)} at the previous probe)` : ''}`,
        (f) => `la norme de son gradient a débordé (${overflowed.norm})${before ? ` (elle valait ${f.num(before.norm)} à la mesure précédente)` : ''}`,
      ),
    };
  }
  const [input, output] = [layers[0], layers.at(-1)];
  if (input && output && layers.length >= 2 && output.norm > 0 && input.norm / output.norm > AUTOTRAINER_RATIO) {
    const ratio = input.norm / output.norm;
    return {
      frame,
      layer: input.layer,
      values: { ratio, firstNorm: input.norm, lastNorm: output.norm },
      reason: bilingual(
        (f) => `its gradient norm is ${f.num(ratio)}× that of the output layer (${f.num(input.norm)} vs ${f.num(output.norm)}; AUTOTRAINER flags more than ${AUTOTRAINER_RATIO}×)`,
        (f) => `la norme de son gradient vaut ${f.num(ratio)} fois celle de la couche de sortie (${f.num(input.norm)} contre ${f.num(output.norm)} ; AUTOTRAINER signale au-delà de ${AUTOTRAINER_RATIO})`,
      ),
    };
  }
  const grown = layers
    .map((gradient) => ({ gradient, growth: gradient.norm / (first.find((start) => start.layer === gradient.layer)?.norm ?? Number.NaN) }))
    .filter(({ gradient, growth }) => growth >= GROWTH && gradient.norm > gradient.weights)
    .sort((a, b) => b.growth - a.growth)[0];
  if (grown) {
    const { gradient, growth } = grown;
    return {
      frame,
      layer: gradient.layer,
      values: { growth, gradientNorm: gradient.norm, weightNorm: gradient.weights },
      reason: bilingual(
        (f) => `its gradient norm grew ${f.num(growth)}× since the start of the run, to ${f.num(gradient.norm)}, more than the norm of its weights (${f.num(gradient.weights)})`,
        (f) => `la norme de son gradient a été multipliée par ${f.num(growth)} depuis le début, jusqu'à ${f.num(gradient.norm)}, plus que la norme de ses poids (${f.num(gradient.weights)})`,
      ),
    };
  }
  return undefined;
}
