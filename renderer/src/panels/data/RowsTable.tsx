/** The first rows of a table as the file has them, with their line numbers. */
export function RowsTable({
  header,
  rows,
  lines,
  note,
}: {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  lines?: readonly number[];
  note?: string;
}) {
  const shown = rows.slice(0, 8);
  return (
    <figure className="space-y-1">
      <figcaption className="flex text-[11px] font-medium tracking-wide text-slate-500 uppercase">
        <span className="flex-1">First rows</span>
        {note && <span className="font-normal normal-case">{note}</span>}
      </figcaption>
      <div className="max-h-48 overflow-auto rounded-md ring-1 ring-slate-200">
        <table data-testid="data-rows" className="w-full font-mono text-[11px] text-slate-700">
          <thead className="sticky top-0 bg-slate-50 text-slate-500">
            <tr>
              {lines && <th className="px-1.5 py-0.5 text-right font-normal">line</th>}
              {header.map((h, i) => (
                <th key={i} className="px-1.5 py-0.5 text-left font-medium whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r} data-testid="data-row" className="border-t border-slate-100">
                {lines && <td className="px-1.5 py-0.5 text-right text-slate-400">{lines[r]}</td>}
                {row.map((v, i) => (
                  <td key={i} className="max-w-[8rem] truncate px-1.5 py-0.5 whitespace-nowrap" title={v}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
