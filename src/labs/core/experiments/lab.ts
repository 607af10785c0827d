/**
 * How a lab is declared: its info (title, note topics, parameter schema), its computation on typed
 * parameters, and the key numbers the CLI prints. `defineLab` adds the defaults and the validation, so a
 * lab only ever sees complete, checked parameters, whoever called it (CLI, webview, tests).
 */
import * as l10n from '@vscode/l10n';
import { EngineError } from '../../../engine/engineError';
import type { KeyTable, LabInfo, LabResult, ParamSpec, ParamsOf, ParamValue, ParamValues } from '../labs';

export interface LabOutcome<R extends LabResult = LabResult> {
  readonly params: ParamValues;
  readonly result: R;
  readonly tables: readonly KeyTable[];
}

export interface Lab<Specs extends readonly ParamSpec[], R extends LabResult> {
  readonly info: LabInfo & { readonly params: Specs };
  readonly defaults: ParamsOf<Specs>;
  /** Typed entry point (tests, other engine code): missing parameters take their defaults. */
  run(params?: Partial<ParamsOf<Specs>>): Promise<R>;
  /** Untyped entry point (CLI strings, webview messages): every value is validated first. */
  outcome(raw: Readonly<Record<string, unknown>>): Promise<LabOutcome<R>>;
}

/** What the registry keeps: every lab, with its types erased. */
export interface AnyLab {
  readonly info: LabInfo;
  outcome(raw: Readonly<Record<string, unknown>>): Promise<LabOutcome>;
}

export function defineLab<const Specs extends readonly ParamSpec[], R extends LabResult>(
  info: LabInfo & { readonly params: Specs },
  compute: (params: ParamsOf<Specs>) => Promise<R>,
  keyNumbers: (result: R) => readonly KeyTable[],
): Lab<Specs, R> {
  const defaults = resolveParams(info.params, {}) as ParamsOf<Specs>;
  const run = (params: Partial<ParamsOf<Specs>> = {}): Promise<R> => compute(resolveParams(info.params, params) as ParamsOf<Specs>);
  return {
    info,
    defaults,
    run,
    outcome: async (raw) => {
      const params = resolveParams(info.params, raw);
      const result = await compute(params as ParamsOf<Specs>);
      return { params, result, tables: keyNumbers(result) };
    },
  };
}

/** Defaults plus the given values, each checked against its spec; numbers may come as strings (CLI). */
export function resolveParams(specs: readonly ParamSpec[], raw: Readonly<Record<string, unknown>>): ParamValues {
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !specs.some((spec) => spec.name === key)) {
      const known = specs.map((spec) => spec.name).join(', ') || 'none';
      throw new EngineError('config', l10n.t('unknown parameter "{0}" (parameters: {1})', key, known));
    }
  }
  const values: Record<string, ParamValue> = {};
  for (const spec of specs) {
    const value = raw[spec.name];
    values[spec.name] = value === undefined ? spec.default : checkValue(spec, value);
  }
  return values;
}

function checkValue(spec: ParamSpec, value: unknown): ParamValue {
  const fail = (expected: string): never => {
    throw new EngineError('config', l10n.t('parameter "{0}" must be {1}, got {2}', spec.name, expected, JSON.stringify(value)));
  };
  switch (spec.kind) {
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      const range = spec.integer ? l10n.t('a whole number from {0} to {1}', spec.min, spec.max) : l10n.t('a number from {0} to {1}', spec.min, spec.max);
      if (typeof number !== 'number' || !Number.isFinite(number)) return fail(range);
      if (number < spec.min || number > spec.max || (spec.integer === true && !Number.isInteger(number))) return fail(range);
      return number;
    }
    case 'choice':
      return typeof value === 'string' && spec.choices.includes(value) ? value : fail(l10n.t('one of {0}', spec.choices.join(', ')));
    case 'text':
      return typeof value === 'string' && value.length <= spec.maxLength ? value : fail(l10n.t('a text of at most {0} characters', spec.maxLength));
  }
}
