import type * as tfjs from '@tensorflow/tfjs';
import { dataSpec } from '../../../app/data/spec';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Shape, Tf } from '../../../app/layers/types';
import type { BackendName } from '../../../app/protocol/backend';
import type { Evaluation, EvaluationReport } from '../../../app/protocol/evaluation';
import { loadCheckpoint } from '../../record/checkpoint';
import { checkpointMeta, findCheckpoint, type CheckpointKind } from '../../record/layout';
import { UserError } from '../../user-error';
import { selectBackend } from '../backend';
import { classificationResult } from './classify';
import { ganResult } from './gan';
import { predictAll } from './predict';
import { reconstructionResult } from './reconstruct';
import { regressionResult } from './regress';
import { sequenceResult } from './sequence';
import { loadTestSet } from './test-data';

export interface EvaluateRequest {
  readonly runId: string;
  /** The document the run trained (its snapshot), not whatever the editor holds now. */
  readonly document: ProjectDoc;
  readonly runDir: string;
  readonly weights: CheckpointKind;
  readonly backend?: BackendName;
}

/** Loads a run's recorded weights, or says plainly why they cannot be used; reads only, never writes. */
export async function loadRecordedModel(tf: Tf, runDir: string, which: CheckpointKind): Promise<tfjs.LayersModel> {
  if (!findCheckpoint(runDir, which)) {
    throw new UserError(
      which === 'best'
        ? 'This run saved no best weights (it had no validation data to pick them by, or ended before its first epoch). Evaluate its last weights instead.'
        : 'This run saved no weights: it ended before its first epoch finished. Train at least one epoch to evaluate it.',
    );
  }
  try {
    return await loadCheckpoint(tf, runDir, which);
  } catch (e) {
    throw new UserError(`The run's saved ${which} weights could not be read, so they may be damaged (${(e as Error).message}). Nothing was changed.`);
  }
}

/** Scores a model on its data's test split: the metrics and pictures that suit its task. */
export async function evaluateModel(tf: Tf, doc: ProjectDoc, model: tfjs.LayersModel, log: (message: string) => void): Promise<Evaluation> {
  if (doc.training.mode === 'gan') return await ganResult(tf, doc, model, doc.data.seed);
  const spec = dataSpec(doc.data);
  log('Loading the test examples…');
  const set = await loadTestSet(doc);
  if (set.data.count === 0) throw new UserError('The test split is empty: there is nothing to evaluate on.');
  const inputShapes = model.inputs.map((i) => i.shape.slice(1) as Shape);
  const bad = set.data.inputs.findIndex((c, k) => c.shape.reduce((a, d) => a * d, 1) !== (inputShapes[k] ?? []).reduce<number>((a, d) => a * (d ?? NaN), 1));
  if (set.data.inputs.length !== inputShapes.length || bad >= 0) {
    throw new UserError(
      `The run's model takes inputs of shape ${inputShapes.map((s) => `[${s.join(', ')}]`).join(' and ')}, which its data no longer matches.`,
    );
  }
  log(`Scoring ${set.split.description}…`);
  switch (spec.task) {
    case 'sequence':
      return sequenceResult(tf, model, set);
    case 'classification': {
      const { values, per } = await predictAll(tf, model, set.data, inputShapes);
      return classificationResult(set, values, per, spec.classNames);
    }
    case 'regression': {
      const { values, per } = await predictAll(tf, model, set.data, inputShapes);
      const series = doc.data.dataset === 'co2' || doc.data.dataset === 'series' ? { horizon: doc.data.horizon } : null;
      return await regressionResult(tf, model, set, values, per, series);
    }
    case 'reconstruction': {
      const { values, per } = await predictAll(tf, model, set.data, inputShapes);
      return reconstructionResult(set, values, per);
    }
  }
}

/** One evaluation: backend, recorded weights, test split, metrics. The weights and the run folder are left as they were. */
export async function evaluateRun(tf: Tf, req: EvaluateRequest, log: (message: string) => void): Promise<EvaluationReport> {
  const started = performance.now();
  const backend = await selectBackend(tf, req.backend);
  const model = await loadRecordedModel(tf, req.runDir, req.weights);
  try {
    const result = await evaluateModel(tf, req.document, model, log);
    return {
      runId: req.runId,
      weights: req.weights,
      epoch: checkpointMeta(req.runDir, req.weights)?.epoch ?? null,
      backend: backend.name,
      seconds: (performance.now() - started) / 1000,
      result,
    };
  } finally {
    model.dispose();
  }
}
