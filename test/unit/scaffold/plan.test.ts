/** planScaffold: the files scaffolding writes; irisCsv: the data shipped with the iris template. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultOptions } from '../../../src/scaffold/core/choices';
import { parseCsv } from '../../../src/scaffold/core/csv';
import { IRIS_COLUMNS, IRIS_CSV_FILE, irisCsv } from '../../../src/scaffold/core/irisCsv';
import { planScaffold } from '../../../src/scaffold/core/plan';
import { generateModule } from '../../../src/scaffold/core/templates/index';
import { CSV_REGRESSION } from '../support/scaffoldCases';

test('a generated template plans only the model file', () => {
  const plan = planScaffold(defaultOptions('moons'), 'moons.ts');
  assert.deepEqual(plan.files.map((f) => f.relativePath), ['moons.ts']);
  assert.equal(plan.files[0]?.contents, generateModule(defaultOptions('moons')));
  assert.deepEqual(planScaffold(CSV_REGRESSION, 'h.ts').files.map((f) => f.relativePath), ['h.ts'], "the user's CSV is not rewritten");
});

test('iris plans the model and iris.csv, which the model reads by that name', () => {
  const plan = planScaffold(defaultOptions('iris'), 'flowers.ts');
  assert.deepEqual(plan.files.map((f) => f.relativePath), ['flowers.ts', IRIS_CSV_FILE]);
  assert.equal(plan.files[1]?.contents, irisCsv());
  assert.match(plan.files[0]?.contents ?? '', /const CSV_FILE = 'iris\.csv';/);
});

test('iris.csv: a header and the 150 rows of the real data set, 50 per species', () => {
  const parsed = parseCsv(irisCsv());
  assert.equal(parsed.hasHeader, true);
  assert.deepEqual(parsed.columnNames, IRIS_COLUMNS);
  assert.equal(parsed.rows.length, 150);
  assert.deepEqual(parsed.badRows, []);
  assert.deepEqual(parsed.numericColumns, [true, true, true, true, false]);
  assert.deepEqual(parsed.rows[0]?.fields, ['5.1', '3.5', '1.4', '0.2', 'setosa']);
  const perSpecies = new Map<string, number>();
  for (const row of parsed.rows) perSpecies.set(row.fields[4] ?? '', (perSpecies.get(row.fields[4] ?? '') ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(perSpecies), { setosa: 50, versicolor: 50, virginica: 50 });
  assert.ok(irisCsv().endsWith('virginica\n'));
});
