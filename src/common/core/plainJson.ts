/** JSON.stringify replacer: typed arrays (histogram bins, percentiles) become plain arrays. */
export function typedArraysAsArrays(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float32Array) : value;
}
