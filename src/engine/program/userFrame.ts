/**
 * The user's statement that is running now: the first stack frame outside DeepScope, tfjs and Node
 * itself, mapped through source maps (TypeScript) when the file has one. Used to tell which line built a
 * layer, a model or called `compile` / `fit`.
 */
import { existsSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation as SourceSite } from '../engineError';

/** DeepScope's own files: the bundled out/ folder, or the repository's src/ when run from source. */
const DEEPSCOPE_ROOT = path.resolve(__dirname, __filename.endsWith('.ts') ? '../../..' : '..');
const OWN_FOLDERS = ['out', 'src'].map((folder) => path.join(DEEPSCOPE_ROOT, folder) + path.sep);
const TFJS = `${path.sep}node_modules${path.sep}@tensorflow${path.sep}`;

/**
 * `skipConstructors`: class names whose constructor frames are passed over (a custom layer's `super()`
 * is not where the layer was created; the `new MyLayer(…)` that follows is).
 */
export function userFrame(skipConstructors: ReadonlySet<string> = new Set()): SourceSite | undefined {
  const frames = callSites();
  let fallback: SourceSite | undefined;
  for (const frame of frames) {
    const site = siteOf(frame);
    if (!site) continue;
    if (frame.isConstructor() && skipConstructors.has(frame.getFunctionName() ?? '')) continue;
    // A library in the user's node_modules is not their code: keep looking, but remember it.
    if (site.file.includes(`${path.sep}node_modules${path.sep}`)) {
      fallback ??= site;
      continue;
    }
    return site;
  }
  return fallback;
}

function callSites(): NodeJS.CallSite[] {
  const previous = Error.prepareStackTrace;
  const previousLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 60;
    Error.prepareStackTrace = (_error, sites) => sites;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, userFrame);
    return (holder.stack as NodeJS.CallSite[] | undefined) ?? [];
  } finally {
    Error.prepareStackTrace = previous;
    Error.stackTraceLimit = previousLimit;
  }
}

function siteOf(frame: NodeJS.CallSite): SourceSite | undefined {
  const name = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!name || line === null || column === null || name.startsWith('node:')) return undefined;
  const file = name.startsWith('file://') ? fileURLToPath(name) : name;
  // Decided on the file that runs: tfjs's own source maps point at sources it does not ship.
  if (!path.isAbsolute(file) || isOwnOrTfjs(file)) return undefined;
  const site = mapped(name, file, line, column) ?? { file, line, column };
  return existsSync(site.file) ? site : undefined;
}

/** Through the file's source map (TypeScript compiled by DeepScope, or the user's own maps). */
function mapped(name: string, file: string, line: number, column: number): SourceSite | undefined {
  const map = findSourceMap(name);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as Partial<{ originalSource: string; originalLine: number; originalColumn: number }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined) return undefined;
  const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
  return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/** Where an error the program did not catch was thrown in the user's code, read from its (mapped) stack text. */
export function thrownAt(error: unknown): SourceSite | undefined {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  for (const match of stack.matchAll(/^\s*at (?:.*? \()?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?$/gm)) {
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    // A stack printed with source maps on names tfjs's sources, which it does not ship: they do not exist.
    if (!isOwnOrTfjs(file) && !file.includes(`${path.sep}node_modules${path.sep}`) && existsSync(file)) return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

function isOwnOrTfjs(file: string): boolean {
  return file.includes(TFJS) || OWN_FOLDERS.some((folder) => file.startsWith(folder));
}
