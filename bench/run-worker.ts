import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ModelId } from './models';
import type { Budget } from './stats';
import { RESULT_MARK, type Column, type WorkerResult } from './worker';

const GRACE = 60;

const middle = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** One result from several runs: every window counts toward the median; the rest is the first run's. */
export function pooled<T extends { samplesPerSec: number | null; windows: readonly number[] }>(runs: readonly T[]): T {
  const windows = runs.flatMap((r) => r.windows);
  return windows.length ? { ...runs[0]!, windows, samplesPerSec: middle(windows) } : runs[0]!;
}

/** One measurement in its own process (`bench/worker.ts`); a worker still inside a batch `GRACE` s after its deadline is killed. */
export function runWorker(model: ModelId, column: Column, budget: Budget, deadline: number, env: NodeJS.ProcessEnv = {}): WorkerResult {
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
      env: { ...process.env, ...env },
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
    const message = (e as { stderr?: string }).stderr?.split('\n').find((l) => l.includes('Error')) ?? String(e);
    return { samplesPerSec: null, windows: [], note: `failed: ${message.slice(0, 160)}`, peakRssMb: 0 };
  }
}
