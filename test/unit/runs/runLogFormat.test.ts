/** One record per line of JSON and back: non-finite numbers and typed arrays survive. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeLine, encodeRecord } from '../../../src/runs/core/runLogFormat';
import type { ProbeRecord, RunRecord } from '../../../src/runs/core/runRecord';
import { epochRecord, probeRecord, runRecords } from './records';

test('NaN, Infinity and -Infinity are written as strings and read back as numbers', () => {
  const record: RunRecord = { ...epochRecord(0, Number.NaN), valLoss: Number.POSITIVE_INFINITY, metrics: { acc: Number.NEGATIVE_INFINITY } };
  const line = encodeRecord(record);
  assert.ok(!line.includes('null'), line);
  assert.deepEqual(JSON.parse(line), { type: 'epoch', epoch: 0, loss: 'NaN', lr: 0.1, metrics: { acc: '-Infinity' }, valLoss: 'Infinity' });
  assert.deepEqual(decodeLine(line), record);
});

test('histogram counts and percentiles are arrays on disk and Float32Arrays again once read, non-finite items included', () => {
  const percentiles = Float32Array.from([Number.NEGATIVE_INFINITY, 0, 0.1, 0.2, 0.5, 0.7, 0.8, Number.NaN, Number.POSITIVE_INFINITY]);
  const record = probeRecord(3, { mean: Number.NaN, percentiles });
  const line = encodeRecord(record);
  const plain = JSON.parse(line) as ProbeRecord;
  const written = plain.layers[0].activations as unknown as { percentiles: unknown; histogram: { counts: unknown } };
  assert.deepEqual(written.percentiles, ['-Infinity', 0, Math.fround(0.1), Math.fround(0.2), 0.5, Math.fround(0.7), Math.fround(0.8), 'NaN', 'Infinity']);
  assert.deepEqual(written.histogram.counts, [1, 0, 3]);
  const decoded = decodeLine(line) as ProbeRecord;
  assert.ok(decoded.layers[0].activations.percentiles instanceof Float32Array);
  assert.ok(decoded.layers[0].weights[0].gradient?.stats.histogram.counts instanceof Float32Array);
  assert.deepEqual(decoded, record);
});

test('a whole run survives the round trip, one line per record', () => {
  for (const record of runRecords({ ending: 'end' })) {
    const line = encodeRecord(record);
    assert.ok(!line.includes('\n'));
    assert.deepEqual(decodeLine(line), record);
  }
});
