import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { blasIsFair } from '../main/python/probe';
import { writeBatches } from './data';
import { MODEL_IDS, modelLabel, type ModelId } from './models';
import { PeerRuns, type Peer, type PeerSpec } from './peer-runs';
import { pooled, runWorker } from './run-worker';
import { median, table, type Budget } from './stats';
import { findPeer, type TorchPeer } from './torch-peer';
import type { Column, WorkerResult } from './worker';

/**
 * Batches per measurement, sized so that `npm run bench` stays near 15 minutes on 2 cores:
 * the slow columns (tfjs cpu, a software WebGPU adapter) get one-batch windows and a deadline,
 * the fast ones windows of several batches. The fast warm-ups cover the engine's own: its first
 * 20–40 batches run at about half speed while V8 compiles the kernels' JavaScript (the GRU's
 * ~800 ops a step the most), and PyTorch is timed after the same number of batches.
 */
const BUDGETS: Record<ModelId, { fast: Budget; slow: Budget; slowDeadline: number }> = {
  mlp: { fast: { warmup: 40, windows: 5, perWindow: 20 }, slow: { warmup: 2, windows: 3, perWindow: 2 }, slowDeadline: 60 },
  lenet: { fast: { warmup: 30, windows: 5, perWindow: 8 }, slow: { warmup: 1, windows: 3, perWindow: 1 }, slowDeadline: 60 },
  lstm: { fast: { warmup: 2, windows: 5, perWindow: 1 }, slow: { warmup: 1, windows: 2, perWindow: 1 }, slowDeadline: 90 },
  transformer: { fast: { warmup: 2, windows: 5, perWindow: 2 }, slow: { warmup: 1, windows: 2, perWindow: 1 }, slowDeadline: 90 },
  gru: { fast: { warmup: 50, windows: 5, perWindow: 12 }, slow: { warmup: 1, windows: 3, perWindow: 2 }, slowDeadline: 60 },
};
/**
 * LayerLab driving PyTorch: batch ends are seen as the runner's lines reach the engine (flushed every 50 ms), so its
 * windows are long enough (about a second at PyTorch's 1-thread speed) that the bursts do not decide the figure.
 */
const TORCH_BUDGETS: Record<ModelId, Budget> = {
  mlp: { warmup: 100, windows: 5, perWindow: 1500 },
  lenet: { warmup: 20, windows: 5, perWindow: 250 },
  lstm: { warmup: 3, windows: 5, perWindow: 20 },
  transformer: { warmup: 3, windows: 5, perWindow: 12 },
  gru: { warmup: 20, windows: 5, perWindow: 450 },
};
/** The 1-thread peer over the driven run's batch count (TORCH_BUDGETS), for the driven column's ratio. */
const SAME_BATCHES: PeerSpec = { key: 'pytorch_driven_batches', label: "PyTorch 1 thread, driven's batches", device: 'cpu', threads: 1 };
/** Seconds a fast column may take. */
const FAST_DEADLINE = 120;
const ONE_THREAD = { LAYERLAB_TORCH_THREADS: '1', OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/**
 * PyTorch and LayerLab alternate this many times per model and pool their windows, so that a
 * change in the machine's load (it is shared) falls on both rather than on one.
 */
const ROUNDS: Record<ModelId, number> = { mlp: 3, lenet: 3, lstm: 1, transformer: 1, gru: 3 };
/**
 * Driven-and-bare pairs per model (at least ROUNDS, the extra ones after the rounds). On a shared machine
 * the load moves between two runs a minute apart by more than LayerLab costs, so the cost is the median of
 * each pair's own ratio, with the pair's order alternated so that neither side always runs second. The LSTM
 * and the Transformer time ~60 batches a run (15–20 s), so a minute's load swings one pair by ±20%: they get
 * five pairs.
 */
const DRIVE_PAIRS: Record<ModelId, number> = { mlp: 3, lenet: 3, lstm: 5, transformer: 5, gru: 3 };

/**
 * `cpu` (npm run bench): the default engine, WebGPU (a software adapter on a machine without a
 * GPU, which its device string says), tfjs cpu and wasm as shipped, against PyTorch at 1 thread
 * and at the machine's core count. `gpu` (bench/gpu.sh): every engine that can reach a GPU
 * against PyTorch on CUDA.
 */
export type Profile = 'cpu' | 'gpu';

interface ProfileSpec {
  /** Columns measured once each with the slow or fast budget, besides the alternating `layerlab`. */
  readonly slow: readonly Column[];
  readonly fast: readonly Column[];
  readonly peers: (cores: number) => PeerSpec[];
  readonly file: string;
}

const PROFILES: Record<Profile, ProfileSpec> = {
  cpu: {
    slow: ['webgpu', 'cpu'],
    fast: ['wasm'],
    peers: (cores) => [
      { key: 'pytorch', label: 'PyTorch 1 thread', device: 'cpu', threads: 1 },
      ...(cores > 1 ? [{ key: 'pytorch_all_cores', label: `PyTorch ${cores} threads`, device: 'cpu' as const, threads: cores }] : []),
    ],
    file: 'training.json',
  },
  gpu: {
    slow: [],
    fast: ['webgpu', 'tensorflow'],
    peers: (cores) => [{ key: 'pytorch_cuda', label: 'PyTorch CUDA', device: 'cuda', threads: cores }],
    file: 'training-gpu.json',
  },
};

export interface Row {
  readonly model: ModelId;
  readonly label: string;
  /** LayerLab's columns: `layerlab` is the engine as the app runs it; the others name their backend. */
  readonly engines: Partial<Record<Column, WorkerResult>>;
  readonly peers: Record<string, Peer>;
  /** `<engine>/<peer>`: samples/s of the engine column over the peer's. */
  readonly ratios: Record<string, number | null>;
  /** Why no ratio to PyTorch is given although it ran (its BLAS is the reference one). */
  readonly ratio_withheld?: string;
  /** When tfjs cpu was too slow to time: LayerLab is at least this many times faster. */
  readonly ratio_to_cpu_at_least?: number;
  /** driven ÷ bare of each back-to-back pair, in the order run; `pytorch/bare` is their median. */
  readonly driven_pairs?: readonly (number | null)[];
}

const rate = (r: WorkerResult | undefined) => (!r ? 'n/a' : (r.samplesPerSec ?? r.note ?? 'n/a'));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? a / b : null);
const peerRate = (p: Peer | undefined) => (p && 'samplesPerSec' in p ? p.samplesPerSec : null);

/** BENCH_COLUMNS=webgpu,wasm keeps only those columns besides the alternating LayerLab and PyTorch runs (quick checks). */
const wanted = (column: Column) => !process.env.BENCH_COLUMNS || process.env.BENCH_COLUMNS.split(',').includes(column);

export async function benchTraining(
  models: readonly ModelId[],
  profile: Profile,
  log: (line: string) => void = console.log,
): Promise<{ rows: Row[]; peer: TorchPeer | null }> {
  const spec = PROFILES[profile];
  const peer = findPeer(log);
  const peers = spec.peers(cpus().length);
  const fair = !peer || blasIsFair(peer.blas) || profile === 'gpu';
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  const rows: Row[] = [];
  try {
    for (const model of models) {
      const { fast, slow, slowDeadline } = BUDGETS[model];
      log(`${modelLabel(model)}…`);
      if (peer) await writeBatches(dir, model, Math.min(fast.warmup + fast.windows * fast.perWindow, 25));
      const runs = peers.map((p) => new PeerRuns(peer, p));
      // The peer again over the driven run's batch count: the fast budget times only the first few batches, which
      // for the LSTM are the ones PyTorch's CPU backward spends on denormals (see README), so only this one compares.
      const alike = new PeerRuns(peer, SAME_BATCHES);
      const ours: WorkerResult[] = [];
      const driven: WorkerResult[] = [];
      const bare: WorkerResult[] = [];
      // The driven run and the bare train.py under it are measured together: their ratio is LayerLab's own cost.
      const drive = profile === 'cpu' && peer !== null && (wanted('pytorch') || wanted('bare'));
      const pairs: (number | null)[] = [];
      // The same interpreter and thread count as the 1-thread peer, so the ratio is LayerLab's cost around PyTorch.
      const drivePair = (k: number) => {
        const env = { ...ONE_THREAD, LAYERLAB_PYTHON: peer!.python };
        const one = (column: 'pytorch' | 'bare') => runWorker(model, column, TORCH_BUDGETS[model], FAST_DEADLINE, env);
        let d: WorkerResult;
        let b: WorkerResult;
        if (k % 2 === 0) {
          d = one('pytorch');
          b = one('bare');
        } else {
          b = one('bare');
          d = one('pytorch');
        }
        driven.push(d);
        bare.push(b);
        pairs.push(ratio(d.samplesPerSec, b.samplesPerSec));
      };
      // PyTorch and LayerLab run back to back, so that both see the same load on the machine.
      for (let round = 0; round < ROUNDS[model]; round++) {
        for (const r of runs) r.run(dir, model, fast);
        ours.push(runWorker(model, 'layerlab', fast, FAST_DEADLINE));
        if (drive) {
          drivePair(round);
          alike.run(dir, model, TORCH_BUDGETS[model]);
        }
      }
      for (let k = ROUNDS[model]; drive && k < DRIVE_PAIRS[model]; k++) drivePair(k);
      const engines: Partial<Record<Column, WorkerResult>> = {
        layerlab: pooled(ours),
        ...(driven.length ? { pytorch: pooled(driven), bare: pooled(bare) } : {}),
      };
      for (const column of spec.slow.filter(wanted)) engines[column] = runWorker(model, column, slow, slowDeadline);
      for (const column of spec.fast.filter(wanted)) engines[column] = runWorker(model, column, fast, FAST_DEADLINE);
      const peerResults: Record<string, Peer> = Object.fromEntries(runs.map((r) => [r.spec.key, r.result()]));
      if (drive) peerResults[SAME_BATCHES.key] = alike.result();
      const ratios: Record<string, number | null> = {};
      for (const [column, result] of Object.entries(engines)) {
        if (column === 'cpu' || column === 'wasm') continue;
        for (const p of peers) ratios[`${column}/${p.key}`] = fair ? ratio(result.samplesPerSec, peerRate(peerResults[p.key])) : null;
      }
      // LayerLab's overhead around PyTorch, against the same exported code run without it (no peer involved).
      const paired = pairs.filter((p): p is number => p !== null);
      if (engines.pytorch && engines.bare) ratios['pytorch/bare'] = paired.length ? median(paired) : null;
      if (drive && fair) ratios[`pytorch/${SAME_BATCHES.key}`] = ratio(engines.pytorch?.samplesPerSec, peerRate(peerResults[SAME_BATCHES.key]));
      const cpu = engines.cpu;
      if (cpu) ratios['layerlab/cpu'] = ratio(engines.layerlab!.samplesPerSec, cpu.samplesPerSec);
      const ours1 = engines.layerlab!.samplesPerSec;
      rows.push({
        model,
        label: modelLabel(model),
        engines,
        peers: peerResults,
        ratios,
        ...(fair ? {} : { ratio_withheld: peer.blas.note }),
        ...(cpu?.samplesPerSecBelow && ours1 ? { ratio_to_cpu_at_least: ours1 / cpu.samplesPerSecBelow } : {}),
        ...(pairs.length ? { driven_pairs: pairs } : {}),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, peer };
}

const COLUMN_LABELS: Record<Column, string> = {
  layerlab: 'LayerLab (samples/s)',
  webgpu: 'LayerLab webgpu',
  tensorflow: 'LayerLab tensorflow',
  cpu: 'tfjs cpu',
  wasm: 'tfjs wasm (shipped)',
  pytorch: 'LayerLab driving PyTorch',
  bare: 'exported train.py, bare',
};

export function printable(rows: readonly Row[], profile: Profile): Record<string, string | number>[] {
  const peers = PROFILES[profile].peers(cpus().length);
  return rows.map((r) => {
    const cells: Record<string, string | number> = { model: r.label };
    for (const column of Object.keys(r.engines) as Column[]) cells[COLUMN_LABELS[column]] = rate(r.engines[column]);
    for (const p of peers) {
      const result = r.peers[p.key];
      cells[p.label] = peerRate(result) ?? (result && 'skipped' in result ? result.skipped : 'n/a');
      cells[`vs ${p.label}`] = r.ratios[`layerlab/${p.key}`] ?? (r.ratio_withheld ? 'withheld (reference BLAS)' : 'n/a');
    }
    if (r.engines.pytorch) cells['driving / PyTorch 1 thread'] = r.ratios['pytorch/pytorch'] ?? 'n/a';
    if (r.engines.bare) cells['driving / bare'] = r.ratios['pytorch/bare'] ?? 'n/a';
    if (r.peers[SAME_BATCHES.key]) {
      cells[SAME_BATCHES.label] = peerRate(r.peers[SAME_BATCHES.key]) ?? 'n/a';
      cells[`driving / ${SAME_BATCHES.label}`] = r.ratios[`pytorch/${SAME_BATCHES.key}`] ?? 'n/a';
    }
    if (profile === 'cpu') cells['vs cpu'] = r.ratios['layerlab/cpu'] ?? (r.ratio_to_cpu_at_least ? `> ${r.ratio_to_cpu_at_least.toFixed(0)}` : 'n/a');
    cells['first batch s'] = r.engines.layerlab?.firstBatchSec ?? 'n/a';
    cells['infer 1 ms'] = r.engines.layerlab?.inferenceMs ?? 'n/a';
    cells['peak RSS MB'] = r.engines.layerlab?.peakRssMb ?? 'n/a';
    return cells;
  });
}

interface ColumnsFile {
  readonly rows: readonly (Row & { readonly measured: string })[];
  readonly machine: ReturnType<typeof machine>;
}

/** The earlier rows of a columns file (other models, measured before), with this run's replacing theirs. */
function mergedColumns(file: string, rows: readonly Row[], about: ReturnType<typeof machine>): ColumnsFile {
  const measured = new Date().toISOString();
  let earlier: ColumnsFile['rows'] = [];
  if (existsSync(file)) {
    try {
      earlier = (JSON.parse(readFileSync(file, 'utf8')) as Partial<ColumnsFile>).rows ?? [];
    } catch {
      earlier = [];
    }
  }
  const fresh = rows.map((r) => ({ ...r, measured }));
  const order = (m: ModelId) => MODEL_IDS.indexOf(m);
  const kept = earlier.filter((r) => !rows.some((n) => n.model === r.model));
  return { machine: about, rows: [...kept, ...fresh].sort((a, b) => order(a.model) - order(b.model)) };
}

function machine(rows: readonly Row[], torch: TorchPeer | null) {
  const device = (column: Column) => rows.find((r) => r.engines[column]?.device)?.engines[column]?.device ?? null;
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    engine: device('layerlab'),
    webgpu: device('webgpu'),
    tensorflow: device('tensorflow'),
    pytorch: torch
      ? {
          python: torch.python,
          version: torch.torch,
          blas: torch.blas,
          cuda: torch.cuda,
          threads: Object.fromEntries(rows[0] ? Object.entries(rows[0].peers).flatMap(([k, p]) => ('threads' in p ? [[k, p.threads]] : [])) : []),
        }
      : null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `tsx bench/training.ts lenet gru` measures only those models and leaves results/ as it is;
  // `--gpu` measures the GPU engines against PyTorch on CUDA (bench/gpu.sh).
  const args = process.argv.slice(2);
  const profile: Profile = args.includes('--gpu') ? 'gpu' : 'cpu';
  const picked = args.filter((a) => a !== '--gpu');
  const unknown = picked.filter((m) => !MODEL_IDS.includes(m as ModelId));
  if (unknown.length) throw new Error(`Unknown model ${unknown.join(', ')}; choose from ${MODEL_IDS.join(', ')}`);
  const started = Date.now();
  void benchTraining(picked.length ? (picked as ModelId[]) : MODEL_IDS, profile).then(({ rows, peer }) => {
    console.log(`\nTraining throughput, batch 64, Adam (median of timed windows after warm-up; all in this run on ${cpus().length} cores)\n`);
    console.log(table(printable(rows, profile)));
    const about = machine(rows, peer);
    const torch = about.pytorch ? `${about.pytorch.version}, BLAS ${about.pytorch.blas.kind} (${about.pytorch.blas.note})` : 'skipped';
    console.log(
      `\nLayerLab engine: ${about.engine ?? 'unknown'}; webgpu: ${about.webgpu ?? 'n/a'}. PyTorch: ${torch}. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
    mkdirSync(join('bench', 'results'), { recursive: true });
    // A run of some columns (BENCH_COLUMNS=pytorch) keeps its own file, one row per model, merged with earlier runs.
    if (process.env.BENCH_COLUMNS) {
      const file = join(
        'bench',
        'results',
        PROFILES[profile].file.replace('.json', `-${process.env.BENCH_COLUMNS.replace(/[^a-z,]/g, '').replace(/,/g, '-')}.json`),
      );
      writeFileSync(file, `${JSON.stringify(mergedColumns(file, rows, about), null, 2)}\n`);
      console.log(`Wrote ${file}.`);
      return;
    }
    if (picked.length && !process.env.BENCH_WRITE) return;
    const file = join('bench', 'results', PROFILES[profile].file);
    writeFileSync(file, `${JSON.stringify({ measured: new Date().toISOString(), profile, machine: about, rows }, null, 2)}\n`);
    console.log(`Wrote ${file}.`);
  });
}
