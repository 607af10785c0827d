/**
 * vanishing-gradients (AUTOTRAINER): the first layer's gradient norm is below 1e-3 of the last layer's
 * and below 1e-4 in absolute terms: the first layers barely learn. The zoo's eight-sigmoid net: ratio
 * 1.2e-5, first norm 1.5e-6; healthy models: ratio 0.2 to 3.4, first norms 6e-3 and up. (The tiny-init
 * tanh net's ratio, 3e-3, stays above the bar: its problem is the collapse.) Sigmoid and tanh are the usual cause:
 * their derivative is at most 1/4 (sigmoid) and ~0 once they saturate, one factor per layer on the way back.
 */
import { bilingual, evidence } from '../format';
import { currentStreak, hiddenLayers, layerInfo, symptomSeverity, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { kernelGradients } from './gradientNorms';
import { layerLabel } from '../../../runs/core/layerLabel';

const AUTOTRAINER_RATIO = 1e-3;
const AUTOTRAINER_FIRST_NORM = 1e-4;

export const vanishingGradients: Rule = {
  id: 'vanishing-gradients',
  check(run: RunData): Draft[] {
    const vanished = (frame: Parameters<typeof kernelGradients>[0]): boolean => {
      const layers = kernelGradients(frame);
      const [input, output] = [layers[0], layers.at(-1)];
      return layers.length >= 2 && !!input && !!output && output.norm > 0 && input.norm / output.norm < AUTOTRAINER_RATIO && input.norm < AUTOTRAINER_FIRST_NORM;
    };
    const streak = currentStreak(run.frames, vanished);
    const [since, now] = [streak[0], streak.at(-1)];
    if (!since || !now) return [];
    const layers = kernelGradients(now);
    const [input, output] = [layers[0], layers.at(-1)] as [(typeof layers)[0], (typeof layers)[0]];
    const ratio = input.norm / output.norm;
    const activations = new Set(hiddenLayers(run, now).map((layer) => layerInfo(run.start, layer.layer)?.activation));
    const saturating = activations.has('sigmoid') ? 'sigmoid' : activations.has('tanh') ? 'tanh' : undefined;
    const cause = saturating
      ? {
          en: ` The hidden layers use ${saturating}, whose derivative is small (at most 1/4 for sigmoid) and vanishes where it saturates; back-propagation multiplies one such factor per layer.`,
          fr: ` Les couches cachées utilisent ${saturating}, dont la dérivée est faible (au plus 1/4 pour la sigmoïde) et quasi nulle là où elle sature ; la back-propagation multiplie un tel facteur par couche.`,
        }
      : { en: '', fr: '' };
    const text = bilingual(
      (f) => `Vanishing gradients: the gradient of ${layerLabel(run.start, input.layer)} is ${f.num(ratio)}× that of the output layer (${f.num(input.norm)} vs ${f.num(output.norm)}; AUTOTRAINER flags below ${f.num(AUTOTRAINER_RATIO)} with a first-layer norm below ${f.num(AUTOTRAINER_FIRST_NORM)}). The first layers barely learn.`,
      (f) => `Disparition du gradient (vanishing gradient) : le gradient de ${layerLabel(run.start, input.layer)} vaut ${f.num(ratio)} fois celui de la couche de sortie (${f.num(input.norm)} contre ${f.num(output.norm)} ; AUTOTRAINER signale en dessous de ${f.num(AUTOTRAINER_RATIO)} avec une norme inférieure à ${f.num(AUTOTRAINER_FIRST_NORM)} en première couche). Les premières couches n'apprennent presque plus.`,
    );
    return [
      {
        rule: 'vanishing-gradients',
        severity: symptomSeverity(run),
        layer: input.layer,
        epoch: since.epoch,
        step: since.step,
        evidence: evidence({ ratio, firstNorm: input.norm, lastNorm: output.norm }),
        message: { en: text.en + cause.en, fr: text.fr + cause.fr },
        topic: saturating === 'tanh' ? 'activation-tanh' : saturating ? 'activation-sigmoid' : 'batch-norm',
        fix: saturating
          ? {
              en: 'Use ReLU in the hidden layers (the notes: start with ReLU, do not use sigmoid) with He initialisation; batch normalisation before the activations also keeps the gradients flowing.',
              fr: 'Utiliser ReLU dans les couches cachées (les notes : commencer avec des ReLU, ne pas utiliser la sigmoïde) avec une initialisation de He ; une batch normalization avant les activations aide aussi le gradient à passer.',
            }
          : {
              en: 'Initialise each layer for its activation (He for ReLU, Xavier otherwise) so the gradient keeps its scale from layer to layer; batch normalisation before the activations also keeps it flowing.',
              fr: "Initialiser chaque couche selon son activation (He pour ReLU, Xavier sinon) pour que le gradient garde son échelle d'une couche à l'autre ; une batch normalization avant les activations l'aide aussi à passer.",
            },
        site: 'layer',
      },
    ];
  },
};
