/**
 * saturated-activations: sigmoid/tanh hidden layers whose inputs sit where the function is flat.
 * DeepDiagnosis flags more than 50 % of pre-activations beyond ±5 (tanh'(5) ≈ 2e-4, σ'(5) ≈ 7e-3). The
 * zoo's large-init tanh net: up to 89 % (cpu) and 94 % (wasm); the well-initialised tanh net: 0 %. Output layers are
 * left out: a confident sigmoid or softmax output is what training aims at.
 */
import type { LayerProbe } from '../../../runs/core/trainingData';
import { bilingual, evidence } from '../format';
import { currentStreak, hiddenLayers, layerInfo, symptomSeverity, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { shareBeyond } from './histogram';
import { BATCH_NORM, hasLayerClass } from './modelShape';
import { layerLabel } from '../../../runs/core/layerLabel';

const DEEPDIAGNOSIS_LIMIT = 5;
const DEEPDIAGNOSIS_SHARE = 0.5;
/**
 * Severity follows the evidence: from 80 % beyond ±5 on, most units of the layer pass almost no
 * gradient, a warning even while the loss still falls (six tanh layers at 90 % learn a little, through
 * the units left). Between 50 % and 80 %, a warning only while training suffers.
 */
const STRONG_SHARE = 0.8;
const SATURATING = new Set(['sigmoid', 'tanh', 'hardSigmoid']);

export const saturatedActivations: Rule = {
  id: 'saturated-activations',
  check(run: RunData): Draft[] {
    const last = run.frames.at(-1);
    if (!last) return [];
    const layers = hiddenLayers(run, last).filter((layer) => SATURATING.has(layerInfo(run.start, layer.layer)?.activation ?? ''));
    return layers.flatMap((layer): Draft[] => {
      const streak = currentStreak(run.frames, (frame) => saturatedShare(frame.layers.find((candidate) => candidate.layer === layer.layer)) > DEEPDIAGNOSIS_SHARE);
      const since = streak[0];
      if (!since) return [];
      const share = saturatedShare(layer);
      const activation = layerInfo(run.start, layer.layer)?.activation ?? 'tanh';
      const ends = activation === 'tanh' ? '-1 and 1' : '0 and 1';
      return [
        {
          rule: 'saturated-activations',
          severity: share >= STRONG_SHARE ? 'warning' : symptomSeverity(run),
          layer: layer.layer,
          epoch: since.epoch,
          step: since.step,
          evidence: evidence({ shareBeyond5: share, preActivationStd: layer.preActivations?.std, saturatedOutputs: layer.activations.saturatedFraction }),
          message: bilingual(
            (f) => `${f.pct(share)} of the inputs of the ${activation} in ${layerLabel(run.start, layer.layer)} are beyond ±${DEEPDIAGNOSIS_LIMIT} (DeepDiagnosis flags more than ${f.pct(DEEPDIAGNOSIS_SHARE)}), where ${activation} is flat: its outputs pile up at ${ends} and its gradient is almost 0, so the layers below stop learning. Large initial weights do this with saturating activations.`,
            (f) => `${f.pct(share)} des entrées de la ${activation} de ${layerLabel(run.start, layer.layer)} sont au-delà de ±${DEEPDIAGNOSIS_LIMIT} (DeepDiagnosis signale au-delà de ${f.pct(DEEPDIAGNOSIS_SHARE)}), là où ${activation} est plate : ses sorties se resserrent sur ${activation === 'tanh' ? '-1 et 1' : '0 et 1'} avec des gradients nuls, et les couches en dessous n'apprennent plus. De grands poids initiaux produisent cela avec des activations qui saturent.`,
          ),
          topic: activation === 'tanh' ? 'init-large-random' : 'activation-sigmoid',
          fix: hasLayerClass(run.start, BATCH_NORM)
            ? {
                en: 'Initialise with Xavier (variance 1/n_in) so the inputs stay in the active region, check that the batch normalisation comes right before this activation, or use ReLU, which does not saturate for x > 0.',
                fr: "Initialiser avec Xavier (variance 1/n_in) pour que les entrées restent dans la région active, vérifier que la batch normalization précède bien cette activation, ou utiliser ReLU, qui ne sature pas pour x > 0.",
              }
            : {
                en: 'Initialise with Xavier (variance 1/n_in) so the inputs stay in the active region, insert batch normalisation before the activation, or use ReLU, which does not saturate for x > 0.',
                fr: "Initialiser avec Xavier (variance 1/n_in) pour que les entrées restent dans la région active, insérer une batch normalization avant l'activation, ou utiliser ReLU, qui ne sature pas pour x > 0.",
              },
          site: 'layer',
        },
      ];
    });
  },
};

/** Share of pre-activations beyond ±5; the probe's own saturation count when there is no pre-activation. */
function saturatedShare(layer: LayerProbe | undefined): number {
  if (!layer) return 0;
  return layer.preActivations ? shareBeyond(layer.preActivations.histogram, DEEPDIAGNOSIS_LIMIT) : layer.activations.saturatedFraction;
}
