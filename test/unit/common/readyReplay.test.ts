import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReadyReplay, type ReplayKind } from '../../../src/common/core/readyReplay';

interface Message { type: string; n: number }
const dashboardKind = (message: Message): ReplayKind => (message.type === 'snapshot' ? 'reset' : 'once');

test('posts wait for the first ready and are replayed in order', () => {
  const replay = new ReadyReplay(dashboardKind);
  assert.equal(replay.post({ type: 'progress', n: 1 }), false);
  assert.equal(replay.post({ type: 'progress', n: 2 }), false);
  assert.deepEqual(replay.onReady(), { messages: [{ type: 'progress', n: 1 }, { type: 'progress', n: 2 }], restarted: false });
  assert.equal(replay.post({ type: 'progress', n: 3 }), true);
});

test('a reset message replaces whatever waited', () => {
  const replay = new ReadyReplay(dashboardKind);
  replay.post({ type: 'progress', n: 1 });
  replay.post({ type: 'snapshot', n: 2 });
  replay.post({ type: 'progress', n: 3 });
  assert.deepEqual(replay.onReady().messages.map((m) => m.n), [2, 3]);
});

test('after a restart only the slots are replayed, and the restart is reported', () => {
  const replay = new ReadyReplay((message: Message): ReplayKind => (message.type === 'progress' ? 'once' : { slot: message.type }));
  replay.post({ type: 'show', n: 1 });
  replay.onReady();
  assert.equal(replay.post({ type: 'show', n: 2 }), true);
  assert.equal(replay.post({ type: 'progress', n: 3 }), true);
  assert.deepEqual(replay.onReady(), { messages: [{ type: 'show', n: 2 }], restarted: true });
});

test('slots are replayed in their declared order, whatever order they were posted in', () => {
  const replay = new ReadyReplay((message: Message): ReplayKind => ({ slot: message.type }), ['show', 'status']);
  replay.post({ type: 'status', n: 1 });
  replay.post({ type: 'show', n: 2 });
  replay.post({ type: 'status', n: 3 });
  assert.deepEqual(replay.onReady().messages.map((m) => m.n), [2, 3]);
});

test('clear forgets slots and waiting posts', () => {
  const replay = new ReadyReplay((message: Message): ReplayKind => ({ slot: message.type }));
  replay.post({ type: 'show', n: 1 });
  replay.clear();
  assert.deepEqual(replay.onReady().messages, []);
});
