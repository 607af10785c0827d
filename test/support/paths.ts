import * as path from 'node:path';

/** Folders the test drivers share. Everything generated lives under .vscode-test/ or .test-results/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER_ENTRY = path.join(
  REPO_ROOT,
  '.vscode-test/code-server-4.100.3/node_modules/code-server/out/node/entry.js',
);
export const RESULTS_DIR = path.join(REPO_ROOT, '.test-results');
export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, 'screenshots');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

const manifest = require(path.join(REPO_ROOT, 'package.json')) as { publisher: string; name: string; version: string };
/** The folder name VS Code expects for an unpacked extension in an extensions dir. */
export const EXTENSION_FOLDER_NAME = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
