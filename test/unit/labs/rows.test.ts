/**
 * Lab results → the rows the lab views draw, on real (small) runs of each lab: every number drawn is one
 * the engine computed, in the right place; the optimisers' contour lines are level sets of the engine's quadratic.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { activationsLab } from '../../../src/labs/core/experiments/activations';
import { attentionLab } from '../../../src/labs/core/experiments/attention';
import { quadratic } from '../../../src/labs/core/experiments/optimizerMath';
import { optimizersLab } from '../../../src/labs/core/experiments/optimizers';
import { preprocessingLab } from '../../../src/labs/core/experiments/preprocessing';
import { regularizationLab } from '../../../src/labs/core/experiments/regularization';
import { schedulesLab } from '../../../src/labs/core/experiments/schedules';
import { textLab } from '../../../src/labs/core/experiments/text';
import { weightInitLab } from '../../../src/labs/core/experiments/weightInit';
import { selectBackend } from '../../../src/engine/backend';
import { curveRows, deadUnitRows, depthRows, trainingLossRows } from '../../../webviews/labs/rows/activations';
import { attentionTrainingRows, axisOrder, weightCells } from '../../../webviews/labs/rows/attention';
import { iterationRows, pathWindow, quadraticContourRows, quadraticPathRows, saddleRows, tunedRows } from '../../../webviews/labs/rows/optimizers';
import { convergenceRows, signRows, updatePathRows } from '../../../webviews/labs/rows/preprocessing';
import { batchNormGapRows, dropoutMeanRows, trainValidationRows } from '../../../webviews/labs/rows/regularization';
import { learningRateRows, scheduleLossRows } from '../../../webviews/labs/rows/schedules';
import { countRows, onlyIn, sideBySide, tokenRows } from '../../../webviews/labs/rows/text';
import { findRun, initHistogramRows, initMeanRows, initStdRows, telltaleFraction } from '../../../webviews/labs/rows/weightInit';
import { formatValue } from '../../../webviews/labs/format';

before(async () => {
  await selectBackend('cpu');
});

test('weight init: one histogram per layer with every count, std per layer measured and predicted for every run', async () => {
  const result = await weightInitLab.run({ layers: 3, units: 40, samples: 30, symmetrySteps: 2 });
  const run = findRun(result, 'he', 'relu');
  assert.ok(run);
  const bins = initHistogramRows(run);
  assert.deepEqual([...new Set(bins.map((row) => row.layer))], ['layer 1', 'layer 2', 'layer 3']);
  const layer1 = bins.filter((row) => row.order === 1);
  assert.equal(layer1.reduce((sum, row) => sum + row.count, 0), 30 * 40, 'every activation counted');
  assert.equal(layer1[0].x0, run.layers[0].stats.min);
  assert.ok(Math.abs(layer1[layer1.length - 1].x1 - run.layers[0].stats.max) < 1e-6 * Math.abs(run.layers[0].stats.max));
  const std = initStdRows(result);
  assert.equal(std.length, 2 * 3 * result.runs.length, 'measured and predicted, per layer, per run');
  const heRelu3 = std.find((row) => row.scheme === 'he' && row.activation === 'relu' && row.layer === 3 && row.kind === 'measured');
  assert.equal(heRelu3?.value, run.layers[2].stats.std);
  assert.equal(initMeanRows(result).length, 3 * result.runs.length);
  assert.equal(telltaleFraction(run, run.layers[0]), run.layers[0].stats.zeroFraction, 'ReLU: the zero fraction');
});

test('activations: curves and derivatives on the grid, gradient per layer, dead units from init on', async () => {
  const result = await activationsLab.run({ depth: 3, width: 10, epochs: 2 });
  const curves = curveRows(result);
  assert.equal(curves.length, result.curves.length * result.grid.length * 2);
  const sigmoidSlope = curves.filter((row) => row.activation === 'sigmoid' && row.kind === "f'(x)");
  assert.ok(Math.max(...sigmoidSlope.map((row) => row.value)) <= 0.25 + 1e-6, "σ' ≤ 1/4");
  const depth = depthRows(result);
  assert.ok(depth.every((row) => row.value > 0 && row.layer >= 1 && row.layer <= 3));
  const dead = deadUnitRows(result, 0.05);
  assert.equal(dead.filter((row) => row.epoch === 0).length, result.training.length * 2, 'a point at initialisation per run and measure');
  assert.deepEqual([...new Set(dead.map((row) => row.run))], ['relu, lr 0.05', 'relu, first lr 2', 'leaky-relu, first lr 2', 'prelu, first lr 2']);
  assert.equal(trainingLossRows(result, 0.05).length, result.training.length * 2);
});

test('optimisers: the paths are the iterates, the contours are level sets of the engine’s quadratic, and counts match', async () => {
  const result = await optimizersLab.run({ kappa: 10, pathSteps: 20 });
  const paths = quadraticPathRows(result);
  assert.equal(paths.length, 3 * 21);
  assert.deepEqual(paths[1], { series: 'sgd', step: 1, x: result.runs[0].path[2], y: result.runs[0].path[3] });
  const f = quadratic(10);
  const contours = quadraticContourRows(10, [1, 1], 5, 36);
  for (const level of new Set(contours.map((row) => row.level))) {
    for (const row of contours.filter((r) => r.level === level)) assert.ok(Math.abs(f.value([row.x, row.y]) - level) < 1e-9 * Math.max(1, level));
  }
  assert.equal(Math.max(...contours.map((row) => row.level)), f.value([1, 1]), 'the outer line goes through the start');
  const window = pathWindow(paths);
  assert.ok(window.x[0] < 0 && window.x[1] > 1 && window.y[1] > 1);
  const sgd = iterationRows(result).find((row) => row.method === 'sgd' && row.kind === 'measured');
  assert.equal(sgd?.value, result.runs[0].steps);
  assert.equal(tunedRows(result).length, result.tuned.filter((row) => row.steps !== null).length);
  const saddle = saddleRows(result);
  assert.ok(saddle.every((row) => row.value > 0));
  assert.ok(saddle.some((row) => row.method === 'sgd' && row.value > 0.5), 'drawn until past the escape line');
});

test('a diverging run does not stretch the 2-D window past the limit', () => {
  const window = pathWindow([{ series: 'sgd', step: 0, x: 1, y: 1 }, { series: 'sgd', step: 1, x: -1e9, y: 1e12 }]);
  assert.ok(window.x[0] >= -3.5 && window.y[1] <= 3.5);
});

test('schedules, regularisation, preprocessing: one row per epoch (or probe) of each run', async () => {
  const schedules = await schedulesLab.run({ epochs: 3 });
  assert.equal(learningRateRows(schedules).length, 4 * 3);
  assert.equal(learningRateRows(schedules).find((row) => row.schedule === 'step' && row.epoch === 0)?.value, schedules.runs[1].learningRates[0]);
  assert.ok(scheduleLossRows(schedules).length <= 4 * 3);
  const regularization = await regularizationLab.run({ epochs: 3, trainPerClass: 5 });
  assert.deepEqual(dropoutMeanRows(regularization).map((row) => row.value), [regularization.dropout.inputMean, regularization.dropout.trainingMean, regularization.dropout.testMean]);
  assert.equal(trainValidationRows(regularization).length, 3 * 2 * 3);
  assert.ok(batchNormGapRows(regularization).every((row) => row.value > 0));
  const preprocessing = await preprocessingLab.run({ examples: 32, maxEpochs: 3, features: 4 });
  assert.equal(signRows(preprocessing).length, 6);
  assert.equal(updatePathRows(preprocessing)[0].x, 0, 'the 2-D unit starts at 0');
  assert.equal(convergenceRows(preprocessing).length, 2 * 3);
});

test('text: splits side by side, pitfalls, tokens and counts', async () => {
  const result = await textLab.run({});
  const rows = sideBySide(result.sentences.naive, result.sentences.library);
  assert.equal(rows.length, Math.max(result.sentences.naive.length, result.sentences.library.length));
  assert.deepEqual(onlyIn(result.words.naive, result.words.library), ['Mr', 'didn', 't', 'Hawai', 'i']);
  assert.deepEqual(tokenRows(result).find((row) => row[0] === 'better'), ['better', 'ADJ', 'better', 'good', '', '']);
  assert.equal(countRows(result)[0].value, result.words.naive.length);
});

test('attention: n × n cells row by row, labelled with the symbols, and the last check at the last step', async () => {
  const result = await attentionLab.run({ length: 3, vocabulary: 4, hidden: 4, steps: 70, batchSize: 8 });
  const cells = weightCells(result.meanWeights, 3);
  assert.equal(cells.length, 9);
  assert.deepEqual(cells[5], { step: '1', position: '2', value: result.meanWeights[5] });
  const labelled = weightCells(result.example.weights, 3, result.example.input, result.example.output);
  assert.equal(labelled[0].position, `0 · ${result.example.input[0]}`);
  assert.deepEqual(axisOrder(3), ['0', '1', '2']);
  const training = attentionTrainingRows(result, 70);
  assert.deepEqual([...new Set(training.map((row) => row.step))], [50, 70]);
});

test('numbers are shown with 4 significant digits, exponents for the very small and large', () => {
  assert.equal(formatValue(1341), '1341');
  assert.equal(formatValue(0.98437), '0.9844');
  assert.equal(formatValue(2.97e-7), '2.97e-7');
  assert.equal(formatValue(1.02e12), '1.02e+12');
  assert.equal(formatValue(null), '—');
  assert.equal(formatValue('not reached'), 'not reached');
});
