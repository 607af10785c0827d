/**
 * One run record as one line of JSON, and back. JSON has no NaN or Infinity, which a diverging run
 * produces (and the diagnosis needs), so non-finite numbers are written as the strings "NaN",
 * "Infinity" and "-Infinity"; histogram counts and percentiles, typed arrays in memory, are plain
 * arrays on disk and typed arrays again once read.
 */
import type { RunRecord } from './runRecord';

const NON_FINITE: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };
/** Keys whose arrays are Float32Arrays in memory (DistributionStats). */
const TYPED_KEYS = new Set(['counts', 'percentiles']);

export function encodeRecord(record: RunRecord): string {
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as Float32Array, (item) => (Number.isFinite(item) ? item : String(item)));
    return value;
  });
}

/** Parses one line; throws SyntaxError for bad JSON. The result still has to be checked (`checkRecord`). */
export function decodeLine(line: string): unknown {
  return JSON.parse(line, (key, value: unknown) => {
    if (typeof value === 'string' && value in NON_FINITE) return NON_FINITE[value];
    if (TYPED_KEYS.has(key) && Array.isArray(value)) return Float32Array.from(value.map((item) => (typeof item === 'string' && item in NON_FINITE ? NON_FINITE[item] : Number(item))));
    return value;
  });
}
