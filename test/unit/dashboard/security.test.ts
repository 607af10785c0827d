import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDashboardState, parseFromDashboard } from '../../../src/dashboard/core/dashboardProtocol';
import { jsonForHtml, randomNonce } from '../../../src/common/core/htmlSafety';

test('messages from the dashboard webview are validated', () => {
  assert.deepEqual(parseFromDashboard({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromDashboard({ type: 'openNote', topic: 'init-he' }), { type: 'openNote', topic: 'init-he' });
  assert.equal(parseFromDashboard({ type: 'openNote', topic: 'workbench.action.quit' }), undefined, 'only known topic ids');
  assert.deepEqual(parseFromDashboard({ type: 'revealLine', line: 12 }), { type: 'revealLine', line: 12 });
  assert.deepEqual(parseFromDashboard({ type: 'compareRun', runId: '../../etc' }), { type: 'compareRun' }, 'the host picks the run, never the webview');
  assert.deepEqual(parseFromDashboard({ type: 'stopComparing' }), { type: 'stopComparing' });
  assert.equal(parseFromDashboard({ type: 'revealLine', line: 0 }), undefined);
  assert.equal(parseFromDashboard({ type: 'revealLine', line: 1.5 }), undefined);
  assert.equal(parseFromDashboard({ type: 'revealLine', line: 3, file: '/etc/passwd' })?.type, 'revealLine', 'extra fields are ignored, never used');
  assert.equal(parseFromDashboard({ type: 'executeCommand', command: 'x' }), undefined);
  assert.equal(parseFromDashboard('ready'), undefined);
  assert.equal(parseFromDashboard(null), undefined);
});

test('the state a restored dashboard hands back is read field by field', () => {
  assert.deepEqual(parseDashboardState({ runId: 'a-1', compareRunId: 'b-2' }), { runId: 'a-1', compareRunId: 'b-2' });
  assert.deepEqual(parseDashboardState({ runId: 7, compareRunId: ['x'] }), {}, 'wrong types are dropped');
  assert.deepEqual(parseDashboardState(undefined), {}, 'a panel closed before it showed a run');
  assert.deepEqual(parseDashboardState('a-1'), {});
});

test('JSON embedded in the report cannot close its script element', () => {
  const json = jsonForHtml({ name: '</script><script>alert(1)</script>', bins: Float32Array.from([1, 2]) });
  assert.ok(!json.includes('</script'), json);
  assert.deepEqual(JSON.parse(json), { name: '</script><script>alert(1)</script>', bins: [1, 2] });
});

test('nonces are random and long enough', () => {
  const nonces = new Set(Array.from({ length: 100 }, randomNonce));
  assert.equal(nonces.size, 100);
  assert.ok([...nonces].every((nonce) => nonce.length >= 24));
});
