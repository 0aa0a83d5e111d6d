import type { EvaluationOf } from '../../../app/protocol';

type Result = EvaluationOf<'classification'>;

export interface ConfusionMatrixProps {
  readonly result: Result;
  readonly selected: readonly [number, number] | null;
  readonly onSelect: (cell: readonly [number, number]) => void;
}

/** Shade by share of the true class's row, so a rare class's errors show as plainly as a common one's. */
function cellStyle(share: number, diagonal: boolean): { background: string; color: string } {
  const a = Math.min(1, share);
  if (diagonal) return { background: `rgba(5,150,105,${0.08 + a * 0.82})`, color: a > 0.5 ? 'white' : '#065f46' };
  return { background: share === 0 ? '#ffffff' : `rgba(225,29,72,${0.1 + Math.min(1, a * 4) * 0.75})`, color: a * 4 > 0.55 ? 'white' : '#881337' };
}

/** Rows are true classes, columns predictions; a cell is a button that shows the examples in it. */
export function ConfusionMatrix({ result, selected, onSelect }: ConfusionMatrixProps) {
  const { confusion, classNames } = result;
  const n = classNames.length;
  const cell = n <= 10 ? 44 : n <= 20 ? 28 : 18;
  return (
    <div className="inline-flex flex-col items-start" data-testid="confusion-matrix">
      <div className="flex">
        <div className="flex items-center" style={{ width: 22 }}>
          <span className="-rotate-90 text-[12px] font-medium whitespace-nowrap text-slate-700" style={{ transformOrigin: 'center', marginLeft: -24 }}>
            True class
          </span>
        </div>
        <div>
          <div className="mb-1 pl-[72px] text-center text-[12px] font-medium text-slate-700" style={{ width: 72 + n * cell }}>
            Predicted class
          </div>
          <table className="border-collapse text-[12px] tabular-nums">
            <thead>
              <tr>
                <th />
                {classNames.map((c) => (
                  <th key={c} className="truncate pb-1 font-medium text-slate-600" style={{ width: cell, maxWidth: cell }} title={c}>
                    {n <= 20 ? c : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {confusion.map((row, t) => {
                const total = row.reduce((a, v) => a + v, 0) || 1;
                return (
                  <tr key={t}>
                    <th className="max-w-[72px] truncate pr-2 text-right font-medium text-slate-600" style={{ width: 72 }} title={classNames[t]}>
                      {classNames[t]}
                    </th>
                    {row.map((count, p) => {
                      const isSel = selected?.[0] === t && selected[1] === p;
                      return (
                        <td key={p} className="p-0">
                          <button
                            type="button"
                            data-testid="confusion-cell"
                            data-truth={t}
                            data-predicted={p}
                            data-count={count}
                            disabled={count === 0}
                            onClick={() => onSelect([t, p])}
                            title={`${count} examples of ${classNames[t]} predicted as ${classNames[p]} (${((count / total) * 100).toFixed(1)}% of ${classNames[t]})`}
                            className={`block border border-white text-center transition-shadow enabled:cursor-pointer enabled:hover:ring-2 enabled:hover:ring-indigo-400 ${isSel ? 'ring-2 ring-indigo-600' : ''}`}
                            style={{ width: cell, height: cell, ...cellStyle(count / total, t === p), fontSize: cell < 30 ? 9 : 12 }}
                          >
                            {count > 0 && cell >= 28 ? count : ''}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
      <div className="mt-2 flex items-center gap-3 pl-[94px] text-[11.5px] text-slate-500">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-8 rounded-sm" style={{ background: 'linear-gradient(90deg, rgba(5,150,105,0.1), rgba(5,150,105,0.9))' }} /> right
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-8 rounded-sm" style={{ background: 'linear-gradient(90deg, rgba(225,29,72,0.1), rgba(225,29,72,0.85))' }} /> wrong
        </span>
        <span>shade = share of the true class · click a cell for its examples</span>
      </div>
    </div>
  );
}
