/** schema/run-log.schema.json against the record types of src/runs/core/runRecord.ts. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULE_IDS } from '../../../src/diagnosis/core/findings';
import { encodeRecord } from '../../../src/runs/core/runLogFormat';
import { RUN_LOG_VERSION, RUN_RECORD_TYPES, type RunRecord } from '../../../src/runs/core/runRecord';
import { probeRecord, runRecords, startRecord } from './records';
import { loadSchema, recordValidator } from './runLogSchema';

const schema = loadSchema() as { oneOf: { $ref: string }[]; $defs: Record<string, { properties: Record<string, { const?: unknown; enum?: unknown[] }> }> };
const defOf = (ref: string) => schema.$defs[ref.replace('#/$defs/', '')];
const open = recordValidator();
const closed = recordValidator({ closed: true });
/** A record as a producer writes it: encoded, then parsed as plain JSON (no reviver). */
const written = (record: RunRecord): unknown => JSON.parse(encodeRecord(record));

test('the schema has one branch per record type, no more, no fewer', () => {
  const types = schema.oneOf.map((branch) => defOf(branch.$ref).properties.type.const);
  assert.deepEqual([...types].sort(), [...RUN_RECORD_TYPES].sort());
});

test('the schema knows the version this DeepScope writes and every diagnosis rule', () => {
  assert.equal(defOf('#/$defs/startRecord').properties.version.const, RUN_LOG_VERSION);
  assert.deepEqual(schema.$defs.finding.properties.rule.enum, [...RULE_IDS]);
});

test('records of every type validate, non-finite numbers included, and name no property the schema misses', () => {
  const records: RunRecord[] = [
    ...runRecords({ ending: 'end' }),
    {
      ...startRecord(),
      loss: 'mse_loss',
      targets: { min: 0.5, max: 103, integers: false, oneHot: false, width: 1 },
      sites: { loss: { file: '/work/train.py', line: 27, column: 9 } },
    },
    probeRecord(2, { mean: Number.NaN, max: Number.POSITIVE_INFINITY, min: Number.NEGATIVE_INFINITY, percentiles: new Float32Array(9).fill(Number.NaN) }),
    { type: 'steps', losses: [{ step: 4, epoch: 1, loss: Number.NaN }] },
    { type: 'error', kind: 'shape', message: 'x does not fit', location: { file: '/work/model.ts', line: 7, column: 1 }, endedAt: '2026-12-02T18:36:00.000Z' },
  ];
  for (const record of records) assert.equal(closed(written(record)), undefined, record.type);
});

test('the schema refuses what readers cannot use', () => {
  const start = written(startRecord()) as Record<string, unknown>;
  const cases: [string, unknown][] = [
    ['an unknown type', { type: 'checkpoint', step: 3 }],
    ['another version', { ...start, version: 2 }],
    ['a start without its layers', { ...start, layers: undefined }],
    ['a start time that is not a time', { ...start, startedAt: 'yesterday' }],
    ['a loss written as null', { type: 'steps', losses: [{ step: 0, epoch: 0, loss: null }] }],
    ['NaN spelled another way', { type: 'steps', losses: [{ step: 0, epoch: 0, loss: 'nan' }] }],
    ['a fractional step', { type: 'steps', losses: [{ step: 0.5, epoch: 0, loss: 1 }] }],
    ['a probe without layers', { type: 'probe', step: 0, epoch: 0 }],
    ['an end of unknown status', { type: 'end', status: 'paused', endedAt: '2026-12-02T18:36:00.000Z' }],
    ['an error of unknown kind', { type: 'error', kind: 'oops', message: 'm', endedAt: '2026-12-02T18:36:00.000Z' }],
  ];
  for (const [what, record] of cases) assert.notEqual(open(record), undefined, what);
});

test('a property the schema does not name is allowed (forward compatibility), but listed by the closed check', () => {
  const record = { ...(written(startRecord()) as object), gpu: 'A100' };
  assert.equal(open(record), undefined);
  assert.match(closed(record) ?? '', /gpu/);
});
