import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The package root, found from a bundled file in dist/main or a source file in main/. */
export function packageRoot(from: string): string {
  let dir = resolve(from);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`LayerLab's package root was not found above ${from}`);
}

export interface AppPaths {
  readonly root: string;
  readonly templates: string;
  readonly renderer: string;
  readonly engine: string;
  /** The worker thread that scans, parses and hashes data files off the host's event loop. */
  readonly dataWorker: string;
}

export function appPaths(root: string): AppPaths {
  return {
    root,
    templates: join(root, 'resources', 'templates'),
    renderer: join(root, 'dist', 'renderer'),
    engine: join(root, 'dist', 'main', 'engine.mjs'),
    dataWorker: join(root, 'dist', 'main', 'data-worker.mjs'),
  };
}

export { defaultDataDir } from '../data-dir';
