import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDERS } from '../../app/layers/builders/registry';
import { LAYERS } from '../../app/layers/registry';

const ROOT = resolve(__dirname, '../..');

/** Relative imports of a TypeScript file, `import type` included (the bundler drops those, so they are reported apart). */
function imports(file: string): { runtime: string[]; typeOnly: string[] } {
  const text = readFileSync(file, 'utf8');
  const runtime: string[] = [];
  const typeOnly: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
    const spec = m[2]!;
    (m[1] ? typeOnly : runtime).push(spec);
  }
  return { runtime, typeOnly };
}

/** Every file the definition registry pulls into a bundle, following runtime imports only (as Vite does). */
function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of imports(file).runtime) {
      if (spec.startsWith('.')) visit(join(dirname(file), `${spec}.ts`));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('layer definitions and builders', () => {
  const graph = runtimeGraph(join(ROOT, 'app/layers/registry.ts'));
  const relative = [...graph.files].map((f) => f.slice(ROOT.length + 1));

  it('the definition registry imports no builder and no tfjs layer code', () => {
    expect(relative.filter((f) => f.startsWith('app/layers/builders/') || f.startsWith('app/layers/tfjs/'))).toEqual([]);
    expect([...graph.packages].filter((p) => p.startsWith('@tensorflow'))).toEqual([]);
    // Sanity: the walk really followed the layer files.
    expect(relative).toContain('app/layers/dense.ts');
    expect(relative).toContain('app/layers/transformer-decoder.ts');
  });

  it('every definition has exactly one builder and every builder a definition', () => {
    const defined = LAYERS.map((l) => l.type).sort();
    const built = BUILDERS.map((b) => b.type).sort();
    expect(built).toEqual(defined);
    expect(new Set(built).size).toBe(built.length);
  });
});
