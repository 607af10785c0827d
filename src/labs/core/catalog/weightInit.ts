/**
 * The Weight initialisation lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  { kind: 'choice', name: 'activation', label: 'Activation', default: 'both', choices: ['both', 'tanh', 'relu'] },
  { kind: 'number', name: 'layers', label: 'Layers', default: 10, min: 1, max: 20, integer: true },
  { kind: 'number', name: 'units', label: 'Units per layer', default: 500, min: 10, max: 1000, integer: true },
  { kind: 'number', name: 'samples', label: 'Gaussian inputs', default: 1000, min: 10, max: 5000, integer: true },
  { kind: 'number', name: 'smallScale', label: 'Std of the small random init', default: 0.01, min: 1e-4, max: 1 },
  { kind: 'number', name: 'largeScale', label: 'Std of the large random init', default: 1, min: 0.1, max: 10 },
  { kind: 'number', name: 'symmetrySteps', label: 'Training steps of the symmetry run', default: 30, min: 1, max: 500, integer: true },
  { kind: 'number', name: 'seed', label: 'Seed', default: 1, min: 0, max: 1e9, integer: true },
] as const;

export const weightInitInfo = describeLab({
  name: 'weight-init',
  summary: {
    en: 'Activations through 10 tanh/ReLU layers for small, large, Xavier and He initialisations; a homogeneous init keeps units identical.',
    fr: 'Les activations à travers 10 couches tanh/ReLU pour des initialisations petites, grandes, de Xavier et de He ; une initialisation homogène garde les unités identiques.',
  },
  topics: ['init-homogeneous', 'init-small-random', 'init-large-random', 'init-xavier', 'init-he', 'activation-tanh', 'activation-relu'],
  params: PARAMS,
  usesTensorflow: true,
  title: { en: 'Weight initialisation', fr: 'Initialisation des poids' },
  claim: {
    en: 'Through 10 layers of 500 units, small random weights make tanh activations collapse to 0 and large ones saturate them at ±1; Xavier (variance 1/n) keeps tanh alive but lets ReLU activations decay, and He (variance 2/n) keeps ReLU stable. A homogeneous init never breaks the symmetry between units.',
    fr: 'Sur 10 couches de 500 unités, de petits poids aléatoires écrasent les activations tanh sur 0 et de grands les saturent à ±1 ; Xavier (variance 1/n) garde tanh vivante mais laisse décroître les activations ReLU, et He (variance 2/n) garde ReLU stable. Une initialisation homogène ne brise jamais la symétrie entre unités.',
  },
});
