import { z } from 'zod';

/** tfjs backends; the engine's order of preference is tensorflow, webgpu, wasm, cpu (main/engine/backend.ts). */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu', 'webgpu'] as const;
export const backendNameSchema = z.enum(BACKEND_NAMES);
export type BackendName = z.output<typeof backendNameSchema>;

export const backendInfoSchema = z.object({
  name: backendNameSchema,
  /** What runs the kernels, e.g. "GPU (CUDA)", "CPU (libtensorflow)", "CPU (WebAssembly, SIMD)". */
  device: z.string(),
  /** Why this one was chosen, including what was tried before it. */
  reason: z.string(),
});
export type BackendInfo = z.output<typeof backendInfoSchema>;
