/** Shared by the lab tests: the backend they run on and the tensor-leak check. */
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend';

/** The backend DeepScope would pick (tfjs-node, else wasm, else cpu): the labs' numbers must hold on it. */
export function labBackend(): Promise<string> {
  return selectBackend('auto');
}

/** Runs a lab and checks that it leaves as many tensors as it found. */
export async function withoutLeaks<T>(run: () => Promise<T>): Promise<T> {
  const baseline = tf.memory().numTensors;
  const result = await run();
  assert.equal(tf.memory().numTensors, baseline, 'every tensor the lab made is freed');
  return result;
}

/** |actual − expected| ≤ tolerance × |expected|, with a message that shows both. */
export function assertRelative(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.abs(expected), `${what}: ${actual} is not within ${tolerance * 100}% of ${expected}`);
}
