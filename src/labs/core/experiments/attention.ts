/**
 * Lab 8, attention (notes: Sequence to sequence models): the encoder–decoder of attentionModel.ts learns to
 * reverse short sequences of symbols. The attention weights of output step i should come to rest on input
 * position n − 1 − i, the symbol it must copy: the mirrored diagonal of the heatmap.
 */
import * as tf from '@tensorflow/tfjs';
import type { AttentionResult, KeyTable } from '../labs';
import { createSeq2Seq, disposeSeq2Seq, greedyDecode, type Seq2Seq, teacherForced, variables } from './attentionModel';
import { attentionInfo } from '../catalog/attention';
import { defineLab } from './lab';
import { seededRandom, type Random } from './random';

const EMBEDDING = 16;
const TEST_SEQUENCES = 256;
const CHECK_EVERY = 50;

export const attentionLab = defineLab(
  attentionInfo,
  async (p): Promise<AttentionResult> => {
    const random = seededRandom(p.seed);
    const model = createSeq2Seq(p.vocabulary, EMBEDDING, p.hidden, p.seed);
    // Adam rather than the notes' SGD variants: plain SGD trains recurrent nets far more slowly, and this
    // lab is about what attention learns, not how fast.
    const optimizer = tf.train.adam(p.learningRate);
    const test = sequences(TEST_SEQUENCES, p.length, p.vocabulary, seededRandom(p.seed + 1));
    try {
      const losses: number[] = [];
      const mirroredDuringTraining: number[] = [];
      for (let s = 0; s < p.steps; s++) {
        const batch = sequences(p.batchSize, p.length, p.vocabulary, random);
        const loss = tf.tidy(() => {
          const tokens = tf.tensor2d(batch, [p.batchSize, p.length], 'int32');
          const targets = tokens.reverse(1) as tf.Tensor2D;
          return optimizer.minimize(() => crossEntropy(model, tokens, targets), true, variables(model)) as tf.Scalar;
        });
        if ((s + 1) % CHECK_EVERY === 0 || s === p.steps - 1) {
          losses.push(loss.dataSync()[0]);
          mirroredDuringTraining.push(evaluate(model, test.subarray(0, 64 * p.length), p.length).mirroredWeight);
        }
        loss.dispose();
      }
      const trained = evaluate(model, test, p.length);
      return { lab: 'attention', length: p.length, checkEvery: CHECK_EVERY, losses: Float32Array.from(losses), mirroredDuringTraining: Float32Array.from(mirroredDuringTraining), ...trained };
    } finally {
      optimizer.dispose();
      disposeSeq2Seq(model);
    }
  },
  keyNumbers,
);

/** `count` sequences of `length` symbols, row-major. */
function sequences(count: number, length: number, vocabulary: number, random: Random): Int32Array {
  return Int32Array.from({ length: count * length }, () => Math.floor(random() * vocabulary));
}

function crossEntropy(model: Seq2Seq, tokens: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  const logits = teacherForced(model, tokens, targets);
  return tf.losses.softmaxCrossEntropy(tf.oneHot(targets, model.vocabulary), logits) as tf.Scalar;
}

type Evaluation = Pick<AttentionResult, 'sequenceAccuracy' | 'tokenAccuracy' | 'meanWeights' | 'mirroredByStep' | 'mirroredWeight' | 'example'>;

/** Greedy decoding of test sequences: accuracy, and the attention weights averaged over them. */
function evaluate(model: Seq2Seq, flat: Int32Array, length: number): Evaluation {
  const count = flat.length / length;
  const outputs = tf.tidy(() => {
    const tokens = tf.tensor2d(flat, [count, length], 'int32');
    const { predictions, weights } = greedyDecode(model, tokens);
    const correct = predictions.equal(tokens.reverse(1));
    const accuracy = tf.stack([correct.toFloat().mean(), correct.all(1).toFloat().mean()]);
    return { accuracy, meanWeights: weights.mean(0), firstWeights: weights.slice([0, 0, 0], [1, length, length]), firstOutput: predictions.slice([0, 0], [1, length]) };
  });
  const [tokenAccuracy, sequenceAccuracy] = outputs.accuracy.dataSync();
  const meanWeights = outputs.meanWeights.dataSync() as Float32Array;
  const example = { input: flat.slice(0, length), output: outputs.firstOutput.dataSync() as Int32Array, weights: outputs.firstWeights.dataSync() as Float32Array };
  tf.dispose(outputs);
  const mirroredByStep = Float32Array.from({ length }, (_, i) => meanWeights[i * length + (length - 1 - i)]);
  const mirroredWeight = mirroredByStep.reduce((sum, weight) => sum + weight, 0) / length;
  return { tokenAccuracy, sequenceAccuracy, meanWeights, mirroredByStep, mirroredWeight, example };
}

function keyNumbers(result: AttentionResult): KeyTable[] {
  const n = result.length;
  const positions = Array.from({ length: n }, (_, j) => j);
  return [
    {
      title: `Mean attention weights after training (${TEST_SEQUENCES} test sequences, greedy decoding): output step i × input position j`,
      columns: ['step i', ...positions.map((j) => `j=${j}`), 'on n−1−i'],
      rows: positions.map((i) => [i, ...positions.map((j) => result.meanWeights[i * n + j]), result.mirroredByStep[i]]),
    },
    {
      title: 'Reversal',
      columns: ['sequence accuracy', 'symbol accuracy', 'mean weight on the mirrored position', 'example input', 'its output'],
      rows: [[result.sequenceAccuracy, result.tokenAccuracy, result.mirroredWeight, Array.from(result.example.input).join(' '), Array.from(result.example.output).join(' ')]],
    },
    {
      title: `During training (every ${result.checkEvery} steps)`,
      columns: ['step', 'loss', 'weight on the mirrored position'],
      rows: Array.from(result.losses, (loss, k) => [(k + 1) * result.checkEvery, loss, result.mirroredDuringTraining[k]]),
    },
  ];
}
