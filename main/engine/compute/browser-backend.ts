import type { BackendInfo } from '../../../app/protocol/backend';
import type { Tf } from '../../../app/layers/types';
import { UserError } from '../../user-error';
import { parityCheck } from '../webgpu/parity';
import { adapterName, isSoftwareAdapter, type AdapterDescription } from '../../../app/protocol/webgpu-adapter';

/**
 * backend.ts in the browser's compute worker (scripts/build.mjs swaps it in): the engine there has one
 * backend, Chromium's WebGPU through tfjs-backend-webgpu's own registration, trusted only after the same
 * parity step the Node engine runs. A software adapter (SwiftShader) is used, since the user asked for it.
 */

interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<{ info?: Partial<AdapterDescription> } | null>;
}

let chosen: Promise<BackendInfo> | null = null;

async function describe(): Promise<AdapterDescription> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) throw new UserError('This browser has no WebGPU (navigator.gpu is missing). Chrome, Edge and Electron have it; Firefox and Safari are adding it.');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new UserError('This browser found no WebGPU adapter: the GPU or its driver is blocked, or WebGPU is turned off.');
  const info = adapter.info ?? {};
  return { vendor: info.vendor ?? '', architecture: info.architecture ?? '', device: info.device ?? '', description: info.description ?? '' };
}

async function choose(tf: Tf): Promise<BackendInfo> {
  const adapter = await describe();
  const parity = await parityCheck(tf, 'webgpu');
  const name = adapterName(adapter);
  if (!parity.ok)
    throw new UserError(`The GPU ${name} computed one training step differently from the CPU (${parity.detail}), so it is not trusted with a run.`);
  await tf.ready();
  const software = isSoftwareAdapter(adapter);
  return {
    name: 'webgpu',
    device: `GPU (WebGPU in the browser: ${name})`,
    reason: `requested; passed the parity check (${parity.detail})${software ? '; a software adapter, slower than WebAssembly' : ''}`,
  };
}

/** The same signature as backend.ts's: whatever is asked, the worker's backend is WebGPU. */
export function selectBackend(tf: Tf, _asked?: string): Promise<BackendInfo> {
  chosen ??= choose(tf);
  return chosen;
}
