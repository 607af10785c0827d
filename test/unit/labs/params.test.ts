/**
 * Parameters from a view: the webview's first check (paramValues) and the host's check against the lab's
 * schema agree on every lab's defaults; bad values and unknown names are refused with a readable message.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAB_CATALOG } from '../../../src/labs/core/catalog';
import { checkLabParams, restoredParams } from '../../../src/labs/core/labParams';
import type { LabInfo, LabName } from '../../../src/labs/core/labs';
import { controlKind, parseControlValue, sliderStep } from '../../../webviews/labs/paramValues';

const infos = LAB_CATALOG;
const info = (name: LabName): LabInfo => infos.find((candidate) => candidate.name === name) as LabInfo;

test("every lab's defaults pass both checks, and every slider lands exactly on its default", () => {
  for (const lab of infos) {
    const check = checkLabParams(lab, {});
    assert.ok(check.ok, `${lab.name}: ${check.ok ? '' : check.message}`);
    for (const spec of lab.params) {
      const parsed = parseControlValue(spec, String(spec.default));
      assert.deepEqual(parsed, { ok: true, value: spec.default }, `${lab.name}.${spec.name}`);
      if (spec.kind === 'number' && controlKind(spec) === 'slider') {
        const steps = (spec.default - spec.min) / sliderStep(spec);
        assert.ok(Math.abs(steps - Math.round(steps)) < 1e-6, `${lab.name}.${spec.name}: the slider cannot show ${spec.default}`);
      }
    }
  }
});

test('controls: selects for choices, a textarea for text, sliders for short linear ranges, number boxes for wide ones', () => {
  const kinds = (name: LabName) => Object.fromEntries(info(name).params.map((spec) => [spec.name, controlKind(spec)]));
  assert.equal(kinds('weight-init').activation, 'select');
  assert.equal(kinds('weight-init').layers, 'slider');
  assert.equal(kinds('weight-init').smallScale, 'number');
  assert.equal(kinds('optimizers').kappa, 'number');
  assert.equal(kinds('optimizers').rho, 'slider');
  assert.equal(kinds('optimizers').tolerance, 'number');
  assert.equal(kinds('regularization').dropoutRate, 'slider');
  assert.equal(kinds('text').text, 'textarea');
  assert.equal(kinds('attention').length, 'slider');
});

test('the view refuses what the schema refuses, naming the field and its range', () => {
  const layers = info('weight-init').params.find((spec) => spec.name === 'layers');
  assert.ok(layers);
  assert.deepEqual(parseControlValue(layers, '2.5'), { ok: false, message: 'Layers: a whole number from 1 to 20' });
  assert.equal(parseControlValue(layers, '').ok, false);
  assert.equal(parseControlValue(layers, '21').ok, false);
  assert.equal(parseControlValue(layers, 'ten').ok, false);
  const activation = info('weight-init').params.find((spec) => spec.name === 'activation');
  assert.ok(activation);
  assert.equal(parseControlValue(activation, 'sigmoid').ok, false);
});

test('the host checks run parameters against the schema: ranges, choices, unknown names, text length', () => {
  const weightInit = info('weight-init');
  const ok = checkLabParams(weightInit, { activation: 'relu', layers: 3 });
  assert.ok(ok.ok);
  assert.equal(ok.params.activation, 'relu');
  assert.equal(ok.params.units, 500, 'defaults fill the rest');
  const cases: [Record<string, string | number>, RegExp][] = [
    [{ layers: 0 }, /"layers" must be a whole number from 1 to 20/],
    [{ layers: 2.5 }, /whole number/],
    [{ activation: 'sigmoid' }, /one of both, tanh, relu/],
    [{ constructor: 1 }, /unknown parameter "constructor"/],
    [{ file: '/etc/passwd' }, /unknown parameter "file"/],
  ];
  for (const [raw, message] of cases) {
    const check = checkLabParams(weightInit, raw);
    assert.equal(check.ok, false, JSON.stringify(raw));
    if (!check.ok) assert.match(check.message, message);
  }
  const text = checkLabParams(info('text'), { text: 'x'.repeat(5001) });
  assert.equal(text.ok, false);
});

test('restored parameters keep what still passes the schema and fall back to defaults for the rest', () => {
  const params = restoredParams(info('optimizers'), { kappa: 10, rho: 7, lrScale: 'fast', gone: 1 });
  assert.equal(params.kappa, 10);
  assert.equal(params.rho, 0.9);
  assert.equal(params.lrScale, 1);
  assert.equal('gone' in params, false);
});
