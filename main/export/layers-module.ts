import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled module's name in dist/main (scripts/build.mjs) and in every TF.js export. */
export const LAYERS_MODULE = 'layerlab-layers.mjs';

/**
 * The small ESM module that registers LayerLab's custom TF.js layers with the `tf` it is given (it imports no
 * tfjs itself). The built app ships it beside its bundles; from sources (tests, tsx) it is bundled on the spot.
 */
export async function layersModuleText(root: string): Promise<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(root, 'dist', 'main')]) {
    const file = join(dir, LAYERS_MODULE);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(root, 'app', 'layers', 'tfjs', 'standalone.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('bundling the TF.js layers module produced nothing');
  return file.text;
}
