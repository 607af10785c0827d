/**
 * Entry of a lab process (bundled to out/labWorker.js). It answers one request — run a lab — and exits, so no tensor, model or tokenizer outlives it. Loading the labs loads tfjs and the
 * NLP model: the extension host never does.
 */
import * as l10n from '@vscode/l10n';
import { EngineError } from '../../engine/engineError';
import { findLab, runLab } from './experiments';
import type { FromLabWorker, ToLabWorker } from './labProcessProtocol';
import { errorReport, workerChannel } from '../../engine/worker/workerChannel';
import { useMessagesFromEnv } from '../../common/core/messages';

useMessagesFromEnv();
const channel = workerChannel<FromLabWorker>();
let answered = false;

process.on('message', (message: ToLabWorker) => {
  if (answered) return;
  answered = true;
  void answer(message);
});

async function answer(request: ToLabWorker): Promise<void> {
  try {
    const lab = findLab(request.lab);
    if (lab === undefined) throw new EngineError('config', l10n.t('unknown lab "{0}"', request.lab));
    await channel.sendFinal({ type: 'done', run: await runLab(lab, request.params, request.backend) });
  } catch (error) {
    await channel.sendFinal({ type: 'error', ...errorReport(error) });
  } finally {
    process.disconnect?.();
  }
}
