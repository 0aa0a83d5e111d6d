import type { EpochLogs } from '../../../app/protocol';
import { useProjectStore } from '../store/project';
import { useRun } from '../store/run';
import { formatMetric } from './format';
import { isLossKey } from './views';

/** The four numbers a learner watches: a GAN's two losses, or loss and the main metric, train and validation. */
export function tileKeys(latest: EpochLogs | null, gan: boolean): string[] {
  if (latest ? latest.d_loss !== undefined && latest.g_loss !== undefined : gan) return ['d_loss', 'g_loss'];
  const metric =
    !latest || latest.accuracy !== undefined
      ? 'accuracy'
      : latest.mae !== undefined
        ? 'mae'
        : (Object.keys(latest).find((k) => !k.startsWith('val_') && !isLossKey(k)) ?? 'accuracy');
  return ['loss', metric, 'val_loss', `val_${metric}`];
}

/** The latest epoch's numbers; test ids follow the Keras keys (`metric-val-accuracy`). */
export function MetricTiles() {
  const latest = useRun((s) => s.latest);
  const gan = useProjectStore((s) => s.doc.training.mode === 'gan');
  return (
    <dl className="flex shrink-0 gap-1.5">
      {tileKeys(latest, gan).map((k) => (
        <div key={k} className="w-[88px] rounded-md bg-white px-1.5 py-0.5 ring-1 ring-slate-200">
          <dt className="truncate text-[10px] leading-tight text-slate-500">{k}</dt>
          <dd data-testid={`metric-${k.replace(/_/g, '-')}`} className="font-mono text-[12.5px] leading-tight text-slate-900 tabular-nums">
            {formatMetric(latest?.[k])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
