import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { EngineError } from '../engineError';

export interface BundledModule {
  readonly code: string;
  /** Source map of `code`, to report errors thrown at run time on the user's lines. */
  readonly sourceMap: string;
  /** Name given to the bundle when it runs, so stack frames can be recognised. */
  readonly bundleName: string;
}

/**
 * Bundles a model module (TypeScript or JavaScript, with its local imports) into one CommonJS
 * script. `@tensorflow/*` imports stay external: the loader hands them DeepScope's own tfjs, so
 * the workspace needs no `npm install`. `contents` replaces the file's text (an unsaved editor).
 */
export async function bundleModule(file: string, contents?: string): Promise<BundledModule> {
  const dir = path.dirname(file);
  const bundleName = path.join(dir, `${path.basename(file)}.deepscope-bundle.js`);
  const common: esbuild.BuildOptions = {
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'external',
    outfile: bundleName,
    external: ['@tensorflow/*'],
    logLevel: 'silent',
    absWorkingDir: dir,
  };
  let outputFiles: esbuild.OutputFile[];
  try {
    const result =
      contents === undefined
        ? await esbuild.build({ ...common, entryPoints: [file] })
        : await esbuild.build({
            ...common,
            stdin: { contents, sourcefile: file, resolveDir: dir, loader: file.endsWith('.ts') ? 'ts' : 'js' },
          });
    outputFiles = result.outputFiles ?? [];
  } catch (error) {
    throw toSyntaxError(error, file);
  }
  const code = outputFiles.find((output) => output.path.endsWith('.js'))?.text;
  const sourceMap = outputFiles.find((output) => output.path.endsWith('.map'))?.text;
  if (code === undefined || sourceMap === undefined) {
    throw new EngineError('syntax', `esbuild produced no output for ${file}`);
  }
  return { code, sourceMap, bundleName };
}

function toSyntaxError(error: unknown, file: string): EngineError {
  const failure = error as Partial<esbuild.BuildFailure>;
  const first = failure.errors?.[0];
  if (!first) {
    return new EngineError('syntax', `Could not compile ${path.basename(file)}: ${String(error)}`, { file, line: 1, column: 1 });
  }
  const location = first.location;
  const where = location
    ? { file: path.resolve(path.dirname(file), location.file), line: location.line, column: location.column + 1 }
    : { file, line: 1, column: 1 };
  const more = (failure.errors?.length ?? 1) > 1 ? ` (and ${(failure.errors?.length ?? 1) - 1} more)` : '';
  return new EngineError('syntax', `${first.text}${more}`, where);
}
