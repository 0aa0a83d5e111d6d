import { analyzeGraph } from '../../app/analysis/analyze';
import type { Analysis } from '../../app/analysis/types';
import { datasetInfo } from '../../app/data/catalog';
import { checkDataFit } from '../../app/data/fit';
import { dataSpec } from '../../app/data/spec';
import type { ProjectDoc } from '../../app/document/schema';
import { EVENT_VERSION, type HostEvent } from '../../app/protocol/events';
import type { EpochLogs } from '../../app/protocol/runs';
import { resolveLoss } from '../../app/training/loss';
import { learningRateAt, newPlateau, observePlateau } from '../../app/training/schedule';
import { selectBackend } from './backend';
import { BestTracker, monitorFor } from './best';
import { UserError, type TrainContext, type TrainRequest } from './context';
import { kerasLogs } from './metrics';
import { epochSamples } from './modes/epoch-samples';
import { trainGan } from './modes/gan';
import { setLearningRate } from './optimizer';
import { openFeeder } from './feeder';
import { compileModel, type Compiled } from './prepare';
import { loadPretrainedSources } from './pretrained';
import { ProgressMeter } from './progress';
import { seedRandomness } from './seed';
import { BatchThrottle } from './throttle';

export { UserError, type TrainContext, type TrainRequest } from './context';

/** Validates the document against its graph and data; throws a UserError naming the first problem. */
function validate(doc: ProjectDoc): Analysis {
  const analysis = analyzeGraph(doc.graph);
  const firstError = analysis.issues.find((i) => i.severity === 'error');
  if (firstError) throw new UserError(`The network has errors: ${firstError.message}${firstError.fix ? ` ${firstError.fix}` : ''}`);
  const misfit = checkDataFit(doc, analysis)[0];
  if (misfit) throw new UserError(`${misfit.message}${misfit.fix ? ` Fix: ${misfit.fix.label}.` : ''}`);
  return analysis;
}

function nanMessage(step: number, epoch: number, lr: number): string {
  return (
    `The loss became NaN or infinite at batch ${step} (epoch ${epoch}), so training stopped. Likely causes: ` +
    `the learning rate (${lr}) is too high — try 10× lower; inputs are not scaled to small numbers; ` +
    'or a log of zero, when an output without sigmoid/softmax feeds a cross-entropy loss.'
  );
}

/** One training run: validate, pick a backend, load data, build, fit with controls, stream and record progress. */
export async function train(req: TrainRequest, ctx: TrainContext): Promise<void> {
  if (req.document.training.mode === 'gan') return trainGan(req, ctx);
  const { tf, emit } = ctx;
  const { runId, document: doc } = req;
  const t = doc.training;
  const task = dataSpec(doc.data).task;
  const send = (e: HostEvent) => emit(e);
  const log = (message: string) => send({ v: EVENT_VERSION, type: 'run.log', runId, level: 'info', message });

  const analysis = validate(doc);
  const output = analysis.nodes.get(analysis.outputs[0]!)!.shape!;
  const loss = resolveLoss(t.loss, task, output);
  if ('error' in loss) throw new UserError(loss.error);
  seedRandomness(t.seed);
  let backend = await selectBackend(tf, req.backend);
  log(`Loading ${datasetInfo(doc.data.dataset).label}…`);
  const feeder = await openFeeder(tf, doc, analysis, loss, log);
  for (const w of feeder.warnings) log(w);
  const earlier = req.resume && ctx.loadCheckpoint ? await ctx.loadCheckpoint(req.resume.runDir) : undefined;

  await loadPretrainedSources(tf, doc, req.runDir);
  let run: Compiled = compileModel(tf, doc, analysis, loss, earlier);
  if (backend.name === 'wasm') {
    const missing = await feeder.probe(run.model);
    run.model.dispose();
    if (missing) {
      await tf.setBackend('cpu');
      backend = {
        name: 'cpu',
        device: 'CPU (plain JavaScript)',
        reason: `wasm cannot train this model yet (it lacks the ${missing} kernel), so the slower cpu backend runs it`,
      };
    }
    // The probe took one step; start again from fresh (or the recorded) weights.
    run = compileModel(tf, doc, analysis, loss, earlier);
  }
  earlier?.dispose();
  log(`Backend: ${backend.name} on ${backend.device} (${backend.reason}).`);

  const initialEpoch = req.resume?.epochsDone ?? 0;
  const lastEpoch = initialEpoch + t.epochs;
  const { batchesPerEpoch } = feeder;
  send({
    v: EVENT_VERSION,
    type: 'run.started',
    runId,
    backend,
    epochs: lastEpoch,
    batchesPerEpoch,
    samples: { train: feeder.trainCount, validation: feeder.validationCount },
    loss: loss.why,
    initialEpoch,
    ...(req.runDir ? { runDir: req.runDir } : {}),
  });

  const { model, optimizer } = run;
  const meter = new ProgressMeter(t.batchSize, (lastEpoch - initialEpoch) * batchesPerEpoch);
  const best = new BestTracker(monitorFor(t.earlyStopping, feeder.validationCount > 0), t.earlyStopping);
  let lr = t.learningRate;
  let plateau = newPlateau(t.learningRate);
  let epoch = initialEpoch;
  let batchInEpoch = 0;
  let step = initialEpoch * batchesPerEpoch;
  let stepsDone = 0;
  let epochStart = performance.now();
  let epochsDone = initialEpoch;
  let stopped = false;
  let earlyNote: string | undefined;
  let nanAt: number | null = null;

  const throttle = new BatchThrottle((points) => {
    send({ v: EVENT_VERSION, type: 'run.batches', runId, points });
    ctx.recorder?.batches(points);
    send({
      v: EVENT_VERSION,
      type: 'run.progress',
      runId,
      step,
      epoch: epoch + 1,
      batch: batchInEpoch,
      batchesPerEpoch,
      learningRate: lr,
      ...meter.take(stepsDone),
    });
  });
  const finish = (): void => {
    model.stopTraining = true;
  };

  try {
    await feeder.fit(model, {
      epochs: lastEpoch,
      initialEpoch,
      verbose: 0,
      callbacks: {
        onEpochBegin: async (e) => {
          epoch = e;
          epochStart = performance.now();
          lr = learningRateAt(t.schedule, t.learningRate, e, lastEpoch, plateau);
          setLearningRate(optimizer, lr);
        },
        onBatchBegin: async () => meter.batchBegin(),
        onBatchEnd: async (batch, logs) => {
          meter.batchEnd();
          batchInEpoch = batch + 1;
          step += 1;
          stepsDone += 1;
          const value = logs?.loss;
          if (typeof value !== 'number' || !Number.isFinite(value)) {
            nanAt = step;
            finish(); return;
          }
          throttle.push({ step, epoch: epoch + 1, loss: value });
          if (ctx.controls?.stopRequested || ctx.stopRequested?.()) {
            stopped = true;
            finish(); return;
          }
          if (ctx.controls) {
            // Show the exact batch count before holding still.
            if (ctx.controls.pausing) throttle.flush();
            const verdict = await ctx.controls.afterBatch(step);
            if (verdict === 'stop') {
              stopped = true;
              finish(); return;
            }
          }
        },
        onEpochEnd: async (e, raw) => {
          throttle.flush();
          // A stop mid-epoch leaves a partial epoch: its averages would mislead, so it is not reported.
          if (nanAt !== null || (stopped && batchInEpoch < batchesPerEpoch)) return;
          epochsDone = e + 1;
          const logs = kerasLogs(raw) as EpochLogs;
          const seconds = (performance.now() - epochStart) / 1000;
          // Autoencoders show reconstructions, encoder–decoders their greedy decoding: a loss alone says little.
          const samples = epochSamples(tf, model, task, feeder.samplesFrom);
          if (samples?.exactMatch !== undefined) logs.val_exact_match = samples.exactMatch;
          if (samples) {
            send({
              v: EVENT_VERSION,
              type: 'run.samples',
              runId,
              epoch: e + 1,
              kind: samples.kind,
              images: samples.images,
              ...(samples.lines ? { lines: samples.lines } : {}),
            });
            await ctx.recorder?.samples(e + 1, samples.kind, samples.images);
          }
          // On disk first, so what the UI has seen is never ahead of what a crash leaves behind.
          ctx.recorder?.epoch({ epoch: e + 1, logs, seconds, learningRate: lr });
          send({ v: EVENT_VERSION, type: 'run.epoch', runId, epoch: e + 1, epochs: lastEpoch, logs, seconds, learningRate: lr });
          if (t.schedule.kind === 'plateau') plateau = observePlateau(t.schedule, plateau, logs.val_loss ?? logs.loss);
          const verdict = best.observe(e + 1, logs, model);
          await ctx.recorder?.checkpoint(model, 'last');
          if (verdict.improved) await ctx.recorder?.checkpoint(model, 'best');
          if (verdict.stop) {
            earlyNote = `Early stopping after epoch ${e + 1}: ${best.monitor} did not improve for ${t.earlyStopping.patience} epochs.`;
            finish();
          }
        },
      },
    });
    if (nanAt !== null) throw new UserError(nanMessage(nanAt, epoch + 1, lr));
    const restored = earlyNote && t.earlyStopping.restoreBest ? best.restore(model) : null;
    if (restored !== null) {
      earlyNote = `${earlyNote} Restored the weights of epoch ${restored} (${best.monitor} ${best.best!.value.toFixed(4)}).`;
    }
    // Stopping keeps the weights reached so far.
    if (stopped || restored !== null) await ctx.recorder?.checkpoint(model, 'last');
  } finally {
    throttle.flush();
    best.dispose();
    feeder.dispose();
    model.dispose();
  }
  const status = stopped ? 'stopped' : 'completed';
  send({
    v: EVENT_VERSION,
    type: 'run.finished',
    runId,
    status,
    epochsDone,
    seconds: meter.take(stepsDone).elapsedSeconds,
    ...(earlyNote ? { note: earlyNote } : {}),
  });
}
