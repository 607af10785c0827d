/**
 * The dashboard's own words (headings, buttons, legends, axis titles, empty states) in both languages. They follow
 * VS Code's display language, which the host puts in the page's `lang`; the findings' texts come with the run in
 * both languages and follow `deepscope.language` (`data-explanations` on the page). Code names (loss, val_loss,
 * backend names, rule ids) are not translated.
 */
import type { Language } from '../../src/common/core/language';

export interface DashboardLabels {
  readonly dashboard: string;
  readonly emptyIntro: string;
  readonly emptyHint: string;
  readonly findings: string;
  readonly findingsHint: string;
  readonly training: string;
  readonly trainingHint: string;
  readonly activations: string;
  readonly activationsHint: string;
  readonly gradients: string;
  readonly gradientsHint: string;
  readonly weights: string;
  readonly weightsHint: string;
  readonly status: Readonly<Record<'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted', string>>;
  readonly compareWith: string;
  readonly stopComparing: string;
  readonly comparedWith: string;
  readonly comparedTail: string;
  readonly backend: string;
  readonly epoch: string;
  readonly fitCall: string;
  readonly fitCallOne: string;
  readonly trainedByCalls: string;
  readonly unwatched: string;
  readonly layers: string;
  readonly thisRunOnly: string;
  readonly histogramsAt: string;
  readonly stepSlider: string;
  readonly shownStep: string;
  readonly latest: string;
  readonly noProbe: string;
  readonly comparedStep: string;
  readonly noProblemYet: string;
  readonly noProblem: string;
  readonly readNote: string;
  readonly line: string;
  readonly notIn: string;
  readonly loss: string;
  readonly metrics: string;
  readonly learningRate: string;
  readonly epochAxis: string;
  readonly lrEpochAxis: string;
  readonly stepAxis: string;
  /** The legend's name of the per-step loss series. */
  readonly stepLoss: string;
  readonly run: string;
  readonly layer: string;
  readonly activation: string;
  readonly kernelGradient: string;
  readonly kernelWeight: string;
  readonly from: string;
  readonly to: string;
  readonly min: string;
  readonly median: string;
  readonly max: string;
  readonly unitHealthTitle: string;
  readonly gradientNormTitle: string;
  readonly gradientRatioTitle: string;
  readonly vanishingBelow: string;
  readonly updateRatioTitle: string;
  readonly healthyUpdate: string;
  readonly charts: Readonly<Record<'training' | 'bands' | 'activationHistograms' | 'unitHealth' | 'gradientNorms' | 'gradientRatio' | 'gradientHistograms' | 'updateRatios' | 'weightHistograms', string>>;
}

/** `{0}`, `{1}`… in a label are replaced by `fill`. */
export function fill(text: string, ...values: readonly (string | number)[]): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => String(values[Number(index)] ?? whole));
}

export const LABELS: Readonly<Record<Language, DashboardLabels>> = {
  en: {
    dashboard: 'DeepScope dashboard',
    emptyIntro: 'Train a model to see its loss, learning rate, and, layer by layer, its activations, gradients and weights here.',
    emptyHint: 'Open a model module (for example examples/spiral-classifier.ts) and run "DeepScope: Train Model".',
    findings: 'Findings',
    findingsHint: 'Problems DeepScope sees in this run, explained from the lecture notes.',
    training: 'Training',
    trainingHint: 'Loss per step (faint) and per epoch, metrics, and the learning rate of each epoch.',
    activations: 'Activations',
    activationsHint:
      "Percentile bands of each layer's outputs over time (min–max, ±2σ, ±1σ, ±0.5σ, median), and their histogram at the chosen step. Bands shrinking to a line mean collapsing activations; bands pinned at the bounds of tanh or sigmoid mean saturation.",
    gradients: 'Gradients',
    gradientsHint: "Norm of each layer's weight gradients (log scale) and the first/last ratio: far below 1 the first layers stop learning (vanishing), far above they explode.",
    weights: 'Weights',
    weightsHint: 'Update ratio of each kernel per step (around 1e-3 is healthy) and the weight histograms at the chosen step.',
    status: { running: 'training…', finished: 'finished', cancelled: 'stopped', failed: 'failed', interrupted: 'interrupted' },
    compareWith: 'Compare with another run…',
    stopComparing: 'Stop comparing',
    comparedWith: 'Compared with ',
    comparedTail: " ({0}): its curves are dashed, its layers in the cells beside this run's. ",
    backend: 'backend {0}',
    epoch: 'epoch {0}/{1}',
    fitCall: 'call {0}: epochs {1}',
    fitCallOne: 'call {0}: epoch {1}',
    trainedByCalls: 'Trained by {0} calls of fit(): shown as one run whose epochs continue from call to call ({1}).',
    unwatched: "The program also trained {0}, not shown: DeepScope watches one model per run, the first that trains or the one the program passes to watch(model) from 'deepscope' before it trains.",
    layers: 'Layers',
    thisRunOnly: ' (this run only)',
    histogramsAt: 'Histograms at',
    stepSlider: 'Step shown by the histograms',
    shownStep: 'step {0} (epoch {1})',
    latest: ', latest',
    noProbe: 'no probe yet',
    comparedStep: '{0}; compared run at step {1}',
    noProblemYet: 'No problem found so far.',
    noProblem: 'No problem found in this run.',
    readNote: 'Read the note',
    line: 'Line {0}',
    notIn: '{0} · not in {1}',
    loss: 'Loss',
    metrics: 'Metrics',
    learningRate: 'Learning rate',
    epochAxis: 'epoch',
    lrEpochAxis: 'epoch (learning rate in force from the start of each epoch)',
    stepAxis: 'step',
    stepLoss: 'loss (step)',
    run: 'run',
    layer: 'layer',
    activation: 'activation',
    kernelGradient: 'kernel gradient',
    kernelWeight: 'kernel weight',
    from: 'from',
    to: 'to',
    min: 'min',
    median: 'median',
    max: 'max',
    unitHealthTitle: 'Dead and saturated units',
    gradientNormTitle: 'Gradient norm per layer (log scale)',
    gradientRatioTitle: 'First-layer / last-layer gradient norm (log scale)',
    vanishingBelow: 'vanishing below 1e-3',
    updateRatioTitle: 'Update ratio ‖ΔW‖ / ‖W‖ of each kernel (log scale)',
    healthyUpdate: '≈ 1e-3 is healthy',
    charts: {
      training: 'Loss, metrics and learning rate',
      bands: 'Activation distributions over time',
      activationHistograms: 'Activation histograms',
      unitHealth: 'Dead and saturated units',
      gradientNorms: 'Gradient norms',
      gradientRatio: 'First/last gradient norm ratio',
      gradientHistograms: 'Gradient histograms',
      updateRatios: 'Update ratios',
      weightHistograms: 'Weight histograms',
    },
  },
  fr: {
    dashboard: 'Tableau de bord DeepScope',
    emptyIntro: "Entraînez un modèle pour voir ici sa perte, son taux d'apprentissage et, couche par couche, ses activations, ses gradients et ses poids.",
    emptyHint: 'Ouvrez un module de modèle (par exemple examples/spiral-classifier.ts) et lancez « DeepScope : Entraîner le modèle ».',
    findings: 'Diagnostic',
    findingsHint: 'Les problèmes que DeepScope voit dans cet entraînement, expliqués d’après les notes de cours.',
    training: 'Entraînement',
    trainingHint: "Perte à chaque pas (en pâle) et à chaque époque, métriques, et taux d'apprentissage de chaque époque.",
    activations: 'Activations',
    activationsHint:
      'Bandes de percentiles des sorties de chaque couche au fil du temps (min–max, ±2σ, ±1σ, ±0,5σ, médiane), et leur histogramme au pas choisi. Des bandes qui se resserrent en une ligne : les activations s’effondrent ; des bandes collées aux bornes de tanh ou de la sigmoïde : saturation.',
    gradients: 'Gradients',
    gradientsHint:
      'Norme des gradients des poids de chaque couche (échelle log) et rapport première/dernière couche : très en dessous de 1, les premières couches n’apprennent plus (vanishing), très au-dessus, ils explosent.',
    weights: 'Poids',
    weightsHint: 'Rapport de mise à jour de chaque noyau à chaque pas (autour de 1e-3, c’est sain) et histogrammes des poids au pas choisi.',
    status: { running: 'entraînement…', finished: 'terminé', cancelled: 'arrêté', failed: 'échoué', interrupted: 'interrompu' },
    compareWith: 'Comparer avec un autre entraînement…',
    stopComparing: 'Arrêter la comparaison',
    comparedWith: 'Comparé avec ',
    comparedTail: ' ({0}) : ses courbes sont en tirets, ses couches dans les cases à côté de celles de cet entraînement. ',
    backend: 'backend {0}',
    epoch: 'époque {0}/{1}',
    fitCall: 'appel {0} : époques {1}',
    fitCallOne: 'appel {0} : époque {1}',
    trainedByCalls: 'Entraîné par {0} appels de fit() : montré comme un seul entraînement dont les époques se suivent d’un appel à l’autre ({1}).',
    unwatched:
      'Le programme a aussi entraîné {0}, non montré : DeepScope observe un modèle par entraînement, le premier qui s’entraîne ou celui que le programme passe à watch(model) de « deepscope » avant de l’entraîner.',
    layers: 'Couches',
    thisRunOnly: ' (cet entraînement seulement)',
    histogramsAt: 'Histogrammes au',
    stepSlider: 'Pas montré par les histogrammes',
    shownStep: 'pas {0} (époque {1})',
    latest: ', le dernier',
    noProbe: 'pas encore de mesure',
    comparedStep: '{0} ; entraînement comparé au pas {1}',
    noProblemYet: 'Aucun problème trouvé pour l’instant.',
    noProblem: 'Aucun problème trouvé dans cet entraînement.',
    readNote: 'Lire la note',
    line: 'Ligne {0}',
    notIn: '{0} · absente de {1}',
    loss: 'Perte',
    metrics: 'Métriques',
    learningRate: "Taux d'apprentissage",
    epochAxis: 'époque',
    lrEpochAxis: "époque (taux d'apprentissage en vigueur depuis le début de chaque époque)",
    stepAxis: 'pas',
    stepLoss: 'perte (par pas)',
    run: 'entraînement',
    layer: 'couche',
    activation: 'activation',
    kernelGradient: 'gradient du noyau',
    kernelWeight: 'poids du noyau',
    from: 'de',
    to: 'à',
    min: 'min',
    median: 'médiane',
    max: 'max',
    unitHealthTitle: 'Unités mortes et saturées',
    gradientNormTitle: 'Norme du gradient par couche (échelle log)',
    gradientRatioTitle: 'Norme du gradient, première couche / dernière couche (échelle log)',
    vanishingBelow: 'vanishing sous 1e-3',
    updateRatioTitle: 'Rapport de mise à jour ‖ΔW‖ / ‖W‖ de chaque noyau (échelle log)',
    healthyUpdate: '≈ 1e-3, c’est sain',
    charts: {
      training: "Perte, métriques et taux d'apprentissage",
      bands: 'Distributions des activations au fil du temps',
      activationHistograms: 'Histogrammes des activations',
      unitHealth: 'Unités mortes et saturées',
      gradientNorms: 'Normes des gradients',
      gradientRatio: 'Rapport des normes de gradient première/dernière couche',
      gradientHistograms: 'Histogrammes des gradients',
      updateRatios: 'Rapports de mise à jour',
      weightHistograms: 'Histogrammes des poids',
    },
  },
};

/** The page's display language (`lang` of the page the host wrote; English outside a page, as in unit tests). */
export function pageLanguage(attribute: 'lang' | 'data-explanations' = 'lang'): Language {
  const value = typeof document === 'undefined' ? undefined : document.documentElement.getAttribute(attribute);
  return value === 'fr' ? 'fr' : 'en';
}

/** The dashboard's words in the page's display language. */
export function words(): DashboardLabels {
  return LABELS[pageLanguage()];
}
