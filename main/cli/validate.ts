import { analyzeGraph } from '../../app/analysis/analyze';
import { formatSummary } from '../../app/analysis/summary';
import type { GraphIssue } from '../../app/analysis/types';
import { checkDataFit } from '../../app/data/fit';
import type { NodeDoc } from '../../app/document/schema';
import { readProjectFile } from './project-file';

/** One issue as a line: where (layer and handle), what, and the fix. `byId` is built once per graph. */
export function describeIssue(byId: ReadonlyMap<string, NodeDoc>, issue: GraphIssue): string {
  const node = issue.nodeId === undefined ? undefined : byId.get(issue.nodeId);
  const where = node ? `${node.name} (${node.type})${issue.handle ? ` input "${issue.handle}"` : ''}: ` : '';
  return `  ${issue.severity === 'error' ? '✗' : '!'} ${where}${issue.message}${issue.fix ? ` ${issue.fix}` : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Prints the Keras-style summary; returns the exit code (1 when the graph or data fit has errors). */
export async function validateCommand(path: string, out: (line: string) => void): Promise<number> {
  const { doc, warnings } = await readProjectFile(path);
  for (const w of warnings) out(`warning: ${w}`);
  const analysis = analyzeGraph(doc.graph);
  out(formatSummary(doc.name, doc.graph, analysis));
  const byId = new Map(doc.graph.nodes.map((n) => [n.id, n]));
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  const cautions = analysis.issues.filter((i) => i.severity === 'warning');
  if (cautions.length > 0) {
    out(`\n${plural(cautions.length, 'warning')}:`);
    for (const issue of cautions) out(describeIssue(byId, issue));
  }
  if (errors.length > 0) {
    out(`\n${plural(errors.length, 'problem')} in the network:`);
    for (const issue of errors) out(describeIssue(byId, issue));
    return 1;
  }
  const misfits = checkDataFit(doc, analysis);
  if (misfits.length > 0) {
    out(`\nThe ${doc.data.dataset} dataset does not fit this network:`);
    for (const m of misfits) out(`  ✗ ${m.message}${m.fix ? ` Fix: ${m.fix.label}.` : ''}`);
    return 1;
  }
  return 0;
}
