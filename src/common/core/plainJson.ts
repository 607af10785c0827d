/** JSON.stringify replacer: typed arrays (histogram bins, percentiles) become plain arrays. */
export function typedArraysAsArrays(_key: string, value: unknown): unknown {
  return isTypedArray(value) ? Array.from(value) : value;
}

function isTypedArray(value: unknown): value is Float32Array {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/**
 * A copy of `value` with every typed array as a plain array (objects and arrays copied, everything
 * else kept as is, NaN included). VS Code's webview postMessage drops the contents of many typed
 * arrays in one message (a reopened run's thousands of histogram counts arrived empty), so messages
 * to webviews carry plain arrays. A walk, not a JSON round trip: it runs on the extension host for
 * every streamed update.
 */
export function withPlainArrays<T>(value: T): T {
  return plainCopy(value) as T;
}

function plainCopy(value: unknown): unknown {
  if (isTypedArray(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map(plainCopy);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = plainCopy(item);
  return copy;
}
