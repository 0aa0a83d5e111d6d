// The engine for a browser's dedicated worker (main/engine/compute/worker-entry.ts), where Chromium's WebGPU
// is. It is the same engine code: only the modules that read this machine's files are swapped for ones that
// ask the engine process over the worker's link, as a package's "browser" field would swap them.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const SWAPS = {
  'main/engine/backend.ts': 'main/engine/compute/browser-backend.ts',
  'main/engine/datasets/index.ts': 'main/engine/compute/remote-data.ts',
  'main/engine/pretrained.ts': 'main/engine/compute/remote-pretrained.ts',
  'main/engine/torch/mode.ts': 'main/engine/compute/no-torch.ts',
  'main/engine/images/deflate.ts': 'main/engine/compute/deflate-stored.ts',
  'main/engine/pipeline/open-images.ts': 'main/engine/compute/no-image-folders.ts',
};

const root = resolve(import.meta.dirname, '..');

function resolved(dir, path) {
  const base = resolve(dir, path);
  return [base, `${base}.ts`, `${base}/index.ts`].find((p) => p.endsWith('.ts') && existsSync(p));
}

const swaps = {
  name: 'browser-swaps',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = resolved(args.resolveDir, args.path);
      const swap = file && SWAPS[relative(root, file).split('\\').join('/')];
      return swap ? { path: resolve(root, swap) } : undefined;
    });
  },
};

/** esbuild options for dist/renderer/compute-worker.js; a Node module reaching the bundle fails the build. */
export const computeWorker = {
  entryPoints: ['main/engine/compute/worker-entry.ts'],
  outfile: 'dist/renderer/compute-worker.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [swaps],
};

/** The desktop's hidden compute page script (renderer/src/compute/host.ts), beside compute.html. */
export const computeHost = {
  entryPoints: ['renderer/src/compute/host.ts'],
  outfile: 'dist/renderer/compute-host.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  logLevel: 'warning',
};
