/** The help of `deepscope new`, listing the same menus as the "New Model…" quick picks. */
import * as l10n from '@vscode/l10n';
import { activations, type Choice, initializers, optimizers, schedules, templates } from '../scaffold/core/choices';

function menu<T extends string>(flag: string, list: readonly Choice<T>[]): string[] {
  const width = Math.max(...list.map((c) => c.value.length));
  return [
    `  ${flag}`,
    ...list.map((c) => `      ${c.value.padEnd(width)}  ${c.recommended === true ? l10n.t('(default) ') : ''}${c.label}: ${c.detail}`),
  ];
}

export function newHelp(): string {
  const width = Math.max(...templates().map((t) => t.name.length));
  return [
    l10n.t('Usage: deepscope new [template] <out-file.ts> [options]'),
    '',
    l10n.t("Writes a TensorFlow.js model module with the lecture notes' defaults; each default says why in a comment."),
    l10n.t('With no template: spiral. --csv without a template implies the csv template.'),
    '',
    l10n.t('Templates:'),
    ...templates().map((t) => `  ${t.name.padEnd(width)}  ${t.label} (${t.tasks.join(l10n.t(' or '))}): ${t.detail}`),
    '',
    l10n.t('Options:'),
    `  --task classification|regression   ${l10n.t('for iris and csv (default: classification)')}`,
    `  --hidden 64,64                     ${l10n.t('units per hidden layer, input side first')}`,
    ...menu('--activation <name>', activations()),
    ...menu('--init <name>', initializers()),
    ...menu('--optimizer <name>', optimizers()),
    `  --lr <rate>                        ${l10n.t('learning rate at the first epoch')}`,
    ...menu('--schedule <name>', schedules()),
    `  --batch-norm                       ${l10n.t('batch normalisation before each hidden activation')}`,
    `  --dropout <rate>                   ${l10n.t('dropout after each hidden activation, e.g. 0.2')}`,
    `  --no-center                        ${l10n.t('do not subtract the training mean from the inputs')}`,
    '  --epochs <n>  --batch-size <n>  --seed <n>',
    '  --csv <file.csv> --target <column> [--features a,b,c] [--no-header]',
    `                                     ${l10n.t('columns by name or 0-based index; features default to every')}`,
    `                                     ${l10n.t('numeric column but the target; the header is guessed')}`,
    `  --force                            ${l10n.t('overwrite existing files')}`,
    '',
    l10n.t('Examples:'),
    '  deepscope new spiral.ts',
    '  deepscope new iris iris-model.ts --batch-norm --dropout 0.2',
    '  deepscope new houses.ts --csv data/houses.csv --target price --task regression',
  ].join('\n');
}
