/**
 * The Learning-rate schedules lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  // α₀ high enough that a constant rate keeps bouncing around the minimum: the decays let the run settle.
  { kind: 'number', name: 'alpha0', label: 'Initial learning rate α₀', default: 0.3, min: 1e-4, max: 2 },
  { kind: 'number', name: 'drop', label: 'Step decay: factor', default: 0.5, min: 0.01, max: 1 },
  { kind: 'number', name: 'every', label: 'Step decay: every n epochs', default: 10, min: 1, max: 1000, integer: true },
  { kind: 'number', name: 'expK', label: 'Exponential decay: k', default: 0.05, min: 0, max: 10 },
  { kind: 'number', name: 'inverseK', label: '1/t decay: k', default: 0.1, min: 0, max: 10 },
  { kind: 'number', name: 'epochs', label: 'Epochs', default: 40, min: 1, max: 500, integer: true },
  { kind: 'number', name: 'seed', label: 'Seed', default: 1, min: 0, max: 1e9, integer: true },
] as const;

export const schedulesInfo = describeLab({
  name: 'schedules',
  summary: {
    en: 'Step, exponential and 1/t decay: the curves, and the final loss of the same training run under each, against a constant rate.',
    fr: 'Décroissance par paliers, exponentielle et en 1/t : les courbes, et la perte finale d\'un même entraînement sous chacune, face à un taux constant.',
  },
  topics: ['lr-step-decay', 'lr-exponential-decay', 'lr-inverse-time-decay'],
  params: PARAMS,
  usesTensorflow: true,
  title: { en: 'Learning-rate schedules', fr: 'Décroissance du learning rate' },
  claim: {
    en: 'Once the learning rate has the right order of magnitude, letting it decay during training — by steps every n epochs, exponentially α₀e^(−kt), or as α₀/(1 + kt) — lets the run settle where a constant rate keeps bouncing.',
    fr: 'Une fois le learning rate du bon ordre de grandeur, le faire décroître au cours de l’apprentissage — par paliers toutes les n époques, exponentiellement α₀e^(−kt) ou en α₀/(1 + kt) — permet de se stabiliser là où un taux constant continue de rebondir.',
  },
});
