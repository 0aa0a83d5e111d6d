import type { Tf } from '../../../app/layers/types';
import { listAdapters, type FoundAdapter } from './dawn';
import { parityCheck, type ParityResult } from './parity';
import { registerWebgpuBackend } from './register';

export interface WebgpuChoice {
  readonly adapter: FoundAdapter;
  readonly parity: ParityResult;
  /** The device string runs show, e.g. "GPU (WebGPU: NVIDIA GeForce RTX 3060)" or "CPU (WebGPU, software adapter: llvmpipe …)". */
  readonly device: string;
}

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

/** The order adapters are tried in: hardware first, then (only when allowed) software. */
export function candidates(adapters: readonly FoundAdapter[], allowSoftware: boolean): FoundAdapter[] {
  return [...adapters.filter((a) => !a.software), ...(allowSoftware ? adapters.filter((a) => a.software) : [])];
}

/**
 * Registers tfjs's webgpu backend on the first adapter that passes the parity check and sets it.
 * Software adapters (llvmpipe, lavapipe, SwiftShader) are slower than the wasm engine, so they are
 * taken only when `allowSoftware` (the user asked for WebGPU by name). Throws with every reason
 * when none qualifies.
 */
export async function chooseWebgpu(tf: Tf, allowSoftware: boolean): Promise<WebgpuChoice> {
  const { adapters, notes } = await listAdapters();
  const reasons = [...notes];
  for (const adapter of candidates(adapters, allowSoftware)) {
    try {
      await registerWebgpuBackend(tf, adapter);
      const parity = await parityCheck(tf, 'webgpu');
      if (!parity.ok) {
        reasons.push(`${adapter.name} failed the parity check (${parity.detail})`);
        continue;
      }
      const device = adapter.software ? `CPU (WebGPU, software adapter: ${adapter.name})` : `GPU (WebGPU: ${adapter.name})`;
      return { adapter, parity, device };
    } catch (e) {
      reasons.push(`${adapter.name}: ${short(e)}`);
    }
  }
  const skipped = allowSoftware
    ? []
    : adapters.filter((a) => a.software).map((a) => `${a.name} is a software adapter (never chosen automatically; pick WebGPU to use it)`);
  if (adapters.length === 0) reasons.push('no WebGPU adapter');
  throw new Error([...skipped, ...reasons].join('; '));
}
