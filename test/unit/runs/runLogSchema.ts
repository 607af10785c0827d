/** schema/run-log.schema.json as the tests use it: the schema itself and validators of one log line. */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema', 'run-log.schema.json');

type SchemaNode = { [key: string]: unknown };

export function loadSchema(): SchemaNode {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as SchemaNode;
}

/**
 * The schema with every object closed (`additionalProperties: false` wherever it lists properties and
 * leaves the rest open). The real schema lets records carry unknown properties, for forward
 * compatibility; validating what the engine writes against the closed one shows the schema names
 * every property the engine writes, so the two cannot drift apart unnoticed.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (typeof node !== 'object' || node === null) return node;
  const copy: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) copy[key] = closed(value);
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

/** What is wrong with one parsed line, as one readable string; undefined when it is a valid record. */
export type RecordCheck = (record: unknown) => string | undefined;

export function recordValidator(options: { readonly closed?: boolean } = {}): RecordCheck {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const schema = loadSchema();
  ajv.addSchema(options.closed ? (closed(schema) as SchemaNode) : schema, 'run-log');
  const validate = ajv.getSchema('run-log');
  if (!validate) throw new Error('the run-log schema did not compile');
  // oneOf reports every branch's complaints: the branch of the record's own type says what is wrong.
  const branchOf = (record: unknown): ValidateFunction | undefined => {
    const type = (record as { type?: unknown } | null)?.type;
    return typeof type === 'string' && /^[a-z]+$/.test(type) ? ajv.getSchema(`run-log#/$defs/${type}Record`) : undefined;
  };
  return (record) => {
    if (validate(record)) return undefined;
    const branch = branchOf(record);
    const errors = branch && !branch(record) ? branch.errors : validate.errors;
    return (errors ?? []).map(describe).join('; ');
  };
}

function describe(error: ErrorObject): string {
  const extra = 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
}
