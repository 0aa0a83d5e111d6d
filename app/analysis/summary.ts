import type { GraphDoc } from '../document/schema';
import { formatShape } from '../layers/types';
import type { Analysis } from './types';

export interface SummaryRow {
  readonly id: string;
  readonly layer: string;
  readonly type: string;
  readonly outputShape: string;
  readonly params: number;
  readonly connectedTo: string;
}

/** The rows of Keras's `model.summary()`, in topological order. */
export function summaryRows(graph: GraphDoc, analysis: Analysis): SummaryRow[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return analysis.order.map((id) => {
    const node = byId.get(id)!;
    const info = analysis.nodes.get(id);
    return {
      id,
      layer: node.name,
      type: node.type,
      outputShape: info?.shape ? formatShape(info.shape) : '?',
      params: info?.params ?? 0,
      connectedTo: (info?.inbound ?? []).map((src) => byId.get(src)?.name ?? src).join(', '),
    };
  });
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** A plain-text summary like Keras prints, for the CLI. */
export function formatSummary(name: string, graph: GraphDoc, analysis: Analysis): string {
  const rows = summaryRows(graph, analysis);
  const head = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  const cells = rows.map((r) => [`${r.layer} (${r.type})`, r.outputShape, formatCount(r.params), r.connectedTo]);
  // A loop, not Math.max(...column): spreading 150,000 rows into a call overflows the stack.
  const widths = head.map((h) => h.length + 2);
  for (const c of cells) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, c[i]!.length + 2);
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('')
      .trimEnd();
  const rule = (ch: string) => ch.repeat(widths.reduce((a, w) => a + w, 0));
  return [
    `Model: "${name}"`,
    rule('━'),
    line(head),
    rule('━'),
    ...cells.map(line),
    rule('━'),
    ` Total params: ${formatCount(analysis.totalParams)}`,
    ` Trainable params: ${formatCount(analysis.trainableParams)}`,
    ` Non-trainable params: ${formatCount(analysis.nonTrainableParams)}`,
  ].join('\n');
}
