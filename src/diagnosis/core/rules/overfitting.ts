/**
 * overfitting: the validation loss went back up while the training loss kept falling: the model
 * learns its training examples by heart. When the validation accuracy holds at its best, the model only
 * grows over-confident on the few examples it gets wrong (the Iris example when it trained 60 epochs:
 * validation loss +70 % to +95 %, validation accuracy at its best 90 % throughout, 100 % in training): information. A warning when the
 * accuracy confirms it: the validation accuracy fell 5 points below its best, or trails training by 20
 * points (the zoo's tiny dataset: 100 % in training, 55 % in validation).
 */
import { bilingual, evidence } from '../format';
import { learningWell, type RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { DROPOUT, hasLayerClass } from './modelShape';

/** The best validation loss is at least this many epochs old (Keras' EarlyStopping calls it patience). */
const PATIENCE = 3;
/** The recent validation loss (mean of the last 3 epochs) is 20 % above its best… */
const RISE = 1.2;
/**
 * …by at least 5 % of the baseline loss: at very low losses a small validation set makes +20 % noise
 * (the spiral example, 60 validation points: +57 % to +101 %, yet under 5 % of its baseline).
 */
const RISE_OF_BASELINE = 0.05;
/** Warning: the validation accuracy fell 5 points below its best… */
const ACCURACY_DROP = 0.05;
/** …or trails the training accuracy by 20 points… */
const ACCURACY_GAP = 0.2;
/** …or, without an accuracy metric, the validation loss is 50 % above its best. */
const STRONG_RISE = 1.5;

export const overfitting: Rule = {
  id: 'overfitting',
  check(run: RunData): Draft[] {
    const records = run.history;
    const validation = records.map((record) => record.valLoss ?? Number.NaN);
    if (records.length < PATIENCE + 2 || validation.some((loss) => !Number.isFinite(loss))) return [];
    const best = validation.indexOf(Math.min(...validation));
    const last = records.length - 1;
    const recent = validation.slice(-3).reduce((sum, loss) => sum + loss, 0) / Math.min(3, validation.length);
    const rise = recent - validation[best];
    // Overfitting needs a fit: a model that stays near its baseline has other problems (see learningWell).
    if (last - best < PATIENCE || recent < RISE * validation[best] || !(records[last].loss < records[best].loss) || !learningWell(run)) return [];
    if (run.start.baselineLoss !== undefined && rise < RISE_OF_BASELINE * run.start.baselineLoss) return [];
    const accuracy = (metrics: Readonly<Record<string, number>> | undefined): number | undefined => metrics?.acc ?? metrics?.accuracy;
    const trainAcc = accuracy(records[last].metrics);
    const valAcc = accuracy(records[last].valMetrics);
    const gap = trainAcc !== undefined && valAcc !== undefined ? trainAcc - valAcc : undefined;
    const bestValAcc = Math.max(...records.map((record) => accuracy(record.valMetrics) ?? Number.NaN));
    const severe =
      gap !== undefined && valAcc !== undefined ? gap >= ACCURACY_GAP || bestValAcc - valAcc >= ACCURACY_DROP : recent >= STRONG_RISE * validation[best];
    return [
      {
        rule: 'overfitting',
        severity: severe ? 'warning' : 'information',
        epoch: best + 1,
        evidence: evidence({ valLoss: recent, bestValLoss: validation[best], bestEpoch: best, trainLoss: records[last].loss, trainAccuracy: trainAcc, valAccuracy: valAcc, bestValAccuracy: bestValAcc }),
        message: bilingual(
          (f) => `The validation loss rose from ${f.num(validation[best])} (epoch ${best + 1}) to ${f.num(recent)} while the training loss kept falling to ${f.num(records[last].loss)}${gap !== undefined ? `; accuracy ${f.pct(trainAcc as number)} on training, ${f.pct(valAcc as number)} on validation` : ''}. The model learns its training examples by heart instead of features that generalise.`,
          (f) => `La loss de validation est remontée de ${f.num(validation[best])} (époque ${best + 1}) à ${f.num(recent)} pendant que celle d'entraînement descendait à ${f.num(records[last].loss)}${gap !== undefined ? ` ; accuracy ${f.pct(trainAcc as number)} en entraînement, ${f.pct(valAcc as number)} en validation` : ''}. Le modèle apprend ses exemples par cœur au lieu de features qui généralisent.`,
        ),
        topic: 'reg-dropout',
        fix: hasLayerClass(run.start, DROPOUT)
          ? {
              en: 'Regularise more: raise the dropout rate of the layers that have one or add dropout after the others, get more data or augment it, or keep the weights of the best validation epoch.',
              fr: "Régulariser davantage : augmenter le taux du dropout existant ou en ajouter après les autres couches, obtenir plus de données ou les augmenter, ou garder les poids de la meilleure époque de validation.",
            }
          : {
              en: 'Regularise: add dropout after the dense layers (it keeps units from specialising), get more data or augment it, or keep the weights of the best validation epoch.',
              fr: "Régulariser : ajouter du dropout après les couches denses (il empêche les unités de se spécialiser), obtenir plus de données ou les augmenter, ou garder les poids de la meilleure époque de validation.",
            },
        site: 'model',
      },
    ];
  },
};
