import type { EvaluationOf } from '../../../app/protocol';
import { HistogramPlot } from './Plot';
import { Card, fixed, percent, Tiles } from './Tiles';

/** Inputs beside their reconstructions, best to worst, and how the per-example error is spread. */
export function ReconstructionView({ result }: { readonly result: EvaluationOf<'reconstruction'> }) {
  return (
    <div className="space-y-3">
      <Tiles
        tiles={[
          { label: 'MSE', value: fixed(result.mse), hint: 'Mean squared error per pixel' },
          { label: 'MAE', value: fixed(result.mae) },
          { label: 'Examples', value: result.split.count.toLocaleString() },
        ]}
      />
      <div className="flex flex-wrap gap-3">
        <Card title="Inputs and reconstructions, best to worst" testId="reconstruction-pairs">
          <div className="grid grid-cols-4 gap-3">
            {result.pairs.map((p) => (
              <figure key={p.index} className="text-center text-[11.5px] text-slate-500">
                <div className="flex gap-1">
                  <img src={p.input} alt="input" width={64} height={64} style={{ imageRendering: 'pixelated' }} />
                  <img src={p.output} alt="reconstruction" width={64} height={64} style={{ imageRendering: 'pixelated' }} />
                </div>
                <figcaption className="tabular-nums">error {p.error.toFixed(4)}</figcaption>
              </figure>
            ))}
          </div>
          <p className="mt-2 text-[12px] text-slate-500">Left: the input. Right: what the model made of it.</p>
        </Card>
        <Card title="Error per example">
          <HistogramPlot
            hist={result.errors}
            width={420}
            height={300}
            xLabel="mean squared error of one example"
            color="#db2777"
            testId="reconstruction-errors"
          />
        </Card>
      </div>
    </div>
  );
}

export function SequenceView({ result }: { readonly result: EvaluationOf<'sequence'> }) {
  return (
    <div className="space-y-3">
      <Tiles
        tiles={[
          { label: 'Exact match', value: percent(result.exactMatch), hint: 'Whole output sequence right, decoding from its own guesses' },
          { label: 'Token accuracy', value: percent(result.tokenAccuracy) },
          { label: 'Decoded', value: result.split.count.toLocaleString() },
        ]}
      />
      <Card title="Input, target and decoded output">
        <table className="w-full font-mono text-[13px]">
          <thead className="text-left font-sans text-[12px] text-slate-500">
            <tr>
              <th className="py-1 font-medium">Input</th>
              <th className="py-1 font-medium">Target</th>
              <th className="py-1 font-medium">Decoded</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className="py-0.5">{r.input}</td>
                <td className="py-0.5">{r.target}</td>
                <td className={`py-0.5 ${r.exact ? 'text-emerald-700' : 'text-red-700'}`}>{r.decoded}</td>
                <td className="py-0.5">{r.exact ? '✓' : '✗'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

export function GanView({ result }: { readonly result: EvaluationOf<'gan'> }) {
  return (
    <div className="flex flex-wrap gap-3">
      <Card title="64 samples from random latent points" testId="gan-grid">
        <img src={result.grid} alt="generated samples" width={8 * 29 * 1.6} style={{ imageRendering: 'pixelated' }} />
      </Card>
      <Card title="Walking a straight line between two latent points" testId="gan-interpolation">
        <img src={result.interpolation} alt="latent interpolation" width={10 * 29 * 1.6} style={{ imageRendering: 'pixelated' }} />
        <p className="mt-2 max-w-[460px] text-[12px] text-slate-500">
          Each row goes from one random point of the {result.latentSize}-number latent space to another. A generator that learned a smooth space morphs one
          digit into another; a collapsed one draws the same image all along.
        </p>
      </Card>
    </div>
  );
}
