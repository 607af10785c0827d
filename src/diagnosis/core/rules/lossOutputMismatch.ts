/**
 * loss-output-mismatch: the loss does not fit what the output layer produces or what the targets are.
 * - Mean squared error on one-hot classes behind a softmax (or 0/1 labels behind a sigmoid): its
 *   gradient passes through the output's derivative p(1 − p), which vanishes where the output is
 *   confident, right or wrong, as the sigmoid's does in the notes; cross-entropy's gradient p − y does not.
 * - Cross-entropy on an unbounded output (tfjs' binary or categorical cross-entropy expects
 *   probabilities; it clips the predictions to [1e-7, 1 − 1e-7], where the gradient is 0).
 * - tfjs' categorical cross-entropy on integer labels: it expects one-hot rows.
 * - PyTorch's `cross_entropy` behind a softmax (it applies log-softmax itself: a softmax twice), and
 *   `nll_loss` behind anything but a log-softmax (it expects log-probabilities).
 * The loss, the layers and the targets say it, not the loss curve: a warning, except for the double
 * softmax, which still trains about as well at times and warns only when training suffers.
 */
import type { Bilingual } from '../findings';
import { bilingual, evidence } from '../format';
import { outputLayer, symptomSeverity, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { isSquaredError, isUnbounded, lossKind, outputActivation } from './modelShape';

interface Mismatch {
  readonly why: Bilingual;
  readonly fix: Bilingual;
  /** May train about as well: its severity follows the loss. */
  readonly degrades: boolean;
}

export const lossOutputMismatch: Rule = {
  id: 'loss-output-mismatch',
  check(run: RunData): Draft[] {
    const { start } = run;
    const layer = outputLayer(start);
    const mismatch = layer === undefined ? undefined : mismatchOf(run, layer);
    if (!mismatch || layer === undefined) return [];
    const targets = start.targets;
    const loss = run.history.at(-1)?.loss;
    return [
      {
        rule: 'loss-output-mismatch',
        severity: mismatch.degrades ? symptomSeverity(run) : 'warning',
        layer,
        epoch: 0,
        evidence: evidence({ targetMin: targets?.min, targetMax: targets?.max, targetWidth: targets?.width, loss, baselineLoss: start.baselineLoss }),
        message: mismatch.why,
        topic: 'activation-sigmoid',
        fix: mismatch.fix,
        site: 'loss',
      },
    ];
  },
};

function mismatchOf(run: RunData, layer: string): Mismatch | undefined {
  const { start } = run;
  const kind = lossKind(start);
  const activation = outputActivation(start);
  const targets = start.targets;
  const loss = start.loss as string;
  const binaryLabels = targets !== undefined && targets.width === 1 && targets.integers && targets.min >= 0 && targets.max <= 1;
  if (isSquaredError(start) && ((activation === 'softmax' && targets?.oneHot) || (activation === 'sigmoid' && binaryLabels))) {
    const labels = bilingual(
      () => (targets?.oneHot ? `one-hot classes (${targets.width} columns of 0s and a 1)` : '0/1 labels'),
      () => (targets?.oneHot ? `des classes one-hot (${targets.width} colonnes de 0 et un 1)` : 'des labels 0/1'),
    );
    return {
      degrades: false,
      why: {
        en: `${loss} compares the ${activation} of ${layer} with ${labels.en}. Its gradient goes through the ${activation}'s derivative p(1 − p), which is almost 0 wherever the output is confident, even when it is confidently wrong, as a saturated sigmoid's is; cross-entropy's gradient, p − y, stays large exactly when the prediction is wrong.`,
        fr: `${loss} compare la ${activation === 'softmax' ? 'softmax' : 'sigmoïde'} de ${layer} à ${labels.fr}. Son gradient passe par la dérivée p(1 − p), quasi nulle dès que la sortie est sûre d'elle, même quand elle se trompe, comme celle d'une sigmoïde saturée ; le gradient de la cross-entropy, p − y, reste grand justement quand la prédiction est fausse.`,
      },
      fix:
        start.framework === 'pytorch'
          ? {
              en: 'Train classes with nn.CrossEntropyLoss() (0/1 labels: nn.BCEWithLogitsLoss()) on the logits: remove the softmax or sigmoid from the model.',
              fr: 'Entraîner des classes avec nn.CrossEntropyLoss() (labels 0/1 : nn.BCEWithLogitsLoss()) sur les logits : retirer la softmax ou la sigmoïde du modèle.',
            }
          : activation === 'softmax'
            ? { en: "Train classes with loss: 'categoricalCrossentropy' (one-hot labels) behind the softmax.", fr: "Entraîner des classes avec loss: 'categoricalCrossentropy' (labels one-hot) derrière la softmax." }
            : { en: "Train 0/1 labels with loss: 'binaryCrossentropy' behind the sigmoid.", fr: "Entraîner des labels 0/1 avec loss: 'binaryCrossentropy' derrière la sigmoïde." },
    };
  }
  if ((kind === 'binary' || kind === 'categorical' || kind === 'sparse-categorical') && isUnbounded(activation) && start.framework !== 'pytorch') {
    const wanted = kind === 'binary' ? 'sigmoid' : 'softmax';
    return {
      degrades: false,
      why: bilingual(
        () => `${loss} expects probabilities, but ${layer} has no activation: its outputs are unbounded. tfjs clips them to [1e-7, 1 − 1e-7] before the logarithm, so every prediction outside gets a gradient of 0 and stops learning.`,
        () => `${loss} attend des probabilités, mais ${layer} n'a pas d'activation : ses sorties ne sont pas bornées. tfjs les tronque à [1e-7, 1 − 1e-7] avant le logarithme : toute prédiction hors de cet intervalle reçoit un gradient nul et n'apprend plus.`,
      ),
      fix: { en: `Give the output layer activation: '${wanted}', which maps its outputs into [0, 1].`, fr: `Donner à la couche de sortie activation: '${wanted}', qui ramène ses sorties dans [0, 1].` },
    };
  }
  if (kind === 'categorical' && targets && targets.integers && !targets.oneHot && targets.max > 1) {
    return {
      degrades: false,
      why: bilingual(
        (f) => `${loss} expects one-hot rows, but the targets are integer labels (from ${f.num(targets.min)} to ${f.num(targets.max)}): it multiplies the log-probabilities by the label values instead of picking the true class.`,
        (f) => `${loss} attend des lignes one-hot, mais les cibles sont des labels entiers (de ${f.num(targets.min)} à ${f.num(targets.max)}) : elle multiplie les log-probabilités par la valeur des labels au lieu de choisir la vraie classe.`,
      ),
      fix: {
        en: "Use loss: 'sparseCategoricalCrossentropy' for integer labels, or one-hot them in loadData: tf.oneHot(labels, classes).",
        fr: "Utiliser loss: 'sparseCategoricalCrossentropy' pour des labels entiers, ou les passer en one-hot dans loadData : tf.oneHot(labels, classes).",
      },
    };
  }
  if ((kind === 'logits-cross-entropy' && activation === 'softmax') || (kind === 'nll' && activation !== 'logsoftmax')) {
    const double = kind === 'logits-cross-entropy';
    return {
      degrades: double,
      why: double
        ? {
            en: `cross_entropy applies log-softmax itself, but ${layer} already ends in a softmax: the loss sees probabilities in [0, 1] as logits, a softmax of a softmax, whose outputs stay close to uniform and whose gradients shrink.`,
            fr: `cross_entropy applique elle-même une log-softmax, mais ${layer} se termine déjà par une softmax : la loss prend des probabilités dans [0, 1] pour des logits, une softmax de softmax, dont les sorties restent proches de l'uniforme et dont les gradients s'amenuisent.`,
          }
        : {
            en: `nll_loss expects log-probabilities, but ${layer} ends in ${activation ?? 'no activation'}: the loss is then minus the raw output of the true class, which is not a likelihood and can fall without bound.`,
            fr: `nll_loss attend des log-probabilités, mais ${layer} se termine par ${activation ?? 'aucune activation'} : la loss vaut alors l'opposé de la sortie brute de la vraie classe, qui n'est pas une vraisemblance et peut descendre sans limite.`,
          },
      fix: double
        ? { en: 'Remove the softmax from the model and give cross_entropy the logits; apply torch.softmax only to read probabilities.', fr: 'Retirer la softmax du modèle et donner les logits à cross_entropy ; appliquer torch.softmax seulement pour lire des probabilités.' }
        : { en: 'End the model with nn.LogSoftmax(dim=1) before nll_loss, or give the logits to nn.CrossEntropyLoss.', fr: 'Terminer le modèle par nn.LogSoftmax(dim=1) avant nll_loss, ou donner les logits à nn.CrossEntropyLoss.' },
    };
  }
  return undefined;
}
