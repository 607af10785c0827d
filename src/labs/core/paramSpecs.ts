/**
 * A lab's parameters: one schema drives the CLI flags, the webview controls and the validation of both.
 */
interface ParamSpecBase {
  /** camelCase key; the CLI flag is its kebab-case form (`lrScale` → `--lr-scale`). */
  readonly name: string;
  readonly label: string;
}
export interface NumberParamSpec extends ParamSpecBase {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}
export interface ChoiceParamSpec extends ParamSpecBase {
  readonly kind: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
}
export interface TextParamSpec extends ParamSpecBase {
  readonly kind: 'text';
  readonly default: string;
  readonly maxLength: number;
}
export type ParamSpec = NumberParamSpec | ChoiceParamSpec | TextParamSpec;
export type ParamValue = number | string;
export type ParamValues = Readonly<Record<string, ParamValue>>;
type ValueOf<S> = S extends { readonly kind: 'number' } ? number : S extends { readonly choices: readonly (infer C)[] } ? C : string;
/** The typed parameters a schema declared `as const` describes. */
export type ParamsOf<Specs extends readonly ParamSpec[]> = { readonly [S in Specs[number] as S['name']]: ValueOf<S> };
