import { Inspector } from '../inspector/Inspector';
import { LabPanel } from '../labs/LabPanel';
import { DataPanel } from '../panels/DataPanel';
import { SummaryPanel } from '../panels/SummaryPanel';
import { TrainingPanel } from '../panels/TrainingPanel';
import { RunsPanel } from '../runs/RunsPanel';
import { useRuns } from '../store/runs';
import { useAnalysis, useFitIssues } from '../store/analysis';
import { useProjectStore } from '../store/project';
import { Section } from '../ui/Section';

const Count = ({ n, tone }: { n: number; tone: 'red' | 'amber' }) =>
  n > 0 ? (
    <span className={`rounded-full px-1.5 text-[11px] font-semibold ${tone === 'red' ? 'bg-red-100 text-red-700' : 'bg-amber-100 text-amber-800'}`}>{n}</span>
  ) : null;

/** Stacked, collapsible sections: everything is on the page at once, nothing hides behind a tab. */
export function Sidebar() {
  const issues = useAnalysis().issues.length;
  const fit = useFitIssues().length;
  const selected = useProjectStore((s) => s.selection.nodes.length === 1);
  const runCount = useRuns((s) => s.runs?.length ?? 0);
  return (
    <aside aria-label="Properties" className="h-full overflow-y-auto bg-white">
      <LabPanel />
      <Section title={selected ? 'Layer' : 'Inspector'}>
        <Inspector />
      </Section>
      <Section title="Data" aside={<Count n={fit} tone="amber" />}>
        <DataPanel />
      </Section>
      <Section title="Training">
        <TrainingPanel />
      </Section>
      <Section
        title="Runs"
        aside={runCount > 0 ? <span className="rounded-full bg-slate-100 px-1.5 text-[11px] font-semibold text-slate-600">{runCount}</span> : null}
      >
        <RunsPanel />
      </Section>
      <Section title="Model summary" aside={<Count n={issues} tone="red" />}>
        <SummaryPanel />
      </Section>
    </aside>
  );
}
