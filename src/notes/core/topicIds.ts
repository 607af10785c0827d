/**
 * Stable ids of the lecture-note topics (one per file of knowledge/topics/, in the notes' order).
 * Hovers, lint findings, runtime findings, scaffold comments and labs all refer to these ids,
 * so renaming one is a breaking change.
 */
export const TOPIC_IDS = [
  'activation-sigmoid',
  'activation-tanh',
  'activation-relu',
  'activation-leaky-relu',
  'activation-prelu',
  'activation-maxout',
  'activation-practice',
  'preprocessing-centering',
  'init-homogeneous',
  'init-small-random',
  'init-large-random',
  'init-xavier',
  'init-he',
  'batch-norm',
  'batch-norm-test-mode',
  'optim-saddle-points',
  'optim-sgd',
  'optim-momentum',
  'optim-nesterov',
  'lr-step-decay',
  'lr-exponential-decay',
  'lr-inverse-time-decay',
  'reg-dropout',
  'reg-inverted-dropout',
  'reg-drop-connect',
  'reg-stochasticity',
  'transfer-learning',
  'text-denoising',
  'text-tokenization',
  'text-normalization',
  'text-stemming',
  'text-lemmatization',
  'text-stop-words',
  'seq2seq-attention',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];
