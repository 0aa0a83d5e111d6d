import { LiveCharts } from './LiveCharts';
import { MetricTiles } from './MetricTiles';
import { RunControls } from './RunControls';
import { RunInfo } from './RunInfo';
import { RunProgress } from './RunProgress';
import { RunStats } from './RunStats';
import { RunStatusPill } from './RunStatus';
import { InsideButton } from '../views/DynamicsDialog';
import { listenForViews } from '../views/store';

listenForViews();

/** The bottom panel: transport controls and progress, how the run is going, and the live curves. */
export function RunDock() {
  return (
    <section aria-label="Training run" data-testid="run-dock" className="flex h-full flex-col gap-1.5 bg-slate-50/80 px-3 pt-2 pb-2.5">
      <div className="flex items-center gap-3">
        <RunControls />
        <RunStatusPill testId="run-status" />
        <RunProgress />
        <MetricTiles />
        <InsideButton />
      </div>
      <RunStats />
      <RunInfo />
      <LiveCharts />
    </section>
  );
}
