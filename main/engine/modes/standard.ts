import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../../app/analysis/types';
import { checkDataFit } from '../../../app/data/fit';
import { dataSpec, type Task } from '../../../app/data/spec';
import type { ProjectDoc } from '../../../app/document/schema';
import type { Tf } from '../../../app/layers/types';
import type { EpochLogs } from '../../../app/protocol/runs';
import { resolveLoss, type LossChoice } from '../../../app/training/loss';
import { compileModel } from '../compile-model';
import { UserError } from '../context';
import { openFeeder, type Feeder } from '../feeder';
import { kerasLogs } from '../metrics';
import { setLearningRate } from '../optimizer';
import { loadPretrainedSources } from '../pretrained';
import type { Trainer, TrainingMode } from '../run/mode';
import { epochSamples } from './epoch-samples';

interface StandardPlan {
  readonly loss: LossChoice;
  readonly task: Task;
}

/**
 * tfjs's fit (or fitDataset, for streamed image folders) under the skeleton's hooks: the batch loop
 * stays tfjs's, which slices, shuffles, validates and streams in one place and is the path the
 * benchmarks measure; the hooks decide everything else and stop fit through `stopTraining`.
 */
function fitTrainer(tf: Tf, doc: ProjectDoc, analysis: Analysis, plan: StandardPlan, feeder: Feeder, earlier?: tfjs.LayersModel): Trainer {
  const { model, optimizer } = compileModel(tf, doc, analysis, plan.loss, earlier);
  const stopUnless = (verdict: 'continue' | 'stop') => {
    if (verdict === 'stop') model.stopTraining = true;
  };
  return {
    drive: 'fit',
    model,
    trial: () => feeder.trial(model),
    setLearningRate: (rate) => setLearningRate(optimizer, rate),
    // Autoencoders show reconstructions, encoder–decoders their greedy decoding: a loss alone says little.
    picture: async () => {
      const s = await epochSamples(tf, model, plan.task, feeder.samplesFrom);
      if (!s) return null;
      return {
        kind: s.kind,
        images: s.images,
        ...(s.lines ? { lines: s.lines } : {}),
        ...(s.exactMatch !== undefined ? { logs: { val_exact_match: s.exactMatch } } : {}),
      };
    },
    fit: async (range, hooks) => {
      await feeder.fit(model, {
        epochs: range.epochs,
        initialEpoch: range.initialEpoch,
        verbose: 0,
        callbacks: {
          onEpochBegin: (epoch) => {
            hooks.epochBegin(epoch);
          },
          onBatchBegin: () => {
            hooks.batchBegin();
          },
          onBatchEnd: async (_batch, logs) => {
            const loss = logs?.loss;
            stopUnless(await hooks.batchEnd({ loss: typeof loss === 'number' ? loss : NaN }));
          },
          onEpochEnd: async (epoch, logs) => stopUnless(await hooks.epochEnd(epoch, () => kerasLogs(logs) as EpochLogs)),
        },
      });
    },
    dispose: () => model.dispose(),
  };
}

/** Supervised training of one model on the document's data: the loss the task calls for, fit batch by batch. */
export const standardMode: TrainingMode<StandardPlan> = {
  noun: 'network',
  check(doc, analysis) {
    const misfit = checkDataFit(doc, analysis)[0];
    if (misfit) throw new UserError(`${misfit.message}${misfit.fix ? ` Fix: ${misfit.fix.label}.` : ''}`);
    const output = analysis.nodes.get(analysis.outputs[0]!)!.shape!;
    const task = dataSpec(doc.data).task;
    const loss = resolveLoss(doc.training.loss, task, output);
    if ('error' in loss) throw new UserError(loss.error);
    return { loss, task };
  },
  async open(plan, { tf, doc, analysis, log, runDir }) {
    const feeder = await openFeeder(tf, doc, analysis, plan.loss, log);
    for (const w of feeder.warnings) log(w);
    // Building is synchronous; the sources of PretrainedModel nodes are loaded (or downloaded) first.
    await loadPretrainedSources(tf, doc, runDir);
    return {
      samples: { train: feeder.trainCount, validation: feeder.validationCount },
      batchesPerEpoch: feeder.batchesPerEpoch,
      lossWhy: plan.loss.why,
      nanCauses: (lr) =>
        `the learning rate (${lr}) is too high — try 10× lower; inputs are not scaled to small numbers; ` +
        'or a log of zero, when an output without sigmoid/softmax feeds a cross-entropy loss.',
      sample: (n) => feeder.sample(n),
      build: (earlier) => fitTrainer(tf, doc, analysis, plan, feeder, earlier),
      dispose: () => feeder.dispose(),
    };
  },
};
