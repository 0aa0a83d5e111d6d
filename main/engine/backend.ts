import type { BackendInfo, BackendName } from '../../app/protocol/backend';
import type { Tf } from '../../app/layers/types';
import { registerWasmTrainingKernels } from './kernels/register';
import { useWasmThreads } from './kernels/wasm-threads';
import { nativeAddonMissing } from './native';

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);

interface Attempt { name: BackendName; load: () => Promise<string> }

/** Loads an optional native package; they are absent wherever libtensorflow could not be downloaded. */
async function loadNative(pkg: string): Promise<void> {
  const missing = nativeAddonMissing(pkg);
  if (missing) throw new Error(missing);
  await import(pkg);
}

function attempts(tf: Tf): Attempt[] {
  let threadNote: string | undefined;
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
            throw new Error(`${short(gpu)}; ${short(cpu)}`);
          }
        }
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
    { name: 'cpu', load: async () => 'CPU (plain JavaScript)' },
  ].map((a) => ({
    name: a.name as BackendName,
    load: async () => {
      const device = await a.load();
      if (!(await tf.setBackend(a.name))) throw new Error(`backend "${a.name}" did not initialise`);
      await tf.ready();
      if (a.name === 'wasm') {
        registerWasmTrainingKernels(tf);
        const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
        const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
        const threads = getThreadsCount();
        const note = threadNote ? `; ${threadNote}` : '';
        return `${device.slice(0, -1)}${simd ? ', SIMD' : ''}, ${threads} thread${threads === 1 ? '' : 's'}${note})`;
      }
      return device;
    },
  }));
}

/**
 * Picks the best backend that loads: native TensorFlow (GPU, then CPU), then wasm, then cpu.
 * A preferred backend is tried first; the reason records every attempt so the UI can say why.
 */
export async function selectBackend(tf: Tf, preferred?: BackendName): Promise<BackendInfo> {
  const all = attempts(tf);
  const ordered = preferred ? [...all.filter((a) => a.name === preferred), ...all.filter((a) => a.name !== preferred)] : all;
  const failures: string[] = [];
  for (const attempt of ordered) {
    try {
      const device = await attempt.load();
      const why = preferred === attempt.name ? 'requested' : preferred ? `requested "${preferred}" failed` : 'best available';
      const reason = failures.length ? `${why}; ${failures.join('; ')}` : why;
      return { name: attempt.name, device, reason };
    } catch (e) {
      failures.push(`${attempt.name} unavailable (${short(e)})`);
    }
  }
  throw new Error(`No tfjs backend could be loaded: ${failures.join('; ')}`);
}
