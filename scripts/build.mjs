// One build for every target: the renderer with Vite, the Node entries with esbuild.
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { rmSync } from 'node:fs';
import { computeHost, computeWorker } from './compute-worker-build.mjs';

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
  // TF.js exports ship this module: it registers LayerLab's custom layers with the tf it is given.
  await esbuild({
    ...node,
    platform: 'neutral',
    sourcemap: false,
    format: 'esm',
    outfile: 'dist/main/layerlab-layers.mjs',
    entryPoints: ['app/layers/tfjs/standalone.ts'],
  });
  // Electron loads its main and preload as CommonJS.
  await esbuild({
    ...node,
    format: 'cjs',
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    entryPoints: { electron: 'main/electron/main.ts', preload: 'main/electron/preload.ts', 'compute-preload': 'main/electron/compute-preload.ts' },
    // CommonJS has no import.meta: modules shared with the ESM entries (dataset readers, export) get this file's URL,
    // which sits in dist/main beside the .mjs bundles, so paths they resolve from it are the same.
    define: { 'import.meta.url': '__layerlabFileUrl' },
    banner: { js: "const __layerlabFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}
if (!only || only === 'renderer') {
  await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // After vite, which empties dist/renderer.
  await esbuild(computeWorker);
  await esbuild(computeHost);
}
