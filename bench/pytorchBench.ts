/**
 * Part of `npm run bench`: what the PyTorch watcher costs (bench/pytorchWatcherBench.py, the reference MLP
 * with and without `deepscope.watch`), run with /usr/bin/python3 when that interpreter has torch, else
 * skipped with the reason. Adds to bench/results.json: pytorchWatcherOverhead (the CPU-time ratio of the
 * steps with / without, goal ≤ 1.05), pytorchWatcherWallRatio, pytorchStepsPerSec { plain, watched }.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkPythonInterpreter, pythonEnvironment } from '../src/training/core/pythonInterpreter';

const PYTHON = '/usr/bin/python3';
const BENCH = path.join(__dirname, 'pytorchWatcherBench.py');
const RESULTS = path.join(__dirname, 'results.json');

interface BenchResult {
  readonly cpuRatio: number;
  readonly wallRatio: number;
  /** Steps between two probes in the watched rounds. */
  readonly probeEvery: number;
  readonly stepsPerSec: { readonly plain: number; readonly watched: number };
}

async function main(): Promise<void> {
  const check = await checkPythonInterpreter({ python: PYTHON, from: 'flag' });
  if (!check.ok) {
    console.log(`[pytorch] skipped: ${check.message}`);
    return;
  }
  const bench = spawnSync(PYTHON, [BENCH, '--json'], { env: pythonEnvironment(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (bench.status !== 0) throw new Error(`${BENCH} exited with ${bench.status}`);
  const lines = bench.stdout.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(`[pytorch] ${line}`);
  const result = JSON.parse(lines.at(-1) ?? '') as BenchResult;
  const overhead = result.cpuRatio - 1;
  console.log(`[pytorch] watcher overhead: ${(overhead * 100).toFixed(1)}% of the step time (CPU time; goal ≤ 5%: ${overhead <= 0.05 ? 'met' : 'NOT met'})`);
  if (overhead > 0.05) {
    // The steps between probes run no hooks, so the extra time is put on the probes.
    const perProbe = overhead * result.probeEvery;
    console.log(
      `[pytorch] why: spread over its probes, one every ${result.probeEvery} steps, that is ${perProbe.toFixed(1)} plain steps (${((perProbe / result.stepsPerSec.plain) * 1000).toFixed(1)} ms) per probe; ≤ 5% needs a probe of at most ${(0.05 * result.probeEvery).toFixed(1)} steps`,
    );
  }
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ ...results, pytorchWatcherOverhead: result.cpuRatio, pytorchWatcherWallRatio: result.wallRatio, pytorchStepsPerSec: result.stepsPerSec }, null, 2)}\n`,
  );
}

void main();
