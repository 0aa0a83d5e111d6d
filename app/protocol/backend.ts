import { z } from 'zod';

/** Compute engines: tfjs backends and PyTorch; the engine's order of preference is tensorflow, webgpu, wasm, cpu (main/engine/backend.ts). */
/** `pytorch` is not a tfjs backend: the run is the project's exported train.py in a Python process (main/engine/torch). */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu', 'webgpu', 'pytorch'] as const;
export const backendNameSchema = z.enum(BACKEND_NAMES);
export type BackendName = z.output<typeof backendNameSchema>;

/** An interpreter to run: a program name on PATH or an absolute path, no arguments, nothing a shell would read. */
export const pythonPathSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^(?:[A-Za-z]:)?[A-Za-z0-9_./\\ +@~-]+$/, 'a program name or a path to a Python interpreter')
  // Only an interpreter: the hosts must never be a way to start any other program.
  .refine(
    (p) => /^python(?:\d+(?:\.\d+)?)?(?:\.exe)?$/i.test(p.split(/[\\/]/).pop() ?? ''),
    'the program must be a Python interpreter (python, python3, python3.11…)',
  );

export const backendInfoSchema = z.object({
  name: backendNameSchema,
  /** What runs the kernels, e.g. "GPU (CUDA)", "CPU (libtensorflow)", "CPU (WebAssembly, SIMD)". */
  device: z.string(),
  /** Why this one was chosen, including what was tried before it. */
  reason: z.string(),
});
export type BackendInfo = z.output<typeof backendInfoSchema>;
