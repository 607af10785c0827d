/** The help of `deepscope new`, listing the same menus as the "New Model…" quick picks. */
import { ACTIVATIONS, type Choice, INITIALIZERS, OPTIMIZERS, SCHEDULES, TEMPLATES } from '../scaffold/core/choices';

function menu<T extends string>(flag: string, list: readonly Choice<T>[]): string[] {
  const width = Math.max(...list.map((c) => c.value.length));
  return [
    `  ${flag}`,
    ...list.map((c) => `      ${c.value.padEnd(width)}  ${c.recommended === true ? '(default) ' : ''}${c.label}: ${c.detail}`),
  ];
}

export function newHelp(): string {
  const width = Math.max(...TEMPLATES.map((t) => t.name.length));
  return [
    'Usage: deepscope new [template] <out-file.ts> [options]',
    '',
    "Writes a TensorFlow.js model module with the lecture notes' defaults; each default says why in a comment.",
    'With no template: spiral. --csv without a template implies the csv template.',
    '',
    'Templates:',
    ...TEMPLATES.map((t) => `  ${t.name.padEnd(width)}  ${t.label} (${t.tasks.join(' or ')}): ${t.detail}`),
    '',
    'Options:',
    '  --task classification|regression   for iris and csv (default: classification)',
    '  --hidden 64,64                     units per hidden layer, input side first',
    ...menu('--activation <name>', ACTIVATIONS),
    ...menu('--init <name>', INITIALIZERS),
    ...menu('--optimizer <name>', OPTIMIZERS),
    '  --lr <rate>                        learning rate at the first epoch',
    ...menu('--schedule <name>', SCHEDULES),
    '  --batch-norm                       batch normalisation before each hidden activation',
    '  --dropout <rate>                   dropout after each hidden activation, e.g. 0.2',
    '  --no-center                        do not subtract the training mean from the inputs',
    '  --epochs <n>  --batch-size <n>  --seed <n>',
    '  --csv <file.csv> --target <column> [--features a,b,c] [--no-header]',
    '                                     columns by name or 0-based index; features default to every',
    '                                     numeric column but the target; the header is guessed',
    '  --force                            overwrite existing files',
    '',
    'Examples:',
    '  deepscope new spiral.ts',
    '  deepscope new iris iris-model.ts --batch-norm --dropout 0.2',
    '  deepscope new houses.ts --csv data/houses.csv --target price --task regression',
  ].join('\n');
}
