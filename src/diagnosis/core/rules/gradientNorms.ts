/** Kernel gradient norms per layer, in network order: what the two gradient-flow rules compare. */
import type { ProbeFrame } from '../../../runs/core/trainingData';
import { kernelOf } from '../runData';

export interface LayerGradient {
  readonly layer: string;
  readonly norm: number;
  /** Norm of the kernel itself. */
  readonly weights: number;
}

export function kernelGradients(frame: ProbeFrame): LayerGradient[] {
  return frame.layers.flatMap((layer) => {
    const kernel = kernelOf(layer);
    return kernel?.gradient ? [{ layer: layer.layer, norm: kernel.gradient.norm, weights: kernel.norm }] : [];
  });
}
