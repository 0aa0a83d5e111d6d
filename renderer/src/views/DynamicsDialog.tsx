import { useState } from 'react';
import { HistogramPlot } from '../eval/Plot';
import { Card } from '../eval/Tiles';
import { GradientNormChart, layerColor } from './GradientNormChart';
import { useViews, type DynamicsView } from './store';

const sci = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-2 || Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(3));

/** A ratio as a person says it: 3,300×, 12×, 1.8×. */
const times = (r: number) => `${r >= 10 ? Number(r.toPrecision(2)).toLocaleString('en-US') : r.toFixed(1)}×`;

export interface DynamicsDialogProps {
  /** One entry per recorded epoch, in order: the live run's from the view store, a past run's from its record. */
  readonly dynamics: readonly DynamicsView[];
  /** Whose dynamics these are, under the title: the live run's need no name. */
  readonly runName?: string;
  /** Said instead of the charts when `dynamics` is empty. */
  readonly empty?: string;
  readonly onClose: () => void;
}

/** Training dynamics of a run: gradient norms per layer per epoch, the chosen layer's histograms, activation statistics. */
export function DynamicsDialog({ dynamics, runName, empty, onClose }: DynamicsDialogProps) {
  const latest = dynamics.at(-1);
  const [chosen, setChosen] = useState<string | null>(null);
  const layer = latest?.layers.find((l) => l.name === chosen) ?? latest?.layers[0];
  const first = latest?.layers[0];
  const last = latest?.layers.at(-1);
  const ratio = first && last && last.gradNorm > 0 ? first.gradNorm / last.gradNorm : null;
  return (
    <div
      className="fixed inset-0 z-50 flex justify-center bg-slate-900/40 p-6"
      role="dialog"
      aria-modal="true"
      aria-label="Inside the network"
      data-testid="dynamics-dialog"
    >
      <div className="flex w-full max-w-[1400px] flex-col overflow-hidden rounded-xl bg-slate-50 shadow-2xl">
        <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-5 py-3">
          <div className="flex-1">
            <h2 className="text-[16px] font-semibold text-slate-900">Inside the network · training dynamics{runName ? ` · ${runName}` : ''}</h2>
            <p className="text-[12.5px] text-slate-500">
              Measured after each epoch (every few when epochs are very short, so training is not slowed) on the same 64 examples: how much gradient reaches
              each layer, its weights, and what it outputs.
            </p>
          </div>
          <button
            type="button"
            data-testid="dynamics-close"
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-[13px] font-medium text-slate-700 hover:bg-slate-50"
            onClick={onClose}
          >
            Close
          </button>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">
          {!latest ? (
            <p className="mt-10 text-center text-[14px] text-slate-500" data-testid="dynamics-empty">
              {empty ?? "Train a model: after its first epoch, each layer's gradient norm, weights and activations appear here."}
            </p>
          ) : (
            <div className="space-y-3">
              <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-3">
                <Card title="Gradient norm of each layer, per epoch">
                  <GradientNormChart dynamics={dynamics} />
                  {ratio !== null && (
                    <p className="mt-2 max-w-[620px] text-[12.5px] text-slate-600" data-testid="gradient-ratio">
                      The first layer ({first!.name}) gets <b>{ratio < 1 ? `${times(1 / ratio)} less` : `${times(ratio)} more`}</b> gradient than the last (
                      {last!.name}).
                      {ratio < 0.01 ? ' That is the vanishing gradient: the early layers barely learn.' : ''}
                    </p>
                  )}
                </Card>
                <Card title={`Layers after epoch ${latest.epoch}`}>
                  <table className="w-full text-[12.5px] tabular-nums" data-testid="layer-stats">
                    <thead className="text-left text-slate-500">
                      <tr>
                        <th className="py-1 font-medium">Layer</th>
                        <th className="py-1 text-right font-medium">‖gradient‖</th>
                        <th className="py-1 text-right font-medium">‖weights‖</th>
                        <th className="py-1 text-right font-medium">act. mean</th>
                        <th className="py-1 text-right font-medium">act. std</th>
                        <th className="py-1 text-right font-medium">dead ReLU</th>
                      </tr>
                    </thead>
                    <tbody>
                      {latest.layers.map((l, i) => (
                        <tr
                          key={l.name}
                          className={`cursor-pointer border-t border-slate-100 hover:bg-indigo-50 ${l.name === layer?.name ? 'bg-indigo-50' : ''}`}
                          onClick={() => setChosen(l.name)}
                          data-testid="layer-row"
                        >
                          <td className="py-1 font-medium text-slate-700">
                            <span className="mr-1.5 inline-block size-2 rounded-full" style={{ background: layerColor(i, latest.layers.length) }} />
                            {l.name}
                          </td>
                          <td className="py-1 text-right">{sci(l.gradNorm)}</td>
                          <td className="py-1 text-right">{sci(l.weightNorm)}</td>
                          <td className="py-1 text-right">{l.activation ? sci(l.activation.mean) : '–'}</td>
                          <td className="py-1 text-right">{l.activation ? sci(l.activation.std) : '–'}</td>
                          <td className="py-1 text-right">{l.activation?.dead != null ? `${(l.activation.dead * 100).toFixed(0)}%` : '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="mt-2 text-[12px] text-slate-500">Click a layer for its histograms.</p>
                </Card>
              </div>
              {layer && (
                <div className="flex flex-wrap gap-3">
                  <Card title={`${layer.name}: kernel weights, epoch ${latest.epoch}`}>
                    <HistogramPlot hist={layer.weights} width={440} height={240} xLabel="weight value" color="#4f46e5" testId="weight-histogram" />
                  </Card>
                  <Card title={`${layer.name}: kernel gradients, epoch ${latest.epoch}`}>
                    <HistogramPlot hist={layer.grads} width={440} height={240} xLabel="gradient value" color="#db2777" testId="gradient-histogram" />
                  </Card>
                </div>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** The dock's way in: opens the dynamics of the run in progress or just finished. */
export function InsideButton() {
  const [open, setOpen] = useState(false);
  const dynamics = useViews((s) => s.dynamics);
  const epochs = dynamics.length;
  return (
    <>
      <button
        type="button"
        data-testid="inside-button"
        className="h-7 shrink-0 rounded-md border border-slate-300 bg-white px-2.5 text-[13px] font-medium text-slate-700 shadow-xs hover:bg-slate-50"
        onClick={() => setOpen(true)}
        title="Gradient norms, weight histograms and activation statistics of each layer"
      >
        Inside the network{epochs > 0 ? ` · ${epochs}` : ''}
      </button>
      {open && <DynamicsDialog dynamics={dynamics} onClose={() => setOpen(false)} />}
    </>
  );
}
