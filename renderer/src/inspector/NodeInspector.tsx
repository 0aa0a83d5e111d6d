import { useCallback } from 'react';
import { formatCount } from '../../../app/analysis/summary';
import type { NodeDoc } from '../../../app/document/schema';
import { fieldsOf } from '../../../app/layers/fields';
import { getLayer } from '../../../app/layers/registry';
import { formatShape } from '../../../app/layers/types';
import { useAdvice, useAnalysis } from '../store/analysis';
import { nameProblem } from '../store/naming';
import { useProjectStore } from '../store/project';
import { categoryStyle, displayType } from '../ui/category';
import { FieldRow } from '../ui/FieldRow';
import { ValidatedInput, type Parsed } from '../ui/ValidatedInput';
import { ExplainCard } from './ExplainCard';
import { IssueList } from './IssueList';
import { NodeTraining } from './NodeTraining';
import { ParamField } from './ParamField';
import { PretrainedEditor } from './pretrained/PretrainedEditor';

const identity = (s: string) => s;

/** Everything about one layer: its name, shape, problems, generated params form and explanation. */
export function NodeInspector({ node }: { readonly node: NodeDoc }) {
  const def = getLayer(node.type);
  const info = useAnalysis().nodes.get(node.id);
  const advice = useAdvice();
  const run = useProjectStore((s) => s.run);
  const onParam = useCallback((key: string, value: unknown) => run({ type: 'setParam', nodeId: node.id, key, value }), [run, node.id]);
  const parseName = useCallback(
    (text: string): Parsed<string> => {
      const name = text.trim();
      const problem = nameProblem(useProjectStore.getState().doc.graph, node.id, name);
      return problem ? { ok: false, error: problem } : { ok: true, value: name };
    },
    [node.id],
  );
  const rename = useCallback((name: string) => run({ type: 'renameNode', nodeId: node.id, name }), [run, node.id]);

  if (!def) return <p className="text-[13px] text-red-700">Unknown layer type “{node.type}”.</p>;
  const style = categoryStyle(def.category);
  const fields = fieldsOf(def.params);

  return (
    <div className="space-y-4">
      <div className="space-y-3">
        <div className="flex items-center gap-2">
          <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold ring-1 ${style.chip}`}>{displayType(def.type)}</span>
          <span className="text-[12px] text-slate-500">{def.category}</span>
        </div>
        <FieldRow label="Name" htmlFor="node-name">
          <ValidatedInput
            id="node-name"
            testId="node-name-input"
            value={node.name}
            format={identity}
            parse={parseName}
            onCommit={rename}
            spellCheck={false}
            autoComplete="off"
          />
        </FieldRow>
        <dl className="grid grid-cols-2 gap-2">
          <div className="rounded-md bg-slate-50 px-2.5 py-1.5 ring-1 ring-slate-200">
            <dt className="text-[11px] text-slate-500">Output shape</dt>
            <dd className="font-mono text-[13px] text-slate-800">{info?.shape ? formatShape(info.shape) : '?'}</dd>
          </div>
          <div className="rounded-md bg-slate-50 px-2.5 py-1.5 ring-1 ring-slate-200">
            <dt className="text-[11px] text-slate-500">Parameters</dt>
            <dd className="font-mono text-[13px] text-slate-800">{formatCount(info?.params ?? 0)}</dd>
          </div>
        </dl>
        <IssueList issues={[...(info?.issues ?? []), ...advice.filter((a) => a.nodeId === node.id)]} />
        <NodeTraining nodes={[node]} />
      </div>
      {node.type === 'PretrainedModel' && <PretrainedEditor node={node} />}
      <div className="space-y-3">
        {fields.length === 0 ? (
          <p className="text-[13px] text-slate-500">This layer has no settings.</p>
        ) : (
          fields.map((f) => <ParamField key={f.key} def={def} nodeId={node.id} field={f} params={node.params} onCommit={onParam} />)
        )}
      </div>
      <ExplainCard def={def} />
    </div>
  );
}
