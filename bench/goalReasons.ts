/**
 * Why a goal of the training bench is not met, in one line computed from what this run measured:
 * for the speed goals, the time the step's matrix products need at the matrix-product rate measured
 * here, against PyTorch's step; for the probes, what one probe costs in steps of plain training.
 */
import * as tf from '@tensorflow/tfjs';

/** Floating-point operations of one training step's products: the forward pass and, backward, the gradients of the inputs and of the weights (3 × forward). */
export function stepProductFlops(model: tf.LayersModel, batch: number): number {
  let multiplyAdds = 0;
  for (const layer of model.layers) {
    const kernel = layer.getWeights()[0];
    if (!kernel) continue;
    const output = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
    const className = layer.getClassName();
    // A dense kernel [in, units] is used once per sample; a conv kernel [h, w, in, filters] once per output position.
    if (className === 'Dense') multiplyAdds += kernel.size;
    else if (className === 'Conv2D') multiplyAdds += kernel.size * (output[1] ?? 0) * (output[2] ?? 0);
  }
  return 3 * 2 * multiplyAdds * batch;
}

/**
 * GFLOP/s of an untransposed [128, 784]·[784, 256] product (the MLP's largest) on the current backend,
 * in this process's CPU time (other jobs on the machine stretch wall time, not the work): the best of a
 * few rounds. On a multi-threaded backend CPU time adds up the threads, so the rate is per core.
 */
export function measuredMatMulGflops(): number {
  const [m, k, n] = [128, 784, 256];
  const [a, b] = [tf.randomNormal([m, k]), tf.randomNormal([k, n])];
  // Nothing returned from the tidy: tidy walks a returned typed array element by element, which costs more than the product.
  const multiply = (): void => tf.tidy(() => void tf.matMul(a, b).dataSync());
  multiply();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const began = process.cpuUsage();
    for (let i = 0; i < 20; i++) multiply();
    const used = process.cpuUsage(began);
    best = Math.min(best, (used.user + used.system) / 1000 / 20);
  }
  tf.dispose([a, b]);
  return (2 * m * k * n) / (best / 1000) / 1e9;
}

/**
 * Why DeepScope is not `goal` × PyTorch: the products' CPU time at the measured rate, against PyTorch's
 * step and DeepScope's own (its CPU time per step: wall time also counts waiting for a core).
 */
export function speedReason(flops: number, gflops: number, backend: string, deepscope: { readonly cpuMsPerStep: number }, pytorchStepsPerSec: number, goal: number): string {
  const productsMs = (flops / (gflops * 1e9)) * 1000;
  const pytorchMs = 1000 / pytorchStepsPerSec;
  const neededMs = pytorchMs / goal;
  const products = `its matrix products (${(flops / 1e6).toFixed(0)} MFLOP a step, forward and backward) need ${productsMs.toFixed(1)} ms of CPU at the ${gflops.toFixed(1)} GFLOP/s ${backend}'s matMul reaches here`;
  if (productsMs >= neededMs) {
    return `why: ${products}, and ${goal.toFixed(1)}× PyTorch (${pytorchMs.toFixed(1)} ms a step) needs a whole step of ${neededMs.toFixed(1)} ms`;
  }
  const stepMs = deepscope.cpuMsPerStep;
  return `why: DeepScope's step takes ${stepMs.toFixed(1)} ms of CPU, PyTorch's whole step ${pytorchMs.toFixed(1)} ms; ${products}, so ${(stepMs - productsMs).toFixed(1)} ms of DeepScope's step goes elsewhere (or to products slower than that rate)`;
}

/** Why the host's event loop stalled: the load on the machine while it ran (the host itself only receives messages). */
export function stallReason(loadAverage: number, cores: number): string {
  const busy = loadAverage > cores;
  return `why: the host only receives the training process's messages; the load average was ${loadAverage.toFixed(1)} on ${cores} cores${busy ? ', so the stall includes time spent waiting for a core' : ', so the machine\'s load does not explain it'}`;
}

/** Why the probes cost more than the goal: how many ran in the measured steps, and what one costs in steps of plain training. */
export function probesReason(msPerProbe: number, plainMsPerStep: number, measuredSteps: number, probesInMeasuredSteps: number): string {
  return `why: ${probesInMeasuredSteps} probes ran in the ${measuredSteps} measured steps, each ${msPerProbe.toFixed(1)} ms = ${(msPerProbe / plainMsPerStep).toFixed(1)} steps of plain training (a forward and backward pass on the probe batch, then every layer's statistics)`;
}
