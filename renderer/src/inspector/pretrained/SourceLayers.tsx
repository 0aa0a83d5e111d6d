import { formatCount } from '../../../../app/analysis/summary';
import { formatShape } from '../../../../app/layers/types';
import { frozenCount } from '../../../../app/transfer/freeze';
import { keptLayers } from '../../../../app/transfer/summary';
import { trainableLayers } from '../../../../app/transfer/freeze';
import type { PretrainedParams } from '../../../../app/transfer/plan';
import { useProjectStore } from '../../store/project';

/**
 * The source's layers with their output shapes and weights: choose where to cut (the last layer kept) and, in
 * "frozen up to" mode, the last frozen one. Kept layers show whether they train, so the choice is visible.
 */
export function SourceLayers({ nodeId, p }: { readonly nodeId: string; readonly p: PretrainedParams }) {
  const run = useProjectStore((s) => s.run);
  const summary = p.summary;
  if (!summary) return <p className="text-[12px] text-slate-500">Choose a source model to list its layers.</p>;
  const cut = p.cutAt === '' ? summary.layers[summary.layers.length - 1]!.name : p.cutAt;
  const kept = keptLayers(summary, cut) ?? [];
  const keptNames = new Set(kept.map((l) => l.name));
  const trainable = trainableLayers(kept, p) ?? new Set<string>();
  const total = kept.reduce((s, l) => s + l.params, 0);
  const frozen = frozenCount(kept, trainable);
  const pickFrozen = p.trainMode === 'frozenUpTo';

  return (
    <div className="space-y-1.5">
      <p className="text-[12px] text-slate-600" data-testid="pretrained-counts">
        Keeps {kept.length} of {summary.layers.length} layers, {formatCount(total)} weights: <b className="text-sky-700">{formatCount(frozen)} frozen</b>,{' '}
        <b className="text-indigo-700">{formatCount(total - frozen)} trainable</b>
        {total - frozen > 0 ? ` at ${p.lrMultiplier}× the learning rate` : ''}.
      </p>
      <div className="max-h-72 overflow-auto rounded-md ring-1 ring-slate-200">
        <table className="w-full text-left text-[12px]" data-testid="source-layers">
          <thead className="sticky top-0 bg-slate-100 text-[11px] text-slate-500 uppercase">
            <tr>
              <th className="px-1.5 py-1" title="The last layer kept: the node outputs what this layer outputs">
                Cut
              </th>
              {pickFrozen && (
                <th className="px-1.5 py-1" title="Layers up to and including this one stay frozen">
                  Frozen to
                </th>
              )}
              <th className="px-1.5 py-1">Layer</th>
              <th className="px-1.5 py-1">Output · weights</th>
            </tr>
          </thead>
          <tbody>
            {summary.layers.map((l) => {
              const isKept = keptNames.has(l.name);
              const state = !isKept ? 'dropped' : trainable.has(l.name) && l.params > 0 ? 'trains' : l.params > 0 ? 'frozen' : '';
              return (
                <tr key={l.name} data-testid={`source-layer-${l.name}`} className={isKept ? 'odd:bg-white even:bg-slate-50' : 'bg-white text-slate-400'}>
                  <td className="px-1.5 py-0.5">
                    <input
                      type="radio"
                      name={`cut-${nodeId}`}
                      aria-label={`Cut at ${l.name}`}
                      checked={l.name === cut}
                      onChange={() => run({ type: 'setParams', nodeId, params: { cutAt: l.name, frozenUpTo: '' }, label: `Cut at ${l.name}` })}
                    />
                  </td>
                  {pickFrozen && (
                    <td className="px-1.5 py-0.5">
                      {isKept && (
                        <input
                          type="radio"
                          name={`frozen-${nodeId}`}
                          aria-label={`Freeze up to ${l.name}`}
                          checked={l.name === p.frozenUpTo}
                          onChange={() => run({ type: 'setParam', nodeId, key: 'frozenUpTo', value: l.name })}
                        />
                      )}
                    </td>
                  )}
                  <td className="px-1.5 py-0.5">
                    <span className="font-mono">{l.name}</span> <span className="text-slate-400">{l.className}</span>
                    {state === 'frozen' && <span className="ml-1 rounded bg-sky-100 px-1 text-[10px] text-sky-700">frozen</span>}
                    {state === 'trains' && <span className="ml-1 rounded bg-indigo-100 px-1 text-[10px] text-indigo-700">trains</span>}
                  </td>
                  <td className="px-1.5 py-0.5 font-mono whitespace-nowrap">
                    {formatShape(l.outputShape)}
                    {l.params > 0 && <span className="block text-[11px] text-slate-500">{formatCount(l.params)} weights</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
