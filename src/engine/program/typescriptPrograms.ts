/**
 * TypeScript programs run as Node runs JavaScript: each `.ts` / `.cts` file is compiled by esbuild
 * when it is required (types stripped, `import` turned into `require`), with an inline source map, and
 * Node's source-map support is turned on so stack traces and DeepScope's layer lines point at the `.ts`.
 */
import * as esbuild from 'esbuild';
import Module from 'node:module';
import { readFileSync } from 'node:fs';

interface CompilableModule {
  _compile(code: string, filename: string): void;
}

/** `import.meta.url` has no CommonJS equivalent esbuild can write; this variable stands in for it. */
const IMPORT_META_URL = '__deepscope_import_meta_url';

export function isTypeScript(file: string): boolean {
  return /\.(c|m)?ts$/.test(file);
}

export function installTypeScript(): void {
  process.setSourceMapsEnabled(true);
  const extensions = (Module as unknown as { _extensions: Record<string, (module: CompilableModule, filename: string) => void> })._extensions;
  const compile = (module: CompilableModule, filename: string): void => {
    const { code } = esbuild.transformSync(readFileSync(filename, 'utf8'), {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      define: { 'import.meta.url': IMPORT_META_URL },
      // On the first line, before the code: the source map's lines stay the file's lines.
      banner: `var ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;`,
    });
    module._compile(code, filename);
  };
  extensions['.ts'] = compile;
  extensions['.cts'] = compile;
}
