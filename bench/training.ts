import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBatches } from './data';
import { MODEL_IDS, modelLabel, type ModelId } from './models';
import { table, type Budget } from './stats';
import { findTorch, runTorch, type TorchResult } from './torch-peer';
import { RESULT_MARK, type Column, type WorkerResult } from './worker';

/**
 * Batches per measurement, sized so that `npm run bench` stays near 10 minutes on 2 cores:
 * the slow columns (tfjs cpu) get one-batch windows, the fast ones windows of several batches.
 */
const BUDGETS: Record<ModelId, { fast: Budget; slow: Budget; slowDeadline: number }> = {
  mlp: { fast: { warmup: 5, windows: 5, perWindow: 20 }, slow: { warmup: 2, windows: 3, perWindow: 2 }, slowDeadline: 60 },
  lenet: { fast: { warmup: 3, windows: 5, perWindow: 8 }, slow: { warmup: 1, windows: 3, perWindow: 1 }, slowDeadline: 60 },
  lstm: { fast: { warmup: 2, windows: 5, perWindow: 1 }, slow: { warmup: 1, windows: 2, perWindow: 1 }, slowDeadline: 90 },
  transformer: { fast: { warmup: 2, windows: 5, perWindow: 2 }, slow: { warmup: 1, windows: 2, perWindow: 1 }, slowDeadline: 90 },
  gru: { fast: { warmup: 3, windows: 5, perWindow: 8 }, slow: { warmup: 1, windows: 3, perWindow: 2 }, slowDeadline: 60 },
};
/** Seconds a fast column may take; a worker still inside one batch this long after its deadline is killed. */
const FAST_DEADLINE = 120;
const GRACE = 60;

/**
 * PyTorch and LayerLab alternate this many times per model and pool their windows, so that a
 * change in the machine's load (it is shared) falls on both rather than on one.
 */
const ROUNDS: Record<ModelId, number> = { mlp: 3, lenet: 3, lstm: 1, transformer: 1, gru: 3 };

const middle = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** One result from several runs: every window counts toward the median; the rest is the first run's. */
function pooled<T extends { samplesPerSec: number | null; windows: readonly number[] }>(runs: readonly T[]): T {
  const windows = runs.flatMap((r) => r.windows);
  return windows.length ? { ...runs[0]!, windows, samplesPerSec: middle(windows) } : runs[0]!;
}

function runWorker(model: ModelId, column: Column, budget: Budget, deadline: number): WorkerResult {
  const args = [
    '--import',
    'tsx',
    join('bench', 'worker.ts'),
    model,
    column,
    String(budget.warmup),
    String(budget.windows),
    String(budget.perWindow),
    String(deadline),
  ];
  try {
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
      timeout: (deadline + GRACE) * 1000,
      killSignal: 'SIGKILL',
    });
    const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
    if (!line) throw new Error('no result line');
    return JSON.parse(line.slice(RESULT_MARK.length)) as WorkerResult;
  } catch (e) {
    if ((e as { signal?: string }).signal === 'SIGKILL') {
      const below = 64 / (deadline + GRACE);
      return { samplesPerSec: null, samplesPerSecBelow: below, windows: [], note: `< ${below.toFixed(2)} (no batch in ${deadline + GRACE} s)`, peakRssMb: 0 };
    }
    const message = (e as { stderr?: string }).stderr?.split('\n').find((l) => /Error/.test(l)) ?? String(e);
    return { samplesPerSec: null, windows: [], note: `failed: ${message.slice(0, 160)}`, peakRssMb: 0 };
  }
}

interface Row {
  readonly model: ModelId;
  readonly label: string;
  readonly layerlab: WorkerResult;
  readonly cpu: WorkerResult;
  readonly wasm: WorkerResult;
  readonly pytorch: TorchResult | { skipped: string };
  readonly ratio_to_pytorch: number | null;
  readonly ratio_to_cpu: number | null;
  /** When tfjs cpu was too slow to time: LayerLab is at least this many times faster. */
  readonly ratio_to_cpu_at_least?: number;
}

const rate = (r: WorkerResult) => (r.samplesPerSec === null ? (r.note ?? 'n/a') : r.samplesPerSec);
const ratio = (a: number | null, b: number | null | undefined) => (a !== null && b ? a / b : null);

export async function benchTraining(models: readonly ModelId[] = MODEL_IDS, log: (line: string) => void = console.log): Promise<Row[]> {
  const python = findTorch(log);
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  const rows: Row[] = [];
  try {
    for (const model of models) {
      const { fast, slow, slowDeadline } = BUDGETS[model];
      log(`${modelLabel(model)}…`);
      // PyTorch and LayerLab run back to back, so that both see the same load on the machine.
      let pytorch: TorchResult | { skipped: string } = { skipped: 'PyTorch not available' };
      if (python) await writeBatches(dir, model, Math.min(fast.warmup + fast.windows * fast.perWindow, 25));
      const torchRuns: TorchResult[] = [];
      const ours: WorkerResult[] = [];
      for (let round = 0; round < ROUNDS[model]; round++) {
        if (python && !('skipped' in pytorch && pytorch.skipped.startsWith('PyTorch failed'))) {
          try {
            torchRuns.push(runTorch(python, dir, model, fast));
          } catch (e) {
            pytorch = { skipped: `PyTorch failed: ${String(e).slice(0, 160)}` };
          }
        }
        ours.push(runWorker(model, 'layerlab', fast, FAST_DEADLINE));
      }
      if (torchRuns.length) pytorch = pooled(torchRuns);
      const results: Record<Column, WorkerResult> = {
        layerlab: pooled(ours),
        cpu: runWorker(model, 'cpu', slow, slowDeadline),
        wasm: runWorker(model, 'wasm', fast, FAST_DEADLINE),
      };
      const torchRate = 'samplesPerSec' in pytorch ? pytorch.samplesPerSec : null;
      rows.push({
        model,
        label: modelLabel(model),
        ...results,
        pytorch,
        ratio_to_pytorch: ratio(results.layerlab.samplesPerSec, torchRate),
        ratio_to_cpu: ratio(results.layerlab.samplesPerSec, results.cpu.samplesPerSec),
        ...(results.cpu.samplesPerSecBelow && results.layerlab.samplesPerSec
          ? { ratio_to_cpu_at_least: results.layerlab.samplesPerSec / results.cpu.samplesPerSecBelow }
          : {}),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function printable(rows: readonly Row[]): Record<string, string | number>[] {
  return rows.map((r) => ({
    model: r.label,
    'LayerLab (samples/s)': rate(r.layerlab),
    'tfjs cpu': rate(r.cpu),
    'tfjs wasm (shipped)': rate(r.wasm),
    PyTorch: 'samplesPerSec' in r.pytorch ? r.pytorch.samplesPerSec : r.pytorch.skipped,
    'vs PyTorch': r.ratio_to_pytorch ?? 'n/a',
    'vs cpu': r.ratio_to_cpu ?? (r.ratio_to_cpu_at_least ? `> ${r.ratio_to_cpu_at_least.toFixed(0)}` : 'n/a'),
    'first batch s': r.layerlab.firstBatchSec ?? 'n/a',
    'infer 1 ms': r.layerlab.inferenceMs ?? 'n/a',
    'PyTorch infer ms': 'inferenceMs' in r.pytorch ? r.pytorch.inferenceMs : 'n/a',
    'peak RSS MB': r.layerlab.peakRssMb,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `tsx bench/training.ts lenet gru` measures only those models and leaves results/ as it is.
  const picked = process.argv.slice(2);
  const unknown = picked.filter((m) => !MODEL_IDS.includes(m as ModelId));
  if (unknown.length) throw new Error(`Unknown model ${unknown.join(', ')}; choose from ${MODEL_IDS.join(', ')}`);
  const started = Date.now();
  benchTraining(picked.length ? (picked as ModelId[]) : MODEL_IDS).then((rows) => {
    console.log(`\nTraining throughput, batch 64, Adam (median of timed windows after warm-up; all in this run on ${cpus().length} cores)\n`);
    console.log(table(printable(rows)));
    const device = rows.find((r) => r.layerlab.device)?.layerlab.device ?? 'unknown';
    const torch = rows.map((r) => r.pytorch).find((p): p is TorchResult => 'threads' in p);
    console.log(
      `\nLayerLab engine: ${device}. PyTorch: ${torch ? `${torch.torch}, ${torch.threads} thread(s)` : 'skipped'}. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
    if (picked.length) return;
    mkdirSync(join('bench', 'results'), { recursive: true });
    const machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      engine: device,
      pytorch: torch ? { version: torch.torch, threads: torch.threads } : null,
    };
    writeFileSync(join('bench', 'results', 'training.json'), `${JSON.stringify({ measured: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  });
}
