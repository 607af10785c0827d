/**
 * TypeScript programs run as Node runs JavaScript: each `.ts` / `.cts` file is compiled by esbuild
 * when it is required (types stripped, `import` turned into `require`), with an inline source map, and
 * Node's source-map support is turned on so stack traces and DeepScope's layer lines point at the `.ts`.
 */
import * as esbuild from 'esbuild';
import Module from 'node:module';
import { readFileSync } from 'node:fs';

export interface CompilableModule {
  _compile(code: string, filename: string): void;
}

/** `import.meta.url` has no CommonJS equivalent esbuild can write; this variable stands in for it. */
const IMPORT_META_URL = '__deepscope_import_meta_url';

export function isTypeScript(file: string): boolean {
  return /\.(c|m)?ts$/.test(file);
}

export function installTypeScript(): void {
  process.setSourceMapsEnabled(true);
  const compile = (module: CompilableModule, filename: string): void => {
    module._compile(toCommonJs(readFileSync(filename, 'utf8'), filename, 'ts'), filename);
  };
  loaderExtensions()['.ts'] = compile;
  loaderExtensions()['.cts'] = compile;
}

/** The CommonJS loader's handler per file extension. */
export function loaderExtensions(): Record<string, (module: CompilableModule, filename: string) => void> {
  return (Module as unknown as { _extensions: Record<string, (module: CompilableModule, filename: string) => void> })._extensions;
}

/** `source` as CommonJS, with an inline source map; throws esbuild's error when it does not compile. */
export function toCommonJs(source: string, filename: string, loader: 'ts' | 'js'): string {
  return esbuild.transformSync(source, {
    loader,
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    define: { 'import.meta.url': IMPORT_META_URL },
    // On the first line, before the code: the source map's lines stay the file's lines.
    banner: `var ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;`,
  }).code;
}
