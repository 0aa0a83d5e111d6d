import type * as tfjs from '@tensorflow/tfjs';

type Backend = tfjs.KernelBackend;
type Info = tfjs.TensorInfo;

/**
 * Calls another kernel registered for the same backend, as a kernel may (tfjs kernels receive
 * TensorInfos and return them; ops are not used inside kernels).
 */
/** tfjs's getKernel is typed as always finding one; it returns undefined when none is registered. */
export function findKernel(tf: typeof tfjs, name: string, backend: string): tfjs.KernelConfig | undefined {
  return tf.getKernel(name, backend);
}

export function callKernel(tf: typeof tfjs, name: string, backend: Backend, inputs: Record<string, Info>, attrs: Record<string, unknown> = {}): Info {
  const kernel = findKernel(tf, name, tf.getBackend());
  if (!kernel) throw new Error(`Kernel '${name}' not registered for backend '${tf.getBackend()}'`);
  const out = kernel.kernelFunc({ inputs: inputs, backend, attrs: attrs as never });
  return (Array.isArray(out) ? out[0] : out)!;
}

/** Frees intermediate results made inside a kernel. */
export function release(backend: Backend, ...infos: Info[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}
