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
import { replaceWasmKernel, runWasmKernel } from './wasmKernelRegistry';

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
      const batched = Math.max(inputs.a.shape.length, inputs.b.shape.length) > 2 && Math.max(sizeOfBatch(inputs.a), sizeOfBatch(inputs.b)) > 1;
      const unfuse = inputs.bias !== undefined && batched;
      if (!attrs.transposeA && !attrs.transposeB && !unfuse) return original(args);
      const backend = args.backend as tf.KernelBackend;
      const made: tf.TensorInfo[] = [];
      const run = (name: string, kernelInputs: tf.NamedTensorInfoMap, kernelAttrs: tf.NamedAttrMap): tf.TensorInfo => {
        const output = runWasmKernel(name, backend, kernelInputs, kernelAttrs);
        made.push(output);
        return output;
      };
      const untransposed = (x: tf.TensorInfo): tf.TensorInfo => {
        const perm = x.shape.map((_, i) => i);
        [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
        return run(tf.Transpose, { x }, { perm });
      };
      try {
        const a = attrs.transposeA ? untransposed(inputs.a) : inputs.a;
        const b = attrs.transposeB ? untransposed(inputs.b) : inputs.b;
        const plainAttrs = { ...args.attrs, transposeA: false, transposeB: false };
        if (!unfuse) return original({ ...args, inputs: { ...args.inputs, a, b }, attrs: plainAttrs });
        const product = original({ ...args, inputs: { a, b }, attrs: { ...plainAttrs, activation: 'linear' } }) as tf.TensorInfo;
        made.push(product);
        const biased = run(tf.Add, { a: product, b: inputs.bias as tf.TensorInfo }, {});
        const activated = activate(run, biased, attrs, inputs.preluActivationWeights);
        // The result must not be disposed with the intermediates: an identity shares its data.
        return runWasmKernel(tf.Identity, backend, { x: activated }, {});
      } finally {
        for (const info of made) backend.disposeData(info.dataId);
      }
    });
  }
}

function sizeOfBatch(x: tf.TensorInfo): number {
  return x.shape.slice(0, -2).reduce((a, b) => a * b, 1);
}

type Run = (name: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) => tf.TensorInfo;

/** The fused activations of tfjs, each as its own kernel. */
function activate(run: Run, x: tf.TensorInfo, attrs: MatMulAttrs, preluWeights: tf.TensorInfo | undefined): tf.TensorInfo {
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
