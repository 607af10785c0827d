/** Learning-rate schedules: the curves, and the training loss of the same run under each. */
import type { LabReport, SchedulesResult } from '../../../src/labs/core/labs';
import { learningRateRows, scheduleLossRows } from '../rows/schedules';
import { lineChart } from '../specs';
import type { LabViewContext } from '../viewKit';

const SCHEDULES = ['constant', 'step', 'exponential', 'inverse-time'];

export function schedulesView(report: LabReport<SchedulesResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const schedule = { field: 'schedule', title: null, sort: SCHEDULES };
  const epoch = { field: 'epoch', title: ctx.say({ en: 'epoch t', fr: 'époque t' }), format: 'd' };
  const half = ctx.plotWidth('half');
  return [
    ctx.section(
      { en: 'Three decays and a constant rate', fr: 'Trois décroissances et un taux constant' },
      {
        en: 'Step: α₀·drop^⌊t/n⌋; exponential: α₀e^(−kt); 1/t: α₀/(1 + kt). Then the same 2-64-64-3 ReLU net, trained on the spiral with Nesterov momentum, under each (training loss, log scale).',
        fr: 'Par paliers : α₀·drop^⌊t/n⌋ ; exponentielle : α₀e^(−kt) ; 1/t : α₀/(1 + kt). Puis le même réseau ReLU 2-64-64-3, entraîné sur la spirale avec le momentum de Nesterov, sous chacune (loss d’entraînement, échelle log).',
      },
      ctx.facts(result.runs.map((run) => ({ key: `settled-${run.schedule}`, label: `${run.schedule}: ${ctx.say({ en: 'loss over the last quarter', fr: 'loss sur le dernier quart' })}`, value: run.settledLoss }))),
      ctx.row(
        ctx.chart({
          label: 'Learning rate per epoch',
          spec: lineChart(ctx.theme, { dataset: 'rates', width: half, height: 220, x: epoch, y: { field: 'value', title: 'learning rate', zero: true, format: '.2~g' }, color: schedule, interpolate: 'step-after' }),
          data: { rates: learningRateRows(result) },
        }),
        ctx.chart({
          label: 'Training loss per schedule',
          spec: lineChart(ctx.theme, { dataset: 'losses', width: half, height: 220, x: epoch, y: { field: 'value', title: 'loss', log: true, format: '.2~g' }, color: schedule }),
          data: { losses: scheduleLossRows(result) },
        }),
      ),
    ),
  ];
}
