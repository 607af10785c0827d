// npm run package: the VSIX. vsce packs the checkout; then the TypeScript server plugin
// (out/tsserver-plugin, left out by .vscodeignore) is added as extension/node_modules/deepscope-tsserver-plugin,
// the one place VS Code's TypeScript looks for a plugin an extension contributes. Nothing is written
// into node_modules. yazl and yauzl are vsce's own zip libraries.
import { execFileSync } from 'node:child_process';
import { createWriteStream, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';

const VSIX = 'deepscope.vsix';
const PLUGIN = 'out/tsserver-plugin';
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

run(process.execPath, ['scripts/build.mjs', '--production']);
run('npx', ['vsce', 'package', '--no-rewrite-relative-links', '--out', `${VSIX}.tmp`]);

const output = new yazl.ZipFile();
const written = new Promise((resolve, reject) => {
  output.outputStream.on('error', reject);
  output.outputStream.pipe(createWriteStream(VSIX)).on('close', resolve);
});
await new Promise((resolve, reject) => {
  yauzl.open(`${VSIX}.tmp`, { lazyEntries: true }, (error, input) => {
    if (error) return reject(error);
    input.on('error', reject);
    input.on('end', resolve);
    input.on('entry', (entry) => {
      input.openReadStream(entry, (streamError, stream) => {
        if (streamError) return reject(streamError);
        output.addReadStream(stream, entry.fileName);
        stream.on('end', () => input.readEntry());
      });
    });
    input.readEntry();
  });
});
for (const file of readdirSync(PLUGIN).filter((name) => !name.endsWith('.map'))) {
  output.addFile(path.join(PLUGIN, file), `extension/node_modules/deepscope-tsserver-plugin/${file}`);
}
output.end();
await written;
rmSync(`${VSIX}.tmp`);
console.log(`package: ${VSIX}, with node_modules/deepscope-tsserver-plugin`);
run(process.execPath, ['scripts/build.mjs']);
