/**
 * dead-relu: ReLU units whose input stays ≤ 0 output 0 and get no gradient, so they never learn again
 * ("the ReLU dies"). DeepDiagnosis (Wardat et al., ICSE 2022) calls a layer dead when ≥ 70 % of its
 * ReLU outputs are ≤ 0; AUTOTRAINER when ≥ 70 % of its gradients are 0. Both must hold here: the
 * zoo's negative-bias net has 100 % and 100 %; healthy ReLU layers 50–60 % zero outputs (half of a
 * zero-centred pre-activation) and 0–40 % zero gradients; the raw-pixel net's first layer has 64 % zero
 * outputs but 100 % zero gradients (its softmax saturated, not its ReLUs), which one sign alone would
 * misread. The sine example's second layer reaches 91 % and 95 %: information, since that model learns well.
 */
import { bilingual, evidence } from '../format';
import { currentStreak, hiddenLayers, kernelOf, layerInfo, symptomSeverity, type RunData } from '../runData';
import type { LayerProbe } from '../../../runs/core/trainingData';
import type { Draft, Rule } from '../rule';
import { layerLabel } from '../../../runs/core/layerLabel';

const DEEPDIAGNOSIS_DEAD_OUTPUTS = 0.7;
const AUTOTRAINER_ZERO_GRADIENTS = 0.7;

export const deadRelu: Rule = {
  id: 'dead-relu',
  check(run: RunData): Draft[] {
    const last = run.frames.at(-1);
    if (!last) return [];
    const relus = hiddenLayers(run, last).filter((layer) => layerInfo(run.start, layer.layer)?.activation === 'relu');
    return relus.flatMap((layer): Draft[] => {
      const streak = currentStreak(run.frames, (frame) => isDead(frame.layers.find((candidate) => candidate.layer === layer.layer)));
      const since = streak[0];
      if (!since) return [];
      const zeros = layer.activations.zeroFraction;
      const zeroGradients = kernelOf(layer)?.gradient?.stats.zeroFraction;
      return [
        {
          rule: 'dead-relu',
          severity: symptomSeverity(run),
          layer: layer.layer,
          epoch: since.epoch,
          step: since.step,
          evidence: evidence({ zeroFraction: zeros, gradientZeroFraction: zeroGradients }),
          message: bilingual(
            (f) => `${f.pct(zeros)} of the ReLU outputs of ${layerLabel(run.start, layer.layer)} are 0${zeroGradients !== undefined ? ` and ${f.pct(zeroGradients)} of its weight gradients are 0` : ''} (DeepDiagnosis and AUTOTRAINER flag 70%): its units are dead. For every input w·x + b ≤ 0, so they neither activate nor contribute to learning, and nothing brings them back.`,
            (f) => `${f.pct(zeros)} des sorties ReLU de ${layerLabel(run.start, layer.layer)} valent 0${zeroGradients !== undefined ? ` et ${f.pct(zeroGradients)} des gradients de ses poids sont nuls` : ''} (DeepDiagnosis et AUTOTRAINER signalent à 70 %) : ses unités sont mortes (« ReLU dies »). Pour toute entrée w·x + b ≤ 0 : elles ne s'activent pas, ne contribuent pas à l'apprentissage, et rien ne les ramène.`,
          ),
          topic: 'activation-relu',
          fix: {
            en: 'Start the biases at 0 (or slightly positive), keep He initialisation, lower the learning rate if units die during training, or use leaky ReLU, which does not saturate for x < 0.',
            fr: "Initialiser les biais à 0 (ou légèrement positifs), garder l'initialisation de He, baisser le learning rate si les unités meurent en cours d'apprentissage, ou utiliser une leaky ReLU, qui ne sature pas pour x < 0.",
          },
          site: 'layer',
        },
      ];
    });
  },
};

function isDead(layer: LayerProbe | undefined): boolean {
  if (!layer || layer.activations.zeroFraction < DEEPDIAGNOSIS_DEAD_OUTPUTS) return false;
  const gradient = kernelOf(layer)?.gradient;
  // An activation layer (ReLU after batch norm) has no kernel: its outputs alone decide.
  return gradient === undefined || gradient.stats.zeroFraction >= AUTOTRAINER_ZERO_GRADIENTS;
}
