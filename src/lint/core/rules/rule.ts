import type { TopicId } from '../../../notes/core/topicIds';
import type { Call, Source } from '../scan/source';
import type { Edit, LintFinding, Fix, LintRuleId } from '../types';

/** A lint rule: a pure function of the document. */
export interface LintRule {
  readonly id: LintRuleId;
  check(source: Source): LintFinding[];
}

/** What a rule says about one kind of problem: the note behind it and the message, in the notes' words. */
export interface Advice {
  readonly topic: TopicId;
  readonly severity: LintFinding['severity'];
  readonly message: string;
}

export function finding(rule: LintRuleId, at: { readonly start: number; readonly end: number }, advice: Advice, fix?: Fix): LintFinding {
  return { rule, start: at.start, end: at.end, ...advice, fixes: fix ? [fix] : [] };
}

/** The single, obvious fix (undefined when no edit could be built). */
export function preferredFix(title: string, edits: readonly Edit[] | undefined): Fix | undefined {
  return edits && edits.length > 0 ? { title, edits, preferred: true } : undefined;
}

export function calleeOf(call: Call): { start: number; end: number } {
  return { start: call.calleeStart, end: call.calleeEnd };
}

/** The edit renaming the last segment of a call's callee (`nn.Sigmoid` → `nn.ReLU`). */
export function renameCallee(call: Call, name: string): Edit {
  const start = call.calleeStart + call.callee.lastIndexOf('.') + 1;
  return { start, end: call.calleeEnd, text: name };
}

/** The source's calls whose (non-member) callee matches, e.g. `/(?:^|\.)init\.zeros_$/`. */
export function callsTo(source: Source, callee: RegExp): Call[] {
  return source.calls.filter((call) => !call.member && callee.test(call.callee));
}

/** Whether the call is the method `name` of some object (`model.fit(…)`, `getModel().fit(…)`). */
export function isMethodCall(call: Call, name: string): boolean {
  return call.callee === name ? call.member : call.callee.endsWith(`.${name}`);
}
