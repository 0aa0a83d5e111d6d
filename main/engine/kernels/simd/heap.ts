import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { wasmModule, type WasmFunction } from './wasm-code';

/** The WebAssembly API as these kernels use it (main's TypeScript libs do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
interface WasmApi {
  readonly Memory: abstract new (...args: never[]) => WasmMemory;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The parts of the Emscripten module behind BackendWasm that hold its memory. */
interface EmscriptenMemory {
  readonly wasmMemory?: WasmMemory;
  readonly asm?: { readonly memory?: WasmMemory };
}

/**
 * The backend's own WebAssembly memory: exported by the single-threaded build, created in
 * JavaScript and imported by the threaded one. Undefined where neither is found.
 */
export function backendMemory(backend: BackendWasm): WasmMemory | undefined {
  const module = backend.wasm as unknown as EmscriptenMemory;
  const memory = module.wasmMemory ?? module.asm?.memory;
  return memory instanceof wasmApi.Memory ? memory : undefined;
}

export type HeapKernel = (...pointers: number[]) => void;

const compiled = new WeakMap<WasmMemory, Map<string, HeapKernel | null>>();

/**
 * A generated kernel instantiated on the backend's memory, so it reads and writes tensors where
 * they lie (pointers are byte offsets in the heap). Kept per memory and key; null where
 * WebAssembly SIMD or importing the memory is not available here, and the caller takes its
 * other path.
 */
export function heapKernel(backend: BackendWasm, key: string, generate: () => WasmFunction): HeapKernel | null {
  const memory = backendMemory(backend);
  if (!memory) return null;
  let kernels = compiled.get(memory);
  if (!kernels) compiled.set(memory, (kernels = new Map<string, HeapKernel | null>()));
  const known = kernels.get(key);
  if (known !== undefined) return known;
  const fn = generate();
  let kernel: HeapKernel | null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const module = new wasmApi.Module(wasmModule([fn], shared));
    const instance = new wasmApi.Instance(module, { env: { memory } });
    kernel = instance.exports[fn.name] as HeapKernel;
  } catch {
    kernel = null;
  }
  // A generated module per shape: a model has a handful, but bound the cache all the same.
  if (kernels.size > 256) kernels.clear();
  kernels.set(key, kernel);
  return kernel;
}

/** The byte offset in the heap where a tensor's values start. */
export function heapPointer(backend: BackendWasm, info: tfjs.TensorInfo): number {
  return backend.typedArrayFromHeap(info).byteOffset;
}
