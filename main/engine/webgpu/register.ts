import type { Tf } from '../../../app/layers/types';
import { exposeGpu, type FoundAdapter } from './dawn';

/**
 * Registers tfjs's `webgpu` backend on one chosen adapter. tfjs's own registration asks
 * `navigator.gpu` for whatever adapter it prefers, and only with `powerPreference`, so it can
 * neither pick an adapter nor reach one that needs compatibility mode (llvmpipe through OpenGL
 * ES); this makes the device itself, with the limits tfjs asks for, and hands it to tfjs's
 * WebGPUBackend. The priority is 0: the engine sets its backend by name, and no bare
 * `tf.ready()` should ever wander onto a GPU nobody checked.
 */
export async function registerWebgpuBackend(tf: Tf, chosen: FoundAdapter): Promise<void> {
  exposeGpu(chosen.gpu);
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  // Typed as always a factory, it is null for a name never registered.
  const registered: unknown = tf.findBackendFactory('webgpu');
  if (registered) tf.removeBackend('webgpu');
  const { adapter } = chosen;
  tf.registerBackend(
    'webgpu',
    async () => {
      const limits = adapter.limits;
      const device = await adapter.requestDevice({
        requiredLimits: {
          maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
          maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
          maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
          maxBufferSize: limits.maxBufferSize,
          maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
          maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
        },
      });
      return new WebGPUBackend(device, adapter.info);
    },
    0,
  );
}
