/**
 * symmetric-neurons: the units of a layer have the same weights, so they compute the same output, get
 * the same gradient, are updated the same way and stay identical — a homogeneous initialisation such as
 * zeros (the notes). Read from the probe's `unitSpread`: how much the units' weight vectors differ, here
 * relative to the weights' RMS. Random initialisations give about 1 (the zoo's models: 0.76 to 0.98);
 * the zero-initialised net gives exactly 0, and identical units stay exactly identical in float32.
 */
import type { LayerProbe } from '../../../runs/core/trainingData';
import { bilingual, evidence } from '../format';
import { currentStreak, kernelOf, symptomSeverity, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { layerLabel } from '../../../runs/core/layerLabel';

const IDENTICAL = 1e-3;

export const symmetricNeurons: Rule = {
  id: 'symmetric-neurons',
  check(run: RunData): Draft[] {
    const last = run.frames.at(-1);
    if (!last) return [];
    return last.layers.filter((layer) => spreadOf(layer) !== undefined).flatMap((layer): Draft[] => {
      const streak = currentStreak(run.frames, (frame) => (spreadOf(frame.layers.find((candidate) => candidate.layer === layer.layer)) ?? 1) < IDENTICAL);
      const since = streak[0];
      if (!since) return [];
      const kernel = kernelOf(layer);
      const units = kernel?.shape.at(-1) ?? 0;
      const spread = spreadOf(layer) ?? 0;
      const zero = kernel?.norm === 0;
      return [
        {
          rule: 'symmetric-neurons',
          severity: symptomSeverity(run),
          layer: layer.layer,
          epoch: since.epoch,
          step: since.step,
          evidence: evidence({ units, relativeUnitSpread: spread, weightNorm: kernel?.norm }),
          message: bilingual(
            (f) => `The ${units} units of ${layerLabel(run.start, layer.layer)} have identical weights (${zero ? 'all 0' : `they differ by ${f.num(spread)} of their typical size`}): each computes the same output, gets the same gradient and is updated the same way, so they stay identical and the layer works like a single unit. A homogeneous initialisation (${zero ? 'zeros' : 'a constant'}) does this.`,
            (f) => `Les ${units} unités de ${layerLabel(run.start, layer.layer)} ont des poids identiques (${zero ? 'tous nuls' : `ils diffèrent de ${f.num(spread)} de leur taille typique`}) : elles produisent le même output, reçoivent le même gradient et sont mises à jour de la même manière ; elles restent identiques et la couche ne vaut qu'une unité. C'est l'effet d'une initialisation homogène (${zero ? 'des zéros' : 'une constante'}).`,
          ),
          topic: 'init-homogeneous',
          fix: {
            en: 'Initialise the weights randomly to break the symmetry: He normal for ReLU layers, Xavier for tanh and sigmoid.',
            fr: 'Initialiser les poids aléatoirement pour briser la symétrie : He normal pour les couches ReLU, Xavier pour tanh et sigmoïde.',
          },
          site: 'layer',
        },
      ];
    });
  },
};

/** Spread of the units' weights relative to the weights' RMS; 0 for an all-zero kernel. */
function spreadOf(layer: LayerProbe | undefined): number | undefined {
  const kernel = layer && kernelOf(layer);
  if (!kernel || kernel.unitSpread === undefined || !Number.isFinite(kernel.norm)) return undefined;
  const size = kernel.shape.reduce((product, dim) => product * dim, 1);
  const rms = kernel.norm / Math.sqrt(size);
  return rms > 0 ? kernel.unitSpread / rms : 0;
}
