/**
 * The Regularisation: dropout and batch normalisation lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  { kind: 'number', name: 'dropoutRate', label: 'Dropout rate (tfjs: the fraction dropped)', default: 0.5, min: 0, max: 0.95 },
  { kind: 'number', name: 'trainPerClass', label: 'Training points per class', default: 20, min: 5, max: 500, integer: true },
  { kind: 'number', name: 'noise', label: 'Spiral noise', default: 0.4, min: 0, max: 2 },
  { kind: 'number', name: 'epochs', label: 'Full-batch epochs', default: 200, min: 1, max: 3000, integer: true },
  { kind: 'number', name: 'learningRate', label: 'Learning rate (Nesterov 0.9)', default: 0.1, min: 1e-4, max: 1 },
  { kind: 'number', name: 'seed', label: 'Seed', default: 1, min: 0, max: 1e9, integer: true },
] as const;

export const regularizationInfo = describeLab({
  name: 'regularization',
  summary: {
    en: 'Inverted dropout keeps the expected activation; train/validation curves with and without dropout; batch statistics vs running estimates in batch norm.',
    fr: 'Le dropout inversé garde l\'activation attendue ; courbes d\'entraînement et de validation avec et sans dropout ; statistiques du batch contre estimations glissantes dans la batch norm.',
  },
  topics: ['reg-dropout', 'reg-inverted-dropout', 'reg-stochasticity', 'batch-norm', 'batch-norm-test-mode'],
  params: PARAMS,
  usesTensorflow: true,
  title: { en: 'Regularisation: dropout and batch normalisation', fr: 'Régularisation : dropout et batch normalization' },
  claim: {
    en: 'Inverted dropout zeroes random activations in training and rescales the rest by 1/p, so nothing changes at test time and the network generalises better; batch normalisation uses the batch statistics in training and running estimates at test time.',
    fr: 'Le dropout inversé met à zéro des activations aléatoires en training et multiplie les autres par 1/p : rien ne change au test et le réseau généralise mieux ; la batch normalization utilise les statistiques de la batch en training et des estimations globales au test.',
  },
});
