import { SourceMap } from 'node:module';
import * as path from 'node:path';
import type { SourceLocation } from '../engineError';
import type { BundledModule } from './bundleModule';

/**
 * Finds where in the user's source an error was thrown: the first stack frame inside the bundle,
 * mapped back through the bundle's source map. Undefined when the error came from elsewhere.
 */
export function locateInUserSource(error: unknown, bundle: BundledModule): SourceLocation | undefined {
  const stack = error instanceof Error ? error.stack ?? '' : '';
  const escaped = bundle.bundleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!frame) {
    return undefined;
  }
  const map = new SourceMap(JSON.parse(bundle.sourceMap) as ConstructorParameters<typeof SourceMap>[0]);
  const entry = map.findEntry(Number(frame[1]) - 1, Number(frame[2]) - 1) as Partial<{
    originalSource: string;
    originalLine: number;
    originalColumn: number;
  }>;
  if (entry.originalSource === undefined || entry.originalLine === undefined) {
    return undefined;
  }
  return {
    file: path.resolve(path.dirname(bundle.bundleName), entry.originalSource),
    line: entry.originalLine + 1,
    column: (entry.originalColumn ?? 0) + 1,
  };
}
