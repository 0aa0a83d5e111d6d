import { editSource, useDataDraft } from '../../store/dataDraft';
import { NumberInput } from '../../ui/NumberInput';
import { selectClass } from '../../ui/styles';

const toggle = (list: readonly string[], name: string, on: boolean) => (on ? [...list.filter((c) => c !== name), name] : list.filter((c) => c !== name));

/** Which column orders the rows, which columns the model sees, which it predicts, and the window stride. */
export function SeriesOptions({ columns }: { readonly columns: readonly string[] }) {
  const source = useDataDraft((s) => s.source);
  const o = source.series;
  const set = (patch: Partial<typeof o>) => editSource({ ...source, series: { ...o, ...patch } });
  const candidates = columns.filter((c) => c !== o.dateColumn);
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-2.5" data-testid="series-options">
      <label className="block text-[12px] font-medium text-slate-700">
        Date / time column
        <select data-testid="series-date-select" className={`${selectClass} mt-1`} value={o.dateColumn} onChange={(e) => set({ dateColumn: e.target.value })}>
          <option value="">None: rows are already in time order</option>
          {columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <table className="w-full text-[12px]">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="font-medium">Column</th>
            <th className="font-medium" title="The model sees these at each step (none ticked: every numeric column)">
              Input
            </th>
            <th className="font-medium" title="The model predicts these, horizon steps after the window (none ticked: the first input)">
              Target
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c} data-testid="series-column" data-column={c}>
              <td className="py-0.5 font-mono text-slate-800">{c}</td>
              <td>
                <input
                  type="checkbox"
                  data-testid={`series-value-${c}`}
                  checked={o.valueColumns.includes(c)}
                  onChange={(e) => set({ valueColumns: toggle(o.valueColumns, c, e.target.checked) })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  data-testid={`series-target-${c}`}
                  checked={o.targets.includes(c)}
                  onChange={(e) => set({ targets: toggle(o.targets, c, e.target.checked) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="block text-[12px] font-medium text-slate-700">
        Stride (steps between windows)
        <NumberInput
          id="series-stride"
          testId="series-stride-input"
          value={o.stride}
          integer
          min={1}
          max={1000}
          step={1}
          onCommit={(stride) => set({ stride })}
        />
      </label>
      <p className="text-[11.5px] leading-snug text-slate-500">
        Window and horizon are set above. Validation is the most recent part of the series, never shuffled.
      </p>
    </div>
  );
}
