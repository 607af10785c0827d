/**
 * Entry point of the `deepscope` CLI (bundled to out/cli.js, loaded by bin/deepscope.js): runs as soon as it
 * is loaded. The commands live in cli.ts so tests can run them in-process without this side effect.
 */
import { runCli } from './cli';
import { processIo } from './io';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
