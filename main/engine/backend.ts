import type { BackendInfo, BackendName } from '../../app/protocol/backend';
import type { Tf } from '../../app/layers/types';
import { registerWasmTrainingKernels } from './kernels/register';
import { useWasmThreads } from './kernels/wasm-threads';
import { nativeAddonMissing } from './native';
import { chooseWebgpu } from './webgpu/select';

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);

/** What loaded: the device string, and what to add to the reason (a parity result, a warning). */
interface Loaded {
  device: string;
  note?: string;
}

interface Attempt {
  name: BackendName;
  load: () => Promise<Loaded>;
}

/** Loads an optional native package; they are absent wherever libtensorflow could not be downloaded. */
async function loadNative(pkg: string): Promise<void> {
  const missing = nativeAddonMissing(pkg);
  if (missing) throw new Error(missing);
  await import(pkg);
}

function attempts(tf: Tf, preferred: BackendName | undefined): Attempt[] {
  let threadNote: string | undefined;
  let webgpuNote: string | undefined;
  return [
    {
      name: 'tensorflow',
      load: async () => {
        try {
          await loadNative('@tensorflow/tfjs-node-gpu');
          return 'GPU (CUDA, libtensorflow)';
        } catch (gpu) {
          try {
            await loadNative('@tensorflow/tfjs-node');
            return 'CPU (libtensorflow)';
          } catch (cpu) {
            throw new Error(`${short(gpu)}; ${short(cpu)}`, { cause: cpu });
          }
        }
      },
    },
    {
      name: 'webgpu',
      load: async () => {
        // A software adapter only when asked for by name: it is slower than wasm.
        const chosen = await chooseWebgpu(tf, preferred === 'webgpu');
        webgpuNote = `passed the parity check (${chosen.parity.detail})${chosen.adapter.software ? '; a software adapter, slower than WebAssembly' : ''}`;
        return chosen.device;
      },
    },
    {
      name: 'wasm',
      load: async () => {
        await import('@tensorflow/tfjs-backend-wasm');
        threadNote = (await useWasmThreads(tf)).note;
        return 'CPU (WebAssembly)';
      },
    },
    { name: 'cpu', load: () => Promise.resolve('CPU (plain JavaScript)') },
  ].map((a) => ({
    name: a.name as BackendName,
    load: async (): Promise<Loaded> => {
      const device = await a.load();
      if (!(await tf.setBackend(a.name))) throw new Error(`backend "${a.name}" did not initialise`);
      await tf.ready();
      if (a.name === 'webgpu') return { device, ...(webgpuNote ? { note: webgpuNote } : {}) };
      if (a.name === 'wasm') {
        registerWasmTrainingKernels(tf);
        const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
        const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
        const threads = getThreadsCount();
        const note = threadNote ? `; ${threadNote}` : '';
        return { device: `${device.slice(0, -1)}${simd ? ', SIMD' : ''}, ${threads} thread${threads === 1 ? '' : 's'}${note})` };
      }
      return { device };
    },
  }));
}

/**
 * Picks the best backend that loads: native TensorFlow (GPU, then CPU), then WebGPU on a hardware
 * adapter that passes a one-step parity check against cpu, then wasm, then cpu. A preferred
 * backend is tried first (for webgpu, software adapters too); the reason records every attempt so
 * the UI can say why.
 */
export async function selectBackend(tf: Tf, asked?: BackendName): Promise<BackendInfo> {
  // PyTorch runs outside tfjs (main/engine/torch); what asks for it here (an evaluation) gets the best tfjs backend.
  const preferred = asked === 'pytorch' ? undefined : asked;
  const all = attempts(tf, preferred);
  const ordered = preferred ? [...all.filter((a) => a.name === preferred), ...all.filter((a) => a.name !== preferred)] : all;
  const failures: string[] = [];
  for (const attempt of ordered) {
    try {
      const { device, note } = await attempt.load();
      const why = preferred === attempt.name ? 'requested' : preferred ? `requested "${preferred}" failed` : 'best available';
      const reason = [why, ...(note ? [note] : []), ...failures].join('; ');
      return { name: attempt.name, device, reason };
    } catch (e) {
      failures.push(`${attempt.name} unavailable (${short(e)})`);
    }
  }
  throw new Error(`No tfjs backend could be loaded: ${failures.join('; ')}`);
}
