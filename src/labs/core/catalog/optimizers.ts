/**
 * The Optimisers: SGD, momentum, Nesterov lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  { kind: 'number', name: 'kappa', label: 'Condition number κ', default: 100, min: 1, max: 1e5 },
  { kind: 'number', name: 'lrScale', label: 'Learning rate × L (1 = 1/L; GD zig-zags above 1)', default: 1, min: 0.01, max: 2.5 },
  { kind: 'number', name: 'rho', label: 'Momentum ρ', default: 0.9, min: 0, max: 0.999 },
  { kind: 'number', name: 'tolerance', label: 'Tolerance on ‖w − w*‖ / ‖w₀ − w*‖', default: 1e-6, min: 1e-12, max: 0.5 },
  { kind: 'number', name: 'maxSteps', label: 'Iteration budget', default: 20000, min: 10, max: 1e6, integer: true },
  { kind: 'number', name: 'pathSteps', label: 'Iterates kept for the 2-D paths', default: 100, min: 1, max: 5000, integer: true },
  { kind: 'number', name: 'saddleOffset', label: 'Start distance from the saddle', default: 1e-6, min: 1e-12, max: 0.5 },
  { kind: 'number', name: 'saddleSteps', label: 'Saddle iteration budget', default: 300, min: 10, max: 1e5, integer: true },
  { kind: 'number', name: 'saddleLearningRate', label: 'Saddle learning rate', default: 0.1, min: 1e-4, max: 1 },
] as const;

export const optimizersInfo = describeLab({
  name: 'optimizers',
  summary: {
    en: 'Zig-zags and iteration counts on an ill-conditioned quadratic (κ vs √κ), and a saddle point where gradient descent stalls.',
    fr: 'Zigzags et nombres d\'itérations sur une quadratique mal conditionnée (κ contre √κ), et un point col où la descente de gradient stagne.',
  },
  topics: ['optim-sgd', 'optim-momentum', 'optim-nesterov', 'optim-saddle-points'],
  params: PARAMS,
  usesTensorflow: false,
  title: { en: 'Optimisers: SGD, momentum, Nesterov', fr: 'Optimiseurs : SGD, momentum, Nesterov' },
  claim: {
    en: 'When the loss varies much faster in one direction than another, gradient descent zig-zags and needs iterations in proportion to the condition number κ; momentum and Nesterov smooth the path and need about √κ. Near a saddle point the gradient is tiny and plain descent stalls.',
    fr: 'Quand la loss varie beaucoup plus vite dans une direction que dans une autre, la descente de gradient zigzague et demande un nombre d’itérations proportionnel au conditionnement κ ; le momentum et Nesterov lissent la trajectoire et en demandent environ √κ. Près d’un point selle, le gradient est minuscule et la descente simple piétine.',
  },
});
