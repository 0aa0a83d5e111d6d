import { analyzeGraph } from '../../app/analysis/analyze';
import { checkDataFit } from '../../app/data/fit';
import type { ProjectDoc } from '../../app/document/schema';

/**
 * The checks the engine makes first, made by the host before it records or spawns anything: a document
 * that cannot train costs no process and leaves no run folder. Same words as the engine's.
 */
export function preflight(doc: ProjectDoc): void {
  const analysis = analyzeGraph(doc.graph);
  const firstError = analysis.issues.find((i) => i.severity === 'error');
  if (firstError) throw new Error(`The network has errors: ${firstError.message}${firstError.fix ? ` ${firstError.fix}` : ''}`);
  const misfit = checkDataFit(doc, analysis)[0];
  if (misfit) throw new Error(`${misfit.message}${misfit.fix ? ` Fix: ${misfit.fix.label}.` : ''}`);
}
