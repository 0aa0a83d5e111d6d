import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { analyzeGraph } from '../../app/analysis/analyze';
import type { ProjectDoc } from '../../app/document/schema';
import { importModel } from '../../app/import/import-model';
import type { ImportReport } from '../../app/import/report';
import type { RunStore } from '../service/run-store';
import { modelWithWeights } from './attach-weights';
import { ganCheckpointModel } from './gan-weights';
import { readModelFile } from './read-model-file';
import { recordImportedRun } from './record-import';

export interface ImportedProject {
  readonly doc: ProjectDoc;
  readonly report: ImportReport;
}

/**
 * Imports a model file as a new project: reads and checks it, builds the graph, and with weights and a run store
 * attaches them and records them as the project's first run. Everything is checked before anything is written, so
 * a bad file (ImportError) changes nothing. Without a store (nowhere to keep runs) the weights are checked only.
 */
export async function importModelFile(path: string, store: RunStore | null): Promise<ImportedProject> {
  const file = basename(path);
  const read = await readModelFile(path);
  const imported = await importModel(read.json, randomBytes(12).toString('base64url'));
  const { doc } = imported;
  let weightsRun: string | null = null;
  let weightsNote = read.weightsNote ?? null;
  if (read.weights && imported.gaps.length > 0) {
    weightsNote = 'The weights are not attached: with layers missing, the graph is not the network they belong to.';
  } else if (read.weights) {
    const tf = await import('@tensorflow/tfjs');
    const model = modelWithWeights(tf, doc, read.weights);
    try {
      if (!store) weightsNote = 'The weights match the graph; they are kept only where runs are recorded.';
      else if (doc.training.mode !== 'gan') weightsRun = await recordImportedRun(store, doc, model, file);
      else {
        const gan = ganCheckpointModel(tf, doc, model);
        try {
          weightsRun = await recordImportedRun(store, doc, gan.model, file);
        } finally {
          gan.dispose();
        }
      }
    } finally {
      model.dispose();
    }
  }
  const analysis = analyzeGraph(doc.graph);
  return {
    doc,
    report: {
      file,
      source: imported.source,
      layers: doc.graph.nodes.length,
      gaps: [...imported.gaps],
      warnings: [...imported.warnings],
      weightsRun,
      weightsNote,
      totalParams: analysis.totalParams,
    },
  };
}
