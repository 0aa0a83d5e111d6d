import { adapterName, isSoftwareAdapter, type AdapterDescription } from '../../../app/protocol/webgpu-adapter';

/** One adapter Dawn offered, with how it was reached. */
export interface FoundAdapter {
  readonly gpu: GPU;
  readonly adapter: GPUAdapter;
  readonly info: AdapterDescription;
  readonly name: string;
  readonly software: boolean;
  /** The route: Dawn's default backend (Vulkan, Metal, D3D12) or OpenGL ES in compatibility mode. */
  readonly route: 'default' | 'opengles';
}

export interface AdapterList {
  readonly adapters: readonly FoundAdapter[];
  /** Why a route gave nothing, e.g. "Dawn's Node binding did not load: …". */
  readonly notes: readonly string[];
}

interface DawnModule {
  create: (flags: string[]) => GPU;
  globals: Record<string, unknown>;
}

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 240);

let dawn: Promise<DawnModule> | null = null;
/** GPU objects are kept for the life of the process: their adapters and devices die with them. */
const instances: GPU[] = [];

/**
 * Dawn's Node binding (the `webgpu` package) with its WebGPU classes and constants on globalThis
 * and `navigator.gpu` set, where tfjs's WebGPU backend looks. Refused inside Electron: V8's
 * memory cage there rejects the binding's external array buffers (dawn-gpu/node-webgpu#5), and
 * the failure is a crash, not an exception.
 */
export async function loadDawn(): Promise<DawnModule> {
  if (process.versions.electron) throw new Error("Dawn's Node binding cannot run inside Electron (V8 memory cage); the desktop app's WebGPU is Chromium's");
  dawn ??= import('webgpu').then((m) => {
    const module = m as unknown as DawnModule;
    for (const [key, value] of Object.entries(module.globals)) {
      if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
    }
    return module;
  });
  return dawn;
}

/**
 * Sets `navigator.gpu` (Node 21+ has a getter-only `navigator`, Node 20 none) so that tfjs's
 * feature checks find WebGPU.
 */
export function exposeGpu(gpu: GPU): void {
  const g = globalThis as { navigator?: object };
  if (!g.navigator) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: `Node.js/${process.version}` }, configurable: true, writable: true });
  Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true, writable: true });
}

function describe(gpu: GPU, adapter: GPUAdapter, route: FoundAdapter['route']): FoundAdapter {
  const raw = adapter.info;
  const info: AdapterDescription = {
    vendor: raw.vendor,
    architecture: raw.architecture,
    device: raw.device,
    description: raw.description,
    // Declared by the WebGPU types, but older Dawn builds leave it out.
    isFallbackAdapter: raw.isFallbackAdapter,
  };
  return { gpu, adapter, info, name: adapterName(info), software: isSoftwareAdapter(info), route };
}

async function request(flags: string[], options: GPURequestAdapterOptions, route: FoundAdapter['route']): Promise<FoundAdapter | null> {
  const { create } = await loadDawn();
  const gpu = create(flags);
  instances.push(gpu);
  const adapter = await gpu.requestAdapter(options);
  return adapter ? describe(gpu, adapter, route) : null;
}

const key = (a: FoundAdapter) => `${a.info.vendor}|${a.info.device}|${a.info.description}|${a.route}`;

let listed: Promise<AdapterList> | null = null;

/**
 * Every adapter Dawn can give this process: the default backend's high-performance and low-power
 * adapters, then OpenGL ES in compatibility mode (where Mesa's llvmpipe lives on a Linux box with
 * no GPU; it needs EGL_PLATFORM=surfaceless when no display is there, set only if unset).
 */
export function listAdapters(): Promise<AdapterList> {
  listed ??= (async () => {
    const notes: string[] = [];
    const found = new Map<string, FoundAdapter>();
    const add = (a: FoundAdapter | null) => {
      if (a && !found.has(key(a))) found.set(key(a), a);
    };
    try {
      await loadDawn();
    } catch (e) {
      return { adapters: [], notes: [`Dawn's Node binding did not load: ${short(e)}`] };
    }
    for (const powerPreference of ['high-performance', 'low-power'] as const) {
      try {
        add(await request([], { powerPreference }, 'default'));
      } catch (e) {
        notes.push(`default backend (${powerPreference}): ${short(e)}`);
      }
    }
    if (found.size === 0) notes.push('no adapter from the default backend (Vulkan, Metal or D3D12)');
    if (process.platform === 'linux') {
      process.env.EGL_PLATFORM ??= 'surfaceless';
      try {
        const gles = await request(['backend=opengles'], { featureLevel: 'compatibility' }, 'opengles');
        if (gles) add(gles);
        else notes.push('no adapter from OpenGL ES (is Mesa installed? libegl1 libgles2 libgl1-mesa-dri)');
      } catch (e) {
        notes.push(`OpenGL ES: ${short(e)}`);
      }
    }
    return { adapters: [...found.values()], notes };
  })();
  return listed;
}
