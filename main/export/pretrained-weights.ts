import { basename, dirname } from 'node:path';
import type { ProjectDoc } from '../../app/document/schema';
import type { NamedTensor } from '../../app/export/weights';
import type { PreprocessLayer, PretrainedLayer } from '../../app/transfer/expand';
import type { LayersModelJson } from '../../app/transfer/model-json';
import { documentSources } from '../../app/transfer/plan';
import { preprocessWeights } from '../../app/transfer/preprocess';
import { sourceKey } from '../../app/transfer/sources';
import { ZOO } from '../../app/transfer/zoo';
import { downloadCache } from '../engine/datasets/cache';
import { locateSource } from '../transfer/locate';
import { readModelJson } from '../transfer/read-model';
import { zooCacheDir, zooCached } from '../transfer/zoo';
import { UserError } from '../user-error';
import { readCheckpointTensors } from './checkpoint-tensors';

/** A pretrained source as an export reads it: its checked model.json and where it lies. */
export interface ExportSource {
  readonly json: LayersModelJson;
  readonly path: string;
}

/** Every source the document's Pretrained model nodes name, by `sourceKey`. A zoo model is never downloaded here. */
export async function readExportSources(doc: ProjectDoc, runsDir?: string): Promise<Map<string, ExportSource>> {
  const out = new Map<string, ExportSource>();
  const zooDir = zooCacheDir(downloadCache().dir);
  for (const { source, node } of documentSources(doc)) {
    if (source.kind === 'zoo' && !(await zooCached(source.model, zooDir)))
      throw new UserError(`${node.name}: ${ZOO[source.model].label} must be downloaded before it can be exported (press Download in the inspector).`);
    const path = await locateSource(source, { zooDir, ...(runsDir ? { runsDir } : {}) });
    out.set(sourceKey(source), { json: await readModelJson(path), path });
  }
  return out;
}

const renamed = (t: NamedTensor, from: string, to: string): NamedTensor => ({ ...t, name: `${to}${t.name.slice(from.length)}` });

/**
 * The starting weights of the written-out pretrained layers, named as the expanded graph names them: a run's
 * tensors where a run is exported (every layer), otherwise the sources' own for the kept layers and the fixed
 * preprocessing convolutions (the rest of the graph keeps its initialisers).
 */
export async function pretrainedTensors(
  pretrained: readonly PretrainedLayer[],
  preprocess: readonly PreprocessLayer[],
  sources: ReadonlyMap<string, ExportSource>,
  runTensors?: readonly NamedTensor[],
): Promise<NamedTensor[]> {
  if (runTensors) {
    // The run trained the node as a nested model whose layers keep their source names.
    return runTensors.map((t) => {
      const layer = pretrained.find((l) => t.name.startsWith(`${l.sourceLayer}/`) && l.name !== l.sourceLayer);
      return layer ? renamed(t, layer.sourceLayer, layer.name) : t;
    });
  }
  const out: NamedTensor[] = [];
  for (const [key, source] of sources) {
    const layers = pretrained.filter((l) => l.source === key);
    const { tensors } = await readCheckpointTensors(dirname(source.path), basename(source.path));
    // Two nodes may cut the same source: each of its written-out layers gets its own copy.
    for (const t of tensors) for (const l of layers) if (t.name.startsWith(`${l.sourceLayer}/`)) out.push(renamed(t, l.sourceLayer, l.name));
  }
  for (const p of preprocess) {
    const { kernel, bias } = preprocessWeights(p.preprocess);
    out.push({ name: `${p.name}/kernel`, shape: [1, 1, 3, 3], data: Float32Array.from(kernel) });
    out.push({ name: `${p.name}/bias`, shape: [3], data: Float32Array.from(bias) });
  }
  return out;
}
