/** Numbers in findings' messages, written the way each language writes them (0.93 → "93%" / "93 %"). */
import type { Bilingual } from './findings';

export interface Formatter {
  /** 3 significant digits, exponent notation for very small or large values. */
  num(value: number): string;
  /** A fraction as a whole percentage. */
  pct(fraction: number): string;
}

function number(value: number, decimalComma: boolean): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const rounded = Number(value.toPrecision(3));
  const text = abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? rounded.toExponential().replace('e+', 'e') : String(rounded);
  return decimalComma ? text.replace('.', ',') : text;
}

const EN: Formatter = { num: (value) => number(value, false), pct: (fraction) => `${Math.round(fraction * 100)}%` };
// French puts a (narrow no-break) space before %, and a decimal comma.
const FR: Formatter = { num: (value) => number(value, true), pct: (fraction) => `${Math.round(fraction * 100)}\u202f%` };

/** Builds a message in both languages, each with its own number formatting. */
export function bilingual(en: (f: Formatter) => string, fr: (f: Formatter) => string): Bilingual {
  return { en: en(EN), fr: fr(FR) };
}

/** Evidence keeps finite numbers only (JSON has no NaN or Infinity); rounded to 4 significant digits. */
export function evidence(values: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && Number.isFinite(value)) kept[key] = Number(value.toPrecision(4));
  }
  return kept;
}
