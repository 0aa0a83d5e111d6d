import { execFile, spawnSync } from 'node:child_process';

/** What a Python process really linked for its matrix products (read from its own /proc/self/maps). */
export type BlasKind = 'openblas' | 'mkl' | 'blis' | 'reference' | 'builtin' | 'unknown';

export interface Blas {
  readonly kind: BlasKind;
  /** The mapped library that decided it, when one did. */
  readonly library: string | null;
  /** Why a ratio against it means little, or how it was found. */
  readonly note: string;
}

const NAMED: readonly [BlasKind, RegExp][] = [
  ['openblas', /^libopenblas/],
  ['mkl', /^libmkl/],
  ['blis', /^libblis/],
];

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const folder = (path: string) => base(path.slice(0, path.lastIndexOf('/')));

/**
 * The BLAS behind a process, from the file paths it has mapped. torch.__config__ cannot answer
 * this: it says what PyTorch was built against ("generic" for Debian's build), not what the
 * loader resolved libblas.so.3 to, and Debian's reference BLAS is ~10× slower than OpenBLAS.
 */
export function classifyBlas(mapped: readonly string[]): Blas {
  for (const [kind, pattern] of NAMED) {
    const library = mapped.find((p) => pattern.test(base(p)));
    if (library) return { kind, library, note: `${base(library)} is mapped` };
  }
  const blas = mapped.find((p) => base(p).startsWith('libblas.so'));
  if (blas) {
    // Debian's alternatives reach OpenBLAS through a file named libblas.so.3 in its own folder.
    if (folder(blas).startsWith('openblas')) return { kind: 'openblas', library: blas, note: `${folder(blas)}/libblas.so.3 is mapped` };
    if (folder(blas).includes('blis')) return { kind: 'blis', library: blas, note: `${folder(blas)}/libblas.so.3 is mapped` };
    if (folder(blas).includes('mkl')) return { kind: 'mkl', library: blas, note: `${folder(blas)}/libblas.so.3 is mapped` };
    return {
      kind: 'reference',
      library: blas,
      note: 'reference BLAS (Netlib): about 10× slower than what PyTorch users have; install libopenblas0-pthread',
    };
  }
  // pip wheels link MKL (x86) or OpenBLAS (arm) into libtorch_cpu itself: nothing separate is mapped.
  if (mapped.some((p) => base(p).startsWith('libtorch_cpu'))) {
    return { kind: 'builtin', library: null, note: 'no separate BLAS library mapped: linked into libtorch_cpu (pip wheels bring MKL or OpenBLAS)' };
  }
  return { kind: 'unknown', library: null, note: 'no BLAS library among the mapped files' };
}

/** Whether a ratio against this BLAS says anything about the PyTorch a user would have. */
export function blasIsFair(blas: Blas): boolean {
  return blas.kind !== 'reference' && blas.kind !== 'unknown';
}

/**
 * Python that prints the paths of the shared libraries it mapped that can hold a BLAS; used by
 * the bench's training script and the probe below, so both read the same evidence.
 */
export const MAPPED_LIBRARIES_PY = `
def mapped_libraries():
    try:
        with open("/proc/self/maps") as f:
            paths = {l.split()[-1] for l in f if "/" in l}
    except OSError:
        return []
    keys = ("blas", "mkl", "blis", "libtorch_cpu")
    return sorted(p for p in paths if any(k in p.rsplit("/", 1)[-1] for k in keys))
`;

const PROBE_PY = `${MAPPED_LIBRARIES_PY}
import json, os, sys
import torch
a = torch.randn(64, 64)
(a @ a).sum().item()
cuda = torch.cuda.is_available()
mps = bool(getattr(getattr(torch.backends, "mps", None), "is_available", lambda: False)())
print(json.dumps({
    "python": sys.version.split()[0],
    "torch": torch.__version__,
    "cuda": [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())] if cuda else [],
    "hip": getattr(torch.version, "hip", None),
    "mps": mps,
    "threads": torch.get_num_threads(),
    "cores": os.cpu_count(),
    "mapped": mapped_libraries(),
}))
`;

export interface TorchProbe {
  readonly python: string;
  readonly pythonVersion: string;
  readonly torch: string;
  readonly cuda: readonly string[];
  /** ROCm's HIP version when this is a ROCm build. */
  readonly hip: string | null;
  readonly mps: boolean;
  readonly threads: number;
  readonly blas: Blas;
}

export type TorchFound = { readonly ok: true; readonly probe: TorchProbe } | { readonly ok: false; readonly tried: readonly string[] };

/**
 * The interpreters tried, in order: the one the user configured (LAYERLAB_PYTHON), `python3` on
 * PATH, then Debian's /usr/bin/python3 (its python3-torch is importable only there, and a pyenv
 * shim on PATH may hide it).
 */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env, chosen?: string): string[] {
  // An empty setting means none: `||`, not `??`.
  const configured = [chosen?.trim(), env.LAYERLAB_PYTHON?.trim()].find((p) => p !== undefined && p !== '');
  return [...new Set([...(configured ? [configured] : []), 'python3', '/usr/bin/python3'])];
}

/** The oldest PyTorch the engine's runner and the exported train.py are tested on (Debian's). */
export const OLDEST_TORCH = [1, 13] as const;

/** Why this torch version cannot run LayerLab's PyTorch engine, or null when it can. */
export function torchTooOld(version: string): string | null {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return `PyTorch reports an unreadable version "${version.slice(0, 40)}"`;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major > OLDEST_TORCH[0] || (major === OLDEST_TORCH[0] && minor >= OLDEST_TORCH[1])) return null;
  return `PyTorch ${version} is older than ${OLDEST_TORCH.join('.')}: upgrade it (pip install --upgrade torch, or your distribution's python3-torch)`;
}

/** What to install when no interpreter has a usable torch. */
export const INSTALL_TORCH =
  'Install PyTorch (https://pytorch.org/get-started: pip install torch; on Debian or Ubuntu: apt install python3-torch), or set the Python interpreter that has it.';

interface ProbeOutput {
  python: string;
  torch: string;
  cuda: string[];
  hip: string | null;
  mps: boolean;
  threads: number;
  mapped: string[];
}

export type ProbeResult = { ok: true; probe: TorchProbe } | { ok: false; why: string };

/** Runs the probe in one interpreter: its PyTorch, devices and BLAS, or why it cannot. */
export function probeTorch(python: string, timeoutMs = 60_000): ProbeResult {
  const run = spawnSync(python, ['-c', PROBE_PY], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  return readProbe(python, run.error, run.status, run.stdout, run.stderr);
}

/** The same probe without blocking the caller's event loop (the hosts ask it for the Compute engine menu). */
export function probeTorchAsync(python: string, timeoutMs = 60_000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(python, ['-c', PROBE_PY], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      // execFile's error carries the exit status as a number, and a failure to start (ENOENT) as a string code.
      const code: unknown = error ? (error as { code?: unknown }).code : 0;
      if (typeof code === 'number') resolve(readProbe(python, undefined, code, stdout, stderr));
      else resolve(readProbe(python, error ?? undefined, null, stdout, stderr));
    });
  });
}

function readProbe(python: string, error: Error | undefined, status: number | null, stdout: string, stderr: string): ProbeResult {
  if (error) return { ok: false, why: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : error.message.slice(0, 200) };
  if (status !== 0) {
    const last = stderr.trim().split('\n').at(-1) ?? `exit ${String(status)}`;
    return { ok: false, why: stderr.includes("No module named 'torch'") ? 'no torch module' : last.slice(0, 200) };
  }
  try {
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ProbeOutput;
    return {
      ok: true,
      probe: {
        python,
        pythonVersion: out.python,
        torch: out.torch,
        cuda: out.cuda,
        hip: out.hip,
        mps: out.mps,
        threads: out.threads,
        blas: classifyBlas(out.mapped),
      },
    };
  } catch {
    return { ok: false, why: `unreadable probe output: ${stdout.slice(0, 120)}` };
  }
}

/** The first interpreter whose torch imports, and every failure before it. */
export function findTorch(env: NodeJS.ProcessEnv = process.env, chosen?: string): TorchFound {
  const tried: string[] = [];
  for (const python of pythonCandidates(env, chosen)) {
    const found = probeTorch(python);
    const old = found.ok ? torchTooOld(found.probe.torch) : null;
    if (found.ok && !old) return found;
    tried.push(`${python}: ${found.ok ? old! : found.why}`);
  }
  return { ok: false, tried };
}
