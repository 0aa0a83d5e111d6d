import { useState } from 'react';
import type { EvaluationOf } from '../../../app/protocol';
import { ConfusionMatrix } from './ConfusionMatrix';
import { ExampleCard } from './ExampleCard';
import { Card, fixed, percent, Tiles } from './Tiles';

type Result = EvaluationOf<'classification'>;

function PerClassTable({ result }: { readonly result: Result }) {
  return (
    <table className="w-full text-[12.5px] tabular-nums" data-testid="per-class-table">
      <thead className="text-left text-slate-500">
        <tr>
          <th className="py-1 font-medium">Class</th>
          <th className="py-1 text-right font-medium">Precision</th>
          <th className="py-1 text-right font-medium">Recall</th>
          <th className="py-1 text-right font-medium">F1</th>
          <th className="py-1 text-right font-medium">Support</th>
        </tr>
      </thead>
      <tbody>
        {result.perClass.map((s, c) => (
          <tr key={c} className="border-t border-slate-100">
            <td className="py-0.5 font-medium text-slate-700">{result.classNames[c]}</td>
            <td className="py-0.5 text-right">{s.precision.toFixed(3)}</td>
            <td className="py-0.5 text-right">{s.recall.toFixed(3)}</td>
            <td className="py-0.5 text-right">
              <span className="inline-block h-1.5 w-10 rounded-full bg-slate-100 align-middle">
                <span className="block h-1.5 rounded-full bg-indigo-500" style={{ width: `${s.f1 * 100}%` }} />
              </span>{' '}
              {s.f1.toFixed(3)}
            </td>
            <td className="py-0.5 text-right text-slate-500">{s.support}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Accuracy and loss, per-class scores, the confusion matrix with its cells' examples, and the most confident mistakes. */
export function ClassificationView({ result }: { readonly result: Result }) {
  const worst = result.confusion
    .flatMap((row, t) => row.map((n, p) => ({ t, p, n })))
    .filter((c) => c.t !== c.p)
    .sort((a, b) => b.n - a.n)[0];
  const [cell, setCell] = useState<readonly [number, number] | null>(worst && worst.n > 0 ? [worst.t, worst.p] : null);
  const names = result.classNames;
  const examples = cell ? (result.cells[`${cell[0]},${cell[1]}`] ?? []) : [];
  const count = cell ? result.confusion[cell[0]]![cell[1]]! : 0;
  return (
    <div className="space-y-3">
      <Tiles
        tiles={[
          { label: 'Accuracy', value: percent(result.accuracy) },
          { label: 'Loss', value: fixed(result.loss), hint: 'Cross-entropy of the true class' },
          { label: 'Macro F1', value: result.macroF1.toFixed(3), hint: 'F1 averaged over classes, each counting the same' },
          { label: 'Examples', value: result.split.count.toLocaleString() },
        ]}
      />
      <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-3">
        <Card title="Confusion matrix" testId="confusion-card">
          <ConfusionMatrix result={result} selected={cell} onSelect={setCell} />
        </Card>
        <Card
          title={cell ? `True ${names[cell[0]]}, predicted ${names[cell[1]]}` : 'Examples'}
          testId="cell-examples"
          aside={
            cell ? (
              <span className="text-[12px] text-slate-500">
                {count.toLocaleString()} example{count === 1 ? '' : 's'}
                {count > examples.length ? ` · the ${examples.length} most confident shown` : ''}
              </span>
            ) : null
          }
        >
          {cell ? (
            <div className="grid grid-cols-2 gap-2 xl:grid-cols-3">
              {examples.map((e) => (
                <ExampleCard key={e.index} example={e} classNames={names} />
              ))}
            </div>
          ) : (
            <p className="text-[12.5px] text-slate-500">Click a cell of the matrix to see the examples in it.</p>
          )}
        </Card>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-3">
        <Card title="Per class">
          <PerClassTable result={result} />
        </Card>
        <Card title="Most confident mistakes" testId="mistakes-gallery" aside={<span className="text-[12px] text-slate-500">wrong, and sure of it</span>}>
          {result.mistakes.length === 0 ? (
            <p className="text-[12.5px] text-slate-500">No mistakes on this split.</p>
          ) : (
            <div className="grid grid-cols-3 gap-2 xl:grid-cols-4">
              {result.mistakes.map((e) => (
                <ExampleCard key={e.index} example={e} classNames={names} />
              ))}
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
