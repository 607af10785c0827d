/** The CSV loader written into csv models, run for real: it reads the file and names bad rows by line. */
import * as tf from '@tensorflow/tfjs';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { generateModule } from '../../../src/scaffold/core/templates/index';
import { type ModelModule, bundleAndLoad, makeWorkDir, removeWorkDir } from '../support/generatedModules';
import { CSV_CLASSIFICATION, CSV_REGRESSION } from '../support/scaffoldCases';

const dir = makeWorkDir('csv-loader');
const data = path.join(dir, 'data');
let classifier: ModelModule;
let regressor: ModelModule;

before(async () => {
  await tf.setBackend('cpu');
  fs.mkdirSync(data);
  const inData = (options: typeof CSV_REGRESSION) => ({ ...options, csv: { ...options.csv!, relativePath: 'data/houses.csv' } });
  fs.writeFileSync(path.join(dir, 'classifier.ts'), generateModule({ ...inData(CSV_CLASSIFICATION), centerInputs: false }));
  fs.writeFileSync(path.join(dir, 'regressor.ts'), generateModule({ ...inData(CSV_REGRESSION), centerInputs: false }));
  const modules = await bundleAndLoad(dir, ['classifier', 'regressor']);
  classifier = modules.get('classifier')!;
  regressor = modules.get('regressor')!;
});
after(() => removeWorkDir(dir));

const writeCsv = (text: string): void => fs.writeFileSync(path.join(data, 'houses.csv'), text);

async function loadRows(module: ModelModule): Promise<{ x: number[][]; y: number[][] }> {
  const dataset = await module.loadData();
  const tensors = [dataset.x, dataset.y, dataset.validation?.x, dataset.validation?.y].filter((t): t is tf.Tensor => t !== undefined);
  const rows = {
    x: [...(dataset.x.arraySync() as number[][]), ...((dataset.validation?.x.arraySync() as number[][] | undefined) ?? [])],
    y: [...(dataset.y.arraySync() as number[][]), ...((dataset.validation?.y.arraySync() as number[][] | undefined) ?? [])],
  };
  tf.dispose(tensors);
  return rows;
}

const sortRows = (rows: number[][]): number[][] => [...rows].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));

test('reads a CSV with a BOM, CRLF, quotes and blank lines, relative to the model file', async () => {
  writeCsv('\uFEFFarea,rooms,city,price\r\n50,2,"Paris",100\r\n\r\n"70",3,Lyon,150.5\r\n90,4,Nice,170\r\n60,2," Lyon ",120\r\n');
  const { x, y } = await loadRows(classifier);
  assert.deepEqual(sortRows(x), [[50, 2, 100], [60, 2, 120], [70, 3, 150.5], [90, 4, 170]]);
  assert.equal(y.length, 4);
  const regression = await loadRows(regressor);
  assert.deepEqual(sortRows(regression.x.map((r, i) => [...r, regression.y[i]?.[0] ?? NaN])), [
    [50, 2, 100],
    [60, 2, 120],
    [70, 3, 150.5],
    [90, 4, 170],
  ]);
});

test('one Error lists every bad row with its line number, and no tensor is left behind', async () => {
  writeCsv(['area,rooms,city,price', '50,2,Paris,100', '', '70,3,Lyon', '80,x,Lyon,170', '90,4,Rome,180', '60,2,Nice,cheap'].join('\n'));
  const baseline = tf.memory().numTensors;
  await assert.rejects(async () => classifier.loadData(), (error: Error) => {
    assert.equal(
      error.message,
      [
        'data/houses.csv has 4 bad value(s); fix or delete these rows:',
        'data/houses.csv:4: expected 4 columns, found 3',
        'data/houses.csv:5: column rooms: "x" is not a number',
        'data/houses.csv:6: column city: "Rome" is not one of Paris, Lyon, Nice',
        'data/houses.csv:7: column price: "cheap" is not a number',
      ].join('\n'),
    );
    return true;
  });
  await assert.rejects(async () => regressor.loadData(), /data\/houses\.csv:5: column rooms: "x" is not a number\ndata\/houses\.csv:7: column price: "cheap" is not a number/);
  assert.equal(tf.memory().numTensors, baseline);
});

test('a missing file or an unclosed quote is reported clearly', async () => {
  fs.rmSync(path.join(data, 'houses.csv'));
  await assert.rejects(async () => classifier.loadData(), /ENOENT.*houses\.csv/);
  writeCsv('area,rooms,city,price\n50,2,"Paris,100\n');
  await assert.rejects(async () => classifier.loadData(), /data\/houses\.csv:2: a quoted field is never closed/);
});
