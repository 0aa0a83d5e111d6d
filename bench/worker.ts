import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecorder } from '../main/record/recorder';
import { analyzeGraph } from '../app/analysis/analyze';
import type { ProjectDoc } from '../app/document/schema';
import { dataSpec } from '../app/data/spec';
import { resolveLoss } from '../app/training/loss';
import { gruResetAfterClass } from '../app/layers/tfjs/gru-reset-after';
import { buildModel } from '../main/engine/build-model';
import { RunControls } from '../main/engine/controls';
import { loadDataset } from '../main/engine/datasets';
import { splitData } from '../main/data/split';
import { compileModel } from '../main/engine/compile-model';
import { probeTraining } from '../main/engine/probe';
import { toTensors } from '../main/engine/tensors';
import { train } from '../main/engine/train';
import { writeWorkspace } from '../main/engine/torch/workspace';
import { requireTorch } from '../main/engine/torch/mode';
import { BATCH, benchDocument, type ModelId } from './models';
import { windowThroughput, type Budget } from './stats';

/**
 * One measurement in its own process (so peak RSS and the kernel registry are its own):
 * `tsx bench/worker.ts <model> <layerlab|cpu|wasm> <warmup> <windows> <batchesPerWindow> <deadlineSeconds>`;
 * training stops at the batch count or the deadline, whichever comes first.
 * `layerlab` is the engine's own training run (train() from main/engine, backend chosen as in
 * the app); `webgpu` and `tensorflow` are the same run with that backend requested (a column whose
 * backend does not load says why instead of measuring the fallback); `cpu` and `wasm` are plain
 * tfjs (model.fit) on the same model and data, wasm as shipped. `pytorch` is the engine driving PyTorch; `bare` is the
 * exported train.py it drives, run by itself (bench/torch/bare.py), so that the two differ by LayerLab's cost alone.
 */
export type Column = 'layerlab' | 'webgpu' | 'tensorflow' | 'cpu' | 'wasm' | 'pytorch' | 'bare';

export interface WorkerResult {
  readonly samplesPerSec: number | null;
  /** When no batch finished in time: the throughput it is known to be below. */
  readonly samplesPerSecBelow?: number;
  readonly windows: readonly number[];
  readonly note?: string;
  readonly device?: string;
  readonly firstBatchSec?: number;
  readonly inferenceMs?: number;
  readonly peakRssMb: number;
  /** Driving PyTorch: the engine process's own CPU time per second of the run (a share of one core), beside Python's. */
  readonly engineCpuShare?: number;
}

export const RESULT_MARK = '@@bench-result ';

/** Median latency of predicting one example, read back each time as an app showing a prediction would. */
async function inferenceMs(doc: ProjectDoc): Promise<number> {
  const analysis = analyzeGraph(doc.graph);
  const model = buildModel(tf, doc, analysis);
  const xs = analysis.inputs.map((id) => tf.zeros([1, ...(analysis.nodes.get(id)!.shape as number[])]));
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const start = performance.now();
    const y = model.predict(xs) as tf.Tensor;
    // Asynchronous: webgpu in Node cannot read synchronously.
    await y.data();
    y.dispose();
    if (i >= 10) times.push(performance.now() - start);
  }
  tf.dispose(xs);
  model.dispose();
  return times.sort((a, b) => a - b)[times.length >> 1]!;
}

/** Batch end times, until `total` batches or `deadline` ms after `start`. */
function collector(total: number, deadline: number) {
  const times: number[] = [];
  const start = performance.now();
  return { times, start, done: () => (times.push(performance.now()), times.length >= total || times.at(-1)! - start > deadline) };
}

interface EngineRun {
  times: number[];
  device: string;
  start: number;
  /** Set when a requested backend did not load: the engine's reason. */
  fellBack?: string;
}

async function engineRun(doc: ProjectDoc, total: number, deadline: number, backend?: 'webgpu' | 'tensorflow' | 'pytorch'): Promise<EngineRun> {
  const { times, start, done } = collector(total, deadline);
  let device = '';
  let fellBack: string | undefined;
  class Timed extends RunControls {
    override async afterBatch(step: number) {
      if (done() || fellBack) this.stop();
      return super.afterBatch(step);
    }
  }
  // PyTorch holds itself between batches, so its loop asks `stopRequested` once per batch instead of the controls;
  // its run is recorded (history, checkpoints every epoch), since that cost is part of what the column measures.
  const torch = backend === 'pytorch';
  const runDir = torch ? mkdtempSync(join(tmpdir(), 'layerlab-bench-run-')) : undefined;
  await train(
    { runId: 'bench', document: doc, ...(backend ? { backend } : {}), ...(runDir ? { runDir } : {}) },
    {
      tf,
      ...(torch ? { stopRequested: done, recorder: openRecorder(runDir) } : {}),
      controls: new Timed(
        () => undefined,
        () => undefined,
      ),
      emit: (e) => {
        if (e.type !== 'run.started') return;
        device = `${e.backend.name}: ${e.backend.device}`;
        if (backend && e.backend.name !== backend) fellBack = e.backend.reason;
      },
    },
  );
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  return { times, device, start, ...(fellBack ? { fellBack } : {}) };
}

/**
 * The exported train.py alone: the very files the engine writes for a PyTorch run (same interpreter, same thread count),
 * its own main() timed from inside its batch loop. Batch end times are on Python's clock; only their differences count.
 */
async function bareRun(doc: ProjectDoc, total: number, deadline: number): Promise<{ times: number[]; start: number; device: string }> {
  const torch = requireTorch(undefined);
  const ws = await writeWorkspace(doc);
  const threads = String(Math.max(1, Number(process.env.LAYERLAB_TORCH_THREADS) || 1));
  try {
    const out = execFileSync(torch.python, [join('bench', 'torch', 'bare.py'), ws.dir, ws.dataDir, String(total), threads], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: deadline,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { started: number; ends: number[]; threads: number };
    return {
      times: r.ends.map((t) => t * 1000),
      start: r.started * 1000,
      device: `pytorch (bare train.py): CPU (${r.threads} thread${r.threads === 1 ? '' : 's'})`,
    };
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

/**
 * The "tfjs as shipped" columns run the model the way tfjs alone would: the reset-after GRU (our
 * layer; tfjs has none) steps its cell through tfjs's RNN loop instead of LayerLab's sequence op.
 * Each column runs in its own process, so this touches only this one.
 */
function asShipped(): void {
  const GRU = gruResetAfterClass(tf);
  // The parent's method moves to the subclass's prototype, where `this` is still the layer.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  GRU.prototype.call = (Object.getPrototypeOf(GRU.prototype) as typeof GRU.prototype).call;
}

async function tfjsRun(
  doc: ProjectDoc,
  backend: 'cpu' | 'wasm',
  total: number,
  deadline: number,
): Promise<{ times: number[]; start: number; missing?: string }> {
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend(backend);
  const { times, start, done } = collector(total, deadline);
  const analysis = analyzeGraph(doc.graph);
  const output = analysis.nodes.get(analysis.outputs[0]!)!.shape!;
  const loss = resolveLoss(doc.training.loss, dataSpec(doc.data).task, output);
  if ('error' in loss) throw new Error(loss.error);
  const data = await loadDataset(doc.data, 0);
  const { train: set } = splitData(data, 0, doc.data.seed, doc.data.limit);
  asShipped();
  const { model } = compileModel(tf, doc, analysis, loss);
  // tfjs's own Adam, not LayerLab's joined one.
  model.optimizer = tf.train.adam(doc.training.learningRate);
  const { xs, y } = toTensors(
    tf,
    set,
    analysis.inputs.map((id) => analysis.nodes.get(id)!.shape!),
    output,
    loss,
  );
  try {
    const missing = backend === 'wasm' ? await probeTraining(tf, model, xs, y) : null;
    if (missing) return { times, start, missing };
    await model.fit(xs, y, {
      epochs: 1000,
      batchSize: doc.training.batchSize,
      shuffle: !data.chronological,
      verbose: 0,
      callbacks: {
        onBatchEnd: () => {
          if (done()) model.stopTraining = true;
          return Promise.resolve();
        },
      },
    });
    return { times, start };
  } finally {
    tf.dispose([...xs, y]);
    model.dispose();
  }
}

/** What a run that stopped at its deadline before a second batch can say. */
function tooSlow(times: readonly number[], start: number): WorkerResult {
  const seconds = ((times[0] ?? performance.now()) - start) / 1000;
  const first = times.length ? `its first batch took ${seconds.toFixed(0)} s` : 'no batch finished';
  return {
    samplesPerSec: null,
    samplesPerSecBelow: BATCH / seconds,
    windows: [],
    note: `too slow to time: ${first}`,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export async function measure(model: ModelId, column: Column, budget: Budget, deadlineSec = 600): Promise<WorkerResult> {
  const doc = benchDocument(model);
  const total = budget.warmup + budget.windows * budget.perWindow;
  const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
  if (column === 'layerlab' || column === 'webgpu' || column === 'tensorflow' || column === 'pytorch') {
    const cpu = process.cpuUsage();
    const began = performance.now();
    const { times, device, start, fellBack } = await engineRun(doc, total, deadlineSec * 1000, column === 'layerlab' ? undefined : column);
    const used = process.cpuUsage(cpu);
    const engineCpuShare = (used.user + used.system) / 1000 / (performance.now() - began);
    if (fellBack) return { samplesPerSec: null, windows: [], note: `unavailable: ${fellBack.slice(0, 300)}`, device, peakRssMb: peakRssMb() };
    if (times.length < 2) return { ...tooSlow(times, start), device };
    const windows = windowThroughput(times, budget, BATCH);
    return {
      samplesPerSec: median(windows),
      windows,
      device,
      firstBatchSec: (times[0]! - start) / 1000,
      peakRssMb: peakRssMb(),
      ...(column === 'pytorch' ? { engineCpuShare } : { inferenceMs: await inferenceMs(doc) }),
    };
  }
  if (column === 'bare') {
    const { times, start, device } = await bareRun(doc, total, deadlineSec * 1000);
    if (times.length < 2) return { ...tooSlow(times, start), device };
    const windows = windowThroughput(times, budget, BATCH);
    return { samplesPerSec: median(windows), windows, device, firstBatchSec: (times[0]! - start) / 1000, peakRssMb: peakRssMb() };
  }
  const { times, start, missing } = await tfjsRun(doc, column, total, deadlineSec * 1000);
  if (missing) return { samplesPerSec: null, windows: [], note: `cannot train (missing ${missing})`, peakRssMb: peakRssMb() };
  if (times.length < 2) return tooSlow(times, start);
  const windows = windowThroughput(times, budget, BATCH);
  return { samplesPerSec: median(windows), windows, firstBatchSec: (times[0]! - start) / 1000, peakRssMb: peakRssMb(), inferenceMs: await inferenceMs(doc) };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [model, column, warmup, windows, perWindow, deadline] = process.argv.slice(2);
  const budget = { warmup: Number(warmup), windows: Number(windows), perWindow: Number(perWindow) };
  measure(model as ModelId, column as Column, budget, Number(deadline ?? 600)).then(
    (r) => console.log(RESULT_MARK + JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
