import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Tf } from '../../../app/layers/types';
import type { DoctorRow } from '../../../app/protocol/engines';
import { nativeAddonMissing } from '../native';
import { useWasmThreads, wasmThreadCount } from '../kernels/wasm-threads';
import { listAdapters } from '../webgpu/dawn';
import { parityCheck } from '../webgpu/parity';
import { registerWebgpuBackend } from '../webgpu/register';
import { INSTALL_TORCH, probeTorch, pythonCandidates, torchTooOld, type TorchProbe } from '../../python/probe';

const require = createRequire(import.meta.url);

export type { DoctorRow } from '../../../app/protocol/engines';

const short = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 240);

/** Shared libraries the dynamic loader knows, from `ldconfig -p` (Linux); null where it cannot say. */
function loaderLibraries(): string | null {
  if (process.platform !== 'linux') return null;
  for (const ldconfig of ['ldconfig', '/sbin/ldconfig', '/usr/sbin/ldconfig']) {
    const run = spawnSync(ldconfig, ['-p'], { encoding: 'utf8', timeout: 10_000 });
    if (run.status === 0) return run.stdout;
  }
  return null;
}

/** tfjs-node-gpu needs CUDA 11.2's runtime, cuBLAS and cuDNN 8.1 where the loader finds them. */
const CUDA_LIBRARIES = ['libcudart.so.11.0', 'libcublas.so.11', 'libcudnn.so.8'];

function libtensorflow(pkg: string): string | null {
  try {
    const lib = join(dirname(require.resolve(`${pkg}/package.json`)), 'deps', 'lib');
    const found = existsSync(lib) ? readdirSync(lib).find((f) => f.startsWith('libtensorflow') || f.startsWith('tensorflow.dll')) : undefined;
    return found ? join(lib, found) : null;
  } catch {
    return null;
  }
}

export async function tensorflowRows(): Promise<DoctorRow[]> {
  const rows: DoctorRow[] = [];
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    const missing = nativeAddonMissing(pkg);
    const lib = libtensorflow(pkg);
    if (missing) {
      rows.push({ engine: 'tensorflow', item: pkg, status: 'missing', detail: `${missing}${lib ? `; ${lib} is there` : ''}` });
      continue;
    }
    try {
      await import(pkg);
      rows.push({ engine: 'tensorflow', item: pkg, status: 'ok', detail: `loads${lib ? ` (${lib})` : ''}` });
    } catch (e) {
      rows.push({ engine: 'tensorflow', item: pkg, status: 'failed', detail: short(e) });
    }
  }
  const known = loaderLibraries();
  if (known === null) {
    rows.push({ engine: 'tensorflow', item: 'CUDA libraries', status: 'missing', detail: 'not checked: no ldconfig (only Linux is checked)' });
  } else {
    const absent = CUDA_LIBRARIES.filter((l) => !known.includes(l));
    rows.push({
      engine: 'tensorflow',
      item: 'CUDA 11.2 + cuDNN 8.1 libraries',
      status: absent.length ? 'missing' : 'ok',
      detail: absent.length ? `the loader finds no ${absent.join(', ')} (tfjs-node-gpu needs them)` : `${CUDA_LIBRARIES.join(', ')} found`,
    });
  }
  return rows;
}

/** Every adapter Dawn offers, software or hardware, each put through the parity check the engine runs. */
export async function webgpuRows(tf: Tf): Promise<DoctorRow[]> {
  const { adapters, notes } = await listAdapters();
  // Notes say why a route gave nothing (no Vulkan, no Mesa, the binding refused to load).
  const rows: DoctorRow[] = notes.map((n) => ({ engine: 'webgpu', item: 'Dawn (webgpu package)', status: 'missing', detail: n }));
  for (const adapter of adapters) {
    const kind = adapter.software ? 'software (never chosen automatically; pick WebGPU to use it)' : 'hardware';
    const route = adapter.route === 'opengles' ? 'OpenGL ES, compatibility mode' : "Dawn's default backend";
    try {
      await registerWebgpuBackend(tf, adapter);
      const parity = await parityCheck(tf, 'webgpu');
      rows.push({
        engine: 'webgpu',
        item: adapter.name,
        status: parity.ok ? 'ok' : 'failed',
        detail: `${kind}; ${route}; parity ${parity.ok ? 'passed' : 'FAILED'}: ${parity.detail}`,
      });
    } catch (e) {
      rows.push({ engine: 'webgpu', item: adapter.name, status: 'failed', detail: `${kind}; ${route}; ${short(e)}` });
    }
  }
  if (adapters.length === 0 && rows.length === 0) rows.push({ engine: 'webgpu', item: 'adapters', status: 'missing', detail: 'no WebGPU adapter' });
  return rows;
}

export async function wasmRows(tf: Tf): Promise<DoctorRow[]> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    const wanted = wasmThreadCount();
    const threads = await useWasmThreads(tf, wanted);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
    const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const { getThreadsCount } = await import('@tensorflow/tfjs-backend-wasm');
    const running = getThreadsCount();
    const threadNote = threads.note ? ` (${threads.note})` : wanted === 1 ? ' (one core is left to the app; LAYERLAB_WASM_THREADS overrides)' : '';
    return [
      { engine: 'wasm', item: 'WebAssembly', status: 'ok', detail: 'loads (a run adds LayerLab’s training kernels to it)' },
      { engine: 'wasm', item: 'SIMD', status: simd ? 'ok' : 'missing', detail: simd ? 'on (XNNPACK SIMD kernels)' : 'this runtime has no wasm SIMD' },
      { engine: 'wasm', item: 'threads', status: 'ok', detail: `${running} of ${wanted} wanted${threadNote}` },
    ];
  } catch (e) {
    return [{ engine: 'wasm', item: 'WebAssembly', status: 'failed', detail: short(e) }];
  }
}

/** The devices a PyTorch sees, in the words the menu and the report use. */
export function torchDevices(p: TorchProbe): string[] {
  return [...p.cuda.map((d) => `${p.hip ? 'ROCm' : 'CUDA'}: ${d}`), ...(p.mps ? ['MPS'] : []), `CPU (${p.threads} thread${p.threads === 1 ? '' : 's'})`];
}

/** Every interpreter the engine would try, probed; `usable` is the first whose torch is new enough. */
export function pytorchProbes(env: NodeJS.ProcessEnv = process.env, chosen?: string): { rows: DoctorRow[]; usable: TorchProbe | null } {
  const rows: DoctorRow[] = [];
  const usable: TorchProbe[] = [];
  for (const python of pythonCandidates(env, chosen)) {
    const found = probeTorch(python);
    if (!found.ok) {
      rows.push({ engine: 'pytorch', item: python, status: 'missing', detail: found.why });
      continue;
    }
    const p = found.probe;
    const old = torchTooOld(p.torch);
    if (old) {
      rows.push({ engine: 'pytorch', item: python, status: 'failed', detail: old });
      continue;
    }
    usable.push(p);
    const devices = torchDevices(p);
    rows.push({
      engine: 'pytorch',
      item: python,
      status: 'ok',
      detail: `Python ${p.pythonVersion}, PyTorch ${p.torch}; devices: ${devices.join(', ')}; BLAS: ${p.blas.kind} (${p.blas.note})`,
    });
  }
  if (usable.length === 0) rows.push({ engine: 'pytorch', item: 'what to install', status: 'missing', detail: INSTALL_TORCH });
  return { rows, usable: usable[0] ?? null };
}

export function pytorchRows(env: NodeJS.ProcessEnv = process.env): DoctorRow[] {
  return pytorchProbes(env).rows;
}
