/** JSON.stringify replacer: typed arrays (histogram bins, percentiles) become plain arrays. */
export function typedArraysAsArrays(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float32Array) : value;
}

/**
 * A deep copy of `value` with every typed array as a plain array. VS Code's webview postMessage
 * drops the contents of many typed arrays in one message (a reopened run's thousands of histogram
 * counts arrived empty), so messages to webviews are sent as plain JSON.
 */
export function withPlainArrays<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, typedArraysAsArrays)) as T;
}
