import { formatCount } from '../analysis/summary';
import type { ProjectDoc } from '../document/schema';
import type { WeightMap } from '../layers/emit-types';
import { planGraph } from './graph';
import { kerasModel } from './keras';
import { pytorchModel } from './pytorch/model';
import { pytorchTrain } from './pytorch/train';
import { exportReadme } from './readme';
import { expandPretrained, type PreprocessLayer, type PretrainedLayer } from '../transfer/expand';
import type { ExportFile, ExportTarget } from './target';
import { tfjsCode } from './tfjs';

export interface ExportOptions {
  /** The node_modules folder train.py reads the built-in datasets from by default. */
  readonly dataPackages: string;
  /** Whether trained weights go with the code (the README says how to use them). */
  readonly withWeights: boolean;
  /** Each pretrained source's model.json by `sourceKey`: a Pretrained model node is written out as its layers. */
  readonly sources?: ReadonlyMap<string, unknown>;
}

export type ExportResult =
  | {
      readonly ok: true;
      readonly files: readonly ExportFile[];
      /** PyTorch only: where each Keras weight lands in the state_dict. */
      readonly weightMaps: readonly (WeightMap & { readonly layer: string })[];
      readonly totalParams: number;
      /** The graph as written out: Pretrained model nodes replaced by their source's layers. */
      readonly doc: ProjectDoc;
      /** Layers that start from a source's weights, and the preprocessing convolutions with fixed ones. */
      readonly pretrained: readonly PretrainedLayer[];
      readonly preprocess: readonly PreprocessLayer[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Graph in, files out as text: the pure half of exporting (main/export writes them and the weights). */
export function exportProject(project: ProjectDoc, target: ExportTarget, o: ExportOptions): ExportResult {
  const expanded = expandPretrained(project, o.sources ?? new Map());
  if (!expanded.ok) return expanded;
  const { doc, pretrained, preprocess } = expanded;
  const planned = planGraph(doc);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const common = { totalParams: plan.analysis.totalParams, doc, pretrained, preprocess };
  const count = formatCount(plan.analysis.totalParams);
  const readme: ExportFile = {
    path: 'README.md',
    text: exportReadme(doc, target, count, { run: o.withWeights, pretrained: [...new Set(pretrained.map((l) => l.name))] }),
  };
  switch (target) {
    case 'pytorch': {
      const model = pytorchModel(plan);
      const pyName = new Map(plan.steps.map((s) => [s.node.name, s.emit.id]));
      const layerRates = Object.fromEntries(pretrained.filter((l) => l.lrMultiplier !== 1).map((l) => [pyName.get(l.name) ?? l.name, l.lrMultiplier]));
      // The weights folder holds the source's weights (or a run's), and train.py starts from them.
      const train = pytorchTrain(plan, o.dataPackages, { layerRates, startFromWeights: pretrained.length > 0 });
      if (!model.ok || !train.ok) return { ok: false, errors: [...(model.ok ? [] : model.errors), ...(train.ok ? [] : train.errors)] };
      return {
        ok: true,
        files: [{ path: 'model.py', text: model.model.text }, { path: 'train.py', text: train.text }, readme],
        weightMaps: model.model.weights,
        ...common,
      };
    }
    case 'keras': {
      const scaled = pretrained.filter((l) => l.lrMultiplier !== 1).map((l) => l.name);
      const transfer = pretrained.length > 0;
      // Only a transfer model's pretrained layers travel to Keras: their classes are Keras's own, named as Keras names them.
      const model = kerasModel(plan, { shipped: transfer, byDefault: transfer, scaled });
      if (!model.ok) return model;
      return { ok: true, files: [{ path: 'keras_model.py', text: model.text }, readme], weightMaps: [], ...common };
    }
    case 'tfjs': {
      const code = tfjsCode(plan);
      if (!code.ok) return code;
      return {
        ok: true,
        files: [{ path: 'model.mjs', text: code.model }, { path: 'train.mjs', text: code.train }, readme],
        weightMaps: [],
        ...common,
      };
    }
  }
}
