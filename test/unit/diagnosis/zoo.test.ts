/**
 * The bug zoo on every backend available here: each broken model gets its rule (a warning or an
 * error, on the right line), no healthy model gets a warning, and no run leaves a tensor behind.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { availableBackends, BROKEN, diagnoseInProcess, HEALTHY, lineOf } from './zoo';

const describeFindings = (findings: readonly { rule: string; severity: string; line?: number }[]): string =>
  findings.map((finding) => `${finding.severity} ${finding.rule} @${finding.line}`).join('; ') || 'none';

for (const backend of availableBackends()) {
  describe(`bug zoo on ${backend}`, () => {
    for (const broken of BROKEN) {
      test(`${path.basename(broken.file)} → ${broken.rule}`, async () => {
        const baseline = tf.memory().numTensors;
        const findings = await diagnoseInProcess(broken.file, backend);
        const line = lineOf(broken.file, broken.on);
        const found = findings.find((finding) => finding.rule === broken.rule && finding.line === line);
        assert.ok(found, `expected ${broken.rule} on line ${line}; got ${describeFindings(findings)}`);
        assert.notEqual(found.severity, 'information', `${broken.rule} should hurt training here`);
        assert.ok(found.message.en.length > 40 && found.message.fr.length > 40 && found.fix.en && found.fix.fr);
        assert.ok(Object.values(found.evidence).every(Number.isFinite));
        assert.equal(tf.memory().numTensors, baseline, 'every tensor of the run is freed');
      });
    }
    for (const healthy of HEALTHY) {
      test(`${path.basename(healthy.file)} is healthy: no warning`, async () => {
        const findings = await diagnoseInProcess(healthy.file, backend, healthy.epochs);
        const alarms = findings.filter((finding) => finding.severity !== 'information');
        assert.deepEqual(alarms, [], describeFindings(alarms));
      });
    }
  });
}
