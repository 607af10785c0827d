/**
 * The host's check of run parameters from a webview against the lab's own schema (the engine's
 * resolveParams: unknown names, types, ranges, lengths). Pure: no `vscode`.
 */
import { EngineError } from '../../engine/engineError';
import { resolveParams } from './experiments/lab';
import type { LabInfo, ParamValue, ParamValues } from './labs';
import type { RawParams } from './labPanelProtocol';

export type ParamCheck = { readonly ok: true; readonly params: ParamValues } | { readonly ok: false; readonly message: string };

/** Every parameter, defaults included, or the first problem in words. */
export function checkLabParams(info: LabInfo, raw: RawParams): ParamCheck {
  try {
    return { ok: true, params: resolveParams(info.params, raw) };
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Parameters saved by a view before a reload: each value that still passes the schema is kept, any
 * other (a schema changed by an update, a tampered state) falls back to its default.
 */
export function restoredParams(info: LabInfo, raw: RawParams): ParamValues {
  const kept: Record<string, ParamValue> = {};
  for (const spec of info.params) {
    const value = raw[spec.name];
    if (value !== undefined && checkLabParams(info, { [spec.name]: value }).ok) kept[spec.name] = value;
  }
  return resolveParams(info.params, kept);
}
