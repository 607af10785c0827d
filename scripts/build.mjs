// One esbuild script, every target: the extension host bundle, the CLI, the host-tier tests
// and the webview bundles (dashboard, labs, notes). Type checking is separate (`npm run typecheck`).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const TSSERVER_PLUGIN_DIR = 'out/tsserver-plugin';

/** Node-side bundles run in the extension host or in a plain Node process. */
const nodeTarget = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  // `vscode` is provided by the host. tfjs stays a real module so tfjs-node (optional, native) and
  // the wasm backend register on the same instance the engine and user models use; esbuild is
  // native too (it bundles user model modules at run time).
  external: ['vscode', '@tensorflow/*', 'esbuild'],
  logLevel: 'warning',
};

const targets = [
  { ...nodeTarget, entryPoints: { extension: 'src/extension.ts' }, outdir: 'out' },
  { ...nodeTarget, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'out' },
  // The training process: forked per run by the extension, the CLI and the benchmarks.
  { ...nodeTarget, entryPoints: { trainingWorker: 'src/engine/worker/trainingWorker.ts' }, outdir: 'out' },
  // The program process: runs a user's own tfjs program, watched (deepscope run, Run with DeepScope).
  { ...nodeTarget, entryPoints: { programWorker: 'src/engine/program/programWorker.ts' }, outdir: 'out' },
  // The lab process: forked per lab run by the extension (the CLI runs labs in its own process).
  { ...nodeTarget, entryPoints: { labWorker: 'src/labs/core/labWorker.ts' }, outdir: 'out' },
  // The TypeScript server plugin: a package of its own, which an installed DeepScope holds as
  // node_modules/deepscope-tsserver-plugin (scripts/package.mjs, scripts/link-extension.mjs).
  { ...nodeTarget, entryPoints: { index: 'src/editorTypes/tsserverPlugin.ts' }, outdir: TSSERVER_PLUGIN_DIR },
];
/** Webviews: browser bundles, one per view, with their CSS. */
const webviewTarget = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  outdir: 'out/webviews',
  logLevel: 'warning',
};
// Each entry imports its CSS, which esbuild writes next to the script (dashboard.js + dashboard.css).
targets.push({ ...webviewTarget, entryPoints: { dashboard: 'webviews/dashboard/main.ts' } });
targets.push({ ...webviewTarget, entryPoints: { labs: 'webviews/labs/main.ts' } });
// KaTeX's stylesheet links its fonts: esbuild copies them to out/webviews/fonts/ (inside localResourceRoots).
targets.push({ ...webviewTarget, entryPoints: { notes: 'webviews/notes/main.ts' }, loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' }, assetNames: 'fonts/[name]' });
if (!production) {
  // Tests inside the extension host: mocha stays external (it loads its own files at run time).
  targets.push({ ...nodeTarget, entryPoints: { index: 'test/host/index.ts' }, outdir: 'out/test/host', external: [...nodeTarget.external, 'mocha'] });
}

await rm('out', { recursive: true, force: true });
await mkdir(TSSERVER_PLUGIN_DIR, { recursive: true });
await writeFile(`${TSSERVER_PLUGIN_DIR}/package.json`, JSON.stringify({ name: 'deepscope-tsserver-plugin', private: true, main: 'index.js' }, null, 2) + '\n');
if (watch) {
  // One "started" / "finished" pair per round of rebuilds, however many bundles it touches: the
  // watch task of .vscode/tasks.json waits for "finished" before it starts the extension host.
  let building = 0;
  const announce = {
    name: 'announce',
    setup(build) {
      build.onStart(() => {
        if (building++ === 0) console.log('build: started');
      });
      build.onEnd((result) => {
        // One line per error, for the task's problem matcher (esbuild's own report spans several lines).
        for (const { location, text } of result.errors) {
          if (location) console.log(`build: error: ${location.file}:${location.line}:${location.column + 1}: ${text}`);
        }
        if (--building === 0) console.log('build: finished');
      });
    },
  };
  const contexts = await Promise.all(targets.map((options) => esbuild.context({ ...options, plugins: [announce] })));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('build: watching for changes');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
  console.log(`build: ${targets.length} bundles written to out/${production ? ' (production)' : ''}`);
}
