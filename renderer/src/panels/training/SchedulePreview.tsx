import type { Schedule } from '../../../../app/training/settings';
import { formatLr } from '../../run/format';

/** The learning rate at the start of each epoch as the settings describe it; plateau depends on how the run goes. */
export function scheduledRates(lr: number, epochs: number, s: Schedule): number[] {
  const n = Math.max(1, Math.min(epochs, 500));
  return Array.from({ length: n }, (_, e) => {
    switch (s.kind) {
      case 'constant':
      case 'plateau':
        return lr;
      case 'step':
        return Math.max(s.minLearningRate, lr * s.factor ** Math.floor(e / s.stepEvery));
      case 'exponential':
        return Math.max(s.minLearningRate, lr * s.decayRate ** e);
      case 'cosine':
        return s.minLearningRate + ((Math.max(lr, s.minLearningRate) - s.minLearningRate) * (1 + Math.cos((Math.PI * e) / Math.max(1, n - 1)))) / 2;
    }
  });
}

/** A small drawing of the schedule across the run's epochs. */
export function SchedulePreview({ lr, epochs, schedule }: { readonly lr: number; readonly epochs: number; readonly schedule: Schedule }) {
  const rates = scheduledRates(lr, epochs, schedule);
  const max = Math.max(...rates);
  const W = 300;
  const H = 40;
  const pts = rates.map(
    (r, i) => `${(rates.length === 1 ? 0 : (i / (rates.length - 1)) * W).toFixed(1)},${(H - 2 - (max > 0 ? r / max : 0) * (H - 6)).toFixed(1)}`,
  );
  const last = rates[rates.length - 1]!;
  return (
    <figure className="m-0 rounded-md bg-slate-50 px-2 py-1.5 ring-1 ring-slate-200" aria-label="Learning rate by epoch">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="h-10 w-full" aria-hidden>
        <polyline points={pts.join(' ')} fill="none" stroke="#6366f1" strokeWidth="1.75" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      </svg>
      <figcaption className="mt-0.5 flex justify-between font-mono text-[10.5px] text-slate-500 tabular-nums">
        <span>epoch 1: {formatLr(rates[0]!)}</span>
        <span>
          epoch {rates.length}: {schedule.kind === 'plateau' ? 'lower when stuck' : formatLr(last)}
        </span>
      </figcaption>
    </figure>
  );
}
