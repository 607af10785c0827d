/**
 * How a parameter of a lab's schema becomes a control, and how the control's text becomes a value.
 * Pure (no DOM): the view's first check, so a typo is shown next to its field; the host checks again.
 */
import type { NumberParamSpec, ParamSpec, ParamValue } from '../../src/labs/core/labs';

export type ControlKind = 'select' | 'slider' | 'number' | 'textarea';

export type ParsedValue = { readonly ok: true; readonly value: ParamValue } | { readonly ok: false; readonly message: string };

/**
 * A slider (with a number box beside it) for short linear ranges — layers, a momentum, a dropout rate;
 * a number box alone for wide or logarithmic ones (κ up to 1e5, a tolerance of 1e-6, a seed).
 */
export function controlKind(spec: ParamSpec): ControlKind {
  if (spec.kind === 'choice') return 'select';
  if (spec.kind === 'text') return 'textarea';
  const linear = spec.min <= 0 || spec.max / spec.min <= 1000;
  return spec.max - spec.min <= 100 && linear ? 'slider' : 'number';
}

function decimals(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

/** A slider step fine enough to land exactly on the minimum, the maximum and the default. */
export function sliderStep(spec: NumberParamSpec): number {
  if (spec.integer) return 1;
  return 10 ** -Math.max(decimals(spec.min), decimals(spec.max), decimals(spec.default), 1);
}

export function parseControlValue(spec: ParamSpec, text: string): ParsedValue {
  switch (spec.kind) {
    case 'number': {
      const range = `a${spec.integer ? ' whole' : ''} number from ${spec.min} to ${spec.max}`;
      const value = text.trim() === '' ? Number.NaN : Number(text);
      const valid = Number.isFinite(value) && value >= spec.min && value <= spec.max && (!spec.integer || Number.isInteger(value));
      return valid ? { ok: true, value } : { ok: false, message: `${spec.label}: ${range}` };
    }
    case 'choice':
      return spec.choices.includes(text) ? { ok: true, value: text } : { ok: false, message: `${spec.label}: one of ${spec.choices.join(', ')}` };
    case 'text':
      return text.length <= spec.maxLength ? { ok: true, value: text } : { ok: false, message: `${spec.label}: at most ${spec.maxLength} characters` };
  }
}
