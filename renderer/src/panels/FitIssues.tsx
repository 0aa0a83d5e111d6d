import { datasetInfo } from '../../../app/data/catalog';
import { useAnalysis, useFitIssues } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { isUserDataset } from '../../../app/data/source';
import { useDataDraft } from '../store/dataDraft';
import { Button } from '../ui/Button';

/** Whether the chosen dataset fits the network's input and output, with one-click fixes. */
export function FitIssues() {
  const issues = useFitIssues();
  const empty = useProjectStore((s) => s.doc.graph.nodes.length === 0);
  const label = useProjectStore((s) => datasetInfo(s.doc.data.dataset).label);
  const run = useProjectStore((s) => s.run);
  const graphOk = useAnalysis().ok;
  // Typed but not imported yet: the check's "choose a file" would read as if the path were ignored.
  const notImported = useProjectStore((s) => isUserDataset(s.doc.data.dataset) && !s.doc.data.source?.path);
  const typed = useDataDraft((s) => s.source.path.trim() !== '');
  const pendingImport = notImported && typed;
  if (empty) return null;
  if (issues.length === 0 && !graphOk) {
    return <p className="text-[12.5px] text-slate-500">Whether {label} fits the network is checked once the graph has no problems.</p>;
  }
  if (issues.length === 0) {
    return (
      <p className="flex items-center gap-1.5 rounded-md border border-emerald-200 bg-emerald-50 px-2.5 py-1.5 text-[12.5px] text-emerald-800">
        <span aria-hidden>✓</span> The network’s input and output fit {label}.
      </p>
    );
  }
  return (
    <ul className="space-y-1.5">
      {issues.map((issue, i) => (
        <li key={i} data-testid="fit-issue" className="rounded-md border border-amber-200 bg-amber-50 px-2.5 py-2 text-[12.5px] leading-snug text-amber-900">
          <p>{pendingImport && i === 0 ? 'Import the data (above) to train on it.' : issue.message}</p>
          {issue.fix && (
            <Button data-testid="fit-fix" className="mt-1.5" onClick={() => issue.fix && run({ type: 'applyFix', fix: issue.fix })}>
              {issue.fix.label}
            </Button>
          )}
          {issue.trainingFix && (
            <Button
              data-testid="fit-fix"
              className="mt-1.5"
              onClick={() => issue.trainingFix && run({ type: 'setTraining', patch: { [issue.trainingFix.key]: issue.trainingFix.value } })}
            >
              {issue.trainingFix.label}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
