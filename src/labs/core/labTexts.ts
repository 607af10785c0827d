/**
 * Each lab's title and the claim of the notes it reproduces, in both display languages. The engine's
 * LabInfo stays the source of the schema, topics and English summary; this is the views' wording.
 */
import type { Bilingual } from '../../notes/core';
import type { LabName } from './labs';

export interface LabTexts {
  readonly title: Bilingual;
  readonly claim: Bilingual;
}

export const LAB_TEXTS: Readonly<Record<LabName, LabTexts>> = {
  'weight-init': {
    title: { en: 'Weight initialisation', fr: 'Initialisation des poids' },
    claim: {
      en: 'Through 10 layers of 500 units, small random weights make tanh activations collapse to 0 and large ones saturate them at ±1; Xavier (variance 1/n) keeps tanh alive but lets ReLU activations decay, and He (variance 2/n) keeps ReLU stable. A homogeneous init never breaks the symmetry between units.',
      fr: 'Sur 10 couches de 500 unités, de petits poids aléatoires écrasent les activations tanh sur 0 et de grands les saturent à ±1 ; Xavier (variance 1/n) garde tanh vivante mais laisse décroître les activations ReLU, et He (variance 2/n) garde ReLU stable. Une initialisation homogène ne brise jamais la symétrie entre unités.',
    },
  },
  activations: {
    title: { en: 'Activation functions', fr: "Fonctions d'activation" },
    claim: {
      en: "The sigmoid's derivative is at most 1/4, so the gradient vanishes on its way back through the layers; ReLU does not saturate for x > 0 but its units can die, which leaky ReLU and PReLU avoid.",
      fr: 'La dérivée de la sigmoïde vaut au plus 1/4 : le gradient s’évanouit en remontant les couches ; ReLU ne sature pas pour x > 0 mais ses unités peuvent mourir, ce que leaky ReLU et PReLU évitent.',
    },
  },
  optimizers: {
    title: { en: 'Optimisers: SGD, momentum, Nesterov', fr: 'Optimiseurs : SGD, momentum, Nesterov' },
    claim: {
      en: 'When the loss varies much faster in one direction than another, gradient descent zig-zags and needs iterations in proportion to the condition number κ; momentum and Nesterov smooth the path and need about √κ. Near a saddle point the gradient is tiny and plain descent stalls.',
      fr: 'Quand la loss varie beaucoup plus vite dans une direction que dans une autre, la descente de gradient zigzague et demande un nombre d’itérations proportionnel au conditionnement κ ; le momentum et Nesterov lissent la trajectoire et en demandent environ √κ. Près d’un point selle, le gradient est minuscule et la descente simple piétine.',
    },
  },
  schedules: {
    title: { en: 'Learning-rate schedules', fr: 'Décroissance du learning rate' },
    claim: {
      en: 'Once the learning rate has the right order of magnitude, letting it decay during training — by steps every n epochs, exponentially α₀e^(−kt), or as α₀/(1 + kt) — lets the run settle where a constant rate keeps bouncing.',
      fr: 'Une fois le learning rate du bon ordre de grandeur, le faire décroître au cours de l’apprentissage — par paliers toutes les n époques, exponentiellement α₀e^(−kt) ou en α₀/(1 + kt) — permet de se stabiliser là où un taux constant continue de rebondir.',
    },
  },
  regularization: {
    title: { en: 'Regularisation: dropout and batch normalisation', fr: 'Régularisation : dropout et batch normalization' },
    claim: {
      en: 'Inverted dropout zeroes random activations in training and rescales the rest by 1/p, so nothing changes at test time and the network generalises better; batch normalisation uses the batch statistics in training and running estimates at test time.',
      fr: 'Le dropout inversé met à zéro des activations aléatoires en training et multiplie les autres par 1/p : rien ne change au test et le réseau généralise mieux ; la batch normalization utilise les statistiques de la batch en training et des estimations globales au test.',
    },
  },
  preprocessing: {
    title: { en: 'Preprocessing: centering the inputs', fr: 'Preprocessing : centrer les entrées' },
    claim: {
      en: "With inputs that are all positive, every weight gradient of a unit has the same sign: updates are confined to a few directions and zig-zag. Centering the inputs removes the constraint — for the first layer only.",
      fr: 'Avec des entrées toutes positives, tous les gradients des poids d’une unité ont le même signe : les mises à jour sont contraintes à quelques directions et zigzaguent. Centrer les entrées lève la contrainte — pour la première couche seulement.',
    },
  },
  text: {
    title: { en: 'Text preprocessing', fr: 'Preprocessing du texte' },
    claim: {
      en: "Tokenising is not splitting on spaces (\"Hawai'i\", \"didn't\", \"Mr. Peters\"); stemming cuts suffixes while lemmatisation finds the word in context (\"better\" → \"good\", \"meeting\" as noun or verb); stop words can be removed.",
      fr: 'Tokeniser, ce n’est pas couper aux espaces (« Hawai\'i », « didn\'t », « Mr. Peters ») ; le stemming coupe les suffixes, la lemmatisation retrouve le mot selon le contexte (« better » → « good », « meeting » nom ou verbe) ; on peut retirer les stop words.',
    },
  },
  attention: {
    title: { en: 'Attention in an encoder–decoder', fr: 'L’attention dans un encoder–decoder' },
    claim: {
      en: "At each output step the decoder looks back at all the encoder's hidden states and focuses on the most informative one: trained to reverse a sequence, step i attends to input position n − 1 − i.",
      fr: 'À chaque étape de sortie, le decoder se reporte à tous les états cachés de l’encoder et se focalise sur le plus informatif : entraîné à inverser une séquence, l’étape i regarde la position n − 1 − i.',
    },
  },
};
