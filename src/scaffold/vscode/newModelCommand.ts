import * as path from 'node:path';
import * as vscode from 'vscode';
import { activations, initializers, optimizers, schedules, templates, defaultOptions } from '../core/choices';
import { describeOptions } from '../core/describe';
import { parseDropoutRate, parseHiddenUnits } from '../core/parseNumbers';
import { planScaffold } from '../core/plan';
import type { CsvSource, ScaffoldOptions, Task, TemplateName } from '../core/scaffoldOptions';
import { askText, pickChoice, pickItem, pickMany } from './prompts';
import { pickCsvSource, type PickedCsv } from './pickCsvSource';
import { announceWrittenModel } from './offerEditorTypes';
import { chooseModelFile, writeScaffoldFiles } from './writeScaffold';

/**
 * "DeepScope: New Model…": a few quick picks, each with the notes' default first, then a
 * model module is written and opened. Escape at any step cancels without writing anything.
 */
export async function runNewModel(): Promise<vscode.Uri | undefined> {
  const options = await askOptions();
  if (!options) {
    return undefined;
  }
  const modelFile = await chooseModelFile(`models/${suggestedFileName(options.scaffold)}`);
  if (!modelFile) {
    return undefined;
  }
  const scaffold = withCsvRelativeTo(options.scaffold, options.csv, modelFile);
  const plan = planScaffold(scaffold, path.basename(modelFile.fsPath));
  const written = await writeScaffoldFiles(modelFile, plan.files);
  if (!written) {
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(modelFile);
  void announceWrittenModel(
    modelFile,
    plan.files[0].contents,
    vscode.l10n.t('DeepScope wrote {0}: {1}. Each default is explained in a comment next to it.', path.basename(modelFile.fsPath), describeOptions(scaffold)),
  );
  return editor.document.uri;
}

interface AskedOptions {
  readonly scaffold: ScaffoldOptions;
  readonly csv?: PickedCsv;
}

async function askOptions(): Promise<AskedOptions | undefined> {
  const template = await pickItem<TemplateName>(
    vscode.l10n.t('data'),
    vscode.l10n.t('What should the model learn from?'),
    templates().map((info) => ({ value: info.name, label: info.label, detail: info.detail })),
  );
  if (!template) {
    return undefined;
  }
  const info = templates().find((candidate) => candidate.name === template);
  const tasks = info?.tasks ?? ['classification'];
  const task =
    tasks.length > 1
      ? await pickItem<Task>(vscode.l10n.t('task'), vscode.l10n.t('Predict a class or a number?'), tasks.map((value) => ({ value, label: taskLabel(value) })))
      : tasks[0];
  if (!task) {
    return undefined;
  }
  let csv: PickedCsv | undefined;
  if (template === 'csv') {
    csv = await pickCsvSource(task);
    if (!csv) {
      return undefined;
    }
  }
  const defaults = defaultOptions(template, task);
  const hiddenUnits = await askText(vscode.l10n.t('hidden layers'), vscode.l10n.t('Units per hidden layer, input side first'), defaults.hiddenUnits.join(', '), parseHiddenUnits);
  if (!hiddenUnits) {
    return undefined;
  }
  const activation = await pickChoice(vscode.l10n.t('activation'), activations());
  const initializer = activation && (await pickChoice(vscode.l10n.t('weight initialisation'), initializers()));
  const optimizer = initializer && (await pickChoice(vscode.l10n.t('optimiser'), optimizers()));
  const schedule = optimizer && (await pickChoice(vscode.l10n.t('learning-rate schedule'), schedules()));
  if (!activation || !initializer || !optimizer || !schedule) {
    return undefined;
  }
  const extras = await pickMany<'center' | 'batchNorm' | 'dropout'>(vscode.l10n.t('extras'), vscode.l10n.t('Space toggles, Enter confirms'), [
    { value: 'center', label: vscode.l10n.t('Center the inputs'), detail: vscode.l10n.t('Subtract the mean of each feature (topic preprocessing-centering)'), picked: defaults.centerInputs },
    { value: 'batchNorm', label: vscode.l10n.t('Batch normalisation'), detail: vscode.l10n.t('Before each activation, as in the notes (topic batch-norm)'), picked: defaults.batchNorm },
    { value: 'dropout', label: vscode.l10n.t('Dropout'), detail: vscode.l10n.t('After each hidden activation (topic reg-dropout)'), picked: defaults.dropout > 0 },
  ]);
  if (!extras) {
    return undefined;
  }
  let dropout = 0;
  if (extras.includes('dropout')) {
    const rate = await askText(vscode.l10n.t('dropout rate'), vscode.l10n.t('Probability of zeroing a unit during training'), '0.2', parseDropoutRate);
    if (rate === undefined) {
      return undefined;
    }
    dropout = rate;
  }
  return {
    csv,
    scaffold: {
      ...defaults,
      hiddenUnits,
      activation,
      initializer,
      optimizer,
      schedule,
      centerInputs: extras.includes('center'),
      batchNorm: extras.includes('batchNorm'),
      dropout,
    },
  };
}

/** The CSV is referenced relative to the model file, so the pair can be moved together. */
function withCsvRelativeTo(options: ScaffoldOptions, csv: PickedCsv | undefined, modelFile: vscode.Uri): ScaffoldOptions {
  if (!csv) {
    return options;
  }
  const relativePath = path.relative(path.dirname(modelFile.fsPath), csv.absolutePath).split(path.sep).join('/');
  const source: CsvSource = { ...csv.source, relativePath };
  return { ...options, csv: source };
}

function suggestedFileName(options: ScaffoldOptions): string {
  return `${options.template}-${options.task === 'classification' ? 'classifier' : 'regressor'}.ts`;
}

function taskLabel(task: Task): string {
  return task === 'classification' ? vscode.l10n.t('Classification') : vscode.l10n.t('Regression');
}
