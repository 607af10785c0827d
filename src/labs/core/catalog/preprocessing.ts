/**
 * The Preprocessing: centering the inputs lab as the host, the CLI and the lab process describe it: its name, texts, note
 * topics and parameter schema. Pure data, so listing the labs loads neither tfjs nor the lab's code.
 */
import { describeLab } from './describeLab';

const PARAMS = [
  { kind: 'number', name: 'features', label: 'Input features (pixel-like, in [0, 1])', default: 20, min: 2, max: 200, integer: true },
  { kind: 'number', name: 'examples', label: 'Examples', default: 256, min: 16, max: 4096, integer: true },
  { kind: 'number', name: 'learningRate', label: 'Learning rate (plain SGD, full batch)', default: 2, min: 1e-4, max: 10 },
  { kind: 'number', name: 'lossThreshold', label: 'Loss threshold', default: 0.3, min: 0.01, max: 1 },
  { kind: 'number', name: 'maxEpochs', label: 'Epoch budget', default: 400, min: 1, max: 10000, integer: true },
  { kind: 'number', name: 'seed', label: 'Seed', default: 1, min: 0, max: 1e9, integer: true },
] as const;

export const preprocessingInfo = describeLab({
  name: 'preprocessing',
  summary: {
    en: 'With all-positive inputs every weight gradient of a unit shares one sign: constrained, zig-zagging updates and slower convergence than with centred inputs.',
    fr: 'Avec des entrées toutes positives, tous les gradients des poids d\'une unité ont le même signe : des mises à jour contraintes, en zigzag, et une convergence plus lente qu\'avec des entrées centrées.',
  },
  topics: ['preprocessing-centering', 'activation-sigmoid'],
  params: PARAMS,
  usesTensorflow: true,
  title: { en: 'Preprocessing: centering the inputs', fr: 'Preprocessing : centrer les entrées' },
  claim: {
    en: "With inputs that are all positive, every weight gradient of a unit has the same sign: updates are confined to a few directions and zig-zag. Centering the inputs removes the constraint — for the first layer only.",
    fr: 'Avec des entrées toutes positives, tous les gradients des poids d’une unité ont le même signe : les mises à jour sont contraintes à quelques directions et zigzaguent. Centrer les entrées lève la contrainte — pour la première couche seulement.',
  },
});
