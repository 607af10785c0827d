/**
 * Parsers for the numbers a user types when scaffolding (quick-pick input boxes and CLI flags
 * share them). Each returns the value or a message saying what is wrong.
 */
export type Parsed<T> = { value: T } | { error: string };

/** "64, 32" → [64, 32]: one positive integer per hidden layer, at least one layer. */
export function parseHiddenUnits(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,]+/).filter((part) => part.length > 0);
  if (parts.length === 0) {
    return { error: 'Give at least one hidden layer size, e.g. "64, 64".' };
  }
  const units = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isInteger(units[i]) || units[i] < 1 || units[i] > 100_000);
  if (bad !== undefined) {
    return { error: `"${bad}" is not a layer size: use whole numbers between 1 and 100000.` };
  }
  return { value: units };
}

/** A dropout rate in [0, 1). The notes' advice keeps it at 0.5 at most; above that is allowed but unusual. */
export function parseDropoutRate(text: string): Parsed<number> {
  const rate = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate >= 1) {
    return { error: 'A dropout rate is a number from 0 (no dropout) up to, but not including, 1.' };
  }
  return { value: rate };
}

/** A strictly positive finite number (learning rate, …). */
export function parsePositiveNumber(text: string, what: string): Parsed<number> {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    return { error: `${what} must be a positive number.` };
  }
  return { value };
}
