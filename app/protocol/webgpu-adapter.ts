/** What a WebGPU adapter says about itself (GPUAdapterInfo's fields, all possibly empty). */
export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** Dawn's own flag for its fallback adapter, where it sets one. */
  readonly isFallbackAdapter?: boolean;
}

/**
 * Renderers that run on the CPU: Mesa's llvmpipe / softpipe (OpenGL) and lavapipe (Vulkan),
 * Google's SwiftShader, Microsoft's WARP ("Basic Render Driver"). Dawn does not mark them as
 * fallback adapters when it reaches them through OpenGL ES, so their names decide.
 */
const SOFTWARE = /llvmpipe|lavapipe|softpipe|swiftshader|basic render driver|\bwarp\b|software/i;

/** Whether the adapter computes on the CPU: slower than the wasm engine, so never chosen automatically. */
export function isSoftwareAdapter(info: AdapterDescription): boolean {
  if (info.isFallbackAdapter) return true;
  return SOFTWARE.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}

/** A short human name: "llvmpipe (LLVM 15.0.6, 256 bits) · OpenGL ES 3.2 Mesa 22.3.6". */
export function adapterName(info: AdapterDescription): string {
  const parts = [info.device || [info.vendor, info.architecture].filter(Boolean).join(' '), info.description].filter((p) => p.trim() !== '');
  return [...new Set(parts)].join(' · ') || 'unnamed adapter';
}
