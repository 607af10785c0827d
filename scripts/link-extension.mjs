// Installs this checkout of DeepScope, unpacked, into a VS Code extensions folder, laid out as the VSIX
// installs it: each top-level entry is a link to the checkout (a rebuild is picked up by a window
// reload), and node_modules is a folder of links to the checkout's packages that also holds
// out/tsserver-plugin as deepscope-tsserver-plugin, the one place VS Code's TypeScript looks for the
// plugin. Nothing is written into the checkout.
// Usage: node scripts/link-extension.mjs <extensions-dir>    (installs <extensions-dir>/<publisher.name-version>)
//        node scripts/link-extension.mjs --folder <folder>   (that folder, e.g. for --extensionDevelopmentPath)
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What an installed extension never holds. */
const LEFT_OUT = new Set(['.git', 'node_modules', '.vscode-test', '.test-results']);

const [first, second] = process.argv.slice(2);
if (!first || (first === '--folder' && !second)) {
  console.error('usage: node scripts/link-extension.mjs <extensions-dir> | --folder <folder>');
  process.exit(2);
}
if (!existsSync(path.join(root, 'out', 'tsserver-plugin', 'index.js'))) {
  console.error('link-extension: out/tsserver-plugin is missing: run node scripts/build.mjs first');
  process.exit(1);
}
const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const target = first === '--folder' ? path.resolve(second) : path.join(path.resolve(first), `${manifest.publisher}.${manifest.name}-${manifest.version}`);
await rm(target, { recursive: true, force: true });
await mkdir(path.join(target, 'node_modules'), { recursive: true });
for (const entry of await readdir(root)) {
  if (!LEFT_OUT.has(entry)) await symlink(path.join(root, entry), path.join(target, entry));
}
for (const entry of await readdir(path.join(root, 'node_modules'))) {
  await symlink(path.join(root, 'node_modules', entry), path.join(target, 'node_modules', entry));
}
await symlink(path.join(root, 'out', 'tsserver-plugin'), path.join(target, 'node_modules', 'deepscope-tsserver-plugin'));
console.log(target);
