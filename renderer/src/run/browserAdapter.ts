import type { DoctorRow } from '../../../app/protocol/engines';
import { adapterName, isSoftwareAdapter } from '../../../app/protocol/webgpu-adapter';
import { browserGpuAvailable } from './computeWorker';

/** The few members of WebGPU's adapter this report reads (the renderer is built without WebGPU's types). */
interface AdapterInfo {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
}
interface Adapter {
  readonly info?: AdapterInfo;
  readonly isFallbackAdapter?: boolean;
  requestAdapterInfo?(): Promise<AdapterInfo>;
}
interface Gpu {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<Adapter | null>;
}

const ITEM = 'this browser';

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

/**
 * Help → Compute engines' row for this browser's own GPU, which the host cannot see: the web host's engine menu
 * offers it, so the report says whether this tab has an adapter and which. Never throws.
 */
export async function browserAdapterRow(gpu: Gpu | undefined = (navigator as unknown as { gpu?: Gpu }).gpu): Promise<DoctorRow> {
  if (!browserGpuAvailable() || !gpu)
    return {
      engine: 'webgpu',
      item: ITEM,
      status: 'missing',
      detail: window.isSecureContext
        ? "This browser has no WebGPU (navigator.gpu); recent Chrome and Edge have it. Runs train on the host's engines instead."
        : 'WebGPU needs a secure page: open LayerLab at http://127.0.0.1 or over https.',
    };
  try {
    const adapter = await within(gpu.requestAdapter({ powerPreference: 'high-performance' }), 5000);
    if (adapter === 'timeout')
      return { engine: 'webgpu', item: ITEM, status: 'failed', detail: 'The browser did not answer a request for a GPU adapter within 5 s.' };
    if (!adapter)
      return {
        engine: 'webgpu',
        item: ITEM,
        status: 'missing',
        detail: 'The browser has WebGPU but offers no adapter here (its GPU is blocklisted, or WebGPU is turned off in its settings).',
      };
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    const described = {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      device: info.device ?? '',
      description: info.description ?? '',
      isFallbackAdapter: adapter.isFallbackAdapter === true,
    };
    const name = adapterName(described).slice(0, 300);
    const software = isSoftwareAdapter(described);
    return {
      engine: 'webgpu',
      item: ITEM,
      status: 'ok',
      detail:
        `The "WebGPU (this browser)" engine: ${name}${software ? ' (a software adapter: it works, but trains slower than WebAssembly)' : ''}. ` +
        'Each run on it first checks one training step against the CPU, and stops with the reason if the GPU computes it differently.',
    };
  } catch (e) {
    return { engine: 'webgpu', item: ITEM, status: 'failed', detail: `Asking for a GPU adapter failed: ${(e as Error).message}`.slice(0, 4000) };
  }
}
