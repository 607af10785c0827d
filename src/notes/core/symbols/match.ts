import type { ArgValue, CallArgs, Literal } from './callArgs';
import type { ArgumentRef, Occurrence } from './occurrence';
import type { CallConstraints, Pattern } from './pattern';

/** Whether the code at an occurrence is what a pattern describes (see pattern.ts for the grammar). */
export function patternMatches(pattern: Pattern, occurrence: Occurrence): boolean {
  if (pattern.kind === 'slot' || occurrence.kind === 'slot') {
    return (
      pattern.kind === 'slot' &&
      occurrence.kind === 'slot' &&
      pattern.key === occurrence.key &&
      (pattern.value === undefined || (occurrence.value !== undefined && literalMatches(pattern.value, occurrence.value)))
    );
  }
  if (!endsWith(occurrence.chain, pattern.chain)) {
    return false;
  }
  if (pattern.method && !methodMatches(pattern.call, occurrence.receiver, occurrence.call)) {
    return false;
  }
  if (occurrence.argument && !constrains(pattern.call, occurrence.argument)) {
    return false; // a hovered argument needs an entry about that very argument
  }
  return constraintsHold(pattern.call, occurrence.call);
}

function constrains(call: CallConstraints | undefined, argument: ArgumentRef): boolean {
  return call !== undefined && ('keyword' in argument ? call.keywords.has(argument.keyword) : call.positional.has(argument.index));
}

function endsWith(chain: readonly string[], suffix: readonly string[]): boolean {
  const offset = chain.length - suffix.length;
  return offset >= 0 && suffix.every((segment, i) => chain[offset + i] === segment);
}

/** `.eval()` needs a receiver and exactly the written arguments, so `eval(x)` and `t.eval(session)` stay out. */
function methodMatches(expected: CallConstraints | undefined, receiver: boolean, call: CallArgs | undefined): boolean {
  return (
    receiver &&
    expected !== undefined &&
    call !== undefined &&
    call.positional.length === expected.arity &&
    call.keywords.size === expected.keywords.size
  );
}

function constraintsHold(expected: CallConstraints | undefined, call: CallArgs | undefined): boolean {
  if (!expected || (expected.positional.size === 0 && expected.keywords.size === 0)) {
    return true;
  }
  if (!call) {
    return false;
  }
  for (const [index, literal] of expected.positional) {
    if (!argMatches(literal, call.positional[index])) {
      return false;
    }
  }
  for (const [name, literal] of expected.keywords) {
    if (!argMatches(literal, call.keywords.get(name))) {
      return false;
    }
  }
  return true;
}

function argMatches(expected: Literal, actual: ArgValue | undefined): boolean {
  return actual?.literal !== undefined && literalMatches(expected, actual.literal);
}

export function literalMatches(expected: Literal, actual: Literal): boolean {
  switch (expected.kind) {
    case 'string':
      return actual.kind === 'string' && actual.value === expected.value;
    case 'boolean':
      return actual.kind === 'boolean' && actual.value === expected.value;
    case 'null':
      return actual.kind === 'null';
    case 'number':
      return actual.kind === 'number' && magnitudeClass(actual.value) === magnitudeClass(expected.value);
  }
}

/** Numbers stand for a scale, not a value: zero, below one (a momentum, a small deviation), one or more. */
export function magnitudeClass(value: number): 'zero' | 'below-one' | 'one-or-more' {
  const size = Math.abs(value);
  if (size === 0) {
    return 'zero';
  }
  return size < 1 ? 'below-one' : 'one-or-more';
}
