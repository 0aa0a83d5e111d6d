import type { ReactNode } from 'react';
import { useProjectStore } from '../store/project';
import { useRun } from '../store/run';
import { plainBackend, runThroughput } from './plainWords';
import { formatClock, formatElapsed, formatLr, formatRate } from './format';

function Stat({ label, testId, title, children }: { readonly label: string; readonly testId?: string; readonly title: string; readonly children: ReactNode }) {
  return (
    <span className="inline-flex shrink-0 items-baseline gap-1.5 whitespace-nowrap" title={title}>
      <span className="text-slate-500">{label}</span>
      <span data-testid={testId} className="font-mono font-medium text-slate-800 tabular-nums">
        {children}
      </span>
    </span>
  );
}

/** Where the time goes: loading data versus computing, as a split bar. */
function DataCompute({ dataMs, computeMs }: { readonly dataMs: number; readonly computeMs: number }) {
  const total = dataMs + computeMs;
  const data = total > 0 ? dataMs / total : 0;
  const pct = Math.round(data * 100);
  return (
    <span
      data-testid="data-compute"
      className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap"
      title={`Since the last update: ${dataMs.toFixed(0)} ms preparing batches, ${computeMs.toFixed(0)} ms computing. A large data share means the input pipeline, not the maths, limits speed.`}
    >
      <span className="text-slate-500">Data / compute</span>
      <span className={`flex h-1.5 w-14 overflow-hidden rounded-full ${total > 0 ? 'bg-indigo-400' : 'bg-slate-200'}`} aria-hidden>
        <span className="h-full bg-amber-400" style={{ width: `${data * 100}%` }} />
      </span>
      <span className="font-mono font-medium text-slate-800 tabular-nums">{total > 0 ? `${pct}% / ${100 - pct}%` : '—'}</span>
    </span>
  );
}

const Dot = () => <span className="h-3 w-px shrink-0 bg-slate-200" aria-hidden />;

/** Elapsed, ETA, throughput, data vs compute, learning rate, and the backend with why it was chosen. */
export function RunStats() {
  const p = useRun((s) => s.progress);
  const seconds = useRun((s) => s.seconds);
  const lr = useRun((s) => s.learningRate);
  const backend = useRun((s) => s.backend);
  const status = useRun((s) => s.status);
  const elapsed = p?.elapsedSeconds ?? seconds;
  // A paused run has no pace to extrapolate.
  const running = status === 'training' || status === 'starting';
  const batchSize = useProjectStore((s) => s.doc.training.batchSize);
  const epoch = useRun((s) => s.epoch);
  const current = useRun((s) => s.current);
  const initialEpoch = useRun((s) => s.initialEpoch);
  const samples = useRun((s) => s.samples);
  const ended = status === 'completed' || status === 'stopped';
  // An ended run shows its own pace, not the last partial window's.
  const overall = ended ? runThroughput({ epoch, initialEpoch, samples, seconds, batchSize, partialBatches: p && current > epoch ? p.batch : 0 }) : null;

  return (
    <div className="flex min-w-0 items-center gap-3 overflow-hidden text-[12px]">
      <Stat label="Elapsed" testId="elapsed" title="Wall time since the run started">
        {elapsed !== null ? formatElapsed(elapsed, ended) : '—'}
      </Stat>
      <Stat label="ETA" testId="eta" title={status === 'paused' ? 'Paused: no estimate until the run resumes' : 'Estimated time left, from the recent pace'}>
        {running && p?.etaSeconds !== null && p?.etaSeconds !== undefined ? formatClock(p.etaSeconds) : status === 'completed' ? '0:00' : '—'}
      </Stat>
      <Dot />
      <Stat
        label="Throughput"
        testId="throughput"
        title={overall !== null ? 'Examples trained in the whole run divided by its seconds' : 'Training examples processed per second, recently'}
      >
        {overall !== null ? `${formatRate(overall)} samples/s` : p ? `${formatRate(p.samplesPerSecond)} samples/s` : '—'}
      </Stat>
      <DataCompute dataMs={p?.dataMs ?? 0} computeMs={p?.computeMs ?? 0} />
      <Stat label="LR" testId="lr-value" title="The learning rate in effect now (the schedule changes it between epochs)">
        {lr !== null ? formatLr(lr) : '—'}
      </Stat>
      <Dot />
      {backend && (
        <span
          data-testid="backend-plain"
          className="shrink-0 font-medium whitespace-nowrap text-slate-800"
          title={`${backend.name} · ${backend.device}\n${backend.reason}`}
        >
          {plainBackend(status, backend)}
        </span>
      )}
      <span
        data-testid="backend-label"
        className="min-w-0 truncate whitespace-nowrap"
        title={backend ? `${backend.name} · ${backend.device}\n${backend.reason}` : 'The engine picks the best backend that loads when a run starts.'}
      >
        <span className="text-slate-500">Backend </span>
        {backend ? (
          <>
            <span className="font-medium text-slate-800">
              {backend.name} · {backend.device}
            </span>
            <span className="text-[11.5px] text-slate-500"> — {backend.reason}</span>
          </>
        ) : (
          <span className="text-slate-400">chosen when training starts</span>
        )}
      </span>
    </div>
  );
}
