import type * as tfjs from '@tensorflow/tfjs';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Threads beyond this stop paying on the small matrices of LayerLab's models. */
const MAX_THREADS = 4;

/**
 * XNNPACK threads for the wasm backend: one core is left to the app (UI, host, other work), at
 * most four are used, and LAYERLAB_WASM_THREADS overrides. On a 2-core machine this is 1: the
 * threads' hand-offs cost more than they save once another process wants a core (measured; see
 * bench/README.md).
 */
export function wasmThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env.LAYERLAB_WASM_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, 8);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_THREADS, cores - 1));
}

interface EmscriptenModule {
  cwrap: (name: string, ret: string | null, args: string[]) => unknown;
  tfjs?: Record<string, unknown>;
}

/**
 * tfjs-backend-wasm 4.22 never starts threads in Node, for three reasons worked around here:
 * its feature check answers "no" whenever it runs in Node (tfjs issue #3830); it hands
 * Emscripten the pthread worker script as a `blob:` URL, which Node's Worker refuses
 * (ERR_WORKER_PATH); and its C++ caps the pool at half of the logical cores (assuming two
 * hyper-threads per core), so 2 cores give 1 thread. The same threaded-SIMD binary is loaded
 * here with the worker script written to a real file, the glue given as a path, and the core
 * count doubled only while the module initialises.
 */
async function threadedModule(threads: number): Promise<EmscriptenModule> {
  const out = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
  const dir = join(os.tmpdir(), `layerlab-tfjs-wasm-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  // Real files outside any app archive: Node workers read their scripts with plain fs.
  const glue = join(dir, 'tfjs-backend-wasm-threaded-simd.cjs');
  const worker = join(dir, 'tfjs-backend-wasm-threaded-simd.worker.cjs');
  if (!existsSync(glue)) copyFileSync(join(out, 'tfjs-backend-wasm-threaded-simd.js'), glue);
  const contents = (require(join(out, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string }).wasmWorkerContents;
  writeFileSync(worker, contents.replace(/\n/g, '\\n'));
  const factory = require(glue) as (config: Record<string, unknown>) => Promise<EmscriptenModule>;
  const nodeOs = require('node:os') as { cpus: () => os.CpuInfo[] };
  const cpus = nodeOs.cpus;
  nodeOs.cpus = () => Array.from({ length: threads * 2 }, () => cpus()[0]!);
  try {
    const module = await factory({
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.worker.js') ? worker : path.endsWith('.wasm') ? join(out, 'tfjs-backend-wasm-threaded-simd.wasm') : prefix + path,
      mainScriptUrlOrBlob: glue,
    });
    module.tfjs = {
      init: module.cwrap('init', null, []),
      initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
      getThreadsCount: module.cwrap('get_threads_count', 'number', []),
      registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
      disposeData: module.cwrap('dispose_data', null, ['number']),
      dispose: module.cwrap('dispose', null, []),
    };
    return module;
  } finally {
    nodeOs.cpus = cpus;
  }
}

/**
 * Re-registers the `wasm` backend on the multithreaded SIMD binary when more than one thread is
 * wanted; returns the threads it will run with, or 1 (and why) when it stays single-threaded.
 * Call before the backend is first set.
 */
export async function useWasmThreads(tf: typeof tfjs, threads = wasmThreadCount()): Promise<{ threads: number; note?: string }> {
  if (threads <= 1) return { threads: 1 };
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // findBackend would initialise it; the registry holds only backends already started.
  if ((tf.engine() as unknown as { registry: Record<string, unknown> }).registry.wasm)
    return { threads: wasm.getThreadsCount(), note: 'wasm was already started' };
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('threaded module did not start in 20 s')), 20_000).unref());
    const module = await Promise.race([threadedModule(threads), timeout]);
    wasm.setThreadsCount(threads);
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', () => new wasm.BackendWasm(module as never), 2);
    return { threads };
  } catch (e) {
    return { threads: 1, note: `threads unavailable: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}` };
  }
}
