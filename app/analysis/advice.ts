import type { GraphDoc, NodeDoc } from '../document/schema';
import type { Analysis, GraphIssue } from './types';

/**
 * Warnings (never errors) for the classic beginner mistakes: the graph is valid and will
 * train, but it cannot learn what the learner wants. Pure and linear in the graph's size.
 */

/** Layers that change neither the function class nor the need for a non-linearity: looked through. */
const PASS_THROUGH = new Set(['Dropout', 'GaussianNoise', 'Flatten', 'Reshape', 'BatchNormalization', 'LayerNormalization']);
/** Layers that apply their own `activation` param. */
const WEIGHTED = new Set(['Dense', 'Conv1D', 'Conv2D', 'Conv2DTranspose', 'SeparableConv2D']);
/** Sigmoid layers in one chain from which the first ones barely learn. */
const DEEP_SIGMOID = 3;

function activation(n: NodeDoc): string | undefined {
  if (!WEIGHTED.has(n.type) && n.type !== 'Activation') return undefined;
  const a = n.params.activation;
  return typeof a === 'string' ? a : 'linear';
}

export function adviseGraph(graph: GraphDoc, analysis: Analysis): GraphIssue[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  const prev = new Map<string, string[]>();
  for (const e of graph.edges) {
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
    prev.set(e.target, [...(prev.get(e.target) ?? []), e.source]);
  }
  const advice: GraphIssue[] = [];

  /** The weighted layers a node's output reaches through pass-through layers only (plus whether an Activation comes first). */
  const reachedWeighted = (id: string): { weighted: string[]; activated: boolean } => {
    const weighted: string[] = [];
    let activated = false;
    const stack = [...(next.get(id) ?? [])];
    const seen = new Set<string>();
    while (stack.length) {
      const t = byId.get(stack.pop()!);
      if (!t || seen.has(t.id)) continue;
      seen.add(t.id);
      if (t.type === 'Activation' && activation(t) !== 'linear') activated = true;
      else if (WEIGHTED.has(t.type)) weighted.push(t.id);
      else if (PASS_THROUGH.has(t.type)) stack.push(...(next.get(t.id) ?? []));
    }
    return { weighted, activated };
  };

  for (const n of graph.nodes) {
    const act = activation(n);
    if (n.type === 'Dense' && act === 'linear') {
      const { weighted, activated } = reachedWeighted(n.id);
      const to = weighted.find((w) => byId.get(w)?.type === 'Dense');
      if (to && !activated) {
        advice.push({
          severity: 'warning',
          nodeId: n.id,
          message: `${n.name} has no activation, so ${n.name} → ${byId.get(to)?.name ?? to} is still one linear map: the network can only draw straight boundaries.`,
          fix: 'Set its activation to relu (a non-linearity between the two layers).',
        });
      }
    }
    if (act === 'softmax') {
      const units = n.type === 'Dense' ? Number(n.params.units) : analysis.nodes.get(n.id)?.shape?.at(-1);
      if (units === 1) {
        advice.push({
          severity: 'warning',
          nodeId: n.id,
          message: 'Softmax over one unit always outputs 1, whatever the input: this layer cannot learn.',
          fix: 'For a yes/no output use sigmoid; for several classes use one unit per class with softmax.',
        });
      }
    }
  }

  // Longest run of sigmoid layers along the data flow, in topological order (linear time).
  const run = new Map<string, { len: number; first: string }>();
  let deepest: { len: number; first: string } | null = null;
  for (const id of analysis.order) {
    const n = byId.get(id);
    if (!n) continue;
    const before = (prev.get(id) ?? []).map((s) => run.get(s) ?? { len: 0, first: id });
    const best = before.reduce<{ len: number; first: string }>((a, b) => (b.len > a.len ? b : a), { len: 0, first: id });
    const sig = activation(n) === 'sigmoid';
    const here = sig ? { len: best.len + 1, first: best.len > 0 ? best.first : id } : PASS_THROUGH.has(n.type) ? best : { len: 0, first: id };
    run.set(id, here);
    if (sig && here.len > (deepest?.len ?? 0)) deepest = here;
  }
  if (deepest && deepest.len >= DEEP_SIGMOID) {
    advice.push({
      severity: 'warning',
      nodeId: deepest.first,
      message: `${deepest.len} sigmoid layers in a row: each one shrinks the gradient (at most ×0.25), so the first layers barely learn (vanishing gradients).`,
      fix: 'Use relu in the hidden layers. The "Deep sigmoid" and "Deep ReLU" templates show the difference (the vanishing-gradient lesson).',
    });
  }
  return advice;
}
