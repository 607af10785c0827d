/**
 * Stable ids of the topics (one per file of knowledge/topics/): first the lecture notes' topics, in the
 * notes' order, then the few topics "beyond the notes" that keep hovers from being silent on the most
 * frequent symbols the notes do not cover. Hovers, lint findings, runtime findings, scaffold comments
 * and labs all refer to these ids, so renaming one is a breaking change.
 */
export const NOTE_TOPIC_IDS = [
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

/** Short topics written by DeepScope, clearly marked as not from the notes, each pointing to d2l.ai. */
export const BEYOND_NOTES_TOPIC_IDS = [
  'beyond-dense',
  'beyond-conv',
  'beyond-embedding',
  'beyond-lstm-gru',
  'beyond-layer-norm',
  'beyond-softmax',
  'beyond-cross-entropy',
  'beyond-binary-cross-entropy',
  'beyond-mse',
  'beyond-adam',
  'beyond-rmsprop',
  'beyond-weight-decay',
  'beyond-gradient-clipping',
] as const;

export const TOPIC_IDS = [...NOTE_TOPIC_IDS, ...BEYOND_NOTES_TOPIC_IDS] as const;

export type NoteTopicId = (typeof NOTE_TOPIC_IDS)[number];
export type TopicId = (typeof TOPIC_IDS)[number];

export function isBeyondNotes(id: TopicId): boolean {
  return (BEYOND_NOTES_TOPIC_IDS as readonly string[]).includes(id);
}
