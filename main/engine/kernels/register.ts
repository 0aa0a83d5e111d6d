import type * as tfjs from '@tensorflow/tfjs';
import { findKernel } from './compose';
import { conv2dBackpropFilterViaConv } from './conv2d-backprop-filter';
import { conv2dBackpropInputViaConv } from './conv2d-backprop-input';
import { depthwiseBackpropFilter, depthwiseBackpropInput } from './depthwise-backprop';
import { fastBroadcast } from './broadcast';
import { fastGatherV2 } from './gather';
import { fastIdentity } from './identity';
import { fastMatMul } from './mat-mul';
import { fastMaxPoolGrad } from './max-pool-grad';
import { fastSlice, fastSplitV, fastStridedSlice, fastUnpack } from './slice';
import { fastSum } from './sum';
import { fastTranspose } from './transpose';
import { unsortedSegmentSumViaScatter } from './unsorted-segment-sum';

const OURS = Symbol.for('layerlab.wasmKernel');
type Marked = tfjs.KernelConfig & { [OURS]?: true };

/** Kernels wasm lacks, composed from kernels it has. */
const MISSING: ((tf: typeof tfjs) => tfjs.KernelConfig)[] = [
  conv2dBackpropFilterViaConv,
  unsortedSegmentSumViaScatter,
  depthwiseBackpropFilter,
  depthwiseBackpropInput,
];

/** Shipped wasm kernels replaced by faster (or, for MaxPoolGrad, correct) compositions. */
const FASTER: Record<string, (tf: typeof tfjs, shipped: tfjs.KernelConfig) => tfjs.KernelConfig> = {
  BatchMatMul: (tf, shipped) => fastMatMul(tf, 'BatchMatMul', shipped),
  _FusedMatMul: (tf, shipped) => fastMatMul(tf, '_FusedMatMul', shipped),
  Conv2DBackpropInput: (tf) => conv2dBackpropInputViaConv(tf),
  MaxPoolGrad: fastMaxPoolGrad,
  Slice: fastSlice,
  StridedSlice: fastStridedSlice,
  Unpack: (_tf, shipped) => fastUnpack(shipped),
  SplitV: fastSplitV,
  GatherV2: fastGatherV2,
  Identity: (_tf, shipped) => fastIdentity(shipped),
  Transpose: fastTranspose,
  Sum: fastSum,
  Add: fastBroadcast,
  Sub: fastBroadcast,
  Multiply: fastBroadcast,
  RealDiv: fastBroadcast,
};

function install(tf: typeof tfjs, config: tfjs.KernelConfig): void {
  if (findKernel(tf, config.kernelName, 'wasm')) tf.unregisterKernel(config.kernelName, 'wasm');
  tf.registerKernel({ ...config, backendName: 'wasm', [OURS]: true } as Marked);
}

/**
 * Training kernels the wasm backend lacks, composed from kernels it has, and faster versions of
 * shipped kernels that backpropagation leans on, so every layer trains at wasm speed instead of
 * falling back to the plain-JavaScript cpu backend. Safe to call more than once.
 */
export function registerWasmTrainingKernels(tf: typeof tfjs): string[] {
  const added: string[] = [];
  for (const make of MISSING) {
    const config = make(tf);
    if (findKernel(tf, config.kernelName, 'wasm')) continue;
    install(tf, config);
    added.push(config.kernelName);
  }
  for (const [name, faster] of Object.entries(FASTER)) {
    const shipped = tf.getKernel(name, 'wasm') as Marked | undefined;
    if (!shipped || shipped[OURS]) continue;
    install(tf, faster(tf, shipped));
    added.push(name);
  }
  return added;
}
