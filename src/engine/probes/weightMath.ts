import { euclideanNorm, type Values } from './distribution';

/** ||W − W₀|| / ||W₀||: how far one optimiser step moved a weight, relative to its size. */
export function updateNormRatio(current: Values, previous: Values): number {
  let squaredSteps = 0;
  let squaredPrevious = 0;
  for (let i = 0; i < current.length; i++) {
    const step = current[i] - previous[i];
    squaredSteps += step * step;
    squaredPrevious += previous[i] * previous[i];
  }
  return Math.fround(euclideanNorm(squaredSteps) / euclideanNorm(squaredPrevious));
}

/**
 * How different a kernel's units are: for each row of `units` values (the weights of one input into
 * every unit), the population variance across units; the square root of their mean. Near 0 when every
 * unit has the same weights (a symmetric initialisation that training cannot break).
 */
export function unitSpread(values: Values, units: number): number {
  const rows = values.length / units;
  let varianceSum = 0;
  for (let row = 0; row < rows; row++) {
    const offset = row * units;
    let sum = 0;
    for (let unit = 0; unit < units; unit++) sum += values[offset + unit];
    const mean = sum / units;
    let squares = 0;
    for (let unit = 0; unit < units; unit++) {
      const deviation = values[offset + unit] - mean;
      squares += deviation * deviation;
    }
    varianceSum += squares / units;
  }
  return Math.fround(Math.sqrt(varianceSum / rows));
}
