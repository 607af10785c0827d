/**
 * collapsing-activations: the spread of the activations shrinks layer after layer until they are all
 * about 0 — too small initial weights: w·x is close to 0 from the first layers on, and the gradients
 * are as small (the notes, small random initialisation). Reported at the first hidden layer that more
 * than halves the spread it receives, when some hidden layer ends up under 1 % of the inputs' spread.
 * The zoo's tiny-init tanh net: 9e-5 of the inputs' spread by its third layer; healthy nets stay above
 * 0.1 (the sine example, whose second layer is mostly dead ReLUs; ReLU with Xavier loses ~30 % per layer:
 * it would take 13 layers to fall under 1 %).
 */
import type { LayerProbe, ProbeFrame } from '../../../runs/core/trainingData';
import { bilingual, evidence } from '../format';
import { currentStreak, hiddenLayers, symptomSeverity, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { layerLabel } from '../../../runs/core/layerLabel';

const COLLAPSED = 0.01;
const SHRINKS = 0.5;

interface Collapse {
  /** First layer of the shrinking chain. */
  readonly start: LayerProbe;
  readonly startInputStd: number;
  /** The hidden layer with the smallest spread. */
  readonly smallest: LayerProbe;
  readonly reference: number;
}

export const collapsingActivations: Rule = {
  id: 'collapsing-activations',
  check(run: RunData): Draft[] {
    const streak = currentStreak(run.frames, (frame) => collapseIn(run, frame) !== undefined);
    const [since, now] = [streak[0], streak.at(-1)];
    const collapse = now && collapseIn(run, now);
    if (!since || !collapse) return [];
    const { start, startInputStd, smallest, reference } = collapse;
    const ratio = smallest.activations.std / reference;
    return [
      {
        rule: 'collapsing-activations',
        severity: symptomSeverity(run),
        layer: start.layer,
        epoch: since.epoch,
        step: since.step,
        evidence: evidence({ layerStd: start.activations.std, inputStd: startInputStd, smallestStd: smallest.activations.std, ratioToInputs: ratio }),
        message: bilingual(
          (f) => `The activations collapse to 0: ${layerLabel(run.start, start.layer)} shrinks the spread of its input from ${f.num(startInputStd)} to ${f.num(start.activations.std)}, and by ${layerLabel(run.start, smallest.layer)} it is ${f.num(smallest.activations.std)}, ${f.num(ratio)}× that of the inputs. With too small initial weights w·x is close to 0 from the first layers on, and the gradients are just as small.`,
          (f) => `Les activations s'effondrent vers 0 : ${layerLabel(run.start, start.layer)} réduit l'étalement de son entrée de ${f.num(startInputStd)} à ${f.num(start.activations.std)}, et à ${layerLabel(run.start, smallest.layer)} il n'est plus que de ${f.num(smallest.activations.std)}, ${f.num(ratio)} fois celui des entrées. Avec des poids initiaux trop petits, w·x est proche de zéro dès les premières couches, et les gradients sont tout aussi faibles.`,
        ),
        topic: 'init-small-random',
        fix: {
          en: 'Initialise every layer with Xavier (tanh, sigmoid: variance 1/n_in) or He (ReLU: variance 2/n_in), which keeps the spread of the activations stable from layer to layer; batch normalisation also restores it.',
          fr: "Initialiser chaque couche avec Xavier (tanh, sigmoïde : variance 1/n_in) ou He (ReLU : variance 2/n_in), qui garde l'étalement des activations stable d'une couche à l'autre ; la batch normalization le rétablit aussi.",
        },
        site: 'layer',
      },
    ];
  },
};

function collapseIn(run: RunData, frame: ProbeFrame): Collapse | undefined {
  const hidden = hiddenLayers(run, frame);
  const inputStd = run.start.inputs?.values.std;
  const reference = inputStd !== undefined && inputStd > 0 ? inputStd : hidden[0]?.activations.std;
  if (hidden.length === 0 || !reference || !(reference > 0) || !hidden.every((layer) => Number.isFinite(layer.activations.std))) return undefined;
  const smallest = hidden.reduce((min, layer) => (layer.activations.std < min.activations.std ? layer : min));
  if (smallest.activations.std >= COLLAPSED * reference) return undefined;
  const stds = [reference, ...hidden.map((layer) => layer.activations.std)];
  const startIndex = hidden.findIndex((layer, i) => layer.activations.std < SHRINKS * stds[i]);
  const start = hidden[startIndex] ?? smallest;
  return { start, startInputStd: stds[Math.max(0, startIndex)], smallest, reference };
}
