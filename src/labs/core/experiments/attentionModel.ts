/**
 * A small encoder–decoder with dot-product attention, exactly as the notes describe it (Sequence to
 * sequence models, "Mécanismes d'attention"): at decoder step i,
 *   1. scores_j = ⟨h_i, e_j⟩, the dot product of the decoder state with each encoder state (same size);
 *   2. a = softmax(scores), a distribution over the input positions;
 *   3. c_i = Σ_j a_j e_j, the attention vector: the encoder states averaged with those weights;
 *   4. the prediction reads the concatenation [c_i ; h_i], not h_i alone.
 * The encoder is a bidirectional tanh RNN (its states at position j know the tokens on both sides); the
 * decoder is a tanh RNN started from the encoder's final states and fed the previous token.
 */
import * as tf from '@tensorflow/tfjs';

interface Cell {
  readonly input: tf.Variable;
  readonly recurrent: tf.Variable;
  readonly bias: tf.Variable;
}

export interface Seq2Seq {
  readonly vocabulary: number;
  readonly encoderEmbedding: tf.Variable;
  readonly forward: Cell;
  readonly backward: Cell;
  /** One more row than the vocabulary: the start token. */
  readonly decoderEmbedding: tf.Variable;
  readonly decoder: Cell;
  readonly output: { readonly kernel: tf.Variable; readonly bias: tf.Variable };
}

export function createSeq2Seq(vocabulary: number, embedding: number, hidden: number, seed: number): Seq2Seq {
  let draws = 0;
  // tf.variable keeps its initial value alive as a second tensor: tidy frees it (variables survive a tidy).
  const gaussian = (shape: number[], fanIn: number): tf.Variable => tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, 1 / Math.sqrt(fanIn), 'float32', seed + draws++)));
  const zeros = (size: number): tf.Variable => tf.tidy(() => tf.variable(tf.zeros([size])));
  const cell = (inputSize: number, size: number): Cell => ({
    input: gaussian([inputSize, size], inputSize),
    recurrent: gaussian([size, size], size),
    bias: zeros(size),
  });
  const state = 2 * hidden;
  return {
    vocabulary,
    encoderEmbedding: gaussian([vocabulary, embedding], 1),
    forward: cell(embedding, hidden),
    backward: cell(embedding, hidden),
    decoderEmbedding: gaussian([vocabulary + 1, embedding], 1),
    decoder: cell(embedding, state),
    output: { kernel: gaussian([2 * state, vocabulary], 2 * state), bias: zeros(vocabulary) },
  };
}

export function disposeSeq2Seq(model: Seq2Seq): void {
  tf.dispose(variables(model));
}

export function variables(model: Seq2Seq): tf.Variable[] {
  const cells = [model.forward, model.backward, model.decoder].flatMap((c) => [c.input, c.recurrent, c.bias]);
  return [model.encoderEmbedding, model.decoderEmbedding, ...cells, model.output.kernel, model.output.bias];
}

/**
 * Embedding lookup as one-hot × table: the gradient of tf.gather needs the UnsortedSegmentSum kernel,
 * which the wasm backend does not have; a matMul's gradient works everywhere.
 */
function embed(table: tf.Variable, tokens: tf.Tensor): tf.Tensor2D {
  const rows = table.shape[0];
  return tf.matMul(tf.oneHot(tokens.reshape([-1]) as tf.Tensor1D, rows).toFloat(), table as tf.Tensor2D);
}

/** Per-position embeddings [n × (batch, embedding)] of tokens [batch, n]. */
function embedSequence(table: tf.Variable, tokens: tf.Tensor2D): tf.Tensor2D[] {
  const [batch, n] = tokens.shape;
  return tf.unstack(embed(table, tokens).reshape([batch, n, -1]), 1) as tf.Tensor2D[];
}

function step(cell: Cell, input: tf.Tensor2D, state: tf.Tensor2D): tf.Tensor2D {
  return tf.tanh(tf.matMul(input, cell.input as tf.Tensor2D).add(tf.matMul(state, cell.recurrent as tf.Tensor2D)).add(cell.bias)) as tf.Tensor2D;
}

/** Encoder states [batch, n, 2·hidden] and the decoder's initial state (last forward ⊕ first backward). */
export function encode(model: Seq2Seq, tokens: tf.Tensor2D): { states: tf.Tensor3D; final: tf.Tensor2D } {
  const [batch, n] = tokens.shape;
  const inputs = embedSequence(model.encoderEmbedding, tokens);
  const size = model.forward.recurrent.shape[0];
  const forward: tf.Tensor2D[] = [];
  const backward: tf.Tensor2D[] = new Array<tf.Tensor2D>(n);
  let f: tf.Tensor2D = tf.zeros([batch, size]);
  let b: tf.Tensor2D = tf.zeros([batch, size]);
  for (let t = 0; t < n; t++) {
    f = step(model.forward, inputs[t], f);
    forward.push(f);
    b = step(model.backward, inputs[n - 1 - t], b);
    backward[n - 1 - t] = b;
  }
  const states = tf.concat([tf.stack(forward, 1), tf.stack(backward, 1)], 2) as tf.Tensor3D;
  return { states, final: tf.concat([f, b], 1) };
}

/** Steps 1–3 of the notes for a batch of queries [batch, q, d] against encoder states [batch, n, d]. */
export function attend(queries: tf.Tensor3D, states: tf.Tensor3D): { weights: tf.Tensor3D; context: tf.Tensor3D } {
  const weights = tf.softmax(tf.matMul(queries, states, false, true)) as tf.Tensor3D;
  return { weights, context: tf.matMul(weights, states) };
}

/** Step 4: logits [batch, q, vocabulary] from [c ; h]. */
function predict(model: Seq2Seq, context: tf.Tensor3D, queries: tf.Tensor3D): tf.Tensor3D {
  const [batch, q] = queries.shape;
  const features = tf.concat([context, queries], 2).reshape([batch * q, -1]) as tf.Tensor2D;
  return tf.matMul(features, model.output.kernel as tf.Tensor2D).add(model.output.bias).reshape([batch, q, model.vocabulary]);
}

/** Training: the decoder is fed the true previous token (teacher forcing); logits of every step at once. */
export function teacherForced(model: Seq2Seq, tokens: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor3D {
  const [batch, n] = targets.shape;
  const { states, final } = encode(model, tokens);
  const previous = tf.concat([tf.fill([batch, 1], model.vocabulary, 'int32'), targets.slice([0, 0], [batch, n - 1])], 1) as tf.Tensor2D;
  const inputs = embedSequence(model.decoderEmbedding, previous);
  const hidden: tf.Tensor2D[] = [];
  let h = final;
  for (const input of inputs) {
    h = step(model.decoder, input, h);
    hidden.push(h);
  }
  const queries = tf.stack(hidden, 1) as tf.Tensor3D;
  return predict(model, attend(queries, states).context, queries);
}

/** Inference: each step is fed the previous prediction. Returns the predicted tokens and the attention weights [batch, n, n]. */
export function greedyDecode(model: Seq2Seq, tokens: tf.Tensor2D): { predictions: tf.Tensor2D; weights: tf.Tensor3D } {
  const [batch, n] = tokens.shape;
  const { states, final } = encode(model, tokens);
  let previous: tf.Tensor1D = tf.fill([batch], model.vocabulary, 'int32');
  let h = final;
  const predictions: tf.Tensor1D[] = [];
  const weights: tf.Tensor3D[] = [];
  for (let i = 0; i < n; i++) {
    h = step(model.decoder, embed(model.decoderEmbedding, previous), h);
    const query = h.expandDims(1) as tf.Tensor3D;
    const attention = attend(query, states);
    previous = predict(model, attention.context, query).argMax(2).reshape([batch]);
    predictions.push(previous);
    weights.push(attention.weights);
  }
  return { predictions: tf.stack(predictions, 1) as tf.Tensor2D, weights: tf.concat(weights, 1) };
}
