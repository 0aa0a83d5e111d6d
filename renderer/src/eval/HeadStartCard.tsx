import { useEffect, useState } from 'react';
import { compareClassification, comparableRuns, epochMetric, epochRows, type HeadStart } from '../../../app/metrics/head-start';
import type { EpochRecord, EvaluationOf, RunSummary } from '../../../app/protocol';
import { errorText } from '../actions/notify';
import { transport } from '../transport';
import { Card, fixed, percent } from './Tiles';

type Classified = EvaluationOf<'classification'>;

interface Candidate {
  readonly key: string;
  /** "Project · run", as the comparison names it. */
  readonly name: string;
  /** The name and the run's final val_accuracy, as the list shows it. */
  readonly label: string;
  readonly projectId: string;
  readonly run: RunSummary;
}

type Other =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly key: string }
  | { readonly status: 'failed'; readonly key: string; readonly message: string }
  | {
      readonly status: 'done';
      readonly key: string;
      readonly label: string;
      readonly head: HeadStart;
      readonly epochs: { readonly ours: readonly EpochRecord[]; readonly theirs: readonly EpochRecord[] };
    };

const runName = (r: RunSummary) => r.name.trim() || `run of ${new Date(r.startedAt).toLocaleString()}`;

/** Every recorded run, of any project, that saw the same data as `run` and has weights to score. */
function useCandidates(run: RunSummary): readonly Candidate[] | string | null {
  const [found, setFound] = useState<readonly Candidate[] | string | null>(null);
  useEffect(() => {
    let live = true;
    transport()
      .request('runs.all', {})
      .then((r) => {
        if (!live) return;
        setFound(
          comparableRuns(r.projects, run).map(({ project, run: other }) => {
            const name = `${project.name} · ${runName(other)}`;
            const accuracy = other.final?.val_accuracy;
            return {
              key: `${project.projectId}/${other.id}`,
              name,
              label: accuracy === undefined ? name : `${name} (val_accuracy ${percent(accuracy)})`,
              projectId: project.projectId,
              run: other,
            };
          }),
        );
      })
      .catch((e: unknown) => live && setFound(errorText(e)));
    return () => {
      live = false;
    };
  }, [run]);
  return found;
}

const signed = (points: number) => `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}`;

function Headline({ head, label }: { readonly head: HeadStart; readonly label: string }) {
  const ahead = head.points >= 0.05;
  const behind = head.points <= -0.05;
  return (
    <p className="text-[14px] text-slate-800" data-testid="head-start-headline">
      <span className={`mr-1 text-[22px] font-semibold tabular-nums ${ahead ? 'text-emerald-700' : behind ? 'text-red-700' : 'text-slate-700'}`}>
        {signed(head.points)} points
      </span>{' '}
      of accuracy {ahead || !behind ? 'over' : 'behind'} <span className="font-medium">{label}</span>
      {head.sameExamples ? `, on the same ${head.count.toLocaleString()} examples.` : '.'}
      {!head.sameExamples && (
        <span className="block text-[12.5px] text-amber-700">
          The two were scored on different examples ({head.count.toLocaleString()} and {head.otherCount.toLocaleString()}, or other classes), so the difference
          is not theirs alone.
        </span>
      )}
    </p>
  );
}

function Better({ ours, theirs, higherIsBetter, show }: { ours: number; theirs: number; higherIsBetter: boolean; show: (v: number) => string }) {
  const wins = higherIsBetter ? ours > theirs : ours < theirs;
  return <td className={`py-0.5 text-right ${wins ? 'font-semibold text-emerald-700' : ''}`}>{show(ours)}</td>;
}

/** Both tables' head: what the rows are, this run, and the other run (named in full on hover). */
function Header({ first, other }: { readonly first: string; readonly other: string }) {
  return (
    <thead className="text-left text-slate-500">
      <tr>
        <th className="py-1 font-medium">{first}</th>
        <th className="py-1 text-right font-medium">This run</th>
        <th className="py-1 text-right font-medium" title={other}>
          Other run
        </th>
      </tr>
    </thead>
  );
}

function Tables({ other }: { readonly other: Extract<Other, { status: 'done' }> }) {
  const metric = epochMetric(other.epochs.ours, other.epochs.theirs);
  const rows = metric ? epochRows(other.epochs.ours, other.epochs.theirs, metric) : [];
  const cell = (v: number | null) => (v === null ? '—' : percent(v));
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-4 text-[12.5px] tabular-nums">
      <table className="w-full" data-testid="head-start-scores">
        <Header first="On the test examples" other={other.label} />
        <tbody>
          {other.head.rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-100">
              <td className="py-0.5 font-medium text-slate-700">{r.label}</td>
              <Better ours={r.ours} theirs={r.theirs} higherIsBetter={r.higherIsBetter} show={r.label === 'Loss' ? fixed : percent} />
              <Better ours={r.theirs} theirs={r.ours} higherIsBetter={r.higherIsBetter} show={r.label === 'Loss' ? fixed : percent} />
            </tr>
          ))}
          {other.head.perClass.map((c) => (
            <tr key={c.name} className="border-t border-slate-100 text-slate-600">
              <td className="py-0.5">Recall of {c.name}</td>
              <Better ours={c.ours} theirs={c.theirs} higherIsBetter show={percent} />
              <Better ours={c.theirs} theirs={c.ours} higherIsBetter show={percent} />
            </tr>
          ))}
        </tbody>
      </table>
      {metric && (
        <table className="w-full self-start" data-testid="head-start-epochs">
          <Header first={`${metric} after epoch`} other={other.label} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.epoch} className="border-t border-slate-100">
                <td className="py-0.5 font-medium text-slate-700">{r.epoch}</td>
                <td className="py-0.5 text-right">{cell(r.ours)}</td>
                <td className="py-0.5 text-right">{cell(r.theirs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * This run against another run on the same data (a model trained from scratch, say): both scored on their test
 * examples, and their held-out accuracy epoch by epoch, which is where a pretrained model's head start shows.
 */
export function HeadStartCard({ run, result, weights }: { readonly run: RunSummary; readonly result: Classified; readonly weights: 'last' | 'best' }) {
  const candidates = useCandidates(run);
  const [other, setOther] = useState<Other>({ status: 'idle' });
  const choose = async (c: Candidate | undefined) => {
    if (!c) {
      setOther({ status: 'idle' });
      return;
    }
    setOther({ status: 'loading', key: c.key });
    try {
      const [report, ours, theirs] = await Promise.all([
        transport().request('run.evaluate', { projectId: c.projectId, runId: c.run.id, weights: weights === 'best' && c.run.weights.best ? 'best' : 'last' }),
        transport().request('runs.get', { projectId: run.projectId, runId: run.id }),
        transport().request('runs.get', { projectId: c.projectId, runId: c.run.id }),
      ]);
      if (report.result.kind !== 'classification') throw new Error(`${c.label} is not a classifier, so its accuracy cannot be compared.`);
      const head = compareClassification(result, report.result);
      setOther((now) =>
        now.status === 'loading' && now.key === c.key
          ? { status: 'done', key: c.key, label: c.name, head, epochs: { ours: ours.epochs, theirs: theirs.epochs } }
          : now,
      );
    } catch (e) {
      setOther((now) => (now.status === 'loading' && now.key === c.key ? { status: 'failed', key: c.key, message: errorText(e) } : now));
    }
  };
  // Array.isArray would widen a readonly array to any[].
  const list: readonly Candidate[] = typeof candidates === 'object' && candidates !== null ? candidates : [];
  return (
    <Card
      title="Head start: compare with another run on the same data"
      testId="head-start-card"
      aside={
        list.length > 0 ? (
          <select
            className="max-w-[420px] rounded-md border border-slate-300 bg-white px-2 py-1 text-[12.5px]"
            aria-label="Run to compare with"
            title="Another run that trained on exactly the same data, for example the same task trained from scratch"
            data-testid="head-start-select"
            value={other.status === 'idle' ? '' : other.key}
            onChange={(e) => void choose(list.find((c) => c.key === e.target.value))}
          >
            <option value="">Choose a run…</option>
            {list.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        ) : null
      }
    >
      {candidates === null && <p className="text-[12.5px] text-slate-500">Looking for runs on the same data…</p>}
      {typeof candidates === 'string' && <p className="text-[12.5px] text-red-700">{candidates}</p>}
      {list.length === 0 && candidates !== null && typeof candidates !== 'string' && (
        <p className="text-[12.5px] text-slate-500">
          No other run has trained on exactly this data yet. Train the same task another way (for example the from-scratch template beside a transfer template)
          to see how far ahead one starts.
        </p>
      )}
      {list.length > 0 && other.status === 'idle' && (
        <p className="text-[12.5px] text-slate-500">
          {list.length === 1 ? 'One run' : `${list.length} runs`} trained on the same data. Choose one to score it on its test examples beside this run.
        </p>
      )}
      {other.status === 'loading' && (
        <p className="flex items-center gap-2 text-[12.5px] text-slate-600" data-testid="head-start-loading">
          <span className="size-3 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-600" /> Scoring the other run…
        </p>
      )}
      {other.status === 'failed' && <p className="text-[12.5px] text-red-700">{other.message}</p>}
      {other.status === 'done' && (
        <div className="space-y-2">
          <Headline head={other.head} label={other.label} />
          <Tables other={other} />
        </div>
      )}
    </Card>
  );
}
