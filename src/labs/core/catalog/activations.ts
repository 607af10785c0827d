/**
 * The Activation functions lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  { kind: 'number', name: 'depth', label: 'Layers of the deep net', default: 10, min: 2, max: 30, integer: true },
  { kind: 'number', name: 'width', label: 'Units per layer', default: 100, min: 10, max: 500, integer: true },
  { kind: 'number', name: 'highLearningRate', label: 'High learning rate of the first epochs', default: 2, min: 0.01, max: 10 },
  { kind: 'number', name: 'kickEpochs', label: 'Epochs at the high learning rate', default: 1, min: 0, max: 50, integer: true },
  { kind: 'number', name: 'learningRate', label: 'Normal learning rate', default: 0.05, min: 0.001, max: 1 },
  { kind: 'number', name: 'epochs', label: 'Training epochs', default: 20, min: 1, max: 200, integer: true },
  { kind: 'number', name: 'seed', label: 'Seed', default: 1, min: 0, max: 1e9, integer: true },
] as const;

export const activationsInfo = describeLab({
  name: 'activations',
  summary: {
    en: 'Curves and derivatives; the gradient reaching each layer of a 10-layer net; dying ReLUs at a high learning rate vs leaky ReLU and PReLU.',
    fr: 'Courbes et dérivées ; le gradient qui atteint chaque couche d\'un réseau de 10 couches ; des ReLU qui meurent avec un grand taux d\'apprentissage, face à leaky ReLU et PReLU.',
  },
  topics: ['activation-sigmoid', 'activation-tanh', 'activation-relu', 'activation-leaky-relu', 'activation-prelu', 'activation-maxout', 'activation-practice'],
  params: PARAMS,
  usesTensorflow: true,
  title: { en: 'Activation functions', fr: "Fonctions d'activation" },
  claim: {
    en: "The sigmoid's derivative is at most 1/4, so the gradient vanishes on its way back through the layers; ReLU does not saturate for x > 0 but its units can die, which leaky ReLU and PReLU avoid.",
    fr: 'La dérivée de la sigmoïde vaut au plus 1/4 : le gradient s’évanouit en remontant les couches ; ReLU ne sature pas pour x > 0 mais ses unités peuvent mourir, ce que leaky ReLU et PReLU évitent.',
  },
});
