// One build for every target: the renderer with Vite, the Node entries with esbuild.
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { rmSync } from 'node:fs';

const only = process.argv[2];
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native or wasm-loading packages stay outside the bundle and load from node_modules.
  external: ['electron', '@tensorflow/*', 'webgpu', 'ws', 'bufferutil', 'utf-8-validate'],
};

if (!only || only === 'main') {
  rmSync('dist/main', { recursive: true, force: true });
  await esbuild({
    ...node,
    format: 'esm',
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    // data-worker: the host's thread for scanning and hashing data files (main/service/data-worker.ts).
    entryPoints: { cli: 'main/cli/index.ts', engine: 'main/engine/entry.ts', 'data-worker': 'main/data/worker-entry.ts' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // Electron loads its main and preload as CommonJS.
  await esbuild({
    ...node,
    format: 'cjs',
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    entryPoints: { electron: 'main/electron/main.ts', preload: 'main/electron/preload.ts' },
  });
}
if (!only || only === 'renderer') {
  await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
