/**
 * The fixes of runtime findings in PyTorch's terms. The rules write what to change in words the notes
 * use (ReLU, He initialisation, momentum, step decay); a PyTorch run also needs to read which call
 * does it, so each finding's fix gains one sentence with the `torch` code. Where the rule's own text
 * names a tfjs place (`loadData`), the whole fix is said again for PyTorch.
 */
import type { Bilingual } from '../../common/core/language';
import type { Finding, RuleId } from './findings';

const HE = "nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')";
const XAVIER = 'nn.init.xavier_normal_(layer.weight)';
const LOWER_RATE = {
  en: 'In PyTorch: divide `lr=` of the optimizer by 10; `torch.optim.lr_scheduler.StepLR(optimizer, step_size=…, gamma=0.5)` lowers it further as training goes.',
  fr: "En PyTorch : diviser `lr=` de l'optimiseur par 10 ; `torch.optim.lr_scheduler.StepLR(optimizer, step_size=…, gamma=0.5)` le baisse ensuite au fil de l'entraînement.",
};
const INIT = {
  en: `In PyTorch: \`${HE}\` for layers followed by ReLU, \`${XAVIER}\` for tanh and sigmoid (PyTorch's default for Linear and Conv layers is uniform with variance 1/(3·n_in)).`,
  fr: `En PyTorch : \`${HE}\` pour les couches suivies d'une ReLU, \`${XAVIER}\` pour tanh et sigmoïde (par défaut, PyTorch initialise Linear et Conv avec une loi uniforme de variance 1/(3·n_in)).`,
};

const IN_CODE: Partial<Record<RuleId, (finding: Pick<Finding, 'topic' | 'evidence'>) => Bilingual>> = {
  'nan-loss': () => LOWER_RATE,
  'diverging-loss': () => LOWER_RATE,
  'oscillating-loss': () => LOWER_RATE,
  'vanishing-gradients': () => ({
    en: `In PyTorch: \`nn.ReLU()\` (or \`F.relu\`) instead of \`nn.Sigmoid()\` / \`nn.Tanh()\` between hidden layers, with \`${HE}\`; \`nn.BatchNorm1d(units)\` (\`BatchNorm2d\` after a conv) goes before the activation.`,
    fr: `En PyTorch : \`nn.ReLU()\` (ou \`F.relu\`) au lieu de \`nn.Sigmoid()\` / \`nn.Tanh()\` entre les couches cachées, avec \`${HE}\` ; \`nn.BatchNorm1d(units)\` (\`BatchNorm2d\` après une convolution) se place avant l'activation.`,
  }),
  'saturated-activations': () => ({
    en: `In PyTorch: \`${XAVIER}\`, \`nn.BatchNorm1d(units)\` before the activation, or \`nn.ReLU()\`.`,
    fr: `En PyTorch : \`${XAVIER}\`, \`nn.BatchNorm1d(units)\` avant l'activation, ou \`nn.ReLU()\`.`,
  }),
  'dead-relu': () => ({
    en: `In PyTorch: \`nn.init.zeros_(layer.bias)\` and \`${HE}\`, a smaller \`lr=\`, or \`nn.LeakyReLU(0.01)\` instead of \`nn.ReLU()\`.`,
    fr: `En PyTorch : \`nn.init.zeros_(layer.bias)\` et \`${HE}\`, un \`lr=\` plus petit, ou \`nn.LeakyReLU(0.01)\` au lieu de \`nn.ReLU()\`.`,
  }),
  'exploding-gradients': () => ({
    en: `In PyTorch: \`${HE}\` (or \`${XAVIER}\`), \`nn.BatchNorm1d(units)\` before the activations, a smaller \`lr=\`.`,
    fr: `En PyTorch : \`${HE}\` (ou \`${XAVIER}\`), \`nn.BatchNorm1d(units)\` avant les activations, un \`lr=\` plus petit.`,
  }),
  'collapsing-activations': () => INIT,
  'symmetric-neurons': () => INIT,
  plateau: (finding) =>
    finding.topic === 'lr-step-decay'
      ? { en: 'In PyTorch: multiply `lr=` of the optimizer by 10.', fr: "En PyTorch : multiplier `lr=` de l'optimiseur par 10." }
      : finding.evidence.keepsMomentum
        ? { en: 'In PyTorch: change `lr=` of the optimizer by factors of 10.', fr: "En PyTorch : changer `lr=` de l'optimiseur par facteurs de 10." }
        : {
          en: 'In PyTorch: `torch.optim.SGD(model.parameters(), lr=…, momentum=0.9, nesterov=True)`.',
          fr: 'En PyTorch : `torch.optim.SGD(model.parameters(), lr=…, momentum=0.9, nesterov=True)`.',
        },
  overfitting: () => ({
    en: "In PyTorch: `nn.Dropout(0.5)` after the hidden layers (active under `model.train()`, off under `model.eval()`), or save `model.state_dict()` at the best validation epoch.",
    fr: "En PyTorch : `nn.Dropout(0.5)` après les couches cachées (actif sous `model.train()`, coupé sous `model.eval()`), ou sauvegarder `model.state_dict()` à la meilleure époque de validation.",
  }),
};

/**
 * Fixes whose rule text speaks of a tfjs model module: said again for PyTorch. (loss-output-mismatch
 * writes its PyTorch fixes itself: its PyTorch cases are about torch's own loss functions.)
 */
const REWRITTEN: Partial<Record<RuleId, Bilingual>> = {
  'output-range-mismatch': {
    en: 'For a regression, end the model with the last `nn.Linear` and no activation after it (remove the `torch.sigmoid` / `nn.Sigmoid()` / `nn.ReLU()` there), so it can output any value; or rescale the targets into the activation\'s range and scale the predictions back.',
    fr: "Pour une régression, terminer le modèle par le dernier `nn.Linear` sans activation après (retirer le `torch.sigmoid` / `nn.Sigmoid()` / `nn.ReLU()` qui suit), pour qu'il puisse produire toute valeur ; ou ramener les cibles dans l'intervalle de l'activation et remettre les prédictions à l'échelle.",
  },
  'missing-nonlinearity': {
    en: `Put an activation between the linear layers: \`nn.ReLU()\` in the \`nn.Sequential\`, or \`F.relu(...)\` in \`forward\` (the notes: start with ReLU), with \`${HE}\`. If a linear bottleneck is intended, drop the extra layer instead.`,
    fr: `Mettre une activation entre les couches linéaires : \`nn.ReLU()\` dans le \`nn.Sequential\`, ou \`F.relu(...)\` dans \`forward\` (les notes : commencer avec des ReLU), avec \`${HE}\`. Si un goulot linéaire est voulu, supprimer plutôt la couche en trop.`,
  },
  'uncentered-inputs': {
    en: "Subtract the mean of each input feature, computed on the training set and applied to the validation set and to new inputs too: `x = (x - mean) / std` with `mean = x_train.mean(0)`, or `transforms.Normalize(mean, std)` for images. Centring is what the notes ask for; dividing by 255 (images) or by the standard deviation also helps.",
    fr: "Soustraire la moyenne de chaque feature d'entrée, calculée sur le training set et appliquée aussi à la validation et aux nouvelles entrées : `x = (x - mean) / std` avec `mean = x_train.mean(0)`, ou `transforms.Normalize(mean, std)` pour des images. Les notes demandent de centrer ; diviser par 255 (images) ou par l'écart-type aide aussi.",
  },
};

/** The finding's fix as a PyTorch user reads it. */
export function pytorchFix(finding: Pick<Finding, 'rule' | 'topic' | 'fix' | 'evidence'>): Bilingual {
  const rewritten = REWRITTEN[finding.rule];
  if (rewritten) return rewritten;
  const code = IN_CODE[finding.rule]?.(finding);
  return code ? { en: `${finding.fix.en} ${code.en}`, fr: `${finding.fix.fr} ${code.fr}` } : finding.fix;
}
