import type { NodeDoc } from '../../../../app/document/schema';
import { pretrainedParams } from '../../../../app/transfer/plan';
import { SourceLayers } from './SourceLayers';
import { SourcePicker } from './SourcePicker';

/** The PretrainedModel node's own editor: its source, and that source's layers to cut and freeze. */
export function PretrainedEditor({ node }: { readonly node: NodeDoc }) {
  const parsed = pretrainedParams.safeParse(node.params);
  if (!parsed.success) return <p className="text-[13px] text-red-700">This node’s settings cannot be read: {parsed.error.issues[0]?.message}</p>;
  return (
    <div className="space-y-3">
      <SourcePicker key={JSON.stringify(parsed.data.source)} nodeId={node.id} source={parsed.data.source} />
      <SourceLayers nodeId={node.id} p={parsed.data} />
    </div>
  );
}
