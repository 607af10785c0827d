import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisposableStore } from '../../../src/common/core/disposable';

function counter(): { dispose(): void; count: number } {
  const item = { count: 0, dispose: () => { item.count += 1; } };
  return item;
}

test('a store releases what it owns once, however often it is disposed', () => {
  const store = new DisposableStore();
  const a = store.register(counter());
  const b = counter();
  store.registerAll(b);
  store.dispose();
  store.dispose();
  assert.equal(a.count, 1);
  assert.equal(b.count, 1);
  assert.equal(store.isDisposed, true);
});

test('one disposable that throws does not keep the others from being released', () => {
  const store = new DisposableStore();
  const after = counter();
  store.register({ dispose: () => { throw new Error('boom'); } });
  store.register(after);
  assert.throws(() => store.dispose(), /boom/);
  assert.equal(after.count, 1);
});

test('something registered after disposal is released at once', () => {
  const store = new DisposableStore();
  store.dispose();
  const late = store.register(counter());
  assert.equal(late.count, 1);
});
