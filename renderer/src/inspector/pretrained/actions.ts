import type { PretrainedSourcesReply } from '../../../../app/protocol/pretrained';
import type { PretrainedSource } from '../../../../app/transfer/sources';
import type { SourceSummary } from '../../../../app/transfer/summary';
import { ZOO } from '../../../../app/transfer/zoo';
import { transport } from '../../transport';

export const listSources = (): Promise<PretrainedSourcesReply> => transport().request('pretrained.sources', {});

export async function readSource(source: PretrainedSource, projectId: string | undefined): Promise<SourceSummary> {
  const { summary } = await transport().request('pretrained.inspect', { source, ...(projectId ? { projectId } : {}) });
  return summary;
}

/**
 * Where a new source is cut by default: a zoo model before its ImageNet classifier; another model before its
 * last layer with weights (its old task's head), so the node starts as a feature extractor.
 */
export function defaultCut(source: PretrainedSource, summary: SourceSummary): string {
  if (source.kind === 'zoo') {
    const feature = ZOO[source.model].featureLayer;
    if (summary.layers.some((l) => l.name === feature)) return feature;
  }
  const layers = summary.layers;
  const head = layers.map((l) => l.params > 0).lastIndexOf(true);
  return head > 0 ? layers[head - 1]!.name : layers[layers.length - 1]!.name;
}

/** The params a newly read source sets, as one undoable edit. */
export function paramsForSource(source: PretrainedSource, summary: SourceSummary): Record<string, unknown> {
  return {
    source,
    summary,
    cutAt: defaultCut(source, summary),
    frozenUpTo: '',
    preprocess: source.kind === 'zoo' ? ZOO[source.model].preprocess : 'none',
  };
}
