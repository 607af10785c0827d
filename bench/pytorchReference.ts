/**
 * The PyTorch side of the bench: bench/pytorchReference.py run by /usr/bin/python3 (Debian's, which has
 * torch) on the same model and batch as DeepScope. PyTorch is given its best thread count of 1 and 2
 * (the machine's cores): under load, two OpenMP threads can run several times slower than one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'pytorchReference.py');

export type ReferenceModel = 'mlp' | 'cnn';

export interface PytorchRate {
  readonly stepsPerSec: number;
  readonly threads: number;
  readonly torch: string;
}

/** Why PyTorch cannot be measured here, or undefined when it can. */
export function pytorchUnavailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} is absent`;
  const check = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return check.status === 0 ? undefined : `${PYTHON} has no torch (${check.stderr.trim().split('\n').at(-1)})`;
}

/** PyTorch's steps/s on `model`: the faster of one and two threads. */
export function pytorchStepsPerSec(model: ReferenceModel, steps: number): PytorchRate {
  const rates = [1, 2].map((threads) => {
    const run = spawnSync(PYTHON, [SCRIPT, model, String(steps), String(threads)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${SCRIPT} ${model} failed: ${run.stderr.trim()}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as PytorchRate;
  });
  return rates.reduce((best, rate) => (rate.stepsPerSec > best.stepsPerSec ? rate : best));
}
