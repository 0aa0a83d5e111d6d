import { useState } from 'react';
import type { ColumnSettings } from '../../../app/data/source';

/**
 * One field per feature column of the table the model trained on, by the column's name: numbers typed as
 * they appear in the file, categories picked from those the import recorded. The engine standardises and
 * one-hot encodes the row exactly as training did; an empty field is a gap, filled as training filled gaps.
 */
export function RowForm({ columns, onAsk }: { readonly columns: readonly ColumnSettings[]; readonly onAsk: (cells: Record<string, string>) => void }) {
  const features = columns.filter((c) => c.role === 'feature' && (c.type === 'number' || c.type === 'category'));
  const [cells, setCells] = useState<Record<string, string>>({});
  if (features.length === 0) return <p className="text-[13px] text-slate-500">This table has no number or category columns to fill in.</p>;
  const set = (name: string, value: string) => setCells((c) => ({ ...c, [name]: value }));
  return (
    <form
      className="w-[380px] space-y-2"
      data-testid="playground-row"
      onSubmit={(e) => {
        e.preventDefault();
        onAsk(cells);
      }}
    >
      <div className="grid max-h-[360px] grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1.5 overflow-y-auto pr-1">
        {features.map((c) => (
          <label key={c.name} className="contents text-[13px]">
            <span className="truncate text-slate-600" title={c.name}>
              {c.name}
            </span>
            {c.type === 'category' ? (
              <select
                className="rounded-md border border-slate-300 bg-white px-2 py-1 text-[13px]"
                value={cells[c.name] ?? ''}
                onChange={(e) => set(c.name, e.target.value)}
                data-testid={`playground-cell-${c.name}`}
              >
                <option value="">(gap: the most frequent)</option>
                {(c.categories ?? []).map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            ) : (
              <input
                inputMode="decimal"
                className="rounded-md border border-slate-300 px-2 py-1 text-[13px] tabular-nums"
                placeholder="(gap: filled as in training)"
                value={cells[c.name] ?? ''}
                onChange={(e) => set(c.name, e.target.value)}
                data-testid={`playground-cell-${c.name}`}
              />
            )}
          </label>
        ))}
      </div>
      <p className="text-[12px] text-slate-500">Values as they are in the file: the model gets them scaled and encoded the way training did.</p>
      <button type="submit" data-testid="playground-send" className="rounded-md bg-indigo-600 px-3 py-1 text-[13px] font-medium text-white">
        Ask the model
      </button>
    </form>
  );
}
