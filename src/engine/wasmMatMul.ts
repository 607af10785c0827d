/**
 * tfjs-wasm's matrix products run ~10× slower when an operand is transposed (2 GFLOP/s against 25
 * on [128,784]·[784,256] here): its kernel reads the transposed operand with a stride instead of
 * handing XNNPACK a packed one. Every dense layer's backward pass uses those forms (dW = xᵀ·dy,
 * dx = dy·Wᵀ), so training spent most of its time there. BatchMatMul and _FusedMatMul are re-registered
 * for wasm so that a transposed operand is first transposed explicitly (a copy, linear in its size)
 * and the product then runs untransposed, on tfjs's own kernel: the same products, summed in another
 * order, so equal to float rounding (test/unit/engine/wasmKernels.test.ts).
 * tfjs-wasm's _FusedMatMul also adds its bias wrongly to a transposed or batched product (up to 100 %
 * off against the cpu backend): transposes are removed as above, and a batched product with a bias runs
 * unfused (product, then Add, then the activation's own kernel).
 */
import * as tf from '@tensorflow/tfjs';
import { composeWasmKernels, replaceWasmKernel, type RunWasmKernel } from './wasmKernelRegistry';

interface MatMulAttrs {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
  readonly activation?: string;
  readonly leakyreluAlpha?: number;
}

interface MatMulInputs {
  readonly a: tf.TensorInfo;
  readonly b: tf.TensorInfo;
  readonly bias?: tf.TensorInfo;
  readonly preluActivationWeights?: tf.TensorInfo;
}

export function registerWasmMatMulOverrides(): void {
  for (const kernelName of [tf.BatchMatMul, tf._FusedMatMul]) {
    replaceWasmKernel(kernelName, (original) => (args) => {
      const attrs = args.attrs as MatMulAttrs;
      const inputs = args.inputs as unknown as MatMulInputs;
      const unfuse = inputs.bias !== undefined && Math.max(sizeOfBatch(inputs.a), sizeOfBatch(inputs.b)) > 1;
      if (!attrs.transposeA && !attrs.transposeB && !unfuse) return original(args);
      return composeWasmKernels(args.backend as tf.KernelBackend, (run) => {
        const untransposed = (x: tf.TensorInfo): tf.TensorInfo => {
          const perm = x.shape.map((_, i) => i);
          [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
          return run(tf.Transpose, { x }, { perm });
        };
        const a = attrs.transposeA ? untransposed(inputs.a) : inputs.a;
        const b = attrs.transposeB ? untransposed(inputs.b) : inputs.b;
        const plainAttrs = { ...args.attrs, transposeA: false, transposeB: false };
        if (!unfuse) return original({ ...args, inputs: { ...args.inputs, a, b }, attrs: plainAttrs }) as tf.TensorInfo;
        // Through this override again: untransposed and without a bias, it goes to the original kernel.
        const product = run(kernelName, { a, b }, { ...plainAttrs, activation: 'linear' });
        const biased = run(tf.Add, { a: product, b: inputs.bias as tf.TensorInfo }, {});
        return activate(run, biased, attrs, inputs.preluActivationWeights);
      });
    });
  }
}

function sizeOfBatch(x: tf.TensorInfo): number {
  return x.shape.slice(0, -2).reduce((a, b) => a * b, 1);
}

/** The fused activations of tfjs, each as its own kernel. */
function activate(run: RunWasmKernel, x: tf.TensorInfo, attrs: MatMulAttrs, preluWeights: tf.TensorInfo | undefined): tf.TensorInfo {
  switch (attrs.activation ?? 'linear') {
    case 'linear':
      return x;
    case 'relu':
      return run(tf.Relu, { x }, {});
    case 'relu6':
      return run(tf.Relu6, { x }, {});
    case 'elu':
      return run(tf.Elu, { x }, {});
    case 'sigmoid':
      return run(tf.Sigmoid, { x }, {});
    case 'leakyrelu':
      return run(tf.LeakyRelu, { x }, { alpha: attrs.leakyreluAlpha ?? 0.2 });
    case 'prelu':
      return run(tf.Prelu, { x, alpha: preluWeights as tf.TensorInfo }, {});
    default:
      throw new Error(`_FusedMatMul: unknown activation ${attrs.activation}`);
  }
}
