import type { BackendInfo } from '../../../app/protocol';
import type { RunStatus } from '../store/run';

/** The chip, in the words a teacher would use; the backend's name and reason go in the tooltip. */
export function plainBackend(status: RunStatus, backend: BackendInfo): string {
  const verb = status === 'training' || status === 'starting' || status === 'paused' ? 'Training' : 'Trained';
  const device = /gpu|cuda/i.test(backend.device) ? 'GPU' : 'CPU';
  switch (backend.name) {
    case 'wasm':
      return `${verb} on your CPU (WebAssembly)`;
    case 'cpu':
      return `${verb} on your CPU (JavaScript)`;
    case 'tensorflow':
      return device === 'GPU' ? `${verb} on your GPU (TensorFlow, CUDA)` : `${verb} on your CPU (TensorFlow)`;
    case 'webgpu': {
      // A software adapter (Mesa's llvmpipe or lavapipe, SwiftShader) is WebGPU drawn by the CPU.
      const software = /llvmpipe|lavapipe|swiftshader|software|cpu/i.test(backend.device);
      // Computed by a browser tab's worker (main/engine/compute): the machine is the browser's, not the server's.
      const where = backend.device.includes('in the browser') ? ' in this browser' : '';
      return software ? `${verb}${where} on your CPU (WebGPU, software)` : `${verb}${where} on your GPU (WebGPU)`;
    }
    case 'pytorch':
      return /gpu|cuda|rocm|mps/i.test(backend.device) ? `${verb} on your GPU (PyTorch)` : `${verb} on your CPU (PyTorch)`;
  }
}

/**
 * The run's own pace once it has ended: the examples it trained divided by the seconds it took.
 * The live figure is the last throttled window's, which for a run that ends mid-epoch (or whose
 * last window held one short batch) says little about the run.
 */
export function runThroughput(r: {
  readonly epoch: number;
  readonly initialEpoch: number;
  readonly samples: { train: number } | null;
  readonly seconds: number | null;
  readonly partialBatches: number;
  readonly batchSize: number;
}): number | null {
  if (!r.samples || r.seconds === null || r.seconds <= 0) return null;
  const whole = Math.max(0, r.epoch - r.initialEpoch) * r.samples.train;
  const partial = Math.min(r.samples.train, Math.max(0, r.partialBatches) * r.batchSize);
  const trained = whole + partial;
  return trained > 0 ? trained / r.seconds : null;
}
