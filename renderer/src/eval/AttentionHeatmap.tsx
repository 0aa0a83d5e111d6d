import { useEffect, useState } from 'react';
import type { AttentionView } from '../../../app/protocol';
import { errorText } from '../actions/notify';
import { attentionOf } from './playgroundActions';
import { Card } from './Tiles';

const CELL = 21;
const LABEL = 92;

/** White → deep indigo from the map's smallest weight to its largest: a nearly uniform map still shows its pattern. */
const shade = (v: number, min: number, max: number) => `rgba(67,56,202,${max > min ? 0.04 + (0.96 * (v - min)) / (max - min) : 0.3})`;
const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;

function Heatmap({
  queries,
  keys,
  weights,
}: {
  readonly queries: readonly string[];
  readonly keys: readonly string[];
  readonly weights: readonly (readonly number[])[];
}) {
  const max = Math.max(...weights.flat());
  const min = Math.min(...weights.flat());
  const w = LABEL + keys.length * CELL + 60;
  const h = LABEL + queries.length * CELL;
  return (
    <svg width={w + 10} height={h + 24} data-testid="attention-heatmap" role="img" aria-label="Attention weights, query tokens down, key tokens across">
      <text x={LABEL + (keys.length * CELL) / 2} y={12} textAnchor="middle" fontSize="12" fontWeight="500" fill="#334155">
        key token (attended to) →
      </text>
      {keys.map((k, j) => (
        <text key={`k${j}`} transform={`translate(${LABEL + j * CELL + CELL / 2 + 4} ${LABEL - 4}) rotate(-60)`} fontSize="11" fill="#475569">
          {k.slice(0, 12)}
        </text>
      ))}
      {queries.map((q, i) => (
        <text key={`q${i}`} x={LABEL - 6} y={LABEL + i * CELL + CELL * 0.7} textAnchor="end" fontSize="11" fill="#475569">
          {q.slice(0, 12)}
        </text>
      ))}
      {weights.map((row, i) =>
        row.map((v, j) => (
          <rect
            key={`${i},${j}`}
            x={LABEL + j * CELL}
            y={LABEL + i * CELL}
            width={CELL - 1}
            height={CELL - 1}
            fill={shade(v, min, max)}
            stroke="#eef2ff"
            strokeWidth="0.5"
          >
            <title>{`${queries[i]} → ${keys[j]}: ${(v * 100).toFixed(1)}%`}</title>
          </rect>
        )),
      )}
      <text transform={`translate(10 ${LABEL + (queries.length * CELL) / 2}) rotate(-90)`} textAnchor="middle" fontSize="12" fontWeight="500" fill="#334155">
        query token ↓
      </text>
      <text x={LABEL} y={h + 18} fontSize="11" fill="#64748b" data-testid="attention-range">
        lightest {pct(min)} · darkest {pct(max)}
      </text>
    </svg>
  );
}

/** A sentence through the model, and where each of its tokens looks: per layer, map and head. */
export function AttentionPanel({ runId }: { readonly runId: string }) {
  const [text, setText] = useState('this film was not good at all , the plot was boring but the acting was wonderful');
  const [asked, setAsked] = useState(text);
  const [layer, setLayer] = useState<string | undefined>(undefined);
  const [mapIndex, setMapIndex] = useState(0);
  const [head, setHead] = useState(0);
  const [view, setView] = useState<AttentionView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    attentionOf(runId, asked, layer).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [runId, asked, layer]);

  const map = view?.maps[Math.min(mapIndex, (view.maps.length || 1) - 1)];
  const heads = map?.weights.length ?? 0;
  return (
    <div className="space-y-3" data-testid="attention-panel">
      <Card title="Sentence">
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked(text);
          }}
        >
          <input
            data-testid="attention-text"
            className="flex-1 rounded-md border border-slate-300 px-2 py-1 text-[13.5px]"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1 text-[13px] font-medium text-white">
            Show attention
          </button>
        </form>
      </Card>
      {error && <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900">{error}</p>}
      {view && map && (
        <Card
          title={`${view.layer} · ${map.label} · head ${Math.min(head, heads - 1) + 1} of ${heads}`}
          testId="attention-card"
          aside={
            <div className="flex items-center gap-2 text-[12.5px]">
              <select
                data-testid="attention-layer"
                className="rounded border border-slate-300 px-1"
                value={view.layer}
                onChange={(e) => setLayer(e.target.value)}
              >
                {view.layers.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
              {view.maps.length > 1 && (
                <select className="rounded border border-slate-300 px-1" value={mapIndex} onChange={(e) => setMapIndex(Number(e.target.value))}>
                  {view.maps.map((m, i) => (
                    <option key={m.label} value={i}>
                      {m.label}
                    </option>
                  ))}
                </select>
              )}
              {Array.from({ length: heads }, (_, h) => (
                <button
                  key={h}
                  type="button"
                  data-testid="attention-head"
                  onClick={() => setHead(h)}
                  className={`rounded border px-2 py-0.5 ${h === Math.min(head, heads - 1) ? 'border-indigo-600 bg-indigo-50 text-indigo-800' : 'border-slate-300'}`}
                >
                  head {h + 1}
                </button>
              ))}
            </div>
          }
        >
          <div className="flex items-start gap-4 overflow-x-auto">
            <Heatmap queries={map.queries} keys={map.keys} weights={map.weights[Math.min(head, heads - 1)]!} />
            <div className="w-56 space-y-2 text-[12px] text-slate-600">
              <div className="flex items-center gap-2">
                <span className="inline-block h-3 w-24 rounded-sm" style={{ background: 'linear-gradient(90deg, rgba(67,56,202,0.03), rgba(67,56,202,1))' }} />
                least → most attention
              </div>
              <p>
                Each row is one token asking "what should I look at?"; its cells across are where its attention went (each full row of the model sums to 1).
              </p>
              {map.hidden > 0.005 && (
                <p data-testid="attention-hidden">{(map.hidden * 100).toFixed(0)}% of the attention went to padding or tokens not shown.</p>
              )}
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}
