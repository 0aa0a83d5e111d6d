import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeGraph } from '../app/analysis/analyze';
import { projectSchema, type GraphDoc, type NodeDoc } from '../app/document/schema';
import { defaultParams } from '../app/layers/registry';
import { buildModel } from '../main/engine/build-model';
import { medianMs, table } from './stats';

/** Input → a chain of Dense/Activation/Dropout layers, `size` nodes in all. */
function chain(size: number): GraphDoc {
  const types = ['Dense', 'Activation', 'Dropout'];
  const base = { trainable: true, role: 'model' as const };
  const nodes: NodeDoc[] = [{ id: 'n0', type: 'InputLayer', name: 'n0', position: { x: 0, y: 0 }, params: { shape: [64] }, ...base }];
  const edges = [];
  for (let i = 1; i < size; i++) {
    const type = types[i % types.length]!;
    nodes.push({
      id: `n${i}`,
      type,
      name: `n${i}`,
      position: { x: i * 10, y: 0 },
      params: { ...defaultParams(type), ...(type === 'Dense' ? { units: 64 } : {}) },
      ...base,
    });
    edges.push({ id: `e${i}`, source: `n${i - 1}`, sourceHandle: 'output', target: `n${i}`, targetHandle: 'input' });
  }
  return { nodes, edges };
}

/**
 * Shape inference runs on every keystroke. The peer is tfjs inferring the same shapes by
 * building the graph symbolically, which is what a tool without its own analysis would do.
 */
export function benchShapeInference(): Record<string, string | number>[] {
  // The cpu backend is registered with tfjs itself, so this resolves at once.
  void tf.setBackend('cpu');
  const rows = [100, 1000].map((size) => {
    const graph = chain(size);
    const ours = medianMs(() => analyzeGraph(graph), size > 500 ? 30 : 100);
    const doc = projectSchema.parse({ format: 'layerlab', version: 1, graph });
    const analysis = analyzeGraph(graph);
    const peer = medianMs(() => buildModel(tf, doc, analysis).dispose(), size > 500 ? 5 : 20, 1);
    return { graph: `${size}-layer chain`, layerlab_ms: ours, tfjs_symbolic_ms: peer, speedup_vs_tfjs: peer / ours, keystrokes_per_s: 1000 / ours };
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = benchShapeInference();
  console.log('Shape inference (median of repeated runs, same process)\n');
  console.log(table(rows));
  writeFileSync(join('bench', 'results', 'shape-inference.json'), `${JSON.stringify({ measured: new Date().toISOString(), rows }, null, 2)}\n`);
}
