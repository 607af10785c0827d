import type { RunStart } from './trainingData';

/**
 * How findings and the dashboard name a layer. A PyTorch layer's name is its module path (`0`,
 * `features.3`, `fc1`), which on its own can read as a number ("the gradient of 0"): its class comes
 * first, the path after it (`Linear (0)`, `Conv2d (features.3)`). tfjs names (`dense_Dense1`) already
 * say what the layer is, and stay as they are.
 */
export function layerLabel(start: Pick<RunStart, 'framework' | 'layers'>, name: string): string {
  if (start.framework !== 'pytorch') return name;
  const className = start.layers.find((layer) => layer.name === name)?.className;
  return className && className !== name ? `${className} (${name})` : name;
}
