/**
 * Entry point of the `deepscope` CLI (bundled to out/cli.js, loaded by bin/deepscope.js): runs as soon as it
 * is loaded. The commands live in cli.ts so tests can run them in-process without this side effect.
 */
import { runCli } from './cli';
import { processIo } from './io';

// `deepscope lab … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
