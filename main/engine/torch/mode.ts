import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDataFit } from '../../../app/data/fit';
import { dataSpec } from '../../../app/data/spec';
import { resolveLoss, type LossChoice } from '../../../app/training/loss';
import { findTorch, INSTALL_TORCH, type TorchProbe } from '../../python/probe';
import { buildModel } from '../build-model';
import { UserError } from '../context';
import type { TrainingMode } from '../run/mode';
import { adoptWeights } from '../run/weights';
import { RunnerChild } from './child';
import { driveRunner } from './drive';
import { writeTorchWeights } from './state-files';
import { writeWorkspace } from './workspace';

interface TorchPlan {
  readonly loss: LossChoice;
}

/** The interpreter with a usable torch (the one asked for first), or a UserError that says what to install. */
export function requireTorch(python: string | undefined): TorchProbe {
  const found = findTorch(process.env, python);
  if (found.ok) return found.probe;
  throw new UserError(`PyTorch is not available (${found.tried.join('; ')}). ${INSTALL_TORCH}`);
}

/** PyTorch's intra-op threads for the run (LAYERLAB_TORCH_THREADS); 0 leaves PyTorch's own choice. */
const threads = () => String(Math.max(0, Math.floor(Number(process.env.LAYERLAB_TORCH_THREADS) || 0)));

/**
 * Standard training in PyTorch: the project's exported train.py, driven by runner.py over JSON lines, with the same
 * skeleton around it as every mode (events, throttling, NaN checks, records, checkpoints, early stopping). The TF.js
 * model exists only to hold each epoch's weights, so checkpoints open in evaluation, the playground and the views.
 */
export function torchMode(torch: TorchProbe): TrainingMode<TorchPlan> {
  return {
    noun: 'network',
    external: true,
    check(doc, analysis) {
      if (doc.training.mode !== 'standard')
        throw new UserError(`The PyTorch engine trains networks with a loss (standard mode); this ${doc.training.mode} project needs LayerLab's own engine.`);
      const misfit = checkDataFit(doc, analysis)[0];
      if (misfit) throw new UserError(`${misfit.message}${misfit.fix ? ` Fix: ${misfit.fix.label}.` : ''}`);
      const loss = resolveLoss(doc.training.loss, dataSpec(doc.data).task, analysis.nodes.get(analysis.outputs[0]!)!.shape!);
      if ('error' in loss) throw new UserError(loss.error);
      return { loss };
    },
    async open(plan, { tf, doc, analysis, log, runDir, controls }) {
      const ws = await writeWorkspace(doc, runDir);
      log(`PyTorch ${torch.torch} (Python ${torch.pythonVersion}, ${torch.python}) trains from ${ws.dir}.`);
      const args = [join(ws.dir, 'runner.py'), '--dir', ws.dir, '--out', ws.out, '--data-dir', ws.dataDir, '--threads', threads()];
      const child = new RunnerChild(torch.python, args, { ...process.env, PYTHONDONTWRITEBYTECODE: '1' });
      const ready = await child.next().catch(async (e: unknown) => {
        await child.close();
        throw e;
      });
      if (ready.type !== 'ready') {
        await child.close();
        throw new UserError(`PyTorch began with "${ready.type}" instead of saying it was ready.`);
      }
      return {
        samples: { train: ready.train, validation: ready.validation },
        batchesPerEpoch: ready.batchesPerEpoch,
        lossWhy: plan.loss.why,
        backend: { name: 'pytorch', device: ready.deviceName, reason: `PyTorch ${ready.torch} on ${ready.device} (Python ${ready.python}, ${torch.python})` },
        holdsItself: true,
        nanCauses: (lr) =>
          `the learning rate (${lr}) is too high — try 10× lower; inputs are not scaled to small numbers; ` +
          'or a log of zero, when an output without sigmoid/softmax feeds a cross-entropy loss.',
        // The examples are in the Python process; the views that need them are not computed for PyTorch runs.
        sample: () => null,
        build: (earlier) => {
          const model = buildModel(tf, doc, analysis);
          if (earlier) adoptWeights(model, earlier, 'network');
          return {
            drive: 'fit',
            model,
            trial: () => Promise.resolve(),
            fit: async (range, hooks) => {
              let weights: string | null = null;
              if (earlier) {
                weights = join(ws.dir, 'initial-weights');
                await mkdir(weights, { recursive: true });
                await writeTorchWeights(model, ws.maps, weights);
              }
              await driveRunner({ tf, child, model, maps: ws.maps, out: ws.out, controls, weights }, range, hooks);
            },
            dispose: () => model.dispose(),
          };
        },
        dispose: () => void child.close(),
      };
    },
  };
}
