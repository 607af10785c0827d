/**
 * The runtime diagnosis (VS Code-free): rules over a run's probes and history, the incremental
 * Diagnoser, and the line of each finding in the model module. The extension, the CLI and the tests
 * use it alike.
 */
export { Diagnoser } from './diagnoser';
export { mapLines, type LineMap } from './layerLines';
export { diagnose, RULES } from './rules';
export type { Draft, Rule, Site } from './rule';
export type { RunData } from './runData';
