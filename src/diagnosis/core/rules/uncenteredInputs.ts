/**
 * uncentered-inputs: the input features are far from centred. The notes centre the inputs (always),
 * so that they are not all of one sign, which pushes every update of the first layer the same way;
 * they do not require rescaling. UMLAUT (Schoop et al., CHI 2021) flags inputs outside [-1, 1]. Here a
 * finding when the features' means are farther from 0 than their spread (raw 0–255 pixels: 1.74; the
 * scaffold's centred data: 1e-7; the zoo's random features: 0.25), a warning when the range also exceeds
 * [-1, 1] and training suffers. Inputs that an embedding looks up are token ids, not features: nothing to centre.
 */
import { bilingual, evidence } from '../format';
import { learningWell, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';

/** Mean |feature mean| over mean feature standard deviation. */
const OFF_CENTRE = 1;
const UMLAUT_RANGE = 1;

export const uncenteredInputs: Rule = {
  id: 'uncentered-inputs',
  check(run: RunData): Draft[] {
    const inputs = run.start.inputs;
    if (!inputs || !(inputs.meanAbsFeatureMean > 0) || readsTokenIds(run)) return [];
    const offCentre = inputs.meanAbsFeatureMean / Math.max(inputs.meanFeatureStd, 1e-12);
    if (offCentre <= OFF_CENTRE) return [];
    const { min, max } = inputs.values;
    const outOfRange = min < -UMLAUT_RANGE || max > UMLAUT_RANGE;
    const range = outOfRange
      ? { en: ` UMLAUT also flags inputs outside [-1, 1].`, fr: ` UMLAUT signale aussi les entrées hors de [-1, 1].` }
      : { en: '', fr: '' };
    const text = bilingual(
      (f) => `The inputs are not centred: on average a feature's mean is ${f.num(inputs.meanAbsFeatureMean)} for a spread (standard deviation) of ${f.num(inputs.meanFeatureStd)}; values go from ${f.num(min)} to ${f.num(max)}. Inputs that are all of one sign push every update of the first layer's weights the same way.`,
      (f) => `Les entrées ne sont pas centrées : la moyenne d'une feature vaut en moyenne ${f.num(inputs.meanAbsFeatureMean)} pour un écart-type de ${f.num(inputs.meanFeatureStd)} ; les valeurs vont de ${f.num(min)} à ${f.num(max)}. Des entrées toujours du même signe poussent toutes les mises à jour des poids de la première couche dans le même sens.`,
    );
    return [
      {
        rule: 'uncentered-inputs',
        severity: outOfRange && !learningWell(run) ? 'warning' : 'information',
        epoch: 0,
        evidence: evidence({ meanAbsFeatureMean: inputs.meanAbsFeatureMean, meanFeatureStd: inputs.meanFeatureStd, min, max }),
        message: { en: text.en + range.en, fr: text.fr + range.fr },
        topic: 'preprocessing-centering',
        fix: {
          en: 'In loadData, subtract the mean of each input feature (x.sub(x.mean(0))), computed on the training set and applied to the validation set and to new inputs too. Centring is what the notes ask for; dividing by 255 (images) or by the standard deviation also helps.',
          fr: "Dans loadData, soustraire la moyenne de chaque feature d'entrée (x.sub(x.mean(0))), calculée sur le training set et appliquée aussi à la validation et aux nouvelles entrées. Les notes demandent de centrer ; diviser par 255 (images) ou par l'écart-type aide aussi.",
        },
        site: 'data',
      },
    ];
  },
};

/** The first layer is an embedding: the inputs are indices into its table. */
function readsTokenIds(run: RunData): boolean {
  return run.start.layers[0]?.className === 'Embedding';
}
