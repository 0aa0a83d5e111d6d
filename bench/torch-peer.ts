import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { blasIsFair, classifyBlas, findTorch, type Blas } from '../main/python/probe';
import type { Budget } from './stats';

/** The interpreter the bench's peer runs in, with the BLAS its PyTorch loaded. */
export interface TorchPeer {
  readonly python: string;
  readonly torch: string;
  readonly blas: Blas;
  /** CUDA (or ROCm) devices its torch sees. */
  readonly cuda: readonly string[];
}

/**
 * A Python that imports torch (LAYERLAB_PYTHON, then python3, then /usr/bin/python3), or null
 * with the reason printed. The bench installs nothing: the machine is set up beforehand
 * (`apt-get install -y python3-torch libopenblas0-pthread` on Debian; .ci/run does it).
 */
export function findPeer(log: (line: string) => void): TorchPeer | null {
  const found = findTorch();
  if (!found.ok) {
    log(`PyTorch column skipped: no interpreter imports torch (${found.tried.join('; ')}). On Debian: apt-get install -y python3-torch libopenblas0-pthread.`);
    return null;
  }
  const { python, torch, blas, cuda } = found.probe;
  log(`PyTorch ${torch} from ${python}, BLAS: ${blas.kind} (${blas.note}).`);
  if (!blasIsFair(blas)) log(`PyTorch runs, but no ratio against it is printed: ${blas.note}.`);
  return { python, torch, blas, cuda };
}

export interface TorchResult {
  readonly samplesPerSec: number;
  readonly windows: readonly number[];
  readonly firstBatchSec: number;
  readonly inferenceMs: number;
  readonly threads: number;
  readonly torch: string;
  /** The BLAS the training process itself had mapped when it finished. */
  readonly blas: Blas;
}

interface TrainOutput extends Omit<TorchResult, 'blas'> {
  readonly mapped: readonly string[];
}

/** One training run of the peer at `threads` threads (PyTorch's intra-op pool and the BLAS's own) on `device`. */
export function runTorch(python: string, dataDir: string, model: string, budget: Budget, threads: number, device: 'cpu' | 'cuda' = 'cpu'): TorchResult {
  const script = join('bench', 'torch', 'train.py');
  const n = String(threads);
  const out = execFileSync(python, [script, dataDir, model, String(budget.warmup), String(budget.windows), String(budget.perWindow), n, device], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: n, OPENBLAS_NUM_THREADS: n, MKL_NUM_THREADS: n },
  });
  const { mapped, ...result } = JSON.parse(out.trim().split('\n').at(-1)!) as TrainOutput;
  return { ...result, blas: classifyBlas(mapped) };
}
