import { useEffect, useMemo, useState } from 'react';
import type { RunDetail, RunSummary } from '../../../app/protocol';
import { errorText } from '../actions/notify';
import { Legend, Plot } from '../eval/Plot';
import { Card } from '../eval/Tiles';
import { transport } from '../transport';
import { LogLines, type Series } from './GradientNormChart';

/** The metric choice that overlays recorded gradient norms instead of an epoch log: the vanishing-gradient lesson in one picture. */
const GRADIENTS = 'gradient norm: first and last layer';

/** Each run's first layer (solid) and last layer (dashed) gradient norm per epoch, from its recorded dynamics. */
function gradientSeries(detail: RunDetail, label: string, color: string): Series[] {
  const layers = detail.dynamics[0]?.layers ?? [];
  const first = layers[0]?.name;
  const last = layers.at(-1)?.name;
  if (!first || !last) return [];
  const norms = (name: string) => detail.dynamics.flatMap((d) => d.layers.filter((l) => l.name === name).map((l) => ({ x: d.epoch, y: l.gradNorm })));
  return [
    { label: `${label} · ${first} (first)`, color, points: norms(first) },
    ...(last !== first ? [{ label: `${label} · ${last} (last)`, color, dashed: true, points: norms(last) }] : []),
  ];
}

interface ProjectRuns {
  readonly projectId: string;
  readonly name: string;
  readonly runs: readonly RunSummary[];
}

const COLORS = ['#4f46e5', '#e11d48', '#059669', '#d97706', '#0891b2', '#7c3aed', '#65a30d', '#db2777'];
const key = (projectId: string, runId: string) => `${projectId}/${runId}`;

function extent(values: readonly number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = (hi - lo || 1) * 0.05;
  return [lo - pad, hi + pad];
}

/** Runs of any projects in the data folder, ticked onto one chart of one metric per epoch. */
export function CompareDialog({ onClose }: { readonly onClose: () => void }) {
  const [projects, setProjects] = useState<readonly ProjectRuns[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<readonly { projectId: string; runId: string; label: string }[]>([]);
  const [details, setDetails] = useState<Readonly<Record<string, RunDetail>>>({});
  const [metric, setMetric] = useState('loss');

  useEffect(() => {
    transport()
      .request('runs.all', {})
      .then((r) => setProjects(r.projects))
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const toggle = (p: ProjectRuns, run: RunSummary, on: boolean) => {
    const k = key(p.projectId, run.id);
    setPicked((now) =>
      on
        ? [...now.filter((x) => key(x.projectId, x.runId) !== k), { projectId: p.projectId, runId: run.id, label: `${p.name} · ${run.name}` }]
        : now.filter((x) => key(x.projectId, x.runId) !== k),
    );
    if (on && !(k in details)) {
      transport()
        .request('runs.get', { projectId: p.projectId, runId: run.id })
        .then((d) => setDetails((all) => ({ ...all, [k]: d })))
        .catch((e: unknown) => setError(errorText(e)));
    }
  };

  const metrics = useMemo(() => {
    const keys = new Set<string>();
    for (const p of picked) for (const e of details[key(p.projectId, p.runId)]?.epochs ?? []) for (const k of Object.keys(e.logs)) keys.add(k);
    const recorded = picked.some((p) => (details[key(p.projectId, p.runId)]?.dynamics.length ?? 0) > 0);
    return [...[...keys].sort(), ...(recorded ? [GRADIENTS] : [])];
  }, [picked, details]);
  const gradients = metric === GRADIENTS;

  const series = picked.flatMap((p, i) => {
    const d = details[key(p.projectId, p.runId)];
    if (!d) return [];
    const points = d.epochs.flatMap((e) => (typeof e.logs[metric] === 'number' ? [{ x: e.epoch, y: e.logs[metric] }] : []));
    return [{ label: p.label, color: COLORS[i % COLORS.length]!, points }];
  });
  const gradientLines = gradients
    ? picked.flatMap((p, i) => {
        const d = details[key(p.projectId, p.runId)];
        return d ? gradientSeries(d, p.label, COLORS[i % COLORS.length]!) : [];
      })
    : [];
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));

  return (
    <div
      className="fixed inset-0 z-50 flex justify-center bg-slate-900/40 p-6"
      role="dialog"
      aria-modal="true"
      aria-label="Compare runs across projects"
      data-testid="compare-dialog"
    >
      <div className="flex w-full max-w-[1400px] flex-col overflow-hidden rounded-xl bg-slate-50 shadow-2xl">
        <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-5 py-3">
          <div className="flex-1">
            <h2 className="text-[16px] font-semibold text-slate-900">Compare runs across projects</h2>
            <p className="text-[12.5px] text-slate-500">Tick runs of any project in the data folder to draw them on one chart.</p>
          </div>
          <button
            type="button"
            data-testid="compare-close"
            className="rounded-md border border-slate-300 bg-white px-3 py-1 text-[13px] font-medium text-slate-700 hover:bg-slate-50"
            onClick={onClose}
          >
            Close
          </button>
        </header>
        <div className="grid min-h-0 flex-1 grid-cols-[340px_minmax(0,1fr)] gap-3 overflow-hidden p-4">
          <div className="overflow-y-auto rounded-lg border border-slate-200 bg-white p-3">
            {error && <p className="mb-2 text-[12.5px] text-red-700">{error}</p>}
            {projects === null ? (
              <p className="text-[12.5px] text-slate-500">Reading the data folder…</p>
            ) : projects.length === 0 ? (
              <p className="text-[12.5px] text-slate-500">No recorded runs yet.</p>
            ) : (
              projects.map((p) => (
                <fieldset key={p.projectId} className="mb-3" data-testid="compare-project">
                  <legend className="mb-1 text-[12.5px] font-semibold text-slate-800">{p.name}</legend>
                  {p.runs.map((r) => (
                    <label key={r.id} className="flex items-center gap-2 py-0.5 text-[12.5px] text-slate-700">
                      <input
                        type="checkbox"
                        data-testid="compare-run"
                        className="accent-indigo-600"
                        checked={picked.some((x) => x.projectId === p.projectId && x.runId === r.id)}
                        onChange={(e) => toggle(p, r, e.target.checked)}
                      />
                      <span className="truncate">{r.name}</span>
                      <span className="ml-auto shrink-0 text-[11.5px] text-slate-500 tabular-nums">
                        {r.final ? `loss ${r.final.loss.toFixed(3)}` : r.status}
                      </span>
                    </label>
                  ))}
                </fieldset>
              ))
            )}
          </div>
          <Card
            title={gradients ? 'Gradient norm per epoch: first layer solid, last layer dashed' : `${metric} per epoch`}
            testId="compare-chart"
            aside={
              <select
                data-testid="compare-metric"
                className="rounded border border-slate-300 px-1.5 py-0.5 text-[12.5px]"
                value={metric}
                onChange={(e) => setMetric(e.target.value)}
              >
                {(metrics.length ? metrics : ['loss']).map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            }
          >
            {gradients ? (
              gradientLines.length === 0 ? (
                <p className="text-[12.5px] text-slate-500">None of the ticked runs recorded training dynamics.</p>
              ) : (
                <div className="space-y-2" data-series={gradientLines.length}>
                  <LogLines series={gradientLines} width={900} height={460} xLabel="epoch" yLabel="gradient norm" testId="compare-gradient-plot" />
                  <Legend items={gradientLines.map((s) => ({ label: s.label, color: s.color, kind: s.dashed ? ('dash' as const) : ('line' as const) }))} />
                </div>
              )
            ) : series.length === 0 ? (
              <p className="text-[12.5px] text-slate-500">Tick runs on the left.</p>
            ) : (
              <div className="space-y-2" data-series={series.length}>
                <Plot
                  width={900}
                  height={460}
                  x={[Math.min(...xs, 1), Math.max(...xs, 2)]}
                  y={extent(ys)}
                  xLabel="epoch"
                  yLabel={metric}
                  testId="compare-plot"
                  xInteger
                >
                  {(sx, sy) =>
                    series.map((s) => (
                      <g key={s.label}>
                        <path
                          d={s.points.map((q, i) => `${i === 0 ? 'M' : 'L'}${sx(q.x).toFixed(1)},${sy(q.y).toFixed(1)}`).join('')}
                          fill="none"
                          stroke={s.color}
                          strokeWidth="2.2"
                        />
                        {s.points.map((q) => (
                          <circle key={q.x} cx={sx(q.x)} cy={sy(q.y)} r="3" fill={s.color} />
                        ))}
                      </g>
                    ))
                  }
                </Plot>
                <Legend items={series.map((s) => ({ label: s.label, color: s.color, kind: 'line' as const }))} />
              </div>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

export function CompareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="compare-button" className="text-[12px] font-medium text-indigo-700 hover:underline" onClick={() => setOpen(true)}>
        Compare runs across projects…
      </button>
      {open && <CompareDialog onClose={() => setOpen(false)} />}
    </>
  );
}
