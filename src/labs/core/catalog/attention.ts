/**
 * The Attention in an encoder–decoder lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  { kind: 'number', name: 'length', label: 'Sequence length n', default: 6, min: 2, max: 12, integer: true },
  { kind: 'number', name: 'vocabulary', label: 'Symbols', default: 8, min: 2, max: 50, integer: true },
  { kind: 'number', name: 'hidden', label: 'Hidden units per encoder direction', default: 32, min: 4, max: 128, integer: true },
  { kind: 'number', name: 'steps', label: 'Training steps', default: 300, min: 1, max: 20000, integer: true },
  { kind: 'number', name: 'batchSize', label: 'Batch size', default: 64, min: 1, max: 1024, integer: true },
  { kind: 'number', name: 'learningRate', label: 'Learning rate (Adam)', default: 0.01, min: 1e-5, max: 1 },
  { kind: 'number', name: 'seed', label: 'Seed', default: 1, min: 0, max: 1e9, integer: true },
] as const;

export const attentionInfo = describeLab({
  name: 'attention',
  summary: {
    en: 'Dot-product attention learns to reverse sequences: the weights of output step i settle on input position n − 1 − i.',
    fr: 'Une attention par produit scalaire apprend à inverser des séquences : les poids du pas de sortie i se posent sur la position d\'entrée n − 1 − i.',
  },
  topics: ['seq2seq-attention'],
  params: PARAMS,
  usesTensorflow: true,
  title: { en: 'Attention in an encoder–decoder', fr: 'L’attention dans un encoder–decoder' },
  claim: {
    en: "At each output step the decoder looks back at all the encoder's hidden states and focuses on the most informative one: trained to reverse a sequence, step i attends to input position n − 1 − i.",
    fr: 'À chaque étape de sortie, le decoder se reporte à tous les états cachés de l’encoder et se focalise sur le plus informatif : entraîné à inverser une séquence, l’étape i regarde la position n − 1 − i.',
  },
});
