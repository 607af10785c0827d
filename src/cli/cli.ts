/**
 * `deepscope <command>`: the command table and the dispatcher. A new command (train, diagnose, report, lab, lint) is one
 * file exporting a CliCommand plus one line in COMMANDS.
 */
import * as l10n from '@vscode/l10n';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { diagnoseCommand } from './diagnoseCommand';
import { labCommand } from './labCommand';
import { lintCommand } from './lintCommand';
import { newCommand } from './newCommand';
import { reportCommand } from './reportCommand';
import { runCommand } from './runCommand';
import { trainCommand } from './trainCommand';
import { takeLanguage } from './cliLanguage';
import { bundleOf, useMessages } from '../common/core/messages';

const COMMANDS: readonly CliCommand[] = [newCommand, trainCommand, runCommand, diagnoseCommand, reportCommand, labCommand, lintCommand];

function overview(): string {
  const rows = [...COMMANDS.map((c) => [c.usage, c.summary]), ['help [command]', l10n.t('Show the help of a command')]];
  const width = Math.max(...rows.map(([usage]) => (usage ?? '').length));
  return [
    l10n.t('deepscope: scaffold, train and look inside TensorFlow.js models, with explanations from the lecture notes.'),
    '',
    l10n.t('Usage: deepscope <command> [options]'),
    '',
    l10n.t('Commands:'),
    ...rows.map(([usage, summary]) => `  ${(usage ?? '').padEnd(width)}  ${summary ?? ''}`),
    '',
    l10n.t('Run "deepscope help <command>" for its options. Every command takes --lang en|fr (default: the locale).'),
  ].join('\n');
}

function findCommand(name: string): CliCommand {
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const known = [...COMMANDS.map((c) => c.name), 'help'].join(', ');
    throw new UsageError(l10n.t('unknown command "{0}" (commands: {1})', name, known));
  }
  return command;
}

function help(args: readonly string[], io: CliIo): number {
  if (args.length > 1) throw new UsageError(l10n.t('help takes at most one command name'));
  io.out(args[0] === undefined || args[0] === 'help' ? overview() : findCommand(args[0]).help());
  return EXIT_OK;
}

/** Runs `deepscope <argv…>` and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], given: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let io = given;
  let name = argv[0];
  try {
    const { language, args: all } = takeLanguage(argv, env);
    io = { ...given, language };
    // The CLI's wording, the shared cores' and the engine processes' it starts follow --lang too.
    useMessages(bundleOf(language));
    name = all[0];
    const args = all.slice(1);
    if (name === undefined || name === '--help' || name === '-h') return help([], io);
    if (name === 'help') return help(args, io);
    const command = findCommand(name);
    // After `--` come a program's own arguments (deepscope run), its --help included.
    const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if (own.includes('--help') || own.includes('-h')) return help([command.name], io);
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const prefix = name !== undefined && COMMANDS.some((c) => c.name === name) ? `deepscope ${name}` : 'deepscope';
    io.err(`${prefix}: ${message.split('\n')[0]}`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}
