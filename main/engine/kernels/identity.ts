import type * as tfjs from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type Info = tfjs.TensorInfo;

/**
 * Identity as the cpu backend does it: the output shares the input's buffer (reference-counted,
 * as Reshape shares it) instead of copying it. tfjs-backend-wasm 4.22 copies every time, and
 * backpropagation runs Identity dozens of times a step (49 for LeNet, several on 300,000-value
 * activations). No kernel writes into its inputs, so a shared buffer is never changed under a
 * tensor that holds it.
 */
export function fastIdentity(shipped: tfjs.KernelConfig): tfjs.KernelConfig {
  return {
    ...shipped,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: Info };
      if (x.dtype === 'string') return shipped.kernelFunc(args);
      (args.backend as BackendWasm).incRef(x.dataId);
      return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
    },
  };
}
