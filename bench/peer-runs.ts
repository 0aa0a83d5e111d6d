import type { ModelId } from './models';
import { pooled } from './run-worker';
import type { Budget } from './stats';
import { runTorch, type TorchPeer, type TorchResult } from './torch-peer';

export type Peer = TorchResult | { skipped: string };

/** One PyTorch configuration the bench compares against. */
export interface PeerSpec {
  /** Its key in the JSON's `peers` and `ratios`. */
  readonly key: string;
  readonly label: string;
  readonly device: 'cpu' | 'cuda';
  readonly threads: number;
}

/** PyTorch in one configuration, run once per round and pooled; a failure ends the attempts with its reason. */
export class PeerRuns {
  private readonly runs: TorchResult[] = [];
  private failed: string | null = null;

  constructor(
    private readonly peer: TorchPeer | null,
    readonly spec: PeerSpec,
  ) {
    if (peer && spec.device === 'cuda' && peer.cuda.length === 0) this.failed = 'no CUDA device (torch.cuda.is_available() is False)';
  }

  run(dir: string, model: ModelId, budget: Budget): void {
    if (!this.peer || this.failed) return;
    try {
      this.runs.push(runTorch(this.peer.python, dir, model, budget, this.spec.threads, this.spec.device));
    } catch (e) {
      this.failed = `PyTorch failed: ${String(e).slice(0, 160)}`;
    }
  }

  result(): Peer {
    if (this.runs.length) return pooled(this.runs);
    return { skipped: this.failed ?? (this.peer ? 'not run' : 'PyTorch not available') };
  }
}
