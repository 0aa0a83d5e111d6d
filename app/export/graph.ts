import { analyzeGraph } from '../analysis/analyze';
import type { Analysis } from '../analysis/types';
import type { NodeDoc, ProjectDoc } from '../document/schema';
import type { EmitNode } from '../layers/emit-types';
import { getLayer } from '../layers/registry';
import type { LayerDef } from '../layers/types';

/** Names Python code must not take for a variable: keywords, builtins we call, and the names of the exported code. */
const RESERVED = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
    'lambda nonlocal not or pass raise return try while with yield self x torch nn F math np keras layers keras_hub tf model input ' +
    'inputs outputs print len range list dict type id super object'
  ).split(' '),
);

/** A Python identifier from a layer name, made unique among `taken`. */
export function pythonName(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'layer';
  if (RESERVED.has(base)) base = `${base}_layer`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

/** One node ready for the emitters: its definition, params parsed, its Python name, shapes and input variables. */
export interface EmitStep {
  readonly node: NodeDoc;
  readonly def: LayerDef;
  readonly emit: EmitNode<unknown>;
  /** Variables holding the node's inputs, ordered as for `outputShape`. */
  readonly inputs: readonly string[];
  /** One variable per output. */
  readonly outputs: readonly string[];
}

export interface EmitPlan {
  readonly doc: ProjectDoc;
  readonly analysis: Analysis;
  /** Nodes in graph (topological) order. */
  readonly steps: readonly EmitStep[];
  /** Forward arguments (the Input layers' variables) and returned variables, in the graph's input and output order. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

export type PlanResult = { readonly ok: true; readonly plan: EmitPlan } | { readonly ok: false; readonly errors: readonly string[] };

/** Walks a clean graph in order, naming every node and output once, as every exporter needs. */
export function planGraph(doc: ProjectDoc): PlanResult {
  const analysis = analyzeGraph(doc.graph);
  if (!analysis.ok) {
    const issues = analysis.issues.filter((i) => i.severity === 'error');
    return { ok: false, errors: issues.map((i) => `The network has errors: ${i.message}${i.fix ? ` ${i.fix}` : ''}`) };
  }
  const byId = new Map(doc.graph.nodes.map((n) => [n.id, n]));
  const taken = new Set<string>();
  const vars = new Map<string, readonly string[]>();
  const steps: EmitStep[] = [];
  for (const id of analysis.order) {
    const node = byId.get(id);
    const def = node ? getLayer(node.type) : undefined;
    const info = analysis.nodes.get(id);
    if (!node || !def || !info) return { ok: false, errors: [`Layer ${node?.name ?? id} (${node?.type ?? '?'}) is not known to LayerLab.`] };
    const pyId = pythonName(node.name, taken);
    const outputs = info.outputNames.map((o, i) => (i === 0 ? pyId : pythonName(`${pyId}_${o}`, taken)));
    vars.set(id, outputs);
    const inputs = info.inboundRefs.map((ref) => vars.get(ref.source)?.[ref.output] ?? 'x');
    const inputShapes = info.inboundRefs.map((ref) => analysis.nodes.get(ref.source)?.outputShapes[ref.output] ?? []);
    const emit: EmitNode<unknown> = { params: def.params.parse(node.params), id: pyId, name: node.name, inputShapes, outputShapes: info.outputShapes };
    steps.push({ node, def, emit, inputs, outputs });
  }
  return {
    ok: true,
    plan: {
      doc,
      analysis,
      steps,
      inputs: analysis.inputs.map((id) => vars.get(id)?.[0] ?? 'x'),
      outputs: analysis.outputs.map((id) => vars.get(id)?.[0] ?? 'x'),
    },
  };
}

/** A class name from the project name: "LeNet (MNIST)" → "LenetMnist". */
export function className(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
  return /^[A-Za-z]/.test(joined) ? joined : `Model${joined}`;
}
