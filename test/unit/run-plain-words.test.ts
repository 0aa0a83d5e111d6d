import { describe, expect, it } from 'vitest';
import { plainBackend, runThroughput } from '../../renderer/src/run/plainWords';

describe('the status line in plain words', () => {
  it('names the device a person has, with the technology in brackets', () => {
    expect(plainBackend('training', { name: 'wasm', device: 'CPU (WebAssembly, SIMD, 1 thread)', reason: 'best available' })).toBe(
      'Training on your CPU (WebAssembly)',
    );
    expect(plainBackend('paused', { name: 'cpu', device: 'CPU (JavaScript)', reason: 'requested' })).toBe('Training on your CPU (JavaScript)');
    expect(plainBackend('training', { name: 'tensorflow', device: 'GPU (CUDA)', reason: 'tfjs-node-gpu loaded' })).toBe(
      'Training on your GPU (TensorFlow, CUDA)',
    );
    expect(plainBackend('training', { name: 'webgpu', device: 'GPU (WebGPU, llvmpipe)', reason: 'software adapter' })).toBe(
      'Training on your CPU (WebGPU, software)',
    );
    expect(plainBackend('training', { name: 'webgpu', device: 'GPU (WebGPU, NVIDIA)', reason: 'adapter found' })).toBe('Training on your GPU (WebGPU)');
    expect(plainBackend('completed', { name: 'tensorflow', device: 'CPU (libtensorflow)', reason: 'no CUDA' })).toBe('Trained on your CPU (TensorFlow)');
  });

  it('gives an ended run its own throughput: examples trained over its seconds', () => {
    // 3 whole epochs of 800 plus 5 batches of 32 into the fourth, in 2 s.
    expect(runThroughput({ epoch: 3, initialEpoch: 0, samples: { train: 800 }, seconds: 2, partialBatches: 5, batchSize: 32 })).toBe((2400 + 160) / 2);
    // A continued run counts only the epochs it trained; a partial epoch never counts more than the data.
    expect(runThroughput({ epoch: 12, initialEpoch: 10, samples: { train: 100 }, seconds: 4, partialBatches: 50, batchSize: 32 })).toBe(300 / 4);
    expect(runThroughput({ epoch: 0, initialEpoch: 0, samples: { train: 100 }, seconds: 4, partialBatches: 0, batchSize: 32 })).toBeNull();
    expect(runThroughput({ epoch: 3, initialEpoch: 0, samples: null, seconds: 4, partialBatches: 0, batchSize: 32 })).toBeNull();
  });
});
