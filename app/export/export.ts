import { formatCount } from '../analysis/summary';
import type { ProjectDoc } from '../document/schema';
import type { WeightMap } from '../layers/emit-types';
import { planGraph } from './graph';
import { kerasModel } from './keras';
import { pytorchModel } from './pytorch/model';
import { pytorchTrain } from './pytorch/train';
import { exportReadme } from './readme';
import type { ExportFile, ExportTarget } from './target';
import { tfjsCode } from './tfjs';

export interface ExportOptions {
  /** The node_modules folder train.py reads the built-in datasets from by default. */
  readonly dataPackages: string;
  /** Whether trained weights go with the code (the README says how to use them). */
  readonly withWeights: boolean;
}

export type ExportResult =
  | {
      readonly ok: true;
      readonly files: readonly ExportFile[];
      /** PyTorch only: where each Keras weight lands in the state_dict. */
      readonly weightMaps: readonly (WeightMap & { readonly layer: string })[];
      readonly totalParams: number;
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Graph in, files out as text: the pure half of exporting (main/export writes them and the weights). */
export function exportProject(doc: ProjectDoc, target: ExportTarget, o: ExportOptions): ExportResult {
  const planned = planGraph(doc);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const count = formatCount(plan.analysis.totalParams);
  const readme: ExportFile = { path: 'README.md', text: exportReadme(doc, target, count, o.withWeights) };
  switch (target) {
    case 'pytorch': {
      const model = pytorchModel(plan);
      const train = pytorchTrain(plan, o.dataPackages);
      if (!model.ok || !train.ok) return { ok: false, errors: [...(model.ok ? [] : model.errors), ...(train.ok ? [] : train.errors)] };
      return {
        ok: true,
        files: [{ path: 'model.py', text: model.model.text }, { path: 'train.py', text: train.text }, readme],
        weightMaps: model.model.weights,
        totalParams: plan.analysis.totalParams,
      };
    }
    case 'keras': {
      const model = kerasModel(plan);
      if (!model.ok) return model;
      return { ok: true, files: [{ path: 'keras_model.py', text: model.text }, readme], weightMaps: [], totalParams: plan.analysis.totalParams };
    }
    case 'tfjs': {
      const code = tfjsCode(plan);
      if (!code.ok) return code;
      return {
        ok: true,
        files: [{ path: 'model.mjs', text: code.model }, { path: 'train.mjs', text: code.train }, readme],
        weightMaps: [],
        totalParams: plan.analysis.totalParams,
      };
    }
  }
}
