/** The bug zoo (test/fixtures/zoo): one broken model per rule, and healthy models that must stay quiet. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Diagnoser } from '../../../src/diagnosis/core';
import type { BackendPreference } from '../../../src/engine/backend';
import { train } from '../../../src/engine/train';
import type { Finding, RuleId } from '../../../src/diagnosis/core/findings';
import type { RunRecord } from '../../../src/runs/core/runRecord';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const zooFile = (name: string): string => path.join(ROOT, 'test', 'fixtures', 'zoo', `${name}.ts`);
const example = (name: string): string => path.join(ROOT, 'examples', `${name}.ts`);

export interface BrokenCase {
  readonly file: string;
  readonly rule: RuleId;
  /** Text of the line the finding must be on (its first occurrence in the file). */
  readonly on: string;
}

export const BROKEN: readonly BrokenCase[] = [
  { file: zooFile('deep-sigmoid'), rule: 'vanishing-gradients', on: 'inputShape: [2]' },
  { file: zooFile('zero-init'), rule: 'symmetric-neurons', on: 'inputShape: [2]' },
  { file: zooFile('learning-rate-10'), rule: 'nan-loss', on: 'optimizer:' },
  { file: zooFile('diverging'), rule: 'diverging-loss', on: 'optimizer:' },
  { file: zooFile('deep-linear-large-init'), rule: 'exploding-gradients', on: 'inputShape: [4]' },
  { file: zooFile('tiny-init-tanh'), rule: 'collapsing-activations', on: 'inputShape: [2]' },
  { file: zooFile('large-init-tanh'), rule: 'saturated-activations', on: 'for (let i' },
  { file: zooFile('negative-bias-relu'), rule: 'dead-relu', on: 'inputShape: [2]' },
  { file: zooFile('raw-pixels'), rule: 'uncentered-inputs', on: 'export function loadData' },
  { file: zooFile('momentum-oscillation'), rule: 'oscillating-loss', on: 'optimizer:' },
  { file: zooFile('tiny-learning-rate'), rule: 'plateau', on: 'optimizer:' },
  { file: zooFile('tiny-dataset'), rule: 'overfitting', on: 'export function createModel' },
  { file: zooFile('huge-learning-rate'), rule: 'diverging-loss', on: 'optimizer:' },
  { file: zooFile('saturated-tanh-learning'), rule: 'saturated-activations', on: 'for (let i' },
  { file: zooFile('sigmoid-regression'), rule: 'output-range-mismatch', on: "activation: 'sigmoid'" },
  { file: zooFile('linear-mlp'), rule: 'missing-nonlinearity', on: 'inputShape: [784]' },
  { file: zooFile('mse-softmax'), rule: 'loss-output-mismatch', on: "loss: 'meanSquaredError'" },
  { file: zooFile('bce-linear-output'), rule: 'loss-output-mismatch', on: "loss: 'binaryCrossentropy'" },
];

/** Healthy models: the zoo's, and the scaffold's examples (fewer epochs: they converge well before). */
export const HEALTHY: readonly { readonly file: string; readonly epochs?: number }[] = [
  { file: zooFile('healthy-relu') },
  { file: zooFile('healthy-tanh') },
  { file: zooFile('healthy-logistic') },
  { file: example('spiral-classifier'), epochs: 30 },
  { file: example('moons-classifier'), epochs: 25 },
  { file: example('iris-classifier') },
  { file: example('sine-regressor'), epochs: 40 },
];

/**
 * Trains in this process, feeding the Diagnoser as the extension does, and returns its findings.
 * The engine seeds Math.random for the run: tfjs shuffles batches and draws unseeded dropout masks
 * with it (unseeded, the scaffold's sine regressor overflowed in about 1 run in 12).
 */
export async function diagnoseInProcess(file: string, backend: BackendPreference, epochs?: number): Promise<Finding[]> {
  return (await recordInProcess(file, backend, epochs)).findings;
}

/** The same, with the run's records (what its log holds). */
export async function recordInProcess(file: string, backend: BackendPreference, epochs?: number): Promise<{ records: RunRecord[]; findings: Finding[] }> {
  const diagnoser = new Diagnoser(readFileSync(file, 'utf8'));
  const records: RunRecord[] = [];
  await train({ file, backend, epochs, probeEverySteps: 50 }, (record) => {
    records.push(record);
    diagnoser.add(record);
  });
  return { records, findings: diagnoser.findings() };
}

/** 1-based line of the first line of `file` containing `text`. */
export function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

/** wasm and cpu always; tfjs-node (`node`) when it is installed. */
export function availableBackends(): BackendPreference[] {
  try {
    require.resolve('@tensorflow/tfjs-node');
    return ['node', 'wasm', 'cpu'];
  } catch {
    return ['wasm', 'cpu'];
  }
}
