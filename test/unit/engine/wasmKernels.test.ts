/**
 * DeepScope's wasm kernel overrides (src/engine/wasm*.ts) against the cpu
 * backend, on seeded random shapes: batch dimensions (broadcast too), odd sizes, every transposeA/B
 * combination, fused bias and activations, convolutions and their gradients for strides, paddings and
 * kernel sizes, gather, max pooling's gradient;
 * then a whole model's gradients with the overrides, with tfjs's own wasm kernels and on cpu.
 * "Relative" is max |got − cpu| over max |cpu|, per output: a product's rounding error scales with
 * its largest terms, not with each output (an output near zero is a cancellation).
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend';
import { withOriginalWasmKernels } from '../../../src/engine/wasmKernelRegistry';
import { gaussian, seededRandom, type Random } from '../../../src/labs/core/experiments/random';

const TOLERANCE = 1e-5;

before(async () => {
  assert.equal(await selectBackend('wasm'), 'wasm');
  await tf.setBackend('cpu');
});

/** Runs `compute` on a backend and reads every output. */
async function on(backend: 'cpu' | 'wasm', compute: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outputs = tf.tidy(compute);
  const values = outputs.map((output) => output.dataSync() as Float32Array);
  tf.dispose(outputs);
  return values;
}

function assertClose(got: Float32Array[], expected: Float32Array[], what: string): void {
  assert.equal(got.length, expected.length, what);
  expected.forEach((reference, k) => {
    assert.equal(got[k].length, reference.length, `${what}: output ${k} size`);
    let error = 0;
    let scale = 0;
    reference.forEach((value, i) => {
      error = Math.max(error, Math.abs(got[k][i] - value));
      scale = Math.max(scale, Math.abs(value));
    });
    assert.ok(Number.isFinite(error) && error <= TOLERANCE * scale, `${what}, output ${k}: relative error ${error / scale}`);
  });
}

function values(random: Random, shape: readonly number[]): Float32Array {
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => gaussian(random));
}

const integer = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

interface MatMulCase {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** Operand shapes of a product [..., m, k]·[..., k, n], stored transposed where asked. */
function matMulCase(random: Random, transposeA: boolean, transposeB: boolean): MatMulCase {
  const [m, k, n] = [integer(random, 1, 37), integer(random, 1, 61), integer(random, 1, 37)];
  const batches = [[], [3], [2, 3]][integer(random, 0, 2)];
  // One operand's batch may be 1, broadcast against the other's.
  const broadcast = batches.length > 0 && random() < 0.4;
  const batchA = broadcast && random() < 0.5 ? batches.map(() => 1) : batches;
  const batchB = broadcast && batchA === batches ? batches.map(() => 1) : batches;
  return {
    a: [...batchA, ...(transposeA ? [k, m] : [m, k])],
    b: [...batchB, ...(transposeB ? [n, k] : [k, n])],
    transposeA,
    transposeB,
  };
}

const TRANSPOSES = [false, true].flatMap((transposeA) => [false, true].map((transposeB) => ({ transposeA, transposeB })));

test('BatchMatMul: every transpose combination, batch dimensions and odd sizes agree with cpu', async () => {
  const random = seededRandom(11);
  for (let trial = 0; trial < 6; trial++) {
    for (const { transposeA, transposeB } of TRANSPOSES) {
      const shapes = matMulCase(random, transposeA, transposeB);
      const [a, b] = [values(random, shapes.a), values(random, shapes.b)];
      const product = () => [tf.matMul(tf.tensor(a, [...shapes.a]), tf.tensor(b, [...shapes.b]), transposeA, transposeB)];
      assertClose(await on('wasm', product), await on('cpu', product), `matMul ${JSON.stringify(shapes)}`);
    }
  }
});

test('_FusedMatMul: bias and every activation, with each transpose combination, agree with cpu', async () => {
  const random = seededRandom(12);
  const activations = ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu', 'prelu'] as const;
  for (const activation of activations) {
    for (const { transposeA, transposeB } of TRANSPOSES) {
      const shapes = matMulCase(random, transposeA, transposeB);
      const n = shapes.b[shapes.b.length - (transposeB ? 2 : 1)];
      const [a, b, bias, slopes] = [values(random, shapes.a), values(random, shapes.b), values(random, [n]), values(random, [n])];
      const product = () => [
        tf.fused.matMul({
          a: tf.tensor(a, [...shapes.a]),
          b: tf.tensor(b, [...shapes.b]),
          transposeA,
          transposeB,
          bias: tf.tensor1d(bias),
          activation,
          preluActivationWeights: activation === 'prelu' ? tf.tensor1d(slopes) : undefined,
          leakyreluAlpha: 0.2,
        }),
      ];
      assertClose(await on('wasm', product), await on('cpu', product), `fused ${activation} ${JSON.stringify(shapes)}`);
    }
  }
});

test('a fused dense layer\'s gradients (the transposed products of its backward pass) agree with cpu', async () => {
  const random = seededRandom(13);
  const [x, w, bias] = [values(random, [33, 47]), values(random, [47, 19]), values(random, [19])];
  const gradients = () => {
    const f = (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => tf.fused.matMul({ a: xs as tf.Tensor2D, b: ws as tf.Tensor2D, bias: bs, activation: 'relu' }).square().sum();
    return tf.grads(f)([tf.tensor2d(x, [33, 47]), tf.tensor2d(w, [47, 19]), tf.tensor1d(bias)]);
  };
  assertClose(await on('wasm', gradients), await on('cpu', gradients), 'dense gradients');
});

test('conv2d and its gradients (input and filter) agree with cpu for strides, paddings, odd sizes and kernels', async () => {
  const random = seededRandom(14);
  for (let trial = 0; trial < 14; trial++) {
    const kernel: [number, number] = [integer(random, 1, 4), integer(random, 1, 4)];
    const x = [integer(random, 1, 3), integer(random, 5, 13), integer(random, 5, 13), integer(random, 1, 4)] as [number, number, number, number];
    const filter = [...kernel, x[3], integer(random, 1, 5)] as [number, number, number, number];
    const strides: [number, number] = [integer(random, 1, 3), integer(random, 1, 3)];
    const pad = random() < 0.5 ? 'valid' : 'same';
    const [xs, ws] = [values(random, x), values(random, filter)];
    const gradients = () => {
      const [input, weights] = [tf.tensor4d(xs, x), tf.tensor4d(ws, filter)];
      const convolve = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, strides, pad);
      return [convolve(input, weights), ...tf.grads((a: tf.Tensor, b: tf.Tensor) => convolve(a, b).square().sum())([input, weights])];
    };
    assertClose(await on('wasm', gradients), await on('cpu', gradients), `conv2d x ${x} filter ${filter} strides ${strides} ${pad}`);
  }
});

test('gather agrees with cpu on every axis, repeated and 2-D indices, float and int data; a bad index throws', async () => {
  const random = seededRandom(17);
  for (let trial = 0; trial < 12; trial++) {
    const shape = Array.from({ length: integer(random, 1, 4) }, () => integer(random, 1, 40));
    const axis = integer(random, 0, shape.length - 1);
    const indexShape = random() < 0.7 ? [integer(random, 1, 30)] : [integer(random, 1, 5), integer(random, 1, 5)];
    const indices = Int32Array.from({ length: indexShape.reduce((a, b) => a * b, 1) }, () => integer(random, 0, shape[axis] - 1));
    const xs = values(random, shape);
    const dtype = random() < 0.3 ? 'int32' : 'float32';
    const gathered = () => [tf.gather(tf.tensor(dtype === 'int32' ? Int32Array.from(xs, (v) => Math.round(v * 100)) : xs, shape, dtype), tf.tensor(indices, indexShape, 'int32'), axis).toFloat()];
    assertClose(await on('wasm', gathered), await on('cpu', gathered), `gather ${shape} axis ${axis} indices ${indexShape} ${dtype}`);
  }
  await tf.setBackend('wasm');
  assert.throws(() => tf.tidy(() => tf.gather(tf.zeros([4, 32]), tf.tensor1d([1, 4], 'int32'))), /index value 4 is not in \[0, 3\]/);
});

test('max pooling\'s gradient agrees with cpu for window sizes, strides, paddings, odd sizes, batches and ties', async () => {
  const random = seededRandom(19);
  for (let trial = 0; trial < 16; trial++) {
    const window: [number, number] = [integer(random, 1, 3), integer(random, 1, 3)];
    const x = [integer(random, 1, 4), integer(random, 3, 14), integer(random, 3, 14), integer(random, 1, 5)] as [number, number, number, number];
    const strides: [number, number] = [integer(random, 1, 3), integer(random, 1, 3)];
    const pad = random() < 0.5 ? 'valid' : 'same';
    // Half the trials on values rounded to a few levels (as zeros after a ReLU): ties, where the first
    // maximum of a window must take the gradient.
    const ties = trial % 2 === 1;
    const xs = values(random, x).map((value) => (ties ? Math.max(0, Math.round(value * 2)) : value));
    const pooledShape = tf.tidy(() => tf.maxPool(tf.zeros(x) as tf.Tensor4D, window, strides, pad).shape);
    const weights = values(random, pooledShape);
    const gradient = () => tf.grads((input: tf.Tensor) => {
      const pooled = tf.maxPool(input as tf.Tensor4D, window, strides, pad);
      return pooled.mul(tf.tensor(weights, pooledShape)).sum();
    })([tf.tensor4d(xs, x)]);
    assertClose(await on('wasm', gradient), await on('cpu', gradient), `maxPool grad x ${x} window ${window} strides ${strides} ${pad}${ties ? ' ties' : ''}`);
  }
});

test('a whole CNN\'s gradients are the same with the overrides, with tfjs\'s own wasm kernels and on cpu', async () => {
  const random = seededRandom(15);
  const [xs, labels] = [values(random, [16, 12, 12, 1]), Int32Array.from({ length: 16 }, () => integer(random, 0, 4))];
  const gradients = () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 7, activation: 'tanh', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }),
        tf.layers.dense({ units: 5, kernelInitializer: tf.initializers.glorotNormal({ seed: 4 }) }),
      ],
    });
    const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), 5), model.apply(tf.tensor4d(xs, [16, 12, 12, 1])) as tf.Tensor) as tf.Scalar);
    const ordered = model.trainableWeights.map((weight) => grads[weight.originalName]);
    model.dispose();
    return ordered;
  };
  const withOverrides = await on('wasm', gradients);
  await tf.setBackend('wasm');
  const withoutOverrides = withOriginalWasmKernels(() => {
    const outputs = tf.tidy(gradients);
    const read = outputs.map((output) => output.dataSync() as Float32Array);
    tf.dispose(outputs);
    return read;
  });
  const cpu = await on('cpu', gradients);
  assert.equal(withOverrides.length, 8, 'a kernel and a bias per layer');
  assertClose(withOverrides, cpu, 'overrides against cpu');
  assertClose(withOverrides, withoutOverrides, 'overrides against tfjs-wasm');
});
