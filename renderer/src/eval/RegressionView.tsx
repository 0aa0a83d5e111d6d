import type { EvaluationOf } from '../../../app/protocol';
import { HistogramPlot, Legend, Plot } from './Plot';
import { Card, fixed, Tiles } from './Tiles';

type Result = EvaluationOf<'regression'>;

const ACTUAL = '#334155';
const PREDICTED = '#4f46e5';

function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.05;
  return [lo - pad, hi + pad];
}

function Scatter({ result }: { readonly result: Result }) {
  const all = result.points.flatMap((p) => [p.actual, p.predicted]);
  const [lo, hi] = extent(all);
  return (
    <Card
      title="Predicted against actual"
      testId="regression-scatter"
      aside={
        <Legend
          items={[
            { label: 'test example', color: PREDICTED, kind: 'dot' },
            { label: 'perfect (y = x)', color: '#e11d48', kind: 'dash' },
          ]}
        />
      }
    >
      <Plot width={440} height={340} x={[lo, hi]} y={[lo, hi]} xLabel={`actual ${result.target}`} yLabel={`predicted ${result.target}`} testId="scatter-plot">
        {(sx, sy) => (
          <>
            <line x1={sx(lo)} y1={sy(lo)} x2={sx(hi)} y2={sy(hi)} stroke="#e11d48" strokeWidth="1.5" strokeDasharray="5 4" />
            {result.points.map((p, i) => (
              <circle key={i} cx={sx(p.actual)} cy={sy(p.predicted)} r="2.6" fill={PREDICTED} fillOpacity="0.55" />
            ))}
          </>
        )}
      </Plot>
    </Card>
  );
}

function Forecast({ forecast, target }: { readonly forecast: NonNullable<Result['forecast']>; readonly target: string }) {
  const [lo, hi] = extent([...forecast.actual, ...forecast.predicted]);
  const n = forecast.actual.length;
  const path = (values: readonly number[], sx: (v: number) => number, sy: (v: number) => number) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${sx(i).toFixed(1)},${sy(v).toFixed(1)}`).join('');
  const maxErr = Math.max(1e-9, ...forecast.byHorizon.map((h) => h.mae));
  return (
    <>
      <Card
        title="Forecast over the test window"
        testId="forecast-chart"
        aside={
          <Legend
            items={[
              { label: 'actual', color: ACTUAL, kind: 'line' },
              { label: 'predicted one step ahead', color: PREDICTED, kind: 'line' },
            ]}
          />
        }
      >
        <Plot
          width={900}
          height={300}
          x={[0, Math.max(1, n - 1)]}
          y={[lo, hi]}
          xInteger
          xLabel="step into the test window"
          yLabel={target}
          testId="forecast-plot"
        >
          {(sx, sy) => (
            <>
              <path d={path(forecast.actual, sx, sy)} fill="none" stroke={ACTUAL} strokeWidth="1.8" />
              <path d={path(forecast.predicted, sx, sy)} fill="none" stroke={PREDICTED} strokeWidth="1.8" strokeDasharray="5 3" />
            </>
          )}
        </Plot>
      </Card>
      {forecast.byHorizon.length > 0 && (
        <Card
          title="Error by steps ahead"
          testId="horizon-chart"
          aside={<span className="text-[12px] text-slate-500">each step feeds the previous predictions back in</span>}
        >
          <Plot
            width={440}
            height={240}
            x={[0.4, forecast.byHorizon.length + 0.6]}
            y={[0, maxErr * 1.1]}
            xInteger
            xLabel="steps ahead"
            yLabel={`mean absolute error (${target})`}
            testId="horizon-plot"
          >
            {(sx, sy) =>
              forecast.byHorizon.map((h) => (
                <rect
                  key={h.step}
                  x={sx(h.step - 0.38)}
                  width={sx(h.step + 0.38) - sx(h.step - 0.38)}
                  y={sy(h.mae)}
                  height={sy(0) - sy(h.mae)}
                  fill="#0891b2"
                />
              ))
            }
          </Plot>
        </Card>
      )}
    </>
  );
}

/** MAE, RMSE and R², predicted against actual with the identity line, the residuals, and for a forecaster the forecast. */
export function RegressionView({ result }: { readonly result: Result }) {
  const s = result.scores;
  return (
    <div className="space-y-3">
      <Tiles
        tiles={[
          { label: 'MAE', value: fixed(s.mae), hint: `Mean absolute error, in ${result.target}` },
          { label: 'RMSE', value: fixed(s.rmse), hint: 'Root mean squared error: large misses weigh more' },
          { label: 'R²', value: s.r2.toFixed(3), hint: '1 is perfect; 0 is no better than always predicting the mean' },
          { label: 'Predictions', value: s.count.toLocaleString() },
        ]}
      />
      {result.forecast && <Forecast forecast={result.forecast} target={result.target} />}
      <div className="flex flex-wrap gap-3">
        <Scatter result={result} />
        <Card
          title="Residuals (predicted − actual)"
          testId="residual-histogram"
          aside={<Legend items={[{ label: 'examples per bin', color: '#6366f1', kind: 'box' }]} />}
        >
          <HistogramPlot hist={result.residuals} width={440} height={340} xLabel={`residual (${result.target})`} color="#6366f1" testId="residual-plot" />
        </Card>
      </div>
    </div>
  );
}
