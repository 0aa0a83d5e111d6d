import { CATEGORY_ENCODINGS, COLUMN_ROLES, COLUMN_TYPES, MISSING_STRATEGIES, type ColumnSettings } from '../../../../app/data/source';
import type { DataPreview } from '../../../../app/protocol/data';
import { useDataDraft } from '../../store/dataDraft';

type CsvPreview = Extract<DataPreview, { kind: 'csv' }>;

const small =
  'h-6 rounded border border-slate-300 bg-white px-1 text-[11.5px] text-slate-800 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20';
const MISSING_LABEL = { drop: 'drop row', mean: 'mean', mostFrequent: 'most frequent' } as const;
const ENCODING_LABEL = { onehot: 'one-hot', embed: 'embedding' } as const;

/** Changes one column of the draft; the preview is inspected again. */
function editColumn(name: string, patch: Partial<ColumnSettings>) {
  const { source } = useDataDraft.getState();
  const columns = source.csv.columns.map((c) => (c.name === name ? { ...c, ...patch } : c));
  useDataDraft.setState({ source: { ...source, csv: { ...source.csv, columns } }, importError: null, message: null });
}

/** One row per column: what it looks like, and its role, type, missing-value strategy and encoding. */
export function ColumnTable({ preview }: { preview: CsvPreview }) {
  const csv = useDataDraft((s) => s.source.csv);
  const label = preview.columns.find((c) => c.role === 'label');
  return (
    <figure className="space-y-1">
      <figcaption className="flex items-baseline text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        <span className="flex-1">Columns</span>
        <span data-testid="data-task" data-task={preview.task ?? 'none'} className="font-normal normal-case text-slate-700">
          {preview.task ? `${preview.task === 'classification' ? 'Classification' : 'Regression'} of “${label?.name ?? '?'}”` : 'Choose a label column'}
        </span>
      </figcaption>
      <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {preview.columns.map((col) => {
          const settings = csv.columns.find((c) => c.name === col.name);
          const role = settings?.role ?? col.role;
          const type = settings?.type ?? col.type;
          return (
            <li
              key={col.name}
              data-testid="column-row"
              data-column={col.name}
              data-type={type}
              data-role={role}
              className={`space-y-1 px-2 py-1.5 ${role === 'ignore' ? 'opacity-60' : ''}`}
            >
              <div className="flex items-center gap-1.5">
                <span className="min-w-0 flex-1 truncate font-mono text-[12px] text-slate-800" title={col.name}>
                  {col.name}
                </span>
                <select
                  aria-label={`Role of ${col.name}`}
                  data-testid={`column-role-${col.name}`}
                  className={small}
                  value={role}
                  onChange={(e) => editColumn(col.name, { role: e.target.value as ColumnSettings['role'] })}
                >
                  {COLUMN_ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
                <select
                  aria-label={`Type of ${col.name}`}
                  data-testid={`column-type-${col.name}`}
                  className={small}
                  value={type}
                  onChange={(e) => editColumn(col.name, { type: e.target.value as ColumnSettings['type'] })}
                >
                  {COLUMN_TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </div>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[11px] text-slate-500">
                <span title="Detected from the values">looks like {col.detected}</span>
                <span>
                  {col.distinct.toLocaleString()}
                  {col.manyDistinct ? '+' : ''} distinct
                </span>
                <span className={col.missing > 0 ? 'font-medium text-amber-700' : ''}>{col.missing.toLocaleString()} missing</span>
                {col.missing > 0 && role !== 'ignore' && (
                  <select
                    aria-label={`Missing values of ${col.name}`}
                    data-testid={`column-missing-${col.name}`}
                    className={small}
                    value={settings?.missing ?? csv.missing}
                    onChange={(e) => editColumn(col.name, { missing: e.target.value as ColumnSettings['missing'] & string })}
                  >
                    {MISSING_STRATEGIES.map((m) => (
                      <option key={m} value={m}>
                        {MISSING_LABEL[m]}
                      </option>
                    ))}
                  </select>
                )}
                {type === 'category' && role === 'feature' && (
                  <select
                    aria-label={`Encoding of ${col.name}`}
                    data-testid={`column-encoding-${col.name}`}
                    className={small}
                    value={settings?.encoding ?? csv.encoding}
                    onChange={(e) => editColumn(col.name, { encoding: e.target.value as 'onehot' | 'embed' })}
                  >
                    {CATEGORY_ENCODINGS.map((m) => (
                      <option key={m} value={m}>
                        {ENCODING_LABEL[m]}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
